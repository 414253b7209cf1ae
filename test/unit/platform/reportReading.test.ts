// One way to read a report: the bytes of a report saved with a BOM, in UTF-16 or with stray Windows-1252 bytes
// become the same text wherever they are read, and the tags file records the hash of that text; and only
// regular files are read, never past a limit.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { readRegularFile } from '../../../src/core/platform/fs/regularFileRead';
import { readReport, readReportText } from '../../../src/core/platform/fs/reportReading';
import { createAnchor, textHash } from '../../../src/core/tags/anchoring/anchorCreation';
import { SidecarStore } from '../../../src/core/tags/sidecar/sidecarStore';
import { addTag } from '../../../src/core/tags/tagOperations';

const TEXT = 'Westmere children’s services\nOverall effectiveness: Good\nChildren who need help are seen promptly.\n';
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const SAVED_AS: Array<[string, Uint8Array, string]> = [
  ['UTF-8', utf8(TEXT), TEXT],
  ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(TEXT)]), TEXT],
  ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), TEXT],
  ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]), TEXT],
  // The apostrophe as the single Windows-1252 byte 0x92, as old Windows exports write it.
  ['Windows-1252', Buffer.from(TEXT.replace('’', '\u0000'), 'latin1').map((b) => (b === 0 ? 0x92 : b)), TEXT],
];

describe('one way to read a report', () => {
  for (const [name, bytes, expected] of SAVED_AS) {
    it(`a report saved as ${name}: the same text, and a new tags file records the hash of that text`, async () => {
      const fs = new MemoryFileSystem();
      fs.setBytes('/w/r.txt', bytes);
      const read = await readReport(fs, '/w/r.txt');
      assert.ok(read.ok);
      assert.equal(read.text, expected);
      assert.equal(read.warning !== undefined, name === 'Windows-1252');
      assert.equal(await readReportText(fs, '/w/r.txt'), expected);

      // What the command line compares before tagging again: the stored hash against the hash of the decoded text.
      const store = new SidecarStore(fs, { allowedRoots: ['/w'] });
      const start = expected.indexOf('seen promptly');
      const saved = await store.save('/w/r.txt', (s) => addTag(s, { anchor: createAnchor(expected, start, start + 13), themes: [{ id: 'help', label: 'Help' }] }).sidecar);
      assert.equal(saved.sidecar.report.textHash, textHash(expected));
    });
  }

  it('refuses binary content and names the file', async () => {
    const fs = new MemoryFileSystem();
    fs.setBytes('/w/image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
    const read = await readReport(fs, '/w/image.txt');
    assert.deepEqual(read, { ok: false, kind: 'not-text', message: '/w/image.txt: is a binary file (it contains NUL bytes), not a text report' });
    await assert.rejects(readReportText(fs, '/w/image.txt'), { name: 'ReportReadError', code: 'ENOTTEXT', kind: 'not-text' });
  });

  it('a missing report rejects with ENOENT, so callers that skip missing files still can', async () => {
    await assert.rejects(readReportText(new MemoryFileSystem(), '/w/gone.txt'), { code: 'ENOENT', kind: 'not-found', message: '/w/gone.txt: no such file' });
  });

  it('refuses a special file without reading it (in-memory stand-in for a FIFO)', async () => {
    const fs = new MemoryFileSystem();
    fs.setSpecial('/w/pipe.txt', 'a FIFO (named pipe)');
    assert.deepEqual(await fs.stat('/w/pipe.txt'), { kind: 'special', special: 'a FIFO (named pipe)', mtime: 0, size: 0 });
    const read = await readReport(fs, '/w/pipe.txt');
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.message : '', /^\/w\/pipe\.txt: is a FIFO \(named pipe\), not a regular file, so it was not opened; give a regular text file$/);
  });
});

describe('only regular files are read, never past the limit (local disk)', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'regular-read-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a FIFO is refused at once, not waited on', async function () {
    this.timeout(5000);
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(readRegularFile(fifo, 1024), { code: 'ENOTREGULAR', message: `${fifo}: is a FIFO (named pipe), not a regular file, so it was not opened` });
    await assert.rejects(new NodeFileSystem().readFile(fifo), { code: 'ENOTREGULAR' });
    assert.deepEqual((await new NodeFileSystem().stat(fifo))?.kind, 'special');
  });

  it('/dev/zero is refused as a device, not read', async () => {
    if (!existsSync('/dev/zero')) return;
    await assert.rejects(readRegularFile('/dev/zero', 1024), { code: 'ENOTREGULAR', message: '/dev/zero: is a character device, not a regular file, so it was not opened' });
  });

  it('a folder is refused with EISDIR', async () => {
    await assert.rejects(readRegularFile(dir, 1024), { code: 'EISDIR' });
  });

  it('a file exactly at the limit is read; one byte over is refused before reading', async () => {
    const path = join(dir, 'ten.txt');
    writeFileSync(path, '0123456789');
    assert.equal(Buffer.from(await readRegularFile(path, 10)).toString(), '0123456789');
    await assert.rejects(readRegularFile(path, 9), { code: 'EFBIG', message: `${path}: is larger than 9 bytes, more than any report or tags file, so it was not read` });
  });

  it('reads a file of several megabytes whole, byte for byte, and an empty file as no bytes', async () => {
    const path = join(dir, 'long.txt');
    const bytes = Buffer.alloc(2_500_003);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 32 + ((i * 7) % 90);
    writeFileSync(path, bytes);
    assert.ok(Buffer.from(await readRegularFile(path, 3_000_000)).equals(bytes));
    await assert.rejects(readRegularFile(path, 2_500_002), { code: 'EFBIG' });
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    assert.equal((await readRegularFile(empty, 10)).length, 0);
  });

  it('the limit holds while reading: a file whose size says 0 but which has more (as /proc files do) stops at the limit', async () => {
    const proc = '/proc/self/status';
    if (!existsSync(proc)) return;
    await assert.rejects(readRegularFile(proc, 64), { code: 'EFBIG' });
    assert.ok((await readRegularFile(proc, 1024 * 1024)).length > 64);
  });
});
