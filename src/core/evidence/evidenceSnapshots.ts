// What each unchanged pair of files (a report and its sidecar) gave as evidence when it was last folded: its
// report's entry, its passages as placed, and the problems its passages raised. A warm collection (a new window,
// a new `report aggregate`) then knows an unchanged pair by the size and time of both files, as git knows an
// unchanged file by its stat, and reads neither file nor the saved analysis: 856 small reads and JSON parses of
// sidecars, and as many of saved models, were most of what such a collection cost. One file per folder of
// reports, beside the analysis cache's entries: a header line, then one line per pair (its file name, a tab, its
// JSON), so a folder costs one read and a pair is parsed only when it is used.
//
// Trusted only when both files' size and time are the ones recorded, and were at least RACY_MS older than the
// reads that folded them (git's "racily clean" rule), by the same recognition engine (ENGINE_VERSION), the same
// folding (EVIDENCE_FOLD_VERSION) and the same sidecar rules. Only a pair folded without a word about its files is
// kept: a problem reading them may be gone next time, so such a pair is always folded again. Advisory data:
// anything unreadable, foreign or malformed is ignored and written again, never trusted; each file is written to
// a temp file and renamed, so a reader sees one whole file.

import { createHash } from 'node:crypto';
import { ENGINE_VERSION } from '../recognition/engineVersion';
import type { IFileSystem } from '../platform/fs/fileSystem';
import { baseName, joinPath, type FilePair } from './evidenceFiles';
import type { EvidenceItem, EvidenceReport } from './evidenceModel';
import type { CollectionProblem } from './evidenceProblems';
import { EVIDENCE_FOLD_VERSION } from './foldVersion';
import { isSettled, type FileStamp } from './modelCache';
import { isSavedPassage, isThemeLists, restorePassage, savedPassage, type SavedPassage } from './passageFields';
import type { TagTheme } from '../tags/sidecar/sidecarModel';
import { sidecarChecks } from './reportStamps';

const SNAPSHOT_FORMAT = 'inspection-report-evidence-snapshot';
/** Recorded characters held before the folders already passed are written (about 64 MB of heap). */
const HELD_LIMIT = 32 * 1024 * 1024;
export const SNAPSHOT_FOLDER_NAME = 'evidence';

/** One pair as saved: both files' size and time when folded; its evidence (null: the report is not evidence). */
interface SavedPair {
  report: [number, number];
  /** null: the report had no sidecar. */
  sidecar: [number, number] | null;
  /** `themes`: the distinct theme lists of the report's passages, which each passage names by index. */
  evidence: { report: EvidenceReport; themes: TagTheme[][]; items: SavedPassage[]; problems: CollectionProblem[] } | null;
}

/** A pair's passages as collectPassages.ts gives them (its PairPassages). */
interface Passages {
  report: EvidenceReport;
  items: EvidenceItem[];
  problems: CollectionProblem[];
}

/** A pair known unchanged: its passages as last folded, or null when it was not evidence (a README). */
export type KnownPair = { passages: Passages | null };

export interface EvidenceSnapshotsOptions {
  engineVersion?: number;
  foldVersion?: number;
  /** Characters recorded before the folders already passed are written; HELD_LIMIT unless a test sets it. */
  heldLimit?: number;
  /** Upper bound on the folders' files' total size in bytes (the least recently written go first); none if absent. */
  maxBytes?: number;
}

export class EvidenceSnapshots {
  /** Pairs known unchanged; pairs recorded; pairs or folder files refused as malformed, foreign or stale. */
  readonly counts = { used: 0, recorded: 0, refused: 0 };
  /** Per folder of reports: the saved lines by file name, read once per collection. */
  private readonly folders = new Map<string, Promise<Map<string, string>>>();
  /** Lines recorded since the last flush, per folder of reports. */
  private readonly changed = new Map<string, Map<string, string>>();
  /** Characters recorded and not yet written; and the writes under way, one after another. */
  private held = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly header: string;
  private readonly heldLimit: number;
  private readonly maxBytes: number;

  constructor(
    private readonly fs: IFileSystem,
    readonly folder: string,
    private readonly write: (path: string, text: string) => Promise<void>,
    options: EvidenceSnapshotsOptions = {},
  ) {
    this.heldLimit = options.heldLimit ?? HELD_LIMIT;
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.header = JSON.stringify({ format: SNAPSHOT_FORMAT, engine: options.engineVersion ?? ENGINE_VERSION, fold: options.foldVersion ?? EVIDENCE_FOLD_VERSION, checks: sidecarChecks() });
  }

