// Loading and saving the sidecar beside a report, safely: every save re-reads the file and merges
// three ways (the version this store last saw, our change, what is on disk now), so two windows or
// processes tagging the same report lose no tag; writes are atomic (temp file in the same folder, then
// rename); a malformed, conflicted or newer-version file is never overwritten; nothing is written
// outside the workspace folder the report belongs to.

import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isNotFound, type IFileSystem } from '../../platform/fs/fileSystem';
import { textHash } from '../anchoring/anchorCreation';
import { repairConflict } from './conflictRepair';
import { SIDECAR_SUFFIX, type Sidecar } from './sidecarModel';
import { parseSidecar, type SidecarError } from './sidecarParser';
import { serialiseSidecar } from './sidecarSerialiser';
import { emptySidecar, mergeSidecars } from '../tagOperations';

export function sidecarPathFor(reportPath: string): string {
  return reportPath + SIDECAR_SUFFIX;
}

export type SidecarStoreErrorKind = 'outside-root' | 'report-missing' | 'invalid' | 'read-only' | 'sidecar-deleted' | 'target-exists' | 'busy';

export class SidecarStoreError extends Error {
  constructor(
    readonly kind: SidecarStoreErrorKind,
    message: string,
    readonly sidecarPath: string,
    readonly sidecarError?: SidecarError,
  ) {
    super(message);
    this.name = 'SidecarStoreError';
  }
}

export type LoadResult =
  /** No sidecar yet: the report has never been tagged. */
  | { status: 'absent'; sidecarPath: string }
  | { status: 'loaded'; sidecarPath: string; sidecar: Sidecar; readOnly: boolean; warnings: string[] }
  /** Malformed or conflicted: shown as an error, never overwritten; tagging is paused. */
  | { status: 'invalid'; sidecarPath: string; error: SidecarError; message: string }
  /** The sidecar is there but its report is not (deleted or renamed without it). */
  | { status: 'report-missing'; sidecarPath: string; message: string }
  /** This store had loaded tags from the sidecar and it has since been deleted. */
  | { status: 'sidecar-deleted'; sidecarPath: string; message: string; lastKnown: Sidecar };

export interface SaveOptions {
  /** After the sidecar was deleted under us: write it again from what this store last saw plus the change. */
  recreate?: boolean;
}

export interface SaveResult {
  /** 'not-created': the change left nothing to keep and there was no sidecar, so none was made. */
  status: 'written' | 'unchanged' | 'not-created';
  sidecarPath: string;
  sidecar: Sidecar;
}

export interface SidecarStoreOptions {
  /** Workspace folders. A sidecar is only written inside the one its report is in. */
  allowedRoots: string[];
  /** sha256 hex of a report's text, recorded in a new sidecar. */
  hashText?: (text: string) => string;
  /** How many times to re-merge when another writer changes the file during a save. */
  maxAttempts?: number;
  /** How long to wait for another writer's lock before giving up (ms). */
  lockTimeoutMs?: number;
}

/** A lock older than this is left over from a crashed writer and is removed. */
const STALE_LOCK_MS = 10_000;

export type Mutation = (sidecar: Sidecar) => Sidecar;

export class SidecarStore {
  /** Per sidecar path, the version last read or written here (null: seen absent): the base of 3-way merges. */
  private readonly seen = new Map<string, Sidecar | null>();
  private readonly hashText: (text: string) => string;
  /** Saves of one sidecar run one after another within this store. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly fs: IFileSystem,
    private readonly options: SidecarStoreOptions,
  ) {
    this.hashText = options.hashText ?? textHash;
  }

  async load(reportPath: string): Promise<LoadResult> {
    const sidecarPath = sidecarPathFor(reportPath);
    const name = basename(sidecarPath);
    const text = await this.readIfExists(sidecarPath);
    if (text === undefined) {
      const lastKnown = this.seen.get(sidecarPath);
      if (lastKnown) {
        return { status: 'sidecar-deleted', sidecarPath, lastKnown, message: `${name} was deleted while the report was open. Its ${lastKnown.tags.length} tag(s) are no longer saved; tag again to recreate it, or restore it from version control.` };
      }
      this.seen.set(sidecarPath, null);
      return { status: 'absent', sidecarPath };
    }
    if (!(await this.fs.stat(reportPath))) {
      return { status: 'report-missing', sidecarPath, message: `${name} has tags for ${basename(reportPath)}, which no longer exists. Restore or rename the report back, or move ${name} beside its renamed report.` };
    }
    const parsed = parseSidecar(text, name);
    if (!parsed.ok) return { status: 'invalid', sidecarPath, error: parsed.error, message: parsed.error.message };
    if (!parsed.readOnly) this.seen.set(sidecarPath, parsed.sidecar);
    // A copy, so that a caller changing what it got cannot change the base of the next merge.
    return { status: 'loaded', sidecarPath, sidecar: structuredClone(parsed.sidecar), readOnly: parsed.readOnly, warnings: parsed.warnings };
  }

  /**
   * Applies `mutate` to the version this store last saw (or the one on disk, or a new empty sidecar),
   * merges with what is on disk now, and writes the result atomically. Throws SidecarStoreError
   * when it must not write.
   */
  async save(reportPath: string, mutate: Mutation, options: SaveOptions = {}): Promise<SaveResult> {
    const sidecarPath = sidecarPathFor(reportPath);
    await this.assertInsideRoot(reportPath, sidecarPath);
    return this.withLock(sidecarPath, () => this.saveLocked(reportPath, sidecarPath, mutate, options));
  }

