// The tags of one open report, kept in memory while the user works: loaded (and re-anchored when the report
// changed since), shifted with every edit, written right after each tagging operation and, for shifts caused by
// text edits, when the report is saved. Bad sidecars pause tagging rather than being overwritten.
// Pure apart from the injected SidecarStore, so the editor adapter stays thin and this is unit-tested.

import { basename } from 'node:path';
import { textHash } from './anchoring/anchorCreation';
import { anchorWithRepeats } from './anchoring/anchorRepeats';
import { PassageFinder } from './anchoring/candidateSearch';
import { shiftTags, type TextChange } from './anchoring/editShifting';
import { needsReanchoring, reanchorTags, type ReanchorResult } from './anchoring/reanchoring';
import type { Anchor, Sidecar, Tag, TagContext, TagTheme } from './sidecar/sidecarModel';
import { serialiseSidecar } from './sidecar/sidecarSerialiser';
import { SidecarStoreError, type SidecarStore } from './sidecar/sidecarStore';
import {
  addTag,
  editTag,
  emptySidecar,
  findTag,
  mergeSidecars,
  reattachTag,
  removeTag,
  TagOperationError,
  type OperationOptions,
  type TagEdit,
} from './tagOperations';

export type PauseReason = 'invalid' | 'conflict' | 'read-only' | 'report-missing' | 'sidecar-deleted';

export type SessionStatus =
  /** Not opened yet. */
  | { kind: 'loading' }
  /** No sidecar: the report has no tags yet. */
  | { kind: 'untagged' }
  | { kind: 'ready' }
  /** Tagging paused: the sidecar must not be written. Tags already known are still shown where possible. */
  | { kind: 'paused'; reason: PauseReason; message: string };

/** What happened when the sidecar was (re)read; the adapter turns it into one message. */
export interface LoadOutcome {
  status: SessionStatus;
  /** Set when the report text changed since the tags were anchored and some tag moved or was orphaned. */
  reanchored?: ReanchorResult['summary'];
  /** With `reanchored`: false when the text was the one tagged, and stored places that did not hold their words were the cause. */
  textChanged?: boolean;
  warnings: string[];
  /** False when the disk held what this session already knew (e.g. our own write coming back). */
  changed: boolean;
}

export class TaggingPausedError extends Error {
  constructor(
    message: string,
    readonly reason: PauseReason,
  ) {
    super(message);
    this.name = 'TaggingPausedError';
  }
}

export interface ReportTagSessionOptions {
  hashText?: (text: string) => string;
  /** Called for each operation: author and clock. */
  operationOptions?: () => OperationOptions;
}

/** The report text now: read at the moment it is needed, so edits made during a file read are not missed. */
export type TextSource = () => string;

export class ReportTagSession {
  private memory: Sidecar;
  /** The sidecar as last read from or written to disk (serialised), to recognise our own writes coming back. */
  private lastSynced: string | undefined;
  /** The last version known on disk: the base when merging a change made elsewhere. */
  private lastDisk: Sidecar | undefined;
  private currentStatus: SessionStatus = { kind: 'loading' };
  private queue: Promise<unknown> = Promise.resolve();
  /** The matching view of the text last tagged: tagging several passages of an unchanged report builds it once. */
  private finder: PassageFinder | undefined;
  private readonly hashText: (text: string) => string;

  constructor(
    private readonly store: SidecarStore,
    private path: string,
    private readonly options: ReportTagSessionOptions = {},
  ) {
    this.hashText = options.hashText ?? textHash;
    this.memory = emptySidecar(basename(path), '');
  }

  get reportPath(): string {
    return this.path;
  }

  get status(): SessionStatus {
    return this.currentStatus;
  }

  get tags(): readonly Tag[] {
    return this.memory.tags;
  }

  tag(id: string): Tag | undefined {
    return this.memory.tags.find((t) => t.id === id);
  }

  /** Reads the sidecar for the first time. */
  open(text: TextSource): Promise<LoadOutcome> {
    return this.enqueue(() => this.load(text, true));
  }

  /** The sidecar changed (or appeared, or went) on disk: another window, git, a hand edit. */
  reload(text: TextSource): Promise<LoadOutcome> {
    return this.enqueue(() => this.load(text, false));
  }

  /** Keeps the tags on their words through one edit of the document. Returns true if any tag changed. */
  applyChanges(changes: readonly TextChange[], newText: TextSource): boolean {
    if (changes.length === 0 || this.memory.tags.every((t) => t.orphaned === true)) return false;
    const before = this.memory.tags;
    const after = shiftTags(before, changes, newText());
    if (after.every((t, i) => t === before[i])) return false;
    this.memory = { ...this.memory, tags: after };
    return true;
  }

  /** After the report was saved: writes the shifted positions and the new text hash (nothing when untagged). */
  saveReport(text: TextSource): Promise<boolean> {
    return this.enqueue(async () => {
      if (this.currentStatus.kind === 'paused' || this.currentStatus.kind === 'untagged') return false;
      return this.write(text, (s) => s, false);
    });
  }

