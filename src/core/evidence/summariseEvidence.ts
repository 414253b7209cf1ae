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

export function summariseEvidence(gathered: GatheredEvidence, folders: readonly string[], generated: string): EvidenceSet {
  const reports = [...gathered.reports].sort((a, b) => a.path.localeCompare(b.path));
  const items = [...gathered.items].sort(
    (a, b) => a.reportPath.localeCompare(b.reportPath) || (a.position?.start ?? Infinity) - (b.position?.start ?? Infinity) || a.tagId.localeCompare(b.tagId),
  );
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
