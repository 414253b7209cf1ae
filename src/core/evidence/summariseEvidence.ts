// Stage 4 of collecting evidence: the set, in a stable order, with the summaries the views and exports show,
// and each typed problem worded once for people.

import type { EvidenceItem, EvidenceReport, EvidenceSet } from './evidenceModel';
import { toEvidenceProblem, type CollectionProblem } from './evidenceProblems';
import { countThemes } from './themeCounts';
import { findRecurringImprovements } from './recurringImprovements';
import { gradesOverTime } from './gradesOverTime';

/** What the stages gathered, in the order the files were taken. */
export interface GatheredEvidence {
  reports: EvidenceReport[];
  items: EvidenceItem[];
  problems: CollectionProblem[];
}

/** Passages of one report in document order (an orphaned one, without a position, last); by tag id on a tie. */
export function compareInReport(a: EvidenceItem, b: EvidenceItem): number {
  return (a.position?.start ?? Infinity) - (b.position?.start ?? Infinity) || a.tagId.localeCompare(b.tagId);
}

/** The order of reports (and of their passages' groups) in a set. */
export function compareReportPaths(a: string, b: string): number {
  return a.localeCompare(b);
}

export function summariseEvidence(gathered: GatheredEvidence, folders: readonly string[], generated: string): EvidenceSet {
  const reports = [...gathered.reports].sort((a, b) => compareReportPaths(a.path, b.path));
  const items = [...gathered.items].sort((a, b) => compareReportPaths(a.reportPath, b.reportPath) || compareInReport(a, b));
  return {
    generated,
    folders: [...folders],
    reports,
    items,
    themes: countThemes(items),
    recurringImprovements: findRecurringImprovements(reports),
    gradesOverTime: gradesOverTime(reports),
    problems: gathered.problems.map(toEvidenceProblem),
  };
}
