// Stage 2 of collecting evidence: the report beside a sidecar, read and analysed (from the cache when it is
// unchanged), or the typed problem that says why there is no text or model for it.

import type { ReportModel } from '../recognition/model';
import { MAX_TEXT_FILE_BYTES, type IFileSystem } from '../platform/fs/fileSystem';
import { readReportText } from '../platform/fs/reportReading';
import { ReportReadError } from '../platform/fs/fileFaults';
import { analysisSizeVerdict, DEFAULT_MAX_ANALYSED_MB } from '../recognition/analysisLimit';
import type { FileStamp, ReportModelCache } from './modelCache';
import type { AnalysisCache } from './analysisCache';
import type { StampedReport } from './reportStamps';
import type { Tag } from '../tags/sidecar/sidecarModel';
import type { EvidenceReportModel } from './evidenceReportModel';
import { baseName, pairPath, type FilePair } from './evidenceFiles';
import type { CollectionProblem } from './evidenceProblems';

/**
 * `path` lets a host answer from models it already holds (an editor's open documents) instead of analysing
 * again. A promise lets the host analyse elsewhere (worker threads: analysisPool.ts) while files are read.
 */
export type AnalyseFunction = (text: string, options: { markdown?: boolean; path?: string }) => ReportModel | Promise<ReportModel>;

export interface ReportSettings {
  analyse: AnalyseFunction;
  modelCache?: ReportModelCache;
  /** Models saved on disk by earlier runs: consulted when the in-memory cache has none, and given each new model. */
  analysisCache?: AnalysisCache;
  /** Megabytes; 0 or less for no limit. */
  maxReportMB: number;
  /**
   * A report whose stamp says it is unchanged is not read (reportStamps.ts): its stage then has no text. Off for a
   * caller that needs every report's text (CollectOptions.onReportText).
   */
  skipUnchangedReports?: boolean;
}

export interface ReportStage {
  /** The report's path (for a sidecar alone, the path its report would have). */
  path: string;
  /** Absent when the report is missing, too large or unreadable. */
  text?: string;
  /** Absent when there is no text, or its analysis failed. Only the fields evidence reads when it came from the persistent cache. */
  model?: EvidenceReportModel;
  /** For a report known unchanged by its stamp, so not read: what was found in its text when it last was. */
  stamped?: StampedReport;
  /** The text's key in the analysis cache, when the text was read and looked up there: with reportFile, what a stamp records. */
  textKey?: string;
  /** The report file's size and time from before it was read (or found held, or known by its stamp), when a cache asked. */
  reportFile?: FileStamp;
  problems: CollectionProblem[];
}

/**
 * Reads one report file, decoded as everywhere else (BOM, UTF-16, Windows-1252), so a tag placed by the editor or
 * the command line is found again here. The one place aggregation reads a report.
 */
export function readReportFile(fs: IFileSystem, path: string, maxBytes?: number): Promise<string> {
  return readReportText(fs, path, maxBytes !== undefined ? { maxBytes } : {});
}

/**
 * A file over the size limit is not read; with a cache, neither is a report whose file time and size are
 * unchanged since it was analysed: from memory (the text is held), or from the saved analyses when its stamp says
 * where `tags` were found in it then (reportStamps.ts). `tagsKept` (its sidecar was read) only changes what a
 * problem says; `tags` (its sidecar's, [] when none) are what a report known by its stamp must have been read with;
 * `sidecarFile`, the stamp of their file when it was read cleanly, spares comparing them when the stamp knows it.
 */
