// The command line's `mkdir -p`: parents made, a folder already there accepted, a file in the way and a folder the
// system refuses (under /proc, where Node 20's own recursive mkdir never returns) reported as errors.

import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFolder } from '../../../src/cli/makeFolder';

describe('makeFolder (the command line\'s mkdir -p)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'make-folder-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a folder and its missing parents, and accepts one already there', async () => {
    const deep = join(dir, 'a', 'b', 'c');
    await makeFolder(deep);
    assert.ok(statSync(deep).isDirectory());
    await makeFolder(deep);
    await makeFolder(join(dir, 'a'));
    assert.ok(statSync(deep).isDirectory());
  });

  it('refuses a file in the way, as itself or as a parent', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    await assert.rejects(makeFolder(join(dir, 'file')), { code: 'EEXIST' });
    await assert.rejects(makeFolder(join(dir, 'file', 'below')), { code: 'ENOTDIR' });
  });

  it('reports a folder the system refuses instead of retrying it for ever', async function () {
    if (!existsSync('/proc/self')) this.skip();
    // Node 20's mkdir(..., { recursive: true }) never settles here; this must, with the system's refusal.
    await assert.rejects(makeFolder('/proc/inspection-report-annotator-test/cache'), (error: NodeJS.ErrnoException) => ['ENOENT', 'EACCES', 'EPERM', 'EROFS'].includes(error.code ?? ''));
  });
});
