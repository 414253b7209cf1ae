import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { sidecarPathFor, SidecarStore, SidecarStoreError } from '../../../src/core/tags/sidecar/sidecarStore';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { addTag, editTag, removeTag } from '../../../src/core/tags/tagOperations';
import type { Sidecar } from '../../../src/core/tags/sidecar/sidecarModel';
import { anchorFor, conflicted, makeSidecar, makeTag, REPORT_TEXT, sha256 } from './helpers';

const ROOT = '/ws';
const REPORT = '/ws/reports/northmoor.txt';
const SIDECAR = '/ws/reports/northmoor.txt.tags.json';

function add(exact: string, id: string) {
  return (s: Sidecar) => addTag(s, { id, anchor: anchorFor(REPORT_TEXT, exact), themes: [{ id: 'permanence', label: 'Permanence' }] }).sidecar;
}

function setup() {
  const fs = new MemoryFileSystem({ [REPORT]: REPORT_TEXT });
  const store = () => new SidecarStore(fs, { allowedRoots: [ROOT] });
  return { fs, store };
}

async function rejectsWith(promise: Promise<unknown>, kind: string, message: RegExp) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof SidecarStoreError, String(e));
    assert.equal(e.kind, kind);
    assert.match(e.message, message);
    return true;
  });
}

function tagIds(text: string | undefined): string[] {
  return (JSON.parse(text ?? '{"tags":[]}').tags as { id: string }[]).map((t) => t.id).sort();
}

