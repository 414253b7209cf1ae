// Stage 2 of collecting evidence: the report beside a sidecar, read and analysed (from the cache when it is
// unchanged), or the typed problem that says why there is no text or model for it.

import type { ReportModel } from '../recognition/model';
import type { IFileSystem } from '../platform/fs/fileSystem';
import { readReportText } from '../platform/fs/reportReading';
import { ReportReadError } from '../platform/fs/fileFaults';
import { analysisSizeVerdict } from '../recognition/analysisLimit';
import type { FileStamp, ReportModelCache } from './modelCache';
import type { AnalysisCache } from './analysisCache';
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
}

export interface ReportStage {
  /** The report's path (for a sidecar alone, the path its report would have). */
  path: string;
  /** Absent when the report is missing, too large or unreadable. */
  text?: string;
  /** Absent when there is no text, or its analysis failed. */
  model?: ReportModel;
  problems: CollectionProblem[];
}

/**
 * Reads one report file, decoded as everywhere else (BOM, UTF-16, Windows-1252), so a tag placed by the editor or
 * the command line is found again here. The one place aggregation reads a report.
 */
export function readReportFile(fs: IFileSystem, path: string): Promise<string> {
  return readReportText(fs, path);
}

/**
 * A file over the size limit is not read; with a cache, neither is a report whose file time and size are
 * unchanged since it was analysed. `tagsKept` (its sidecar was read) only changes what a problem says.
 */
export async function resolveReport(pair: FilePair, fs: IFileSystem, settings: ReportSettings, tagsKept: boolean): Promise<ReportStage> {
  const path = pairPath(pair);
  const reportPath = pair.reportPath;
  if (reportPath === undefined) {
    return { path, problems: [{ kind: 'missing-report', path: pair.sidecarPath!, expectedReport: baseName(path) }] };
  }
  const markdown = /\.(md|markdown)$/i.test(reportPath);
  const cache = settings.modelCache;
  let stamp: FileStamp | undefined;
  const readAt = Date.now();
  const stat = await fs.stat(reportPath).catch(() => undefined);
  if (stat?.kind === 'file') {
    // Bytes on disk against the limit in characters: close enough for a guard (UTF-8 text is never shorter).
    const verdict = analysisSizeVerdict(stat.size, settings.maxReportMB, baseName(reportPath));
    if (!verdict.analyse) {
      return { path, problems: [{ kind: 'report-too-large', path: reportPath, sizeMB: verdict.sizeMB, limitMB: verdict.limitMB, tagsKept }] };
    }
    const held = cache?.getUnchanged(reportPath, stat, markdown);
    if (held) {
      cache!.hits++;
      return { path, text: held.text, model: held.model, problems: [] };
    }
    stamp = { mtime: stat.mtime, size: stat.size, readAt };
  }
  let text: string;
  try {
    text = await readReportFile(fs, reportPath);
  } catch (error) {
    return { path, problems: [{ kind: 'unreadable-report', path: reportPath, reason: error instanceof ReportReadError ? error.reason : (error as Error).message }] };
  }
  return { path, text, ...(await analyseText(reportPath, text, markdown, stamp, settings)) };
}

/** The report's model, from a cache (in memory, then on disk) when the same text was analysed before. */
async function analyseText(path: string, text: string, markdown: boolean, stamp: FileStamp | undefined, settings: ReportSettings): Promise<Pick<ReportStage, 'model' | 'problems'>> {
  const cache = settings.modelCache;
  const cached = cache?.get(path, text, markdown, stamp);
  if (cached) {
    cache!.hits++;
    return { model: cached, problems: [] };
  }
  const saved = await settings.analysisCache?.lookup(text, markdown);
  if (saved?.model) {
    cache?.set(path, text, saved.model, markdown, stamp);
    return { model: saved.model, problems: [] };
  }
  if (cache) cache.misses++;
  try {
    const model = await settings.analyse(text, { markdown, path });
    cache?.set(path, text, model, markdown, stamp);
    settings.analysisCache?.set(text, markdown, model, saved?.key);
    return { model, problems: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ kind: 'unanalysable-report', path, reason }] };
  }
}
