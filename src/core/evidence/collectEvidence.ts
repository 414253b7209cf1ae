// Evidence across reports: walk folders, pair each report with its sidecar, analyse each report once,
// and place every tagged passage in its report. Linear in the number of files; the only pairwise work
// (recurring improvements) stays within one authority.
//
// Named stages, each passing typed problems (evidenceProblems.ts) to the next: find the files
// (evidenceFiles.ts) → read sidecars (readSidecar.ts) → resolve reports (resolveReport.ts) → collect
// passages (collectPassages.ts) → summarise (summariseEvidence.ts).

import { analyseReport } from '../recognition/analyse';
import type { IFileSystem } from '../platform/fs/fileSystem';
import type { EvidenceSet } from './evidenceModel';
import { findEvidenceFiles, type FilePair } from './evidenceFiles';
import { readSidecar, type SidecarStage } from './readSidecar';
import { resolveReport, type AnalyseFunction, type ReportSettings, type ReportStage } from './resolveReport';
import { collectPassages } from './collectPassages';
import { summariseEvidence, type GatheredEvidence } from './summariseEvidence';
import { readSidecarForEvidence, type SidecarParser } from './sidecarReading';
import type { ReportModelCache } from './modelCache';
import type { AnalysisCache } from './analysisCache';
import { DEFAULT_MAX_ANALYSED_MB } from '../recognition/analysisLimit';
import type { CancellationToken } from './cancellation';

export { baseName, isReportName, isSidecarName, joinPath } from './evidenceFiles';
export type { AnalyseFunction } from './resolveReport';

export interface CollectProgress {
  done: number;
  total: number;
  path: string;
}

export interface CollectOptions {
  /** The recognition engine; analyseReport unless a test substitutes its own. */
  analyse?: AnalyseFunction;
  /** Models kept from earlier collections: an unchanged report (same path, same text) is not analysed again. */
  modelCache?: ReportModelCache;
  /** Models saved on disk by earlier runs (after modelCache); new models are saved to it, and it is flushed at the end. */
  analysisCache?: AnalysisCache;
  parseSidecar?: SidecarParser;
  onProgress?: (progress: CollectProgress) => void;
  /**
   * Checked between files; a cancelled run stops reading, lets the files already under way finish (so no saved
   * analysis is written after it returns) and returns what it has so far. The caller's token tells it was cancelled.
   */
  cancellation?: CancellationToken;
  /** As `cancellation`, for callers that keep their own flag (a newer collection superseding this one). */
  isCancelled?: () => boolean;
  /** Receives each report text once it is read (the .qdpx export needs the texts; the set does not keep them). */
  onReportText?: (path: string, text: string) => void;
  /** Timestamp recorded in the set; defaults to now. */
  now?: () => Date;
  /** Reports read (and analysed, when analysis is asynchronous) at once. */
  concurrency?: number;
  /**
   * Files larger than this many megabytes are not read (a log or data file named .txt would otherwise be read
   * whole and analysed); default DEFAULT_MAX_ANALYSED_MB, 0 or less for no limit. Reported as a problem.
   */
  maxReportMB?: number;
}

/** One pair through the first two stages. */
interface ReadPair {
  pair: FilePair;
  sidecar: SidecarStage;
  report: ReportStage;
}

export async function collectEvidence(folders: readonly string[], fs: IFileSystem, options: CollectOptions): Promise<EvidenceSet> {
  const generated = (options.now?.() ?? new Date()).toISOString();
  const parse = options.parseSidecar ?? readSidecarForEvidence;
  const settings: ReportSettings = {
    analyse: options.analyse ?? analyseReport,
    ...(options.modelCache ? { modelCache: options.modelCache } : {}),
    ...(options.analysisCache ? { analysisCache: options.analysisCache } : {}),
    maxReportMB: options.maxReportMB ?? DEFAULT_MAX_ANALYSED_MB,
  };
  const found = await findEvidenceFiles(folders, fs);
  const gathered: GatheredEvidence = { reports: [], items: [], problems: [...found.problems] };

  const readPair = async (pair: FilePair): Promise<ReadPair> => {
    const sidecar = await readSidecar(pair.sidecarPath, fs, parse);
    const report = await resolveReport(pair, fs, settings, sidecar.sidecar !== undefined);
    return { pair, sidecar, report };
  };
  const total = found.pairs.length;
  let done = 0;
  const isCancelled = () => options.cancellation?.isCancellationRequested === true || options.isCancelled?.() === true;
  await inOrder(found.pairs, readPair, Math.max(1, options.concurrency ?? 16), isCancelled, ({ pair, sidecar, report }) => {
    gathered.problems.push(...sidecar.problems, ...report.problems);
    if (report.text !== undefined) options.onReportText?.(report.path, report.text);
    const passages = collectPassages(report, sidecar.sidecar, pair.sidecarPath);
    if (passages) {
      gathered.reports.push(passages.report);
      gathered.items.push(...passages.items);
      gathered.problems.push(...passages.problems);
    }
    done++;
    options.onProgress?.({ done, total, path: pair.reportPath ?? pair.sidecarPath! });
  });
  // Also after a cancelled run: what was analysed is saved for the next one.
  await options.analysisCache?.flush();
  return summariseEvidence(gathered, folders, generated);
}

/**
 * A window of `concurrency` entries in flight (read, and analysed when analysis is asynchronous), handed to
 * `use` in their order, so the result and its problems come out the same whatever finishes first.
 */
async function inOrder<T, R>(entries: readonly T[], start: (entry: T) => Promise<R>, concurrency: number, isCancelled: () => boolean, use: (result: R) => void): Promise<void> {
  const inFlight: Array<Promise<R>> = [];
  const startNext = () => {
    if (inFlight.length < entries.length) {
      const started = start(entries[inFlight.length]!);
      started.catch(() => undefined); // awaited below in order; never an unhandled rejection meanwhile
      inFlight.push(started);
    }
  };
  for (let k = 0; k < concurrency; k++) startNext();
  for (let i = 0; i < entries.length; i++) {
    if (isCancelled()) {
      // Those already started finish first: nothing of theirs (a saved analysis) lands after the run has returned.
      await Promise.allSettled(inFlight.slice(i));
      break;
    }
    const result = await inFlight[i]!;
    startNext();
    use(result);
  }
}
