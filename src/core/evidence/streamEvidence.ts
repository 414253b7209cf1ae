// Evidence handed on report by report instead of gathered into one set (issue 14: exports write rows as they
// come). The pairs are taken in the order the set lists reports (by path), and each report's passages in the
// set's order within it, so a sink that writes them gets exactly the set's order without holding the passages.
// What is kept is small: the reports (for counts and the summary line) and the problems.

import type { IFileSystem } from '../platform/fs/fileSystem';
import type { EvidenceItem, EvidenceProblem, EvidenceReport } from './evidenceModel';
import { findEvidenceFiles, pairPath } from './evidenceFiles';
import { toEvidenceProblem } from './evidenceProblems';
import { compareReportPaths } from './summariseEvidence';
import { foldedProblems, foldPairs, passagesInOrder } from './foldPairs';
import type { CollectOptions } from './collectOptions';

/** One report's passages, in the set's order, as the collection folds them. */
export interface StreamedReport {
  report: EvidenceReport;
  items: EvidenceItem[];
}

/** What a streamed collection keeps: everything of an EvidenceSet but the passages and their summaries. */
export interface StreamedEvidence {
  generated: string;
  folders: string[];
  /** Ordered as in a set. */
  reports: EvidenceReport[];
  /** Every problem, worded, in the order a whole collection lists them. */
  problems: EvidenceProblem[];
  /** Passages handed to the sink. */
  passages: number;
}

export async function streamEvidence(folders: readonly string[], fs: IFileSystem, options: CollectOptions, sink: (streamed: StreamedReport) => void | Promise<void>): Promise<StreamedEvidence> {
  const generated = (options.now?.() ?? new Date()).toISOString();
  const found = await findEvidenceFiles(folders, fs);
  const pairs = [...found.pairs].sort((a, b) => compareReportPaths(pairPath(a), pairPath(b)));
  // Problems are listed as a collection lists them, in the order the files were found.
  const foundAt = new Map(found.pairs.map((pair, index) => [pair, index]));
  const problems: Array<{ at: number; problem: EvidenceProblem }> = [];
  const result: StreamedEvidence = { generated, folders: [...folders], reports: [], problems: found.problems.map(toEvidenceProblem), passages: 0 };
  await foldPairs(pairs, fs, options, async (folded) => {
    const at = foundAt.get(folded.pair)!;
    for (const problem of foldedProblems(folded)) problems.push({ at, problem: toEvidenceProblem(problem) });
    const passages = folded.passages;
    if (!passages) return;
    result.reports.push(passages.report);
    result.passages += passages.items.length;
    await sink({ report: passages.report, items: passagesInOrder(passages) });
  });
  await options.analysisCache?.flush();
  result.problems.push(...problems.sort((a, b) => a.at - b.at).map((p) => p.problem));
  return result;
}
