// The per-report work of collecting evidence, shared by the whole collection (collectEvidence.ts), the streaming
// one (streamEvidence.ts) and the incremental index (evidenceIndex.ts): read a pair's sidecar, resolve its report
// (read and analysed, or from a cache), and fold its tagged passages; many pairs at once, handed on in order.

import { analyseReport } from '../recognition/analyse';
import type { IFileSystem } from '../platform/fs/fileSystem';
import { pairPath, type FilePair } from './evidenceFiles';
import { analysisSizeVerdict, DEFAULT_MAX_ANALYSED_MB } from '../recognition/analysisLimit';
import type { EvidenceSnapshots } from './evidenceSnapshots';
import { readSidecar, type SidecarStage } from './readSidecar';
import { resolveReport, type ReportSettings, type ReportStage } from './resolveReport';
import { collectPassages, type PairPassages } from './collectPassages';
import { readSidecarForEvidence, type SidecarParser } from './sidecarReading';
import type { CollectOptions } from './collectOptions';
import type { CollectionProblem } from './evidenceProblems';
import type { EvidenceItem } from './evidenceModel';
import { compareInReport } from './summariseEvidence';
import type { AnalysisCache } from './analysisCache';
import { readProvenance } from '../import/provenance';
import type { FileStamp } from './modelCache';

/** One pair through every stage but the summary. `passages` is absent for a file that is not evidence. */
export interface FoldedPair {
  pair: FilePair;
  sidecar: SidecarStage;
  report: ReportStage;
  passages?: PairPassages;
  /**
   * Known unchanged by its files' size and time, so neither was read (evidenceSnapshots.ts): its stages hold no
   * tags, text or model, only its passages as last folded.
   */
  known?: true;
}

/** How each pair is read, from the collection's options. */
export interface PairReader {
  settings: ReportSettings;
  parse: SidecarParser;
  /** Pairs folded before, kept with the saved analyses: used when both files are unchanged. */
  snapshots?: EvidenceSnapshots;
}

export function pairReader(options: CollectOptions): PairReader {
  const parse = options.parseSidecar ?? readSidecarForEvidence;
  // A caller given every report's text needs each one read.
  const skipUnchangedReports = options.onReportText === undefined;
  // Only with the tags store's own parser: the saved passages are what it made of the sidecars.
  const snapshots = skipUnchangedReports && parse === readSidecarForEvidence ? options.analysisCache?.snapshots : undefined;
  return {
    parse,
    settings: {
      analyse: options.analyse ?? analyseReport,
      ...(options.modelCache ? { modelCache: options.modelCache } : {}),
      ...(options.analysisCache ? { analysisCache: options.analysisCache } : {}),
      maxReportMB: options.maxReportMB ?? DEFAULT_MAX_ANALYSED_MB,
      skipUnchangedReports,
    },
    ...(snapshots ? { snapshots } : {}),
  };
}

/**
 * One pair, read and folded on its own (also what the index does for a changed pair); or, when both its files are
 * unchanged since it was last folded, its passages as they were then, with neither file read.
 */
export async function foldPair(pair: FilePair, fs: IFileSystem, reader: PairReader): Promise<FoldedPair> {
  const snapshots = reader.snapshots;
  if (snapshots) {
    const { maxReportMB } = reader.settings;
    const known = await snapshots.lookup(pair, (bytes) => analysisSizeVerdict(bytes, maxReportMB, '').analyse);
    if (known) return { pair, sidecar: { problems: [] }, report: { path: pairPath(pair), problems: [] }, ...(known.passages ? { passages: known.passages } : {}), known: true };
  }
  const sidecar = await readPairSidecar(pair, fs, reader);
  const report = await resolveReport(pair, fs, reader.settings, sidecar.sidecar !== undefined, sidecar.sidecar?.tags ?? [], cleanSidecarFile(sidecar));
  const folded = refoldPair(pair, sidecar, report, reader.settings.analysisCache);
  // Saved the second time a pair is folded unchanged (its report known by its stamp, or held in memory), not the
  // first: a first collection analyses every report and is the one a person waits for most, and a pair just
  // changed may well change again. Only a pair folded without a word about its files: such a word (an unreadable
  // file, a warning) may not hold next time.
  if (snapshots && report.textKey === undefined && sidecar.problems.length === 0 && report.problems.length === 0) snapshots.record(pair, report.reportFile, sidecar.file, folded.passages);
  return folded;
}