  addTag(text: TextSource, range: { start: number; end: number }, themes: TagTheme[], note: string | undefined, context: (start: number, end: number) => TagContext | undefined): Promise<Tag> {
    return this.enqueue(async () => {
      let created: Tag | undefined;
      await this.operate(text, (s, t) => {
        const anchor = trimmedAnchor(t, range.start, range.end, this.finderFor(t));
        const result = addTag(s, { anchor, themes, ...(note !== undefined ? { note } : {}), context: context(anchor.position.start, anchor.position.end) }, this.operationOptions());
        created = result.tag;
        return result.sidecar;
      });
      return created!;
    });
  }

  private finderFor(text: string): PassageFinder {
    if (this.finder?.text !== text) this.finder = new PassageFinder(text);
    return this.finder;
  }

  editTag(text: TextSource, id: string, edit: TagEdit): Promise<void> {
    return this.enqueue(() => this.operate(text, (s) => editTag(s, id, edit, this.operationOptions())));
  }

  removeTag(text: TextSource, id: string): Promise<void> {
    return this.enqueue(() => this.operate(text, (s) => removeTag(s, id)));
  }

  reattachTag(text: TextSource, id: string, range: { start: number; end: number }, context: (start: number, end: number) => TagContext | undefined): Promise<void> {
    return this.enqueue(() =>
      this.operate(text, (s, t) => {
        const anchor = trimmedAnchor(t, range.start, range.end, this.finderFor(t));
        return reattachTag(s, id, anchor, context(anchor.position.start, anchor.position.end), this.operationOptions());
      }),
    );
  }

  /** Puts back a tag just removed (Undo): same id, same anchor. */
  restoreTag(text: TextSource, tag: Tag): Promise<void> {
    return this.enqueue(() => this.operate(text, (s) => ({ ...s, tags: [...s.tags.filter((t) => t.id !== tag.id), tag] })));
  }

  /** Deletes a tag that is orphaned (refuses a tag that still has its passage: that is `removeTag`). */
  deleteOrphan(text: TextSource, id: string): Promise<void> {
    return this.enqueue(() =>
      this.operate(text, (s) => {
        if (findTag(s, id).orphaned !== true) throw new TagOperationError('This tag is not orphaned: its passage is still in the report. Use "Remove Tag" to remove it.');
        return removeTag(s, id);
      }),
    );
  }

  /** After the sidecar was deleted while the report was open: writes the tags this session still has. */
  recreate(text: TextSource): Promise<boolean> {
    return this.enqueue(() => this.write(text, (s) => s, true));
  }

  /** Writes the union of both sides of a sidecar with git conflict markers, then reloads it. */
  repair(text: TextSource): Promise<LoadOutcome> {
    return this.enqueue(async () => {
      await this.store.acceptRepair(this.path);
      this.lastSynced = undefined;
      return this.load(text, true);
    });
  }

  /** After the report was renamed in the editor: the sidecar follows it. Returns false if it had none. */
  moveTo(newReportPath: string): Promise<boolean> {
    return this.enqueue(async () => {
      const moved = await this.store.moveSidecar(this.path, newReportPath);
      this.path = newReportPath;
      this.memory = { ...this.memory, report: { ...this.memory.report, fileName: basename(newReportPath) } };
      this.lastSynced = undefined;
      return moved;
    });
  }

  forget(): void {
    this.store.forget(this.path);
  }

  // ---- internals ----

