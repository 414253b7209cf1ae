// Loading and saving the sidecar beside a report, safely: every save re-reads the file and merges
// three ways (the version this store last saw, our change, what is on disk now), so two windows or
// processes tagging the same report lose no tag; writes are atomic (temp file in the same folder, then
// rename); a malformed, conflicted or newer-version file is never overwritten; nothing is written
// outside the workspace folder the report belongs to.

import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isNotFound, type FileStat, type IFileSystem } from '../../platform/fs/fileSystem';
import { readReportText } from '../../platform/fs/reportReading';
import { textHash } from './textHash';
import { repairConflict } from './conflictRepair';
import { SIDECAR_SUFFIX, type Sidecar } from './sidecarModel';
import { parseSidecar, type SidecarError } from './sidecarParser';
import { serialiseSidecar } from './sidecarSerialiser';
import { emptySidecar } from './emptySidecar';
import { mergeSidecars } from './sidecarMerge';
import { acquireLock, lockTimingFor, releaseLock } from './sidecarLock';
import { brokenLinkError, readOnlySidecarError, SidecarStoreError, unfollowableLinkError, writeFaultError } from './sidecarStoreError';

export { SidecarStoreError, type SidecarStoreErrorKind } from './sidecarStoreError';

export function sidecarPathFor(reportPath: string): string {
  return reportPath + SIDECAR_SUFFIX;
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
  /** How long to wait for another writer's lock before giving up (ms); by default it grows with the file's size. */
  lockTimeoutMs?: number;
}

/** Above this size the check that no one wrote the file during a save compares size and time, not every byte. */
const STAT_CHECK_MIN_BYTES = 1024 * 1024;

/** The sidecar as last read from disk: its text, and its size and time then. */
interface DiskState {
  text: string | undefined;
  stat: FileStat | undefined;
}

export type Mutation = (sidecar: Sidecar) => Sidecar;

export class SidecarStore {
  /**
   * Per sidecar path, the text last read or written here (null: seen absent): the base of 3-way merges. Kept as
   * text, not as objects: no copy is needed to protect it from callers, and comparing it with the disk tells at
   * once whether anyone else wrote meanwhile (almost never, and then merging is needed at all).
   */
  private readonly seen = new Map<string, string | null>();
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
      const lastKnownText = this.seen.get(sidecarPath);
      if (lastKnownText) {
        const lastKnown = this.parseKnown(lastKnownText, sidecarPath);
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
    if (!parsed.readOnly) this.seen.set(sidecarPath, text);
    // The caller may change what it gets: the base of the next merge is kept as text.
    return { status: 'loaded', sidecarPath, sidecar: parsed.sidecar, readOnly: parsed.readOnly, warnings: parsed.warnings };
  }

  /**
   * Applies `mutate` to the version this store last saw (or the one on disk, or a new empty sidecar),
   * merges with what is on disk now, and writes the result atomically. Throws SidecarStoreError
   * when it must not write.
   */
  async save(reportPath: string, mutate: Mutation, options: SaveOptions = {}): Promise<SaveResult> {
    const sidecarPath = sidecarPathFor(reportPath);
    const target = await this.writeTargetOf(sidecarPath);
    await this.assertInsideRoot(reportPath, sidecarPath);
    // Locked by the file written, so that writers reaching it through different names still take turns.
    return this.withLock(target, (locked) => this.saveLocked(reportPath, sidecarPath, target, mutate, options, locked));
  }

