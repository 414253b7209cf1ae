// The lock file that makes separate processes save one tags file in turn (`.<name>.tags.json.lock`, beside it).
// Writers wait their turn: they retry with a randomised, growing pause until a deadline that grows with the
// file's size (a big file takes longer to save). The deadline counts from the last time the queue moved (the
// lock passed to another writer), so twenty writers queued on one file all get their turn. A lock left by a
// writer that crashed is broken: at once when it names a process of this machine that no longer runs, and in
// any case once it is older than any save of a file that size could take.

import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { IFileSystem } from '../../platform/fs/fileSystem';
import { SidecarStoreError, writeFaultError } from './sidecarStoreError';

export interface LockTiming {
  /** How long to wait for the lock while no one else gets it either before giving up (ms). */
  waitMs: number;
  /** A lock older than this is left over from a crash (ms). */
  staleMs: number;
}

const MB = 1024 * 1024;

/**
 * Generous on purpose: a save of a tags file costs about 50 ms per MB on a slow laptop (far more on a busy one),
 * and a waiter gives up only when one writer has held the lock that long: 30 s, plus 2 s per MB.
 */
export function lockTimingFor(sidecarBytes: number): LockTiming {
  const mb = sidecarBytes / MB;
  return { waitMs: 30_000 + 2_000 * mb, staleMs: 10_000 + 1_000 * mb };
}

interface LockOwner {
  pid?: number;
  host?: string;
}

export function lockPathFor(sidecarPath: string): string {
  return join(dirname(sidecarPath), `.${basename(sidecarPath)}.lock`);
}

/**
 * Takes the lock, waiting as long as `timing` allows. False when the file system cannot create files
 * exclusively (a virtual workspace): the read-merge-write then works without it.
 */
export async function acquireLock(fs: IFileSystem, sidecarPath: string, timing: LockTiming): Promise<boolean> {
  if (!fs.createExclusive) return false;
  const lockPath = lockPathFor(sidecarPath);
  let deadline = Date.now() + timing.waitMs;
  let holder: string | undefined;
  let pause = 10;
  for (;;) {
    let created: boolean;
    try {
      created = await fs.createExclusive(lockPath, lockText());
    } catch (error) {
      throw writeFaultError(error, sidecarPath, lockPath);
    }
    if (created) return true;
    const now = await breakIfStale(fs, lockPath, timing.staleMs);
    if (now === BROKEN) continue;
    if (now !== undefined && now !== holder) {
      // Another writer has the lock now: the queue moved, so the wait starts again.
      if (holder !== undefined) deadline = Date.now() + timing.waitMs;
      holder = now;
    }
    if (Date.now() > deadline) {
      const name = basename(sidecarPath);
      throw new SidecarStoreError(
        'busy',
        `${name} is being saved by another window or process (lock file ${basename(lockPath)}), and one writer held it for more than ${Math.round(timing.waitMs / 1000)} seconds; the change was not saved. Try again; if no one else is tagging this report, delete the lock file.`,
        sidecarPath,
      );
    }
    // Randomised so that waiters started together do not retry together; growing so that a long queue costs little.
    await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    pause = Math.min(pause * 1.5, 250);
  }
}

/**
 * Who holds the lock. The token tells two writers' locks apart where the lock is made by writing and reading back
 * (platform/fs/readBackExclusive.ts); the browser has no process id (its stand-in is 0), so none is recorded there.
 */
function lockText(): string {
  const pid = Number.isInteger(process.pid) && process.pid > 0 ? { pid: process.pid } : {};
  return JSON.stringify({ ...pid, host: hostname(), time: new Date().toISOString(), token: globalThis.crypto.randomUUID() }) + '\n';
}

export async function releaseLock(fs: IFileSystem, sidecarPath: string): Promise<void> {
  await fs.delete(lockPathFor(sidecarPath)).catch(() => undefined);
}

const BROKEN = Symbol('broken');

/**
 * Removes a lock left by a crashed writer: BROKEN when there was one (or the lock vanished meanwhile), else
 * the content of the live lock (undefined when it cannot be read), which tells whether the queue moved.
 */
async function breakIfStale(fs: IFileSystem, lockPath: string, staleMs: number): Promise<string | undefined | typeof BROKEN> {
  let content: string;
  let stat;
  try {
    stat = await fs.stat(lockPath);
    if (!stat) return BROKEN;
    content = await fs.readFile(lockPath);
  } catch {
    return undefined; // unreadable: leave it to the deadline rather than guess
  }
  const owner = parseOwner(content);
  const ownerGone = owner.pid !== undefined && owner.host === hostname() && !processRuns(owner.pid);
  if (!ownerGone && Date.now() - stat.mtime <= staleMs) return content;
  // Moved aside, not deleted: of two waiters breaking it at once, only one can move it. If what was moved is
  // not the lock judged stale (its owner finished and another took it meanwhile), it is put back.
  const aside = `${lockPath}.${globalThis.crypto.randomUUID().slice(0, 8)}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return BROKEN; // gone already: someone else broke or released it
  }
  const moved = await fs.readFile(aside).catch(() => undefined);
  if (moved !== content && moved !== undefined && fs.createExclusive) await fs.createExclusive(lockPath, moved).catch(() => false);
  await fs.delete(aside).catch(() => undefined);
  return BROKEN;
}

function parseOwner(content: string): LockOwner {
  try {
    const value: unknown = JSON.parse(content);
    if (typeof value === 'object' && value !== null) {
      const { pid, host } = value as { pid?: unknown; host?: unknown };
      // A pid of 0 or less names no process that could be checked (the browser's stand-in): judged by age.
      return { ...(typeof pid === 'number' && pid > 0 ? { pid } : {}), ...(typeof host === 'string' ? { host } : {}) };
    }
  } catch {
    // Older lock files hold only a pid (and their host is unknown): they go by age alone.
  }
  return {};
}

/** Whether a process of this machine runs (signal 0 tests without signalling; EPERM: it runs, as someone else). */
function processRuns(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