/**
 * A pair's sidecar. With saved analyses (and the tags store's own parser), read with its file's size and time, so
 * a sidecar the report's stamp knows passed every check is only parsed, not checked again.
 */
export function readPairSidecar(pair: FilePair, fs: IFileSystem, reader: PairReader): Promise<SidecarStage> {
  const saved = reader.settings.analysisCache;
  const reportPath = pair.reportPath;
  const checkedBefore = saved && reportPath !== undefined && reader.parse === readSidecarForEvidence ? (file: FileStamp) => saved.stamps.sidecarChecked(reportPath, file) : undefined;
  return readSidecar(pair.sidecarPath, fs, reader.parse, checkedBefore);
}

/** The sidecar's file stamp when it was read with one and passed every check without a word; else undefined. */
export function cleanSidecarFile(sidecar: SidecarStage): FileStamp | undefined {
  return sidecar.sidecar && sidecar.problems.length === 0 ? sidecar.file : undefined;
}

/**
 * The passages of a pair whose stages are already known (the index re-folds a new sidecar over a held report).
 * A report just read leaves its stamp with the saved analyses, so the next collection need not read it.
 */
export function refoldPair(pair: FilePair, sidecar: SidecarStage, report: ReportStage, saved?: AnalysisCache): FoldedPair {
  const passages = collectPassages(report, sidecar.sidecar, pair.sidecarPath);
  const { text, textKey, reportFile } = report;
  if (saved && text !== undefined && textKey && reportFile && report.model && pair.reportPath) {
    const tags = sidecar.sidecar?.tags ?? [];
    const provenance = readProvenance(text);
    saved.stamps.record(pair.reportPath, reportFile, { key: textKey, textLength: text.length, ...(provenance ? { provenance } : {}) }, tags, tags.map((_, i) => passages?.items[i]?.position), cleanSidecarFile(sidecar));
  }
  return { pair, sidecar, report, ...(passages ? { passages } : {}) };
}

/** Every problem met on the way through a pair's stages, in the order a collection lists them. */
export function foldedProblems({ sidecar, report, passages }: FoldedPair): CollectionProblem[] {
  return [...sidecar.problems, ...report.problems, ...(passages?.problems ?? [])];
}

/** A pair's passages in the set's order within its report. */
export function passagesInOrder(passages: PairPassages): EvidenceItem[] {
  return [...passages.items].sort(compareInReport);
}

/** True once the collection's token or flag says stop. */
function cancelledBy(options: Pick<CollectOptions, 'cancellation' | 'isCancelled'>): () => boolean {
  return () => options.cancellation?.isCancellationRequested === true || options.isCancelled?.() === true;
}

/**
 * Folds the pairs, `concurrency` at once, and hands each to `use` in the pairs' order (awaited: a slow sink holds
 * the next ones back), reporting progress after each. A cancelled run stops between pairs.
 */
export async function foldPairs(pairs: readonly FilePair[], fs: IFileSystem, options: CollectOptions, use: (folded: FoldedPair) => void | Promise<void>): Promise<void> {
  const reader = pairReader(options);
  const total = pairs.length;
  let done = 0;
  await inOrder(pairs, (pair) => foldPair(pair, fs, reader), Math.max(1, options.concurrency ?? 16), cancelledBy(options), async (folded) => {
    if (folded.report.text !== undefined) options.onReportText?.(folded.report.path, folded.report.text);
    await use(folded);
    done++;
    options.onProgress?.({ done, total, path: folded.pair.reportPath ?? folded.pair.sidecarPath! });
  });
}

/**
 * A window of `concurrency` entries in flight (read, and analysed when analysis is asynchronous), handed to
 * `use` in their order, so the result and its problems come out the same whatever finishes first.
 */
async function inOrder<T, R>(entries: readonly T[], start: (entry: T) => Promise<R>, concurrency: number, isCancelled: () => boolean, use: (result: R) => Promise<void>): Promise<void> {
  // A result is let go once used, so a streaming run holds no more than the window.
  const inFlight: Array<Promise<R> | undefined> = [];
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
    inFlight[i] = undefined;
    startNext();
    await use(result);
  }
}