export async function resolveReport(pair: FilePair, fs: IFileSystem, settings: ReportSettings, tagsKept: boolean, tags?: readonly Tag[], sidecarFile?: FileStamp): Promise<ReportStage> {
  const path = pairPath(pair);
  const reportPath = pair.reportPath;
  if (reportPath === undefined) {
    return { path, problems: [{ kind: 'missing-report', path: pair.sidecarPath!, expectedReport: baseName(path) }] };
  }
  const markdown = /\.(md|markdown)$/i.test(reportPath);
  const cache = settings.modelCache;
  const saved = settings.analysisCache;
  let stamp: FileStamp | undefined;
  // Only a cache needs the file's time and size before reading; without one, the read itself enforces the limit
  // and a file refused as too large is measured then, so a report costs one stat, not two.
  if (cache || saved) {
    const readAt = Date.now();
    const stat = await fs.stat(reportPath).catch(() => undefined);
    if (stat?.kind === 'file') {
      const tooLarge = tooLargeProblem(reportPath, stat.size, settings, tagsKept);
      if (tooLarge) return { path, problems: [tooLarge] };
      stamp = { mtime: stat.mtime, size: stat.size, readAt };
      const held = cache?.getUnchanged(reportPath, stat, markdown);
      if (held) {
        cache!.hits++;
        return { path, text: held.text, model: held.model, reportFile: stamp, problems: [] };
      }
      const known = saved && tags && settings.skipUnchangedReports ? await stampedReport(saved, reportPath, stat, tags, markdown, sidecarFile) : undefined;
      if (known) return { path, ...known, reportFile: stamp, problems: [] };
    }
  }
  let text: string;
  try {
    text = await readReportFile(fs, reportPath, stamp ? undefined : readLimitBytes(settings.maxReportMB));
  } catch (error) {
    if (!stamp && error instanceof ReportReadError && error.kind === 'too-large') {
      const stat = await fs.stat(reportPath).catch(() => undefined);
      const tooLarge = stat?.kind === 'file' ? tooLargeProblem(reportPath, stat.size, settings, tagsKept) : undefined;
      if (tooLarge) return { path, problems: [tooLarge] };
    }
    return { path, problems: [{ kind: 'unreadable-report', path: reportPath, reason: error instanceof ReportReadError ? error.reason : (error as Error).message }] };
  }
  const analysed = await analyseText(reportPath, text, markdown, stamp, settings);
  return { path, text, ...analysed, ...(stamp ? { reportFile: stamp } : {}) };
}

/** The model and the tags' places of a report its stamp says is unchanged, when its saved analysis is there too. */
async function stampedReport(saved: AnalysisCache, reportPath: string, stat: { size: number; mtime: number }, tags: readonly Tag[], markdown: boolean, sidecarFile: FileStamp | undefined): Promise<Pick<ReportStage, 'model' | 'stamped'> | undefined> {
  const stamped = await saved.stamps.lookup(reportPath, stat, tags, sidecarFile);
  if (!stamped) return undefined;
  const { model } = await saved.lookupKey(stamped.key, markdown, stamped.textLength);
  return model ? { model, stamped } : undefined;
}

/** The report-too-large problem when a file of `size` bytes is over the limit (bytes against characters: close enough for a guard, UTF-8 text is never shorter). */
function tooLargeProblem(reportPath: string, size: number, settings: ReportSettings, tagsKept: boolean): CollectionProblem | undefined {
  const verdict = analysisSizeVerdict(size, settings.maxReportMB, baseName(reportPath));
  return verdict.analyse ? undefined : { kind: 'report-too-large', path: reportPath, sizeMB: verdict.sizeMB, limitMB: verdict.limitMB, tagsKept };
}

/** The most bytes read under the limit: a file one byte over is refused by the read, as analysisSizeVerdict would refuse it. */
function readLimitBytes(maxReportMB: number): number {
  const limit = Number.isFinite(maxReportMB) ? maxReportMB : DEFAULT_MAX_ANALYSED_MB;
  return limit > 0 ? Math.min(MAX_TEXT_FILE_BYTES, Math.floor(limit * 1_000_000)) : MAX_TEXT_FILE_BYTES;
}

/** The report's model, from a cache (in memory, then on disk) when the same text was analysed before. */
async function analyseText(path: string, text: string, markdown: boolean, stamp: FileStamp | undefined, settings: ReportSettings): Promise<Pick<ReportStage, 'model' | 'problems' | 'textKey'>> {
  const cache = settings.modelCache;
  const cached = cache?.get(path, text, markdown, stamp);
  if (cached) {
    cache!.hits++;
    return { model: cached, problems: [] };
  }
  const saved = await settings.analysisCache?.lookup(text, markdown);
  if (saved?.model) {
    cache?.set(path, text, saved.model, markdown, stamp);
    return { model: saved.model, problems: [], textKey: saved.key };
  }
  if (cache) cache.misses++;
  try {
    const model = await settings.analyse(text, { markdown, path });
    cache?.set(path, text, model, markdown, stamp);
    settings.analysisCache?.set(text, markdown, model, saved?.key);
    return { model, problems: [], ...(saved?.key ? { textKey: saved.key } : {}) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ kind: 'unanalysable-report', path, reason }] };
  }
}
