// Models of reports kept on disk between runs, so a window that opens the Evidence view, or a `report aggregate`,
// analyses only the reports it has never seen. An entry is keyed by the SHA-256 of the report's decoded text (and
// whether it was read as Markdown) and records the engine version that made it: a model is reused only for exactly
// that text, by exactly this engine. Entries are data from disk, so each is checked (format, version, key, text
// length, model shape) and, if anything is off, ignored and later rewritten, never trusted. Writes go to a temp
// file in the same folder and are renamed into place, so two processes writing one entry leave one whole entry.
// Size is bounded by least-recently-used eviction, tracked in an index file that is advisory: when it is missing
// or unreadable it is rebuilt from the entries on disk.

import { createHash } from 'node:crypto';
import { ENGINE_VERSION } from '../recognition/engineVersion';
import { isNotFound, type IFileSystem } from '../platform/fs/fileSystem';
import { joinPath } from './evidenceFiles';
import { evidenceModelShapeProblem } from './modelShape';
import { evidenceModelOf, type EvidenceReportModel } from './evidenceReportModel';
import { ReportStamps, STAMPS_FILE_NAME } from './reportStamps';
import { EvidenceSnapshots, SNAPSHOT_FOLDER_NAME } from './evidenceSnapshots';

/**
 * Entries keep only what collecting evidence reads of a model (evidenceReportModel.ts); the name changed with that
 * ('inspection-report-analysis' held whole models), so an older entry is refused as foreign and written again.
 */
export const ANALYSIS_ENTRY_FORMAT = 'inspection-report-evidence-model';
const INDEX_FORMAT = 'inspection-report-analysis-index';
const INDEX_NAME = 'index.json';
/** 256 MB: the 856-report corpus takes 7 MB, so tens of thousands of reports fit. */
export const DEFAULT_ANALYSIS_CACHE_BYTES = 256 * 1024 * 1024;

export interface AnalysisCacheOptions {
  /** Upper bound on the entries' total size in bytes (UTF-8); the least recently used go first. */
  maxBytes?: number;
  /** The engine whose models are kept; ENGINE_VERSION unless a test pretends to be another engine. */
  engineVersion?: number;
  /** Milliseconds; Date.now unless a test sets the clock. */
  now?: () => number;
  /**
   * Creates a folder and its parents. For file systems whose writeFile does not (Node's); without it, an entry
   * whose folder is missing is simply not saved.
   */
  createFolder?: (path: string) => Promise<void>;
}

interface CacheEntry {
  format: typeof ANALYSIS_ENTRY_FORMAT;
  engine: number;
  key: string;
  markdown: boolean;
  textLength: number;
  model: EvidenceReportModel;
}

/** Size and last use (ms) of one entry, as the index records it. */
interface Usage {
  bytes: number;
  used: number;
}

export class AnalysisCache {
  /** Counted for the caller's summary: entries used, not found, refused as corrupt or foreign, saved, evicted. */
  readonly counts = { hits: 0, misses: 0, rejected: 0, written: 0, evicted: 0, writeFailures: 0 };
  /** Entries read or written by this cache since the last flush: merged into the index then. */
  private readonly touched = new Map<string, Usage>();
  private readonly pending = new Set<Promise<void>>();
  private readonly maxBytes: number;
  private readonly engine: number;
  private readonly now: () => number;
  private lastUsed = 0;
  private listing: Promise<Map<string, number> | undefined> | undefined;
  /** The index's keys with each entry's size in bytes. */
  private listed: Map<string, number> | undefined;
  /** Reports known unchanged by their file's size and time, with their text's key here (reportStamps.ts). */
  readonly stamps: ReportStamps;
  /**
   * Pairs of files known unchanged by their size and time, with the evidence they gave (evidenceSnapshots.ts),
   * bounded by the same number of bytes as the analyses, apart from them; none when the cache is off.
   */
  readonly snapshots: EvidenceSnapshots | undefined;

  constructor(
    private readonly fs: IFileSystem,
    readonly folder: string,
    private readonly options: AnalysisCacheOptions = {},
  ) {
    this.maxBytes = Math.max(0, options.maxBytes ?? DEFAULT_ANALYSIS_CACHE_BYTES);
    this.engine = options.engineVersion ?? ENGINE_VERSION;
    this.now = options.now ?? Date.now;
    this.stamps = new ReportStamps(fs, joinPath(folder, STAMPS_FILE_NAME), (path, text) => this.writeAtomically(path, text), { now: this.now, engineVersion: this.engine });
    if (this.maxBytes > 0) this.snapshots = new EvidenceSnapshots(fs, joinPath(folder, SNAPSHOT_FOLDER_NAME), (path, text) => this.writeAtomically(path, text), { engineVersion: this.engine, maxBytes: this.maxBytes });
  }