  private async saveLocked(reportPath: string, sidecarPath: string, target: string, mutate: Mutation, options: SaveOptions, locked: boolean): Promise<SaveResult> {
    const name = basename(sidecarPath);
    // Decoded as every reader decodes a report (BOM, UTF-16, Windows-1252), so the hash a new sidecar records is
    // the hash the command line and aggregation compute of the same file.
    const reportText = await readReportText(this.fs, reportPath).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (reportText === undefined) {
      throw new SidecarStoreError('report-missing', `Cannot save tags: the report ${reportPath} no longer exists, so ${name} was not written.`, sidecarPath);
    }
    const known = this.seen.get(sidecarPath);
    let ours: Sidecar | undefined;
    /** The text `ours` was made from (undefined: none, a new file or a union): the base of the merge. */
    let baseText: string | undefined;
    const attempts = this.options.maxAttempts ?? 5;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const disk = await this.readDisk(sidecarPath);
      if (disk.text === undefined && known && !options.recreate) {
        throw new SidecarStoreError('sidecar-deleted', `${name} was deleted while the report was open, so it was not silently recreated. Tag again to recreate it, or restore it from version control.`, sidecarPath);
      }
      if (ours === undefined) {
        // The base is what this store last saw; a store that never looked takes the disk as first read.
        baseText = known === undefined ? disk.text : (known ?? undefined);
        ours = mutate(this.startingPoint(baseText, disk.text, sidecarPath, () => emptySidecar(basename(reportPath), this.hashText(reportText))));
      }
      const merged = this.mergeWithDisk(baseText, ours, disk.text, sidecarPath);
      if (disk.text === undefined && merged.tags.length === 0 && (merged.dismissedSuggestions ?? []).length === 0) {
        this.seen.set(sidecarPath, null);
        return { status: 'not-created', sidecarPath, sidecar: merged };
      }
      const text = serialiseSidecar(merged);
      if (text === disk.text) {
        this.seen.set(sidecarPath, text);
        return { status: 'unchanged', sidecarPath, sidecar: merged };
      }
      if (await this.writeAtomically(target, text, disk, locked)) {
        this.seen.set(sidecarPath, text);
        return { status: 'written', sidecarPath, sidecar: merged };
      }
      // Someone wrote between our read and our rename: merge again with their version.
    }
    throw new SidecarStoreError('busy', `${name} kept changing while saving (another window or process is writing it); the change was not saved. Try again.`, sidecarPath);
  }

  /** What the change is applied to: the base (parsed afresh, so the change may alter it), else the disk, else a new file. */
  private startingPoint(baseText: string | undefined, diskText: string | undefined, sidecarPath: string, empty: () => Sidecar): Sidecar {
    if (baseText !== undefined && baseText === diskText) return this.parseWritable(diskText, sidecarPath);
    if (baseText !== undefined) return this.parseKnown(baseText, sidecarPath);
    return diskText !== undefined ? this.parseWritable(diskText, sidecarPath) : empty();
  }

  /** Ours merged with the disk. When the disk still holds the base, every change is ours: nothing to merge. */
  private mergeWithDisk(baseText: string | undefined, ours: Sidecar, diskText: string | undefined, sidecarPath: string): Sidecar {
    if (diskText === undefined) return ours;
    if (baseText !== undefined && diskText === baseText) {
      // What mergeSidecars(base, ours, base) gives, without parsing and comparing every tag.
      if (ours.dismissedSuggestions?.length === 0) {
        const { dismissedSuggestions: _none, ...rest } = ours;
        return rest;
      }
      return ours;
    }
    const disk = this.parseWritable(diskText, sidecarPath);
    return mergeSidecars(baseText === undefined ? undefined : this.parseKnown(baseText, sidecarPath), ours, disk);
  }

  /** A text this store read or wrote itself, parsed again: it was valid then. */
  private parseKnown(text: string, sidecarPath: string): Sidecar {
    const parsed = parseSidecar(text, basename(sidecarPath));
    if (!parsed.ok) throw new Error(`${basename(sidecarPath)}: a version read earlier no longer parses: ${parsed.error.message}`);
    return parsed.sidecar;
  }

  /** Accepts the automatic repair of a sidecar with git conflict markers and writes it. */
  async acceptRepair(reportPath: string): Promise<SaveResult> {
    const sidecarPath = sidecarPathFor(reportPath);
    const name = basename(sidecarPath);
    const target = await this.writeTargetOf(sidecarPath);
    await this.assertInsideRoot(reportPath, sidecarPath);
    return this.withLock(target, (locked) => this.acceptRepairLocked(sidecarPath, target, name, locked));
  }

  private async acceptRepairLocked(sidecarPath: string, target: string, name: string, locked: boolean): Promise<SaveResult> {
    const disk = await this.readDisk(sidecarPath);
    const text = disk.text;
    if (text === undefined) throw new SidecarStoreError('invalid', `${name} does not exist; there is nothing to repair.`, sidecarPath);
    const repaired = repairConflict(text, name);
    if (!repaired.ok) throw new SidecarStoreError('invalid', repaired.message, sidecarPath);
    const out = serialiseSidecar(repaired.sidecar);
    if (!(await this.writeAtomically(target, out, disk, locked))) {
      throw new SidecarStoreError('busy', `${name} changed while it was being repaired; it was left as it is. Try again.`, sidecarPath);
    }
    this.seen.set(sidecarPath, out);
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
    // Rewritten beside the new name, a read-only file would come back writable: it is left for the user to move.
    if ((await this.fs.stat(from))?.readOnly) throw readOnlySidecarError(from);
    if (await this.fs.isSymbolicLink?.(from)) {
      await this.moveLink(from, to, text, out);
      this.seen.delete(from);
      if (sidecar) this.seen.set(to, out);
      return true;
    }
    if (!(await this.writeAtomically(to, out, { text: undefined, stat: undefined }, false))) {
      throw new SidecarStoreError('target-exists', `Cannot move ${basename(from)}: ${basename(to)} appeared while moving; both were left as they are.`, to);
    }
    await this.fs.delete(from);
    this.seen.delete(from);
    if (sidecar) this.seen.set(to, out);
    return true;
  }

  /**
   * A tags file that is a symbolic link moves as a link: its target gets the new report name (written through the
   * link, as every save is), and the link itself is renamed, so the file it leads to goes on being the one updated.
   * A link the move would break (a relative one taken to another folder) is put back, and the move refused.
   */
  private async moveLink(from: string, to: string, text: string, out: string): Promise<void> {
    const target = await this.writeTargetOf(from);
    await this.fs.rename(from, to);
    const lands = await this.fs.realpath(to).then((real) => real === target, () => false);
    if (!lands) {
      await this.fs.rename(to, from).catch(() => undefined);
      throw new SidecarStoreError('symbolic-link', `${basename(from)} is a symbolic link that would no longer lead to ${target} beside the renamed report, so it was left where it is; move the link by hand.`, from);
    }
    // Only now that the link is in place: a failed write leaves the old name inside, which the parser only warns of.
    if (out !== text && !(await this.writeAtomically(target, out, await this.readDisk(target), false))) {
      throw new SidecarStoreError('busy', `${basename(to)} changed while it was being moved; its report name inside was left as it was.`, to);
    }
  }

  /**
   * Runs `work` holding the sidecar's lock: a queue within this store, and a lock file beside the
   * sidecar (when the file system can create one exclusively) against other processes. `work` learns
   * whether the lock file is held.
   */
  private async withLock<T>(sidecarPath: string, work: (locked: boolean) => Promise<T>): Promise<T> {
    const previous = this.queues.get(sidecarPath) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.queues.set(sidecarPath, tail);
    await previous;
    try {
      const size = (await this.fs.stat(sidecarPath).catch(() => undefined))?.size ?? 0;
      const timing = lockTimingFor(size);
      const locked = await acquireLock(this.fs, sidecarPath, this.options.lockTimeoutMs !== undefined ? { ...timing, waitMs: this.options.lockTimeoutMs } : timing);
      try {
        return await work(locked);
      } finally {
        if (locked) await releaseLock(this.fs, sidecarPath);
      }
    } finally {
      release();
      if (this.queues.get(sidecarPath) === tail) this.queues.delete(sidecarPath);
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
   * The file a save replaces: the sidecar itself or, when it is a symbolic link, the file the link leads to. The temp
   * file and the rename then happen beside that file, so the link stays a link and its target gets the tags
   * (renamed over, the link would become a plain file and its target silently stop being updated).
   */
  private async writeTargetOf(sidecarPath: string): Promise<string> {
    if (!(await this.fs.isSymbolicLink?.(sidecarPath))) return sidecarPath;
    let target: string;
    try {
      target = await this.fs.realpath(sidecarPath);
    } catch (error) {
      throw brokenLinkError(sidecarPath, error) ?? error;
    }
    // A file system that cannot follow links (workspace.fs away from the local disk) gives the path back as it is.
    if (target === sidecarPath) throw unfollowableLinkError(sidecarPath);
    return target;
  }

  /**
   * Writes `text` to a temp file beside `path`, checks the file still holds what was read (`expected`; text
   * undefined: still absent), then renames over it. Returns false, leaving nothing behind, if the file changed
   * meanwhile. A read-only file is refused; a file fault becomes a SidecarStoreError naming the file.
   */
  private async writeAtomically(path: string, text: string, expected: DiskState, locked: boolean): Promise<boolean> {
    if (expected.stat?.readOnly) throw readOnlySidecarError(path);
    const temp = join(dirname(path), `.${basename(path)}.${globalThis.crypto.randomUUID().slice(0, 8)}.tmp`);
    try {
      await this.fs.writeFile(temp, text);
      if (!(await this.stillHolds(path, expected, locked))) {
        await this.fs.delete(temp);
        return false;
      }
      await this.fs.rename(temp, path);
      return true;
    } catch (error) {
      await this.fs.delete(temp).catch(() => undefined);
      throw writeFaultError(error, path, temp);
    }
  }

  /**
   * Whether the file still holds what was read. Under the lock file only a writer ignoring it could have
   * changed a file, and a large one is checked by size and time rather than read again (a third of a save).
   */
  private async stillHolds(path: string, expected: DiskState, locked: boolean): Promise<boolean> {
    if (locked && expected.stat && expected.text !== undefined && expected.stat.size >= STAT_CHECK_MIN_BYTES) {
      const now = await this.fs.stat(path);
      if (now && now.size === expected.stat.size && now.mtime === expected.stat.mtime) return true;
    }
    return (await this.readIfExists(path)) === expected.text;
  }

  /** The sidecar's text and, read just before it, its size and time. */
  private async readDisk(path: string): Promise<DiskState> {
    const stat = await this.fs.stat(path);
    const text = await this.readIfExists(path);
    return { text, stat: text === undefined ? undefined : stat };
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