describe('SidecarStore', () => {
  it('names the sidecar <report file name>.tags.json', () => {
    assert.equal(sidecarPathFor(REPORT), SIDECAR);
  });

  it('creates the sidecar on the first tag only, with the report hash and name', async () => {
    const { fs, store } = setup();
    const s = store();
    assert.deepEqual(await s.load(REPORT), { status: 'absent', sidecarPath: SIDECAR });
    const nothing = await s.save(REPORT, (x) => x);
    assert.equal(nothing.status, 'not-created');
    assert.equal(fs.get(SIDECAR), undefined);
    const written = await s.save(REPORT, add('plans drift', 't1'));
    assert.equal(written.status, 'written');
    const onDisk = JSON.parse(fs.get(SIDECAR)!);
    assert.equal(onDisk.report.fileName, 'northmoor.txt');
    assert.equal(onDisk.report.textHash, sha256(REPORT_TEXT));
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['t1']);
    const loaded = await store().load(REPORT);
    assert.equal(loaded.status, 'loaded');
  });

  it('two stores (two windows) saving in turn lose no tag', async () => {
    const { fs, store } = setup();
    const one = store();
    const two = store();
    await one.load(REPORT);
    await two.load(REPORT);
    await one.save(REPORT, add('visit children regularly', 'from-one'));
    await two.save(REPORT, add('plans drift', 'from-two'));
    await one.save(REPORT, add('Leaders have recently', 'from-one-again'));
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['from-one', 'from-one-again', 'from-two']);
  });

  it('a tag deleted in one window stays deleted when the other window saves', async () => {
    const { fs, store } = setup();
    fs.set(SIDECAR, serialiseSidecar(makeSidecar([makeTag('keep', 'visit children regularly'), makeTag('gone', 'plans drift')])));
    const one = store();
    const two = store();
    await one.load(REPORT);
    await two.load(REPORT);
    await one.save(REPORT, (s) => removeTag(s, 'gone'));
    await two.save(REPORT, (s) => editTag(s, 'keep', { note: 'seen by two' }));
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['keep']);
    assert.equal(JSON.parse(fs.get(SIDECAR)!).tags[0].note, 'seen by two');
  });

  it('re-merges when a writer that ignores the lock (git, an editor) changes the file between read and rename', async () => {
    const { fs, store } = setup();
    const one = store();
    await one.load(REPORT);
    await one.save(REPORT, add('visit children regularly', 'first'));
    let interfered = false;
    fs.beforeWrite = (path) => {
      if (interfered || !path.endsWith('.tmp')) return;
      interfered = true;
      const disk = JSON.parse(fs.get(SIDECAR)!) as Sidecar;
      fs.set(SIDECAR, serialiseSidecar(add('plans drift', 'sneaked-in')(disk)));
    };
    await one.save(REPORT, add('Leaders have recently', 'second'));
    assert.equal(interfered, true);
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['first', 'second', 'sneaked-in']);
  });

  it('waits for another process\'s lock, gives up with a clear message, and clears a stale lock', async () => {
    const { fs } = setup();
    const s = new SidecarStore(fs, { allowedRoots: [ROOT], lockTimeoutMs: 60 });
    fs.set('/ws/reports/.northmoor.txt.tags.json.lock', '999');
    await rejectsWith(s.save(REPORT, add('plans drift', 'a')), 'busy', /is being saved by another window or process \(lock file \.northmoor\.txt\.tags\.json\.lock\)/);
    assert.equal(fs.get(SIDECAR), undefined);
    fs.files.get('/ws/reports/.northmoor.txt.tags.json.lock')!.mtime = Date.now() - 60_000;
    await s.save(REPORT, add('plans drift', 'a'));
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['a']);
    assert.equal(fs.get('/ws/reports/.northmoor.txt.tags.json.lock'), undefined);
  });

  it('leaves no temp files behind', async () => {
    const { fs, store } = setup();
    const s = store();
    await s.save(REPORT, add('plans drift', 'a'));
    await s.save(REPORT, (x) => removeTag(x, 'a'));
    assert.deepEqual(await fs.readDirectory('/ws/reports'), ['northmoor.txt', 'northmoor.txt.tags.json']);
  });

  for (const [name, text, pattern] of [
    ['malformed JSON', '{ "format": "inspection-report-annotator/tags", "version": 1, ', /Tagging this report is paused: northmoor\.txt\.tags\.json is malformed, so it was not overwritten\. .*not valid JSON/],
    ['schema failure', JSON.stringify({ ...makeSidecar(), tags: 'none' }), /is malformed, so it was not overwritten\. .*tags must be a list, not the text "none"/],
    ['conflict markers', conflicted(serialiseSidecar(makeSidecar([makeTag('a', 'plans drift')])), serialiseSidecar(makeSidecar([makeTag('b', 'plans drift')]))), /has git conflict markers, so it was not overwritten/],
  ] as const) {
    it(`never overwrites a sidecar with ${name}, and says why`, async () => {
      const { fs, store } = setup();
      fs.set(SIDECAR, text);
      const s = store();
      const loaded = await s.load(REPORT);
      assert.equal(loaded.status, 'invalid');
      await rejectsWith(s.save(REPORT, add('plans drift', 'x')), 'invalid', pattern);
      assert.equal(fs.get(SIDECAR), text);
      assert.deepEqual(await fs.readDirectory('/ws/reports'), ['northmoor.txt', 'northmoor.txt.tags.json']);
    });
  }

  it('never writes a newer-version sidecar', async () => {
    const { fs, store } = setup();
    const text = JSON.stringify({ ...makeSidecar([makeTag('a', 'plans drift')]), version: 2 }, null, 2);
    fs.set(SIDECAR, text);
    const s = store();
    const loaded = await s.load(REPORT);
    assert.ok(loaded.status === 'loaded' && loaded.readOnly);
    await rejectsWith(s.save(REPORT, add('visit children regularly', 'x')), 'read-only', /written by a newer version .*\(format version 2\), so this version never writes it/);
    assert.equal(fs.get(SIDECAR), text);
  });

  it('accepting the repair of a conflicted sidecar writes the union', async () => {
    const { fs, store } = setup();
    fs.set(SIDECAR, conflicted(serialiseSidecar(makeSidecar([makeTag('a', 'plans drift')])), serialiseSidecar(makeSidecar([makeTag('b', 'visit children regularly')]))));
    const s = store();
    await s.acceptRepair(REPORT);
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['a', 'b']);
    await s.save(REPORT, add('Leaders have recently', 'c'));
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['a', 'b', 'c']);
  });

  it('report deleted while the sidecar remains: clear status, never recreated', async () => {
    const { fs, store } = setup();
    const s = store();
    await s.save(REPORT, add('plans drift', 'a'));
    await fs.delete(REPORT);
    const loaded = await s.load(REPORT);
    assert.equal(loaded.status, 'report-missing');
    assert.match((loaded as { message: string }).message, /northmoor\.txt\.tags\.json has tags for northmoor\.txt, which no longer exists/);
    await rejectsWith(s.save(REPORT, add('visit children regularly', 'b')), 'report-missing', /the report \/ws\/reports\/northmoor\.txt no longer exists/);
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['a']);
  });

  it('sidecar deleted while the report is open: status says so; saving does not silently recreate it', async () => {
    const { fs, store } = setup();
    const s = store();
    await s.save(REPORT, add('plans drift', 'a'));
    await fs.delete(SIDECAR);
    const loaded = await s.load(REPORT);
    assert.equal(loaded.status, 'sidecar-deleted');
    await rejectsWith(s.save(REPORT, add('visit children regularly', 'b')), 'sidecar-deleted', /was deleted while the report was open, so it was not silently recreated/);
    assert.equal(fs.get(SIDECAR), undefined);
    await s.save(REPORT, add('visit children regularly', 'b'), { recreate: true });
    assert.deepEqual(tagIds(fs.get(SIDECAR)), ['a', 'b']);
  });

  it('refuses to write outside the workspace folder (.. and symlinks)', async () => {
    const fs = new MemoryFileSystem({ [REPORT]: REPORT_TEXT, '/elsewhere/other.txt': REPORT_TEXT });
    const s = new SidecarStore(fs, { allowedRoots: [ROOT] });
    await rejectsWith(s.save('/ws/reports/../../elsewhere/other.txt', add('plans drift', 'a')), 'outside-root', /Refusing to write \/elsewhere\/other\.txt\.tags\.json: it is not inside a workspace folder/);
    fs.symlink('/elsewhere', '/ws/linked');
    await rejectsWith(s.save('/ws/linked/other.txt', add('plans drift', 'a')), 'outside-root', /\/ws\/linked leads to \/elsewhere, outside the workspace folder/);
    assert.equal(fs.get('/elsewhere/other.txt.tags.json'), undefined);
  });

  it('moves the sidecar with a renamed report, updating its report name', async () => {
    const { fs, store } = setup();
    const s = store();
    await s.save(REPORT, add('plans drift', 'a'));
    await fs.rename(REPORT, '/ws/reports/renamed.txt');
    assert.equal(await s.moveSidecar(REPORT, '/ws/reports/renamed.txt'), true);
    assert.equal(fs.get(SIDECAR), undefined);
    const moved = JSON.parse(fs.get('/ws/reports/renamed.txt.tags.json')!);
    assert.equal(moved.report.fileName, 'renamed.txt');
    assert.equal(await s.moveSidecar('/ws/reports/none.txt', '/ws/reports/none2.txt'), false);
  });

  it('moves a malformed sidecar byte for byte, and never onto an existing one', async () => {
    const { fs, store } = setup();
    fs.set(SIDECAR, '{ broken');
    const s = store();
    await s.moveSidecar(REPORT, '/ws/reports/renamed.txt');
    assert.equal(fs.get('/ws/reports/renamed.txt.tags.json'), '{ broken');
    fs.set(SIDECAR, '{ also broken');
    await rejectsWith(s.moveSidecar(REPORT, '/ws/reports/renamed.txt'), 'target-exists', /renamed\.txt\.tags\.json already exists/);
    assert.equal(fs.get(SIDECAR), '{ also broken');
  });
});