  /** The entry's name: SHA-256 of the text, marked when it was analysed as Markdown (a different model). */
  static keyOf(text: string, markdown: boolean): string {
    return createHash('sha256').update(text, 'utf8').digest('hex') + (markdown ? '-md' : '');
  }

  /** Sharded by the first two hex digits, so no folder holds more than a few hundred entries. */
  entryPath(key: string): string {
    return joinPath(joinPath(this.folder, key.slice(0, 2)), `${key}.json`);
  }

  /** What evidence reads of the model saved for exactly this text by this engine, or undefined (nothing saved, or not to be trusted). */
  async get(text: string, markdown: boolean): Promise<EvidenceReportModel | undefined> {
    return (await this.lookup(text, markdown)).model;
  }

  /** As get, also giving the text's key, so that saving the model after a miss need not hash the text again. */
  async lookup(text: string, markdown: boolean): Promise<{ key: string; model?: EvidenceReportModel }> {
    if (this.maxBytes === 0) return { key: '' };
    const key = AnalysisCache.keyOf(text, markdown);
    const found = await this.readEntry(key, markdown, text.length);
    if (found.model) return { key, model: found.model };
    this.counts.misses++;
    if (found.rejected) this.counts.rejected++;
    return { key };
  }

  /**
   * The model saved under a key already known (a report's stamp gives it without reading the text). A miss is not
   * counted: the caller then reads the text and looks it up again, which counts it once.
   */
  async lookupKey(key: string, markdown: boolean, textLength: number): Promise<{ model?: EvidenceReportModel }> {
    const { model } = await this.readEntry(key, markdown, textLength);
    return model ? { model } : {};
  }

  /** The entry's model when it is there and trusted (then counted as a hit and marked as used). */
  private async readEntry(key: string, markdown: boolean, textLength: number): Promise<{ model?: EvidenceReportModel; rejected?: boolean }> {
    if (this.maxBytes === 0) return {};
    // A key the index does not list is not looked for: on a cache being filled, failing to open each missing entry
    // cost more than the index's one read.
    const listed = await this.listedKeys();
    if (listed && !listed.has(key)) return {};
    let raw: string;
    try {
      raw = await this.fs.readFile(this.entryPath(key));
    } catch {
      // Missing (the usual miss) or unreadable: either way the report is analysed and the entry written again.
      return {};
    }
    const entry = this.trusted(raw, key, markdown, textLength);
    if (!entry) return { rejected: true };
    this.counts.hits++;
    // The size the index lists, when it lists one: counting a large entry's bytes again cost more than reading it.
    this.touch(key, listed?.get(key) ?? utf8Length(raw));
    return { model: entry.model };
  }

  /**
   * Saves the model in the background; flush() waits for it. A failed write only means a later miss.
   * `key`, when given, is the one lookup() gave for this text.
   */
  set(text: string, markdown: boolean, model: EvidenceReportModel, key = AnalysisCache.keyOf(text, markdown)): void {
    if (this.maxBytes === 0) return;
    const entry: CacheEntry = { format: ANALYSIS_ENTRY_FORMAT, engine: this.engine, key, markdown, textLength: text.length, model: evidenceModelOf(model) };
    const json = JSON.stringify(entry);
    const bytes = utf8Length(json);
    // An entry larger than the whole bound would only evict everything else and then itself.
    if (bytes > this.maxBytes) return;
    const write = this.writeAtomically(this.entryPath(key), json).then(
      () => {
        this.listed?.set(key, bytes);
        this.counts.written++;
        this.touch(key, bytes);
      },
      () => {
        this.counts.writeFailures++;
      },
    );
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  /**
   * Waits for the writes under way, then records what was used in the index and evicts the least recently used
   * entries beyond the bound. Called once a collection ends; never rejects (the cache only ever saves time).
   */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    if (this.maxBytes > 0) await Promise.all([this.stamps.flush(), this.snapshots?.flush()]);
    if (this.touched.size === 0) return;
    try {
      const index = await this.readIndex();
      for (const [key, usage] of this.touched) {
        const known = index.get(key);
        index.set(key, known && known.used > usage.used ? known : usage);
      }
      this.touched.clear();
      await this.evict(index);
      await this.writeAtomically(joinPath(this.folder, INDEX_NAME), JSON.stringify({ format: INDEX_FORMAT, entries: Object.fromEntries([...index].map(([k, u]) => [k, [u.bytes, u.used]])) }));
    } catch {
      this.counts.writeFailures++;
    }
  }

