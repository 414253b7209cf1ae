// Models of reports analysed by earlier evidence collections. The Evidence view collects again whenever a tags
// file changes or the user presses Refresh, and most reports are then unchanged: analysing them again is most
// of a collection's time. A model is reused only for exactly the same text at the same path (the text itself is
// kept and compared, so a different text never gets another text's model), and the cache is bounded.

import type { EvidenceReportModel } from './evidenceReportModel';

export interface ModelCacheOptions {
  /** Upper bound on the total length (UTF-16 code units) of the texts held; the least recently used go first. */
  maxTextLength?: number;
  /** Upper bound on the number of models held. */
  maxEntries?: number;
}

/** The file's modification time and size when it was read, and when that was (all in ms). */
export interface FileStamp {
  mtime: number;
  size: number;
  readAt: number;
}

interface Entry {
  text: string;
  markdown: boolean;
  model: EvidenceReportModel;
  stamp?: FileStamp;
}

/**
 * A file whose time is this close to when it was read may have changed again within the same tick of a
 * coarse clock (FAT keeps 2 s): its stamp proves nothing, and it is read again (git's "racily clean" rule).
 * The one value for every cache of evidence that trusts a file's stamp.
 */
export const RACY_MS = 2000;

/** A file read at least RACY_MS after it was last modified: its size and time will show any later change. */
export function isSettled(file: { mtime: number; readAt: number }): boolean {
  return file.mtime <= file.readAt - RACY_MS;
}

/** About 48 million characters of report text: well over a thousand inspection reports (856 take 31 million). */
export const DEFAULT_MAX_TEXT_LENGTH = 48 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES = 2000;

export class ReportModelCache {
  // A Map keeps insertion order: re-inserting on each use makes its first key the least recently used.
  private readonly entries = new Map<string, Entry>();
  private textLength = 0;
  private readonly maxTextLength: number;
  private readonly maxEntries: number;
  /** Counted by collectEvidence: reports answered from the cache, and reports analysed. */
  hits = 0;
  misses = 0;

  constructor(options: ModelCacheOptions = {}) {
    this.maxTextLength = Math.max(0, options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH);
    this.maxEntries = Math.max(0, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Total length of the texts held. */
  get heldTextLength(): number {
    return this.textLength;
  }

  /** The model held for exactly this text at this path, if any. */
  get(path: string, text: string, markdown = false, stamp?: FileStamp): EvidenceReportModel | undefined {
    const entry = this.entries.get(path);
    // Length first: a cheap refusal for most changed texts; then the full comparison, so equal lengths are safe.
    if (!entry || entry.markdown !== markdown || entry.text.length !== text.length || entry.text !== text) return undefined;
    // The same text read again: its newer stamp may let the next collection skip reading it.
    if (stamp) entry.stamp = stamp;
    this.entries.delete(path);
    this.entries.set(path, entry);
    // Hold the caller's copy from now on: the caller (the Evidence view) keeps it anyway, so the older copy can go.
    entry.text = text;
    return entry.model;
  }

  /**
   * The text and model held for this path when the file's time and size are still those it had when it was
   * read, so it need not be read again; undefined when they differ or the stamp cannot be trusted.
   */
  getUnchanged(path: string, stat: { mtime: number; size: number }, markdown = false): { text: string; model: EvidenceReportModel } | undefined {
    const entry = this.entries.get(path);
    const stamp = entry?.stamp;
    if (!entry || !stamp || entry.markdown !== markdown || stamp.mtime !== stat.mtime || stamp.size !== stat.size) return undefined;
    if (!(stamp.mtime < stamp.readAt - RACY_MS)) return undefined;
    this.entries.delete(path);
    this.entries.set(path, entry);
    return { text: entry.text, model: entry.model };
  }

  set(path: string, text: string, model: EvidenceReportModel, markdown = false, stamp?: FileStamp): void {
    this.delete(path);
    // A text larger than the whole bound would only evict everything else and then itself.
    if (text.length > this.maxTextLength || this.maxEntries === 0) return;
    this.entries.set(path, { text, markdown, model, ...(stamp ? { stamp } : {}) });
    this.textLength += text.length;
    for (const [oldest, entry] of this.entries) {
      if (this.textLength <= this.maxTextLength && this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
      this.textLength -= entry.text.length;
    }
  }

  delete(path: string): void {
    const entry = this.entries.get(path);
    if (!entry) return;
    this.entries.delete(path);
    this.textLength -= entry.text.length;
  }

  clear(): void {
    this.entries.clear();
    this.textLength = 0;
  }
}
