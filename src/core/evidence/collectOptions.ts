// How a collection of evidence is run (collectEvidence.ts, streamEvidence.ts, evidenceIndex.ts): the engine, the
// caches, progress and cancellation, and limits. Its own file, so the stages that take it import no collection.

import type { AnalyseFunction } from './resolveReport';
import type { SidecarParser } from './sidecarReading';
import type { ReportModelCache } from './modelCache';
import type { AnalysisCache } from './analysisCache';
import type { CancellationToken } from './cancellation';

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
  /**
   * Receives each report text once it is read (the set does not keep them). Given this, every report is read, even
   * one its stamp knows unchanged (reportStamps.ts); the .qdpx export reads the texts it needs itself instead.
   */
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
