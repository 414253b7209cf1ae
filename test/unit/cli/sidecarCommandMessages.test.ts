// What tag, reanchor and merge-tags say when their arguments or a tags file stop them: the exit code of the
// command line's own contract (2 for a usage error, 3 for a missing folder), and words for the command at hand,
// not another command's or the editor's. The tags file is left byte for byte as it was.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../src/cli/runCli';

const SAMPLES = resolve(import.meta.dirname, '..', '..', '..', 'samples');
const W = 'westmere-ilacs-2025.txt';
const TAGS = `${W}.tags.json`;
const QUOTE = 'The timeliness of permanence planning for children in care';
const CONFLICTED = '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n';

async function run(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('tag, reanchor and merge-tags: exit codes and messages', function () {
  this.timeout(60000);
  let dir: string;
  const bytes = (name: string) => readFileSync(join(dir, name));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sidecar-msgs-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'other'));
    for (const name of [W, TAGS]) copyFileSync(join(SAMPLES, name), join(dir, 'a', name));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tag --root: a folder not holding the report is a usage error (2), a missing one not found (3), each named', async () => {
    const before = bytes(`a/${TAGS}`);
    const elsewhere = await run(dir, 'tag', `a/${W}`, '--theme', 'x', '--quote', QUOTE, '--root', 'other');
    assert.equal(elsewhere.code, 2);
    assert.equal(elsewhere.stderr, `report: tag: a/${W} is not inside the --root folder other; give the workspace folder that holds it, or leave --root out\n`);
    const missing = await run(dir, 'tag', `a/${W}`, '--theme', 'x', '--quote', QUOTE, '--root', 'nowhere');
    assert.equal(missing.code, 3);
    assert.equal(missing.stderr, 'report: tag: --root nowhere: no such folder\n');
    const reanchor = await run(dir, 'reanchor', `a/${W}`, '--root', 'nowhere');
    assert.equal(reanchor.code, 3);
    assert.equal(reanchor.stderr, 'report: reanchor: --root nowhere: no such folder\n');
    assert.deepEqual(bytes(`a/${TAGS}`), before);
    // A --root holding the report still works.
    const tagged = await run(dir, 'tag', `a/${W}`, '--theme', 'x', '--quote', QUOTE, '--root', '.');
    assert.equal(tagged.code, 0, tagged.stderr);
  });

  it('tag --occurrence 0 is a usage error saying it counts from 1', async () => {
    const before = bytes(`a/${TAGS}`);
    const result = await run(dir, 'tag', `a/${W}`, '--theme', 'x', '--quote', 'children', '--occurrence', '0');
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'report: tag: --occurrence must be 1 or more (1 = the first occurrence of --quote)\n');
    assert.deepEqual(bytes(`a/${TAGS}`), before);
  });

  it('reanchor on a malformed or empty tags file says its tags were not re-anchored, not that the report was not tagged', async () => {
    for (const text of ['{bad', '']) {
      writeFileSync(join(dir, 'a', TAGS), text);
      const result = await run(dir, 'reanchor', `a/${W}`);
      assert.equal(result.code, 6);
      assert.match(result.stderr, /\(its tags were not re-anchored; nothing was changed\.\)\n$/);
      assert.doesNotMatch(result.stderr, /was not tagged/);
      assert.equal(readFileSync(join(dir, 'a', TAGS), 'utf8'), text);
    }
  });

  it('merge-tags on a conflicted tags file says how to resolve it on the command line, not the editor\'s repair', async () => {
    writeFileSync(join(dir, 'theirs.tags.json'), CONFLICTED);
    const other = await run(dir, 'merge-tags', `a/${W}`, 'theirs.tags.json');
    assert.equal(other.code, 6);
    assert.equal(
      other.stderr,
      'report: theirs.tags.json contains git merge conflict markers (<<<<<<< ======= >>>>>>>) at line 1: resolve the conflict first, editing out the markers by hand and keeping the tags of both sides (for a report\'s own tags file, the editor\'s automatic repair does this), then run the command again. (nothing was merged.)\n',
    );
    copyFileSync(join(dir, 'a', TAGS), join(dir, 'mine.tags.json'));
    writeFileSync(join(dir, 'a', TAGS), CONFLICTED);
    const own = await run(dir, 'merge-tags', `a/${W}`, 'mine.tags.json');
    assert.equal(own.code, 6);
    assert.match(own.stderr, /^report: westmere-ilacs-2025\.txt\.tags\.json contains git merge conflict markers .* at line 1: resolve the conflict first, .*\(nothing was merged\.\)\n$/);
    assert.doesNotMatch(own.stderr + other.stderr, /paused|accept the automatic repair|was not tagged/);
    assert.equal(readFileSync(join(dir, 'a', TAGS), 'utf8'), CONFLICTED);
  });

  it('merge-tags on a newer version\'s file names it once', async () => {
    const before = bytes(`a/${TAGS}`);
    writeFileSync(join(dir, 'newer.tags.json'), readFileSync(join(dir, 'a', TAGS), 'utf8').replace('"version": 1', '"version": 99'));
    const result = await run(dir, 'merge-tags', `a/${W}`, 'newer.tags.json');
    assert.equal(result.code, 6);
    assert.match(result.stderr, /^report: newer\.tags\.json was written by a newer version of the Inspection Report Annotator \(format version 99; .*\(nothing was merged\.\)\n$/);
    assert.deepEqual(bytes(`a/${TAGS}`), before);
  });
});