  /**
   * The keys the index lists, read once: undefined when there is no index to trust (then every entry is looked
   * for). An entry another process saved since is missed, which costs one analysis, never a wrong model.
   */
  private listedKeys(): Promise<Map<string, number> | undefined> {
    this.listing ??= this.fs.readFile(joinPath(this.folder, INDEX_NAME)).then(
      (text) => {
        const parsed = JSON.parse(text) as { format?: unknown; entries?: unknown };
        if (parsed.format !== INDEX_FORMAT || typeof parsed.entries !== 'object' || parsed.entries === null) return undefined;
        const listed = new Map<string, number>();
        for (const [key, value] of Object.entries(parsed.entries as Record<string, unknown>)) if (Array.isArray(value) && typeof value[0] === 'number') listed.set(key, value[0]);
        return (this.listed = listed);
      },
      () => undefined,
    ).catch(() => undefined);
    return this.listing;
  }

  /** The entry when every field is as this cache writes it for this key and text; undefined otherwise. */
  private trusted(raw: string, key: string, markdown: boolean, textLength: number): CacheEntry | undefined {
    let entry: Partial<CacheEntry>;
    try {
      entry = JSON.parse(raw) as Partial<CacheEntry>;
    } catch {
      return undefined;
    }
    if (typeof entry !== 'object' || entry === null) return undefined;
    if (entry.format !== ANALYSIS_ENTRY_FORMAT || entry.engine !== this.engine || entry.key !== key) return undefined;
    if (entry.markdown !== markdown || entry.textLength !== textLength) return undefined;
    return evidenceModelShapeProblem(entry.model, textLength) === undefined ? (entry as CacheEntry) : undefined;
  }

  private touch(key: string, bytes: number): void {
    // Strictly increasing within this process, so entries used in one millisecond keep their order.
    this.lastUsed = Math.max(this.now(), this.lastUsed + 1);
    this.touched.set(key, { bytes, used: this.lastUsed });
  }

  /** Deletes the least recently used entries until the rest fit the bound. */
  private async evict(index: Map<string, Usage>): Promise<void> {
    let total = 0;
    for (const usage of index.values()) total += usage.bytes;
    if (total <= this.maxBytes) return;
    const oldestFirst = [...index].sort((a, b) => a[1].used - b[1].used);
    for (const [key, usage] of oldestFirst) {
      if (total <= this.maxBytes) break;
      await this.fs.delete(this.entryPath(key)).catch(() => undefined);
      index.delete(key);
      total -= usage.bytes;
      this.counts.evicted++;
    }
  }

  /** The index on disk; rebuilt from the entries themselves (their size and time) when missing or unreadable. */
  private async readIndex(): Promise<Map<string, Usage>> {
    try {
      const parsed = JSON.parse(await this.fs.readFile(joinPath(this.folder, INDEX_NAME))) as { format?: unknown; entries?: unknown };
      if (parsed.format !== INDEX_FORMAT || typeof parsed.entries !== 'object' || parsed.entries === null) throw new Error('not an index');
      const index = new Map<string, Usage>();
      for (const [key, value] of Object.entries(parsed.entries as Record<string, unknown>)) {
        if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') index.set(key, { bytes: value[0], used: value[1] });
      }
      return index;
    } catch {
      return this.scanEntries();
    }
  }

  private async scanEntries(): Promise<Map<string, Usage>> {
    const index = new Map<string, Usage>();
    const shards = await this.fs.readDirectory(this.folder).catch(() => [] as string[]);
    for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
      const names = await this.fs.readDirectory(joinPath(this.folder, shard)).catch(() => [] as string[]);
      for (const name of names) {
        const key = /^([0-9a-f]{64}(?:-md)?)\.json$/.exec(name)?.[1];
        if (!key) continue;
        const stat = await this.fs.stat(this.entryPath(key)).catch(() => undefined);
        if (stat?.kind === 'file') index.set(key, { bytes: stat.size, used: stat.mtime });
      }
    }
    return index;
  }

  /** Temp file beside the target, then rename: a reader sees the old entry or the new one, never part of one. */
  private async writeAtomically(path: string, text: string): Promise<void> {
    const folderEnd = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    const temp = `${path.slice(0, folderEnd + 1)}.${path.slice(folderEnd + 1)}.${globalThis.crypto.randomUUID().slice(0, 8)}.tmp`;
    try {
      await this.fs.writeFile(temp, text);
    } catch (error) {
      if (!isNotFound(error) || !this.options.createFolder) throw error;
      await this.options.createFolder(path.slice(0, folderEnd));
      await this.fs.writeFile(temp, text);
    }
    try {
      await this.fs.rename(temp, path);
    } catch (error) {
      await this.fs.delete(temp).catch(() => undefined);
      throw error;
    }
  }
}

function utf8Length(text: string): number {
  // Entries are nearly all ASCII: count only what is not.
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair: 4 bytes for its 2 code units.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}
