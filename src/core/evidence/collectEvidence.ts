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
import { summariseEvidence, type GatheredEvidence } from './summariseEvidence';
import type { CollectOptions } from './collectOptions';
import { foldedProblems, foldPairs } from './foldPairs';

export { baseName, isReportName, isSidecarName, joinPath } from './evidenceFiles';
export type { AnalyseFunction } from './resolveReport';
export type { CollectOptions, CollectProgress } from './collectOptions';

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