  /** The file that holds the pairs of one folder of reports. */
  fileOf(reportFolder: string): string {
    return joinPath(this.folder, `${createHash('sha256').update(reportFolder, 'utf8').digest('hex').slice(0, 32)}.jsonl`);
  }

  /**
   * The pair's evidence as last folded, when its report (and sidecar, or the lack of one) has the size and time
   * recorded then; else undefined, and the pair is folded as usual. `fits`: whether a report of that many bytes is
   * within the size limit now (a limit lowered since makes it a problem again).
   */
  async lookup(pair: FilePair, fits: (bytes: number) => boolean): Promise<KnownPair | undefined> {
    const reportPath = pair.reportPath;
    if (reportPath === undefined) return undefined;
    const reportFolder = parentOf(reportPath);
    const lines = await this.linesOf(reportFolder);
    const line = lines.get(baseName(reportPath));
    if (line === undefined) return undefined;
    // Used once per collection: let the line go with it.
    lines.delete(baseName(reportPath));
    const [report, sidecar] = await Promise.all([this.fs.stat(reportPath).catch(() => undefined), pair.sidecarPath !== undefined ? this.fs.stat(pair.sidecarPath).catch(() => undefined) : undefined]);
    if (report?.kind !== 'file' || !fits(report.size)) return undefined;
    if (pair.sidecarPath !== undefined && sidecar?.kind !== 'file') return undefined;
    let saved: SavedPair;
    try {
      saved = JSON.parse(line) as SavedPair;
    } catch {
      this.counts.refused++;
      return undefined;
    }
    if (!isSavedPair(saved, reportPath)) {
      this.counts.refused++;
      return undefined;
    }
    if (saved.report[0] !== report.size || saved.report[1] !== report.mtime) return undefined;
    if (sidecar ? saved.sidecar === null || saved.sidecar[0] !== sidecar.size || saved.sidecar[1] !== sidecar.mtime : saved.sidecar !== null) return undefined;
    this.counts.used++;
    const evidence = saved.evidence;
    if (!evidence) return { passages: null };
    const items = new Array<EvidenceItem>(evidence.items.length);
    for (let i = 0; i < items.length; i++) items[i] = restorePassage(evidence.items[i]!, evidence.themes, evidence.report);
    return { passages: { report: evidence.report, items, problems: evidence.problems } };
  }

  /**
   * Keeps what a pair was folded into, when both its files were read settled (at least RACY_MS after their last
   * change) and without a word about them. `reportFile` and `sidecarFile` are their size and time from before the
   * reads; written as JSON now, so later changes to the set's objects do not reach the saved pair.
   */
  record(pair: FilePair, reportFile: FileStamp | undefined, sidecarFile: FileStamp | undefined, passages: Passages | undefined): void {
    const reportPath = pair.reportPath;
    if (reportPath === undefined || !reportFile || !isSettled(reportFile)) return;
    if (pair.sidecarPath !== undefined && (!sidecarFile || !isSettled(sidecarFile))) return;
    let evidence: SavedPair['evidence'] = null;
    if (passages) {
      const themes: TagTheme[][] = [];
      const items: SavedPassage[] = [];
      for (const item of passages.items) {
        const row = savedPassage(item, themes);
        if (!row) return;
        items.push(row);
      }
      evidence = { report: passages.report, themes, items, problems: passages.problems };
    }
    const saved: SavedPair = { report: [reportFile.size, reportFile.mtime], sidecar: pair.sidecarPath !== undefined ? [sidecarFile!.size, sidecarFile!.mtime] : null, evidence };
    const reportFolder = parentOf(reportPath);
    let lines = this.changed.get(reportFolder);
    if (!lines) this.changed.set(reportFolder, (lines = new Map()));
    const line = JSON.stringify(saved);
    lines.set(baseName(reportPath), line);
    this.counts.recorded++;
    // A first collection at national scale records hundreds of megabytes: the folders already passed (pairs come
    // folder by folder) are written on the way rather than held to the end.
    this.held += line.length;
    if (this.held > this.heldLimit) {
      this.held = 0;
      const passed = [...this.changed].filter(([folder]) => folder !== reportFolder);
      for (const [folder] of passed) this.changed.delete(folder);
      this.writing = this.writing.then(() => this.writeFolders(passed));
    }
  }

  /**
   * Merges what was recorded into each folder's file, leaving out pairs whose report is gone. Never rejects: a
   * file not written only means its pairs are folded again next time. Files are read again on the next lookup.
   */
  async flush(): Promise<void> {
    const changed = [...this.changed];
    this.changed.clear();
    this.held = 0;
    this.folders.clear();
    this.writing = this.writing.then(() => this.writeFolders(changed)).then(() => (changed.length > 0 ? this.evict() : undefined));
    await this.writing;
  }

