// The commands that write a file of the user's choosing (aggregate --out, render -o, import --out) never write over
// a tags file, a codebook or a file the same run reads: refused with exit code 2 and one line, the file unchanged.

import assert from 'node:assert/strict';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { sampleReportPdf } from '../import/sampleReportPdf';

const SAMPLES = resolve(import.meta.dirname, '..', '..', '..', 'samples');
const W = 'westmere-ilacs-2025.txt';
const TAGS = `${W}.tags.json`;
/** A tag of the sample's tags file, cited by the draft below. */
const TAG_ID = '7364dd07-66d4-4127-966d-617c536bcfcd';

async function run(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('output files that are never written over', function () {
  this.timeout(60000);
  let dir: string;
  /** The bytes of a file, to show it was left exactly as it was. */
  const bytes = (name: string) => readFileSync(join(dir, name));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'out-guard-'));
    mkdirSync(join(dir, 'a'));
    for (const name of [W, TAGS]) copyFileSync(join(SAMPLES, name), join(dir, 'a', name));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the command, expecting a usage error naming `out` and `what`, with `file` byte for byte as it was. */
  async function refused(file: string, out: string, what: RegExp, ...args: string[]): Promise<void> {
    const before = bytes(file);
    const result = await run(dir, ...args);
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stdout, '');
    // One line, before anything was collected or written.
    assert.match(result.stderr, new RegExp(`^report: ${args[0]}: --out ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is ${what.source}: nothing was written; choose another file\\n$`));
    assert.deepEqual(bytes(file), before);
  }

  describe('aggregate --out', () => {
    const aggregate = (...args: string[]) => ['aggregate', 'a', '--no-cache', ...args];

    it('refuses a tags file the run reads, before collecting anything', async () => {
      await refused(`a/${TAGS}`, `a/${TAGS}`, /a tags file/, ...aggregate('--format', 'json', '--out', `a/${TAGS}`));
    });

    it('refuses a report under the folders, by any path that leads there', async () => {
      const inside = /inside a, where aggregate reads every \.txt and \.md file as a report/;
      await refused(`a/${W}`, `a/${W}`, inside, ...aggregate('--format', 'csv', '--out', `a/${W}`));
      await refused(`a/${W}`, `a/../a/${W}`, inside, ...aggregate('--format', 'md', '--out', `a/../a/${W}`));
      symlinkSync(join(dir, 'a'), join(dir, 'link'));
      await refused(`a/${W}`, `link/${W}`, inside, ...aggregate('--format', 'csv', '--out', `link/${W}`));
      // A link elsewhere to the tags file is the tags file.
      symlinkSync(join(dir, 'a', TAGS), join(dir, 'evidence.csv'));
      await refused(`a/${TAGS}`, 'evidence.csv', /a tags file/, ...aggregate('--format', 'csv', '--out', 'evidence.csv'));
    });

    it('refuses a file of another kind that has a tags file beside it, and the codebook', async () => {
      writeFileSync(join(dir, 'a', 'notes.csv'), 'kept');
      copyFileSync(join(dir, 'a', TAGS), join(dir, 'a', 'notes.csv.tags.json'));
      await refused('a/notes.csv', 'a/notes.csv', /a report in a \(it has a tags file beside it\), which aggregate reads/, ...aggregate('--format', 'csv', '--out', 'a/notes.csv'));
      writeFileSync(join(dir, 'codes.qdc'), '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>');
      await refused('codes.qdc', 'codes.qdc', /the --codebook file/, 'aggregate', '--format', 'qdc', '--codebook', 'codes.qdc', '--out', 'codes.qdc');
      writeFileSync(join(dir, 'a', '.inspection-codebook.json'), '{}');
      await refused('a/.inspection-codebook.json', 'a/.inspection-codebook.json', /a codebook file/, ...aggregate('--format', 'qdc', '--out', 'a/.inspection-codebook.json'));
    });

    it('still writes an export outside the folders', async () => {
      const result = await run(dir, ...aggregate('--format', 'csv', '--out', 'evidence.csv'));
      assert.equal(result.code, 0, result.stderr);
      assert.match(readFileSync(join(dir, 'evidence.csv'), 'utf8'), /timeliness of permanence planning/);
    });
  });

  describe('render -o', () => {
    beforeEach(() => writeFileSync(join(dir, 'd.md'), `"The timeliness of permanence planning for children in care" ([W](a/${W}#tag=${TAG_ID})).\n`));

    it('refuses the cited report, its tags file and the draft, by any path', async () => {
      await refused(`a/${TAGS}`, `a/${TAGS}`, /a tags file/, 'render', 'd.md', '-o', `a/${TAGS}`);
      await refused(`a/${W}`, `a/${W}`, /a report the draft cites/, 'render', 'd.md', '-o', `a/${W}`);
      await refused(`a/${W}`, `./a/../a/${W}`, /a report the draft cites/, 'render', 'd.md', '--force', '--out', `./a/../a/${W}`);
      await refused('d.md', 'a/../d.md', /the draft itself/, 'render', 'd.md', '-o', 'a/../d.md');
    });

    it('still writes the rendered draft elsewhere', async () => {
      const result = await run(dir, 'render', 'd.md', '-o', 'out.md');
      assert.equal(result.code, 0, result.stderr);
      assert.match(readFileSync(join(dir, 'out.md'), 'utf8'), /\[\^1\]: /);
    });
  });

  describe('an output that is a hard link to a report or draft', () => {
    // Another name of the same file: no path comparison sees it, so the export replaces the name, not the file.
    it('aggregate and render write a new file under that name and leave the report and the draft as they were', async () => {
      mkdirSync(join(dir, 'o'));
      linkSync(join(dir, 'a', W), join(dir, 'o', 'out.json'));
      const report = bytes(`a/${W}`);
      const exported = await run(dir, 'aggregate', 'a', '--no-cache', '--format', 'json', '--out', 'o/out.json');
      assert.equal(exported.code, 0, exported.stderr);
      assert.deepEqual(bytes(`a/${W}`), report);
      assert.equal(JSON.parse(readFileSync(join(dir, 'o', 'out.json'), 'utf8')).format, 'inspection-report-annotator/evidence');

      writeFileSync(join(dir, 'draft.md'), `"The timeliness of permanence planning for children in care" ([W](a/${W}#tag=${TAG_ID})).\n`);
      linkSync(join(dir, 'a', W), join(dir, 'report-link.html'));
      linkSync(join(dir, 'draft.md'), join(dir, 'draft-link.md'));
      const draft = bytes('draft.md');
      for (const out of ['report-link.html', 'draft-link.md']) {
        const rendered = await run(dir, 'render', 'draft.md', '--html', '-o', out);
        assert.equal(rendered.code, 0, rendered.stderr);
        assert.match(readFileSync(join(dir, out), 'utf8'), /^<!DOCTYPE html>/);
      }
      assert.deepEqual(bytes(`a/${W}`), report);
      assert.deepEqual(bytes('draft.md'), draft);
    });
  });

  describe('import --out', () => {
    beforeEach(() => {
      writeFileSync(join(dir, 'r.pdf'), sampleReportPdf());
      for (const name of [W, TAGS]) copyFileSync(join(SAMPLES, name), join(dir, name));
    });

    it('refuses a tags file, a codebook and the PDF itself, even with --force', async () => {
      await refused(TAGS, TAGS, /a tags file/, 'import', 'r.pdf', '--out', TAGS, '--force');
      writeFileSync(join(dir, '.inspection-codebook.json'), '{"themes": []}');
      await refused('.inspection-codebook.json', '.inspection-codebook.json', /a codebook file/, 'import', 'r.pdf', '--out', '.inspection-codebook.json', '--force');
      await refused('r.pdf', './r.pdf', /the PDF being imported/, 'import', 'r.pdf', '--out', './r.pdf', '--force');
    });

    it('still replaces a report text with --force, keeping its tags file a tags file', async () => {
      const result = await run(dir, 'import', 'r.pdf', '--out', W, '--force');
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /tags re-anchored/);
      assert.equal(JSON.parse(readFileSync(join(dir, TAGS), 'utf8')).format, 'inspection-report-annotator/tags');
    });
  });
});