  private async saveLocked(reportPath: string, sidecarPath: string, mutate: Mutation, options: SaveOptions): Promise<SaveResult> {
    const name = basename(sidecarPath);
    const reportText = await this.readIfExists(reportPath);
    if (reportText === undefined) {
      throw new SidecarStoreError('report-missing', `Cannot save tags: the report ${reportPath} no longer exists, so ${name} was not written.`, sidecarPath);
    }
    const known = this.seen.get(sidecarPath);
    let ours: Sidecar | undefined;
    let base: Sidecar | undefined;
    const attempts = this.options.maxAttempts ?? 5;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const diskText = await this.readIfExists(sidecarPath);
      const disk = diskText === undefined ? undefined : this.parseWritable(diskText, sidecarPath);
      if (disk === undefined && known && !options.recreate) {
        throw new SidecarStoreError('sidecar-deleted', `${name} was deleted while the report was open, so it was not silently recreated. Tag again to recreate it, or restore it from version control.`, sidecarPath);
      }
      if (ours === undefined) {
        // The base is what this store last saw; a store that never looked takes the disk as first read.
        base = known === undefined ? disk : (known ?? undefined);
        ours = mutate(structuredClone(base ?? disk ?? emptySidecar(basename(reportPath), this.hashText(reportText))));
      }
      const merged = disk ? mergeSidecars(base, ours, disk) : ours;
      if (!disk && merged.tags.length === 0 && (merged.dismissedSuggestions ?? []).length === 0) {
        this.seen.set(sidecarPath, null);
        return { status: 'not-created', sidecarPath, sidecar: merged };
      }
      const text = serialiseSidecar(merged);
      if (text === diskText) {
        this.seen.set(sidecarPath, merged);
        return { status: 'unchanged', sidecarPath, sidecar: merged };
      }
      if (await this.writeAtomically(sidecarPath, text, diskText)) {
        this.seen.set(sidecarPath, merged);
        return { status: 'written', sidecarPath, sidecar: merged };
      }
      // Someone wrote between our read and our rename: merge again with their version.
    }
    throw new SidecarStoreError('busy', `${name} kept changing while saving (another window or process is writing it); the change was not saved. Try again.`, sidecarPath);
  }

  /** Accepts the automatic repair of a sidecar with git conflict markers and writes it. */
  async acceptRepair(reportPath: string): Promise<SaveResult> {
    const sidecarPath = sidecarPathFor(reportPath);
    const name = basename(sidecarPath);
    await this.assertInsideRoot(reportPath, sidecarPath);
    return this.withLock(sidecarPath, () => this.acceptRepairLocked(sidecarPath, name));
  }

  private async acceptRepairLocked(sidecarPath: string, name: string): Promise<SaveResult> {
    const text = await this.readIfExists(sidecarPath);
    if (text === undefined) throw new SidecarStoreError('invalid', `${name} does not exist; there is nothing to repair.`, sidecarPath);
    const repaired = repairConflict(text, name);
    if (!repaired.ok) throw new SidecarStoreError('invalid', repaired.message, sidecarPath);
    if (!(await this.writeAtomically(sidecarPath, serialiseSidecar(repaired.sidecar), text))) {
      throw new SidecarStoreError('busy', `${name} changed while it was being repaired; it was left as it is. Try again.`, sidecarPath);
    }
    this.seen.set(sidecarPath, repaired.sidecar);
    return { status: 'written', sidecarPath, sidecar: repaired.sidecar };
  }

  /**
   * After a report was renamed: moves its sidecar beside the new name. A sidecar this version can
   * write gets its report.fileName updated; any other (malformed, newer) is moved byte for byte.
   * Returns false when the old report had no sidecar.
   */
  async moveSidecar(oldReportPath: string, newReportPath: string): Promise<boolean> {
    const from = sidecarPathFor(oldReportPath);
    const to = sidecarPathFor(newReportPath);
    const text = await this.readIfExists(from);
    if (text === undefined) return false;
    await this.assertInsideRoot(oldReportPath, from);
    await this.assertInsideRoot(newReportPath, to);
    if (await this.fs.stat(to)) {
      throw new SidecarStoreError('target-exists', `Cannot move ${basename(from)}: ${basename(to)} already exists beside the renamed report; merge or remove one of them by hand.`, to);
    }
    const parsed = parseSidecar(text, basename(from));
    let out = text;
    let sidecar: Sidecar | undefined;
    if (parsed.ok && !parsed.readOnly) {
      sidecar = { ...parsed.sidecar, report: { ...parsed.sidecar.report, fileName: basename(newReportPath) } };
      out = serialiseSidecar(sidecar);
    }
    if (!(await this.writeAtomically(to, out, undefined))) {
      throw new SidecarStoreError('target-exists', `Cannot move ${basename(from)}: ${basename(to)} appeared while moving; both were left as they are.`, to);
    }
    await this.fs.delete(from);
    this.seen.delete(from);
    if (sidecar) this.seen.set(to, sidecar);
    return true;
  }

  /**
   * Runs `work` holding the sidecar's lock: a queue within this store, and a lock file beside the
   * sidecar (when the file system can create one exclusively) against other processes.
   */
  private async withLock<T>(sidecarPath: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(sidecarPath) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.queues.set(sidecarPath, tail);
    await previous;
    try {
      const lockPath = join(dirname(sidecarPath), `.${basename(sidecarPath)}.lock`);
      const locked = await this.acquireFileLock(lockPath, sidecarPath);
      try {
        return await work();
      } finally {
        if (locked) await this.fs.delete(lockPath).catch(() => undefined);
      }
    } finally {
      release();
      if (this.queues.get(sidecarPath) === tail) this.queues.delete(sidecarPath);
    }
  }

  private async acquireFileLock(lockPath: string, sidecarPath: string): Promise<boolean> {
    if (!this.fs.createExclusive) return false;
    const deadline = Date.now() + (this.options.lockTimeoutMs ?? 5000);
    for (;;) {
      if (await this.fs.createExclusive(lockPath, `${process.pid}\n`)) return true;
      const stat = await this.fs.stat(lockPath);
      if (stat && Date.now() - stat.mtime > STALE_LOCK_MS) {
        await this.fs.delete(lockPath);
        continue;
      }
      if (Date.now() > deadline) {
        throw new SidecarStoreError('busy', `${basename(sidecarPath)} is being saved by another window or process (lock file ${basename(lockPath)}); the change was not saved. Try again; if no one else is tagging this report, delete the lock file.`, sidecarPath);
      }
      await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 20));
    }
  }

  /** Forgets what this store saw of a report's sidecar (e.g. when its editor closes). */
  forget(reportPath: string): void {
    this.seen.delete(sidecarPathFor(reportPath));
  }

  private parseWritable(text: string, sidecarPath: string): Sidecar {
    const name = basename(sidecarPath);
    const parsed = parseSidecar(text, name);
    if (!parsed.ok) {
      const what = parsed.error.kind === 'conflict' ? 'has git conflict markers' : 'is malformed';
      throw new SidecarStoreError('invalid', `Tagging this report is paused: ${name} ${what}, so it was not overwritten. ${parsed.error.message}`, sidecarPath, parsed.error);
    }
    if (parsed.readOnly) {
      throw new SidecarStoreError('read-only', `Tagging this report is paused: ${name} was written by a newer version of the Inspection Report Annotator (format version ${parsed.sidecar.version}), so this version never writes it. Update the extension to tag this report.`, sidecarPath);
    }
    return parsed.sidecar;
  }

  /**
   * Writes `text` to a temp file beside `path`, checks the file still holds `expected` (undefined: still
   * absent), then renames over it. Returns false, leaving nothing behind, if the file changed meanwhile.
   */
  private async writeAtomically(path: string, text: string, expected: string | undefined): Promise<boolean> {
    const temp = join(dirname(path), `.${basename(path)}.${globalThis.crypto.randomUUID().slice(0, 8)}.tmp`);
    try {
      await this.fs.writeFile(temp, text);
      if ((await this.readIfExists(path)) !== expected) {
        await this.fs.delete(temp);
        return false;
      }
      await this.fs.rename(temp, path);
      return true;
    } catch (error) {
      await this.fs.delete(temp).catch(() => undefined);
      throw error;
    }
  }

  private async readIfExists(path: string): Promise<string | undefined> {
    try {
      return await this.fs.readFile(path);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Lexically and after resolving symlinks, the sidecar must sit inside the root holding the report. */
  private async assertInsideRoot(reportPath: string, sidecarPath: string): Promise<void> {
    const refuse = (why: string) =>
      new SidecarStoreError('outside-root', `Refusing to write ${resolve(sidecarPath)}: ${why}. Tags are only saved inside the workspace folder the report belongs to.`, sidecarPath);
    const target = resolve(sidecarPath);
    const root = this.options.allowedRoots.map((r) => resolve(r)).find((r) => isInside(r, resolve(reportPath)) && isInside(r, target));
    if (!root) throw refuse('it is not inside a workspace folder');
    let realRoot: string;
    try {
      realRoot = await this.fs.realpath(root);
    } catch {
      throw refuse(`the workspace folder ${root} cannot be found`);
    }
    // The folder the sidecar goes in, and the sidecar itself if it exists, may be symlinks leading out.
    for (const path of [dirname(target), target]) {
      let real: string;
      try {
        real = await this.fs.realpath(path);
      } catch (error) {
        if (isNotFound(error) && path === target) continue;
        throw refuse(`its folder ${dirname(target)} cannot be found`);
      }
      if (!isInside(realRoot, real)) throw refuse(`${path} leads to ${real}, outside the workspace folder`);
    }
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}