  /**
   * Keeps the folders' files within the bound, the most recently written first (a folder collected again is written
   * again only when one of its pairs changed, so this is close to least recently used). Never rejects.
   */
  private async evict(): Promise<void> {
    try {
      const names = (await this.fs.readDirectory(this.folder)).filter((name) => name.endsWith('.jsonl'));
      const files: Array<{ path: string; size: number; mtime: number }> = [];
      for (const name of names) {
        const path = joinPath(this.folder, name);
        const stat = await this.fs.stat(path);
        if (stat?.kind === 'file') files.push({ path, size: stat.size, mtime: stat.mtime });
      }
      files.sort((a, b) => b.mtime - a.mtime);
      let kept = 0;
      for (const file of files) {
        kept += file.size;
        if (kept > this.maxBytes) await this.fs.delete(file.path);
      }
    } catch {
      // Only space is lost, until the next flush.
    }
  }

  private async writeFolders(changed: ReadonlyArray<[string, Map<string, string>]>): Promise<void> {
    for (const [reportFolder, recorded] of changed) {
      try {
        // Read again, not taken from memory: another window may have written this folder's pairs since.
        const lines = await this.readLines(reportFolder, false);
        for (const [name, line] of recorded) lines.set(name, line);
        let text = this.header + '\n' + JSON.stringify(reportFolder) + '\n';
        for (const [name, line] of lines) {
          if (!recorded.has(name) && (await this.fs.stat(joinPath(reportFolder, name)).catch(() => undefined))?.kind !== 'file') continue;
          text += `${JSON.stringify(name)}\t${line}\n`;
        }
        await this.write(this.fileOf(reportFolder), text);
      } catch {
        // Only time is lost.
      }
    }
  }

  private linesOf(reportFolder: string): Promise<Map<string, string>> {
    let lines = this.folders.get(reportFolder);
    if (!lines) this.folders.set(reportFolder, (lines = this.readLines(reportFolder, true)));
    return lines;
  }

  /** The folder's saved lines by file name; none when its file is missing, unreadable, foreign or another version's. */
  private async readLines(reportFolder: string, counted: boolean): Promise<Map<string, string>> {
    const lines = new Map<string, string>();
    let text: string;
    try {
      text = await this.fs.readFile(this.fileOf(reportFolder));
    } catch {
      return lines;
    }
    const headerEnd = text.indexOf('\n');
    const folderEnd = text.indexOf('\n', headerEnd + 1);
    // The folder is named in full: two folders whose names hash alike never share pairs.
    if (headerEnd < 0 || folderEnd < 0 || text.slice(0, headerEnd) !== this.header || text.slice(headerEnd + 1, folderEnd) !== JSON.stringify(reportFolder)) {
      if (counted) this.counts.refused++;
      return lines;
    }
    let at = folderEnd + 1;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', at);
      let name: unknown;
      try {
        name = tab > at && tab < end ? JSON.parse(text.slice(at, tab)) : undefined;
      } catch {
        name = undefined;
      }
      if (typeof name === 'string') lines.set(name, text.slice(tab + 1, end));
      else if (counted) this.counts.refused++;
      at = end + 1;
    }
    return lines;
  }
}

function parentOf(path: string): string {
  return path.slice(0, Math.max(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))));
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStamp = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && isCount(v[0]) && isTime(v[1]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every part as record() writes it, for this report: data from disk, checked before it is believed. */
function isSavedPair(v: unknown, reportPath: string): v is SavedPair {
  if (!isObject(v) || !isStamp(v.report) || !(v.sidecar === null || isStamp(v.sidecar))) return false;
  const evidence = v.evidence;
  if (evidence === null) return true;
  if (!isObject(evidence) || !isThemeLists(evidence.themes) || !Array.isArray(evidence.items) || !Array.isArray(evidence.problems)) return false;
  const report = evidence.report;
  if (!isObject(report) || report.path !== reportPath || typeof report.fileName !== 'string' || typeof report.kind !== 'string') return false;
  if (!Array.isArray(report.judgements) || !Array.isArray(report.improvements) || !isCount(report.tagCount) || !isCount(report.orphanedCount)) return false;
  const themes = evidence.themes;
  return evidence.items.every((row) => isSavedPassage(row, themes)) && evidence.problems.every((p) => isObject(p) && typeof p.kind === 'string' && typeof p.path === 'string');
}
