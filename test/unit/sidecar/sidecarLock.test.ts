// The lock file between processes: a lock left by a crashed writer never blocks for long (its process is gone, or
// it is old), a live writer's lock is waited for, and the wait has a deadline that grows with the file's size.

import { strict as assert } from 'node:assert';
import { hostname } from 'node:os';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { lockTimingFor } from '../../../src/core/tags/sidecar/sidecarLock';
import { SidecarStore, SidecarStoreError } from '../../../src/core/tags/sidecar/sidecarStore';
import { addTag } from '../../../src/core/tags/tagOperations';
import { anchorFor, makeSidecar, makeTag, REPORT_TEXT } from './helpers';

const REPORT = '/ws/northmoor.txt';
const SIDECAR = `${REPORT}.tags.json`;
const LOCK = '/ws/.northmoor.txt.tags.json.lock';
const ORIGINAL = serialiseSidecar(makeSidecar([makeTag('a', 'plans drift')]));
/** Far above any pid a test machine hands out, so no process has it. */
const DEAD_PID = 4_000_000 - 17;

const addOne = (s: ReturnType<typeof makeSidecar>) => addTag(s, { anchor: anchorFor(REPORT_TEXT, 'visit children regularly'), themes: [{ id: 'x', label: 'X' }] }).sidecar;

function setUp(lock: string, lockAgeMs = 0) {
  const fs = new MemoryFileSystem({ [REPORT]: REPORT_TEXT, [SIDECAR]: ORIGINAL });
  fs.files.set(LOCK, { text: lock, mtime: Date.now() - lockAgeMs });
  return fs;
}

const owner = (pid: number, host = hostname()) => JSON.stringify({ pid, host, time: new Date().toISOString() }) + '\n';

describe('sidecar lock file', () => {
  it('a lock of a process of this machine that no longer runs is broken at once', async () => {
    const fs = setUp(owner(DEAD_PID));
    const store = new SidecarStore(fs, { allowedRoots: ['/ws'], lockTimeoutMs: 60_000 });
    const started = Date.now();
    assert.equal((await store.save(REPORT, addOne)).status, 'written');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    assert.equal(fs.get(LOCK), undefined, 'no lock left');
    assert.deepEqual(await fs.readDirectory('/ws'), ['northmoor.txt', 'northmoor.txt.tags.json']);
  });

  it('an old lock is broken even when its owner cannot be checked (another machine, or an old lock format)', async () => {
    for (const lock of [owner(process.pid, 'another-machine'), `${DEAD_PID}\n`]) {
      const fs = setUp(lock, 60_000);
      const store = new SidecarStore(fs, { allowedRoots: ['/ws'], lockTimeoutMs: 60_000 });
      assert.equal((await store.save(REPORT, addOne)).status, 'written');
      assert.equal(fs.get(LOCK), undefined);
    }
  });

  it('a fresh lock of a running process is waited for, and the save goes ahead once it is released', async () => {
    const fs = setUp(owner(process.pid));
    const store = new SidecarStore(fs, { allowedRoots: ['/ws'] });
    setTimeout(() => void fs.delete(LOCK), 300);
    const started = Date.now();
    assert.equal((await store.save(REPORT, addOne)).status, 'written');
    assert.ok(Date.now() - started >= 250, 'it waited');
    assert.equal(fs.get(LOCK), undefined);
  });

  it('a lock held past the deadline: refused with a message naming the lock file, the tags file and the lock untouched', async () => {
    const lock = owner(process.pid);
    const fs = setUp(lock);
    const store = new SidecarStore(fs, { allowedRoots: ['/ws'], lockTimeoutMs: 300 });
    await assert.rejects(store.save(REPORT, addOne), (e: unknown) => e instanceof SidecarStoreError && e.kind === 'busy' && /being saved by another window or process \(lock file \.northmoor\.txt\.tags\.json\.lock\)/.test(e.message));
    assert.equal(fs.get(SIDECAR), ORIGINAL);
    assert.equal(fs.get(LOCK), lock, 'the other writer keeps its lock');
  });

  it('the wait and the age of a stale lock grow with the size of the tags file', () => {
    const small = lockTimingFor(10_000);
    const large = lockTimingFor(60 * 1024 * 1024);
    assert.ok(small.waitMs >= 30_000 && small.staleMs >= 10_000);
    assert.ok(large.waitMs > small.waitMs + 100_000, `waits ${large.waitMs} ms for a 60 MB file`);
    assert.ok(large.staleMs > small.staleMs + 50_000);
  });
});