  private operationOptions(): OperationOptions {
    return this.options.operationOptions?.() ?? {};
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(text: TextSource, first: boolean): Promise<LoadOutcome> {
    const result = await this.store.load(this.path);
    const now = text();
    switch (result.status) {
      case 'absent':
        this.lastSynced = undefined;
        this.lastDisk = undefined;
        if (!first && this.memory.tags.length > 0 && this.currentStatus.kind !== 'untagged') {
          // Gone without our having loaded it here (another store's view): treat like a deletion.
          return this.pause('sidecar-deleted', `${basename(result.sidecarPath)} was deleted while the report was open.`, true);
        }
        this.memory = emptySidecar(basename(this.path), this.hashText(now));
        return this.settle({ kind: 'untagged' }, [], true);
      case 'invalid':
        return this.pause(result.error.kind === 'conflict' ? 'conflict' : 'invalid', `Tagging this report is paused: ${result.message}`, true);
      case 'report-missing':
        return this.pause('report-missing', result.message, true);
      case 'sidecar-deleted':
        this.lastSynced = undefined;
        return this.pause('sidecar-deleted', result.message, true);
      case 'loaded': {
        const serialised = serialiseSidecar(result.sidecar);
        if (!first && serialised === this.lastSynced && this.currentStatus.kind === 'ready') return { status: this.currentStatus, warnings: [], changed: false };
        const disk = result.sidecar;
        // A change made elsewhere merges with ours: tags only we moved (unsaved edits) keep our positions.
        const merged = first || !this.lastDisk ? disk : mergeSidecars(this.lastDisk, this.memory, disk);
        let reanchored: ReanchorResult['summary'] | undefined;
        let tags = merged.tags;
        const hash = this.hashText(now);
        const textChanged = disk.report.textHash !== hash;
        // A stored place that does not hold its quote (a hand-edited sidecar) is found again by its words too, never
        // shown on, or shifted with, other words.
        if (!first || needsReanchoring({ report: disk.report, tags: merged.tags }, now, hash)) {
          const result = reanchorTags(merged.tags, now);
          tags = result.tags;
          if (result.summary.moved + result.summary.orphaned > 0 || textChanged) reanchored = result.summary;
        }
        this.memory = { ...merged, tags };
        this.lastDisk = disk;
        this.lastSynced = serialised;
        if (result.readOnly) {
          return this.pause('read-only', `Tagging this report is paused: ${basename(result.sidecarPath)} was written by a newer version of the Inspection Report Annotator, so this version shows its tags but never writes it. Update the extension to tag this report.`, false, reanchored, result.warnings);
        }
        return this.settle({ kind: 'ready' }, result.warnings, true, reanchored, textChanged);
      }
    }
  }

  private settle(status: SessionStatus, warnings: string[], changed: boolean, reanchored?: ReanchorResult['summary'], textChanged = true): LoadOutcome {
    this.currentStatus = status;
    return { status, warnings, changed, ...(reanchored ? { reanchored, textChanged } : {}) };
  }

  private pause(reason: PauseReason, message: string, clearTags: boolean, reanchored?: ReanchorResult['summary'], warnings: string[] = []): LoadOutcome {
    // A sidecar we cannot read shows no tags (we do not know them); a deleted one keeps what we knew, to be saved again.
    if (clearTags && reason !== 'sidecar-deleted') this.memory = { ...this.memory, tags: [] };
    return this.settle({ kind: 'paused', reason, message }, warnings, true, reanchored);
  }

  /** A tagging operation: refused while paused (except re-creating a deleted sidecar, which the user asked for). */
  private async operate(text: TextSource, change: (sidecar: Sidecar, text: string) => Sidecar): Promise<void> {
    const status = this.currentStatus;
    if (status.kind === 'paused' && status.reason !== 'sidecar-deleted') throw new TaggingPausedError(status.message, status.reason);
    await this.write(text, change, status.kind === 'paused');
  }

  /**
   * Writes our in-memory sidecar, changed by `change`, through the store (which merges with whatever is on disk).
   * Edits made while the write was under way are kept: the result is merged back with them.
   */
  private async write(text: TextSource, change: (sidecar: Sidecar, text: string) => Sidecar, recreate: boolean): Promise<boolean> {
    const now = text();
    const before = this.memory;
    const ours = change(before, now);
    const hash = this.hashText(now);
    const fileName = basename(this.path);
    let saved;
    try {
      saved = await this.store.save(
        this.path,
        (base) => ({ ...base, report: { ...base.report, ...ours.report, fileName, textHash: hash }, tags: ours.tags, ...(ours.dismissedSuggestions ? { dismissedSuggestions: ours.dismissedSuggestions } : {}) }),
        recreate ? { recreate: true } : {},
      );
    } catch (error) {
      if (error instanceof SidecarStoreError) {
        const reason = pauseReasonFor(error);
        if (reason) {
          this.pause(reason, error.message, reason !== 'sidecar-deleted');
          throw new TaggingPausedError(error.message, reason);
        }
      }
      throw error;
    }
    // Typing during the write shifted tags in memory: keep those shifts on top of what was saved.
    this.memory = this.memory === before ? saved.sidecar : mergeSidecars(before, this.memory, saved.sidecar);
    if (saved.status === 'not-created') {
      this.currentStatus = { kind: 'untagged' };
      return false;
    }
    this.lastDisk = saved.sidecar;
    this.lastSynced = serialiseSidecar(saved.sidecar);
    this.currentStatus = { kind: 'ready' };
    return saved.status === 'written';
  }
}

function pauseReasonFor(error: SidecarStoreError): PauseReason | undefined {
  switch (error.kind) {
    case 'invalid':
      return error.sidecarError?.kind === 'conflict' ? 'conflict' : 'invalid';
    case 'read-only':
      return 'read-only';
    case 'report-missing':
      return 'report-missing';
    case 'sidecar-deleted':
      return 'sidecar-deleted';
    default:
      return undefined;
  }
}

/** Tags cover words: spaces and line breaks at the edges of a selection are left out. */
export function trimmedAnchor(text: string, start: number, end: number, finder?: PassageFinder): Anchor {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (s >= e) throw new TagOperationError('Select the words to tag first: the selection is empty or only spaces.');
  // With how often its words occur, so re-anchoring can refuse another copy of them (anchor.repeats).
  return anchorWithRepeats(text, s, e, finder);
}