describe('SidecarStore on a real folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sidecar-store-'));
    mkdirSync(join(dir, 'ws'));
    writeFileSync(join(dir, 'ws', 'report.txt'), REPORT_TEXT);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('interleaved saves from two stores keep every tag and leave no temp file', async () => {
    const report = join(dir, 'ws', 'report.txt');
    const stores = [0, 1].map(() => new SidecarStore(new NodeFileSystem(), { allowedRoots: [join(dir, 'ws')] }));
    await Promise.all(stores.map((s) => s.load(report)));
    const phrases = ['visit children regularly', 'plans drift', 'Leaders have recently', 'know them well'];
    await Promise.all(phrases.map((p, i) => stores[i % 2]!.save(report, add(p, `t${i}`))));
    assert.deepEqual(tagIds(readFileSync(`${report}.tags.json`, 'utf8')), ['t0', 't1', 't2', 't3']);
    assert.deepEqual(readdirSync(join(dir, 'ws')).sort(), ['report.txt', 'report.txt.tags.json']);
  });

  it('refuses a sidecar path that is a symlink leading out of the workspace', async () => {
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'outside', 'target.json'), 'not ours');
    symlinkSync(join(dir, 'outside', 'target.json'), join(dir, 'ws', 'report.txt.tags.json'));
    const s = new SidecarStore(new NodeFileSystem(), { allowedRoots: [join(dir, 'ws')] });
    await rejectsWith(s.save(join(dir, 'ws', 'report.txt'), add('plans drift', 'a')), 'outside-root', /outside the workspace folder/);
    assert.equal(readFileSync(join(dir, 'outside', 'target.json'), 'utf8'), 'not ours');
    assert.equal(existsSync(join(dir, 'ws', 'report.txt.tags.json')), true);
  });
});
