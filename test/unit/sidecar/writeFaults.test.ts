// Writing a tags file that cannot be written: a read-only tags file is refused (never replaced, never chmod-ed);
// a permission error, a read-only file system, a full disk or a folder in the way becomes one clear message
// (SidecarStoreError with a fault kind the command line maps to an exit code), and nothing is changed or left.

import { strict as assert } from 'node:assert';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { SidecarStore, SidecarStoreError } from '../../../src/core/tags/sidecar/sidecarStore';
import { ReportTagSession } from '../../../src/core/tags/reportTagSession';
import { addTag } from '../../../src/core/tags/tagOperations';
import { runCliProcess } from '../hostile/cliProcess';
import { FaultyFileSystem, type FaultyOperation } from './faultyFileSystem';
import { anchorFor, conflicted, makeSidecar, makeTag, REPORT_TEXT } from './helpers';

const ROOT = '/ws';
const REPORT = '/ws/northmoor.txt';
const SIDECAR = `${REPORT}.tags.json`;
const ORIGINAL = serialiseSidecar(makeSidecar([makeTag('a', 'plans drift')]));

const addOne = (s: ReturnType<typeof makeSidecar>) => addTag(s, { anchor: anchorFor(REPORT_TEXT, 'visit children regularly'), themes: [{ id: 'x', label: 'X' }] }).sidecar;

function setUp() {
  const fs = new FaultyFileSystem({ [REPORT]: REPORT_TEXT, [SIDECAR]: ORIGINAL });
  return { fs, store: new SidecarStore(fs, { allowedRoots: [ROOT] }) };
}

async function refusal(save: Promise<unknown>): Promise<SidecarStoreError> {
  try {
    await save;
  } catch (error) {
    assert.ok(error instanceof SidecarStoreError, `a SidecarStoreError, not ${String(error)}`);
    return error;
  }
  assert.fail('the save should have been refused');
}

const CASES: Array<{ op: FaultyOperation; code: string; fault: string; says: RegExp }> = [
  { op: 'writeFile', code: 'EACCES', fault: 'no-permission', says: /permission denied in the folder \/ws/ },
  { op: 'writeFile', code: 'EPERM', fault: 'no-permission', says: /permission denied in the folder \/ws/ },
  { op: 'writeFile', code: 'EROFS', fault: 'read-only', says: /read-only file system/ },
  { op: 'writeFile', code: 'ENOSPC', fault: 'no-space', says: /the disk \(or your quota\) is full/ },
  { op: 'writeFile', code: 'EISDIR', fault: 'is-directory', says: /a folder is in the way/ },
  { op: 'rename', code: 'EACCES', fault: 'no-permission', says: /permission denied/ },
  { op: 'rename', code: 'EROFS', fault: 'read-only', says: /read-only file system/ },
  { op: 'rename', code: 'ENOSPC', fault: 'no-space', says: /full/ },
  { op: 'rename', code: 'EISDIR', fault: 'is-directory', says: /a folder is in the way/ },
  { op: 'createExclusive', code: 'EACCES', fault: 'no-permission', says: /permission denied/ },
  { op: 'createExclusive', code: 'EROFS', fault: 'read-only', says: /read-only file system/ },
];

