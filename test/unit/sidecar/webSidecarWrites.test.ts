// Sidecar saves where the file system has no create-if-absent (vscode.workspace.fs, all a web extension has): the
// lock file is written with a token and read back (readBackExclusive), the tags file is written to a temp name and
// renamed over. Windows saving at once on such a file system, with every call taking a few random milliseconds as
// a remote file system does, keep every tag; a malformed tags file is never overwritten; a browser's lock (no pid)
// is waited for, not broken as a dead process's.

import { strict as assert } from 'node:assert';
import { hostname } from 'node:os';
import type { FileStat, IFileSystem } from '../../../src/core/platform/fs/fileSystem';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { readBackExclusive } from '../../../src/core/platform/fs/readBackExclusive';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { SidecarStore, SidecarStoreError } from '../../../src/core/tags/sidecar/sidecarStore';
import { addTag } from '../../../src/core/tags/tagOperations';
import { anchorFor, REPORT_TEXT } from './helpers';

const REPORT = '/ws/northmoor.txt';
const SIDECAR = `${REPORT}.tags.json`;
const LOCK = '/ws/.northmoor.txt.tags.json.lock';
const PHRASES = ['visit children regularly', 'plans drift after review', 'Leaders have recently', 'know them well', 'quality assurance', 'wait too long'];

const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));

/** A workspace.fs-like file system: no createExclusive of its own, every call a few random milliseconds late. */
class SlowRemoteFileSystem implements IFileSystem {
  constructor(readonly inner: MemoryFileSystem, withLock: boolean) {
    if (withLock) this.createExclusive = readBackExclusive(this, 10);
  }
  createExclusive?: (path: string, text: string) => Promise<boolean>;
  async readFile(path: string): Promise<string> { await jitter(); return this.inner.readFile(path); }
  async readBytes(path: string, max: number): Promise<Uint8Array> { await jitter(); return this.inner.readBytes(path, max); }
  async writeFile(path: string, text: string): Promise<void> { await jitter(); return this.inner.writeFile(path, text); }
  async rename(from: string, to: string): Promise<void> { await jitter(); return this.inner.rename(from, to); }
  async delete(path: string): Promise<void> { await jitter(); return this.inner.delete(path); }
  async stat(path: string): Promise<FileStat | undefined> { await jitter(); return this.inner.stat(path); }
  async realpath(path: string): Promise<string> { return this.inner.realpath(path); }
  async readDirectory(path: string): Promise<string[]> { return this.inner.readDirectory(path); }
}

function tagPhrase(store: SidecarStore, phrase: string) {
  return store.save(REPORT, (s) => addTag(s, { anchor: anchorFor(REPORT_TEXT, phrase), themes: [{ id: 'permanence', label: 'Permanence' }] }).sidecar);
}

/** Windows (one store each) that all tag a different phrase at the same moment; the quotes in the file after. */
async function windowsTagAtOnce(fs: SlowRemoteFileSystem, windows: number): Promise<string[]> {
  const stores = PHRASES.slice(0, windows).map(() => new SidecarStore(fs, { allowedRoots: ['/ws'], lockTimeoutMs: 20_000 }));
  await Promise.all(stores.map((store, i) => tagPhrase(store, PHRASES[i]!)));
  const parsed = parseSidecar(fs.inner.get(SIDECAR)!, 'northmoor.txt.tags.json');
  assert.ok(parsed.ok, 'the tags file is valid');
  return parsed.sidecar.tags.map((t) => t.anchor.quote.exact).sort();
}

describe('sidecar writes without create-if-absent (the web extension host)', () => {
  it('of several writers looking for the lock at once, exactly one holds it, and the file is its', async () => {
    for (let round = 0; round < 20; round++) {
      const inner = new MemoryFileSystem();
      const fs = new SlowRemoteFileSystem(inner, true);
      const texts = ['a', 'b', 'c', 'd'].map((who) => `{"token":"${who}-${round}"}\n`);
      const won = await Promise.all(texts.map((text) => fs.createExclusive!(LOCK, text)));
      assert.equal(won.filter(Boolean).length, 1, `round ${round}: ${won.join(' ')}`);
      assert.equal(inner.get(LOCK), texts[won.indexOf(true)]);
    }
  });

  it('an existing lock is never taken over', async () => {
    const inner = new MemoryFileSystem({ [LOCK]: '{"token":"theirs"}\n' });
    assert.equal(await new SlowRemoteFileSystem(inner, true).createExclusive!(LOCK, '{"token":"mine"}\n'), false);
    assert.equal(inner.get(LOCK), '{"token":"theirs"}\n');
  });

  it('windows saving a tag each at the same moment keep every tag, and leave no lock or temp file', async function () {
    this.timeout(60_000);
    for (let round = 0; round < 8; round++) {
      const fs = new SlowRemoteFileSystem(new MemoryFileSystem({ [REPORT]: REPORT_TEXT }), true);
      assert.deepEqual(await windowsTagAtOnce(fs, 4), PHRASES.slice(0, 4).sort(), `round ${round}`);
      assert.deepEqual(await fs.inner.readDirectory('/ws'), ['northmoor.txt', 'northmoor.txt.tags.json']);
    }
  });

  it('two quick saves of one window keep both tags', async () => {
    const fs = new SlowRemoteFileSystem(new MemoryFileSystem({ [REPORT]: REPORT_TEXT }), true);
    const store = new SidecarStore(fs, { allowedRoots: ['/ws'] });
    await Promise.all([tagPhrase(store, PHRASES[0]!), tagPhrase(store, PHRASES[1]!)]);
    const parsed = parseSidecar(fs.inner.get(SIDECAR)!, 'northmoor.txt.tags.json');
    assert.ok(parsed.ok);
    assert.equal(parsed.sidecar.tags.length, 2);
  });

  it('a malformed tags file is not overwritten: the save is refused with a message naming it, and no lock is left', async () => {
    const broken = '{ "version": 1, "tags": [ { "id": "a", ';
    const fs = new SlowRemoteFileSystem(new MemoryFileSystem({ [REPORT]: REPORT_TEXT, [SIDECAR]: broken }), true);
    const store = new SidecarStore(fs, { allowedRoots: ['/ws'] });
    await assert.rejects(tagPhrase(store, PHRASES[0]!), (error: unknown) => error instanceof SidecarStoreError && error.kind === 'invalid' && /northmoor\.txt\.tags\.json/.test(error.message));
    assert.equal(fs.inner.get(SIDECAR), broken);
    assert.deepEqual(await fs.inner.readDirectory('/ws'), ['northmoor.txt', 'northmoor.txt.tags.json']);
  });

  it("a fresh lock of a browser window (no process id) is waited for, not broken as a dead process's", async () => {
    const fs = new SlowRemoteFileSystem(new MemoryFileSystem({ [REPORT]: REPORT_TEXT }), true);
    fs.inner.set(LOCK, JSON.stringify({ pid: 0, host: hostname(), time: new Date().toISOString(), token: 'other-window' }) + '\n');
    setTimeout(() => void fs.inner.delete(LOCK), 400);
    const started = Date.now();
    assert.equal((await tagPhrase(new SidecarStore(fs, { allowedRoots: ['/ws'] }), PHRASES[0]!)).status, 'written');
    assert.ok(Date.now() - started >= 350, `it waited only ${Date.now() - started} ms`);
  });
});
