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
  const items = inSetOrder(gathered.items);
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

/** The order of passages in a set: by report, then within it. */
function compareInSet(a: EvidenceItem, b: EvidenceItem): number {
  return compareReportPaths(a.reportPath, b.reportPath) || compareInReport(a, b);
}

/**
 * The passages sorted by compareInSet, as one stable sort gives them, without comparing 500,000 of them (national
 * scale) path by path: each report's passages come in one run, so the runs are sorted by path and a run already in
 * order is kept as it is (the sort would find it one run and leave it). Anything else is sorted whole: a report's
 * passages in two runs, two paths that collate as equal (their passages would interleave), or a position that is
 * not a number (foreign data in a tag's context), which the comparison cannot order consistently.
 */
function inSetOrder(items: readonly EvidenceItem[]): EvidenceItem[] {
  const runs = reportRuns(items);
  if (!runs) return [...items].sort(compareInSet);
  runs.sort((a, b) => compareReportPaths(a.reportPath, b.reportPath));
  // Two runs of one report, or of two paths that collate as equal, now lie side by side.
  for (let r = 1; r < runs.length; r++) if (compareReportPaths(runs[r - 1]!.reportPath, runs[r]!.reportPath) === 0) return [...items].sort(compareInSet);
  // A copy overwritten run by run: growing an array of 500,000 one push at a time cost more than the sorting.
  const sorted = items.slice();
  let at = 0;
  for (const { start, end, ordered } of runs) {
    if (!ordered) for (const item of items.slice(start, end).sort(compareInReport)) sorted[at++] = item;
    else if (start === at) at = end;
    else for (let i = start; i < end; i++) sorted[at++] = items[i]!;
  }
  return sorted;
}

interface ReportRun {
  reportPath: string;
  start: number;
  end: number;
  /** Already in compareInReport's order, as the sort checks it: no passage before the one ahead of it. */
  ordered: boolean;
}

/** The runs of passages of one report each (a report in two runs has two), or undefined when a position is not a number. */
function reportRuns(items: readonly EvidenceItem[]): ReportRun[] | undefined {
  const runs: ReportRun[] = [];
  let run: ReportRun | undefined;
  // Each passage's fields read once (their objects have many shapes, so every read is slow): compareInReport's
  // test of a passage against the one before it, with the start already at hand.
  let previousStart = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const reportPath = item.reportPath;
    const start = item.position?.start ?? Infinity;
    if (!Number.isFinite(start) && start !== Infinity) return undefined;
    if (run && reportPath === run.reportPath) {
      if (run.ordered) {
        const after = start - previousStart;
        if (after < 0 || (!(after > 0) && item.tagId.localeCompare(items[i - 1]!.tagId) < 0)) run.ordered = false;
      }
    } else {
      if (run) run.end = i;
      runs.push((run = { reportPath, start: i, end: items.length, ordered: true }));
    }
    previousStart = start;
  }
  return runs;
}
