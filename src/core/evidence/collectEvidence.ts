// Evidence across reports: walk folders, pair each report with its sidecar, analyse each report once,
// and place every tagged passage in its report. Linear in the number of files; the only pairwise work
// (recurring improvements) stays within one authority.
//
// Named stages, each passing typed problems (evidenceProblems.ts) to the next: find the files
// (evidenceFiles.ts) → read sidecars (readSidecar.ts) → resolve reports (resolveReport.ts) → collect
// passages (collectPassages.ts) → summarise (summariseEvidence.ts). The middle three run per pair (foldPairs.ts).

import type { IFileSystem } from '../platform/fs/fileSystem';
import type { EvidenceSet } from './evidenceModel';
import { findEvidenceFiles } from './evidenceFiles';
import type { AnalyseFunction } from './resolveReport';
import { summariseEvidence, type GatheredEvidence } from './summariseEvidence';
import type { SidecarParser } from './sidecarReading';
import type { ReportModelCache } from './modelCache';
import type { AnalysisCache } from './analysisCache';
import type { CancellationToken } from './cancellation';
import { foldedProblems, foldPairs } from './foldPairs';

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

export async function collectEvidence(folders: readonly string[], fs: IFileSystem, options: CollectOptions): Promise<EvidenceSet> {
  const generated = (options.now?.() ?? new Date()).toISOString();
  const found = await findEvidenceFiles(folders, fs);
  const gathered: GatheredEvidence = { reports: [], items: [], problems: [...found.problems] };
  await foldPairs(found.pairs, fs, options, (folded) => {
    gathered.problems.push(...foldedProblems(folded));
    if (folded.passages) {
      gathered.reports.push(folded.passages.report);
      gathered.items.push(...folded.passages.items);
    }
  });
  // Also after a cancelled run: what was analysed is saved for the next one.
  await options.analysisCache?.flush();
  return summariseEvidence(gathered, folders, generated);
}