describe('sidecar store: write faults', () => {
  for (const { op, code, fault, says } of CASES) {
    it(`${code} on ${op}: one clear line, fault '${fault}', the tags file unchanged, nothing left behind`, async () => {
      const { fs, store } = setUp();
      fs.faults.set(op, code);
      const error = await refusal(store.save(REPORT, addOne));
      assert.equal(error.kind, 'write-failed');
      assert.equal(error.fault, fault);
      assert.match(error.message, /^Could not save tags to northmoor\.txt\.tags\.json: /);
      assert.match(error.message, says);
      assert.match(error.message, /was left as it was; nothing was saved\.$/);
      assert.doesNotMatch(error.message, /\n|internal error|at .*\.ts/);
      assert.equal(fs.get(SIDECAR), ORIGINAL);
      assert.deepEqual(await fs.readDirectory(ROOT), ['northmoor.txt', 'northmoor.txt.tags.json'], 'no temp or lock file left');
      // The fault gone, the same store saves.
      fs.faults.clear();
      assert.equal((await store.save(REPORT, addOne)).status, 'written');
    });
  }

  it('a read-only tags file is refused with a message, never replaced (memory file system)', async () => {
    const { fs, store } = setUp();
    fs.readOnlyPaths.add(SIDECAR);
    const error = await refusal(store.save(REPORT, addOne));
    assert.equal(error.kind, 'not-writable');
    assert.equal(error.fault, 'read-only');
    assert.equal(error.message, 'northmoor.txt.tags.json is read-only, so it was left as it is and nothing was saved. Make it writable (for example chmod u+w "northmoor.txt.tags.json") to tag this report.');
    assert.equal(fs.get(SIDECAR), ORIGINAL);
    assert.deepEqual(await fs.readDirectory(ROOT), ['northmoor.txt', 'northmoor.txt.tags.json']);
  });

  it('a read-only tags file is not moved when its report is renamed, nor replaced by a repair', async () => {
    const { fs, store } = setUp();
    fs.readOnlyPaths.add(SIDECAR);
    fs.set('/ws/renamed.txt', REPORT_TEXT);
    const moved = await refusal(store.moveSidecar(REPORT, '/ws/renamed.txt'));
    assert.equal(moved.kind, 'not-writable');
    assert.equal(fs.get(SIDECAR), ORIGINAL);
    assert.equal(fs.get('/ws/renamed.txt.tags.json'), undefined);
    const conflictedText = conflicted(ORIGINAL, serialiseSidecar(makeSidecar([makeTag('b', 'know them well')])));
    fs.set(SIDECAR, conflictedText);
    const repaired = await refusal(store.acceptRepair(REPORT));
    assert.equal(repaired.kind, 'not-writable', repaired.message);
    assert.equal(fs.get(SIDECAR), conflictedText);
  });

  it('the editor session: the message reaches the caller, and the tags in memory stay as they were', async () => {
    const { fs, store } = setUp();
    const session = new ReportTagSession(store, REPORT);
    await session.open(() => REPORT_TEXT);
    fs.readOnlyPaths.add(SIDECAR);
    const anchor = anchorFor(REPORT_TEXT, 'know them well').position;
    await assert.rejects(session.addTag(() => REPORT_TEXT, anchor, [{ id: 'x', label: 'X' }], undefined, () => undefined), (e: unknown) => e instanceof SidecarStoreError && /is read-only, so it was left as it is/.test(e.message));
    assert.deepEqual(session.tags.map((t) => t.id), ['a']);
    assert.equal(fs.get(SIDECAR), ORIGINAL);
  });

  describe('on the real disk (mode bits checked even for root)', function () {
    this.timeout(60_000);
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'sidecar-readonly-'));
      writeFileSync(join(dir, 'report.txt'), REPORT_TEXT);
      writeFileSync(join(dir, 'report.txt.tags.json'), ORIGINAL);
      chmodSync(join(dir, 'report.txt.tags.json'), 0o444);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('a 444 tags file: refused, byte for byte and mode 444 afterwards', async () => {
      const store = new SidecarStore(new NodeFileSystem(), { allowedRoots: [dir] });
      const error = await refusal(store.save(join(dir, 'report.txt'), addOne));
      assert.equal(error.kind, 'not-writable');
      assert.equal(readFileSync(join(dir, 'report.txt.tags.json'), 'utf8'), ORIGINAL);
      assert.equal(statSync(join(dir, 'report.txt.tags.json')).mode & 0o777, 0o444);
      assert.deepEqual(readdirSync(dir).sort(), ['report.txt', 'report.txt.tags.json']);
    });

    it('report tag on a 444 tags file: exit 9 with the message, file and mode unchanged', async () => {
      const result = await runCliProcess(dir, 'tag', 'report.txt', '--theme', 'x', '--quote', 'know them well');
      assert.equal(result.code, 9, result.stderr);
      assert.equal(result.stderr, 'report: report.txt.tags.json is read-only, so it was left as it is and nothing was saved. Make it writable (for example chmod u+w "report.txt.tags.json") to tag this report.\n');
      assert.equal(readFileSync(join(dir, 'report.txt.tags.json'), 'utf8'), ORIGINAL);
      assert.equal(statSync(join(dir, 'report.txt.tags.json')).mode & 0o777, 0o444);
    });
  });
});
