// The summaries of an evidence set kept up to date report by report, for the incremental index (evidenceIndex.ts):
// theme counts by adding and taking away one report's passages, and recurring improvements and grades over time
// worked out again for the one authority whose report changed. Each gives what summariseEvidence.ts gives for
// the same reports (a theme's label is the first one met, as there).

import type { AuthorityGrades, EvidenceItem, EvidenceReport, RecurringImprovement, ThemeSummary } from './evidenceModel';
import { NO_JUDGEMENT_AREA } from './themeCounts';
import { findRecurringImprovements } from './recurringImprovements';
import { gradesOverTime } from './gradesOverTime';
import { authorityKey } from '../vocabulary/authorityKey';
import { compareReportPaths } from './summariseEvidence';

/**
 * Theme counts over every report held. The summaries are updated in place: a set made earlier shares them, and is
 * meant to be replaced by the one made after the update (as the Evidence view does).
 */
export class ThemeTally {
  private readonly byId = new Map<string, ThemeSummary>();

  add(items: readonly EvidenceItem[]): void {
    this.count(items, 1);
  }

  remove(items: readonly EvidenceItem[]): void {
    this.count(items, -1);
  }

  /** As countThemes orders them. */
  summaries(): ThemeSummary[] {
    return [...this.byId.values()].sort((a, b) => a.label.localeCompare(b.label) || a.themeId.localeCompare(b.themeId));
  }

  private count(items: readonly EvidenceItem[], by: 1 | -1): void {
    for (const item of items) {
      for (const theme of item.themes) {
        let summary = this.byId.get(theme.id);
        if (!summary) this.byId.set(theme.id, (summary = { themeId: theme.id, label: theme.label, total: 0, perReport: {}, perArea: {} }));
        summary.total += by;
        bump(summary.perReport, item.reportPath, by);
        bump(summary.perArea, item.judgementArea ?? NO_JUDGEMENT_AREA, by);
        if (summary.total === 0) this.byId.delete(theme.id);
      }
    }
  }
}

function bump(counts: Record<string, number>, key: string, by: number): void {
  const next = (counts[key] ?? 0) + by;
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

/**
 * localeCompare's order (a collator of the default locale, as the whole collection sorts), without making one per
 * call: sorting a national set's 1,300 recurring improvements on every update took 1.5 ms with localeCompare.
 */
const compareText = new Intl.Collator().compare;

/** Recurring improvements and grades over time, per authority, worked out again only for the authorities touched. */
export class AuthorityTally {
  private readonly reports = new Map<string, Map<string, EvidenceReport>>();
  private readonly results = new Map<string, { recurring: RecurringImprovement[]; grades: AuthorityGrades[] }>();
  private readonly touched = new Set<string>();
  /** Reports taken out and not (yet) put back, by path: one put back unchanged for the summaries touches nothing. */
  private readonly takenOut = new Map<string, { key: string; report: EvidenceReport }>();
  private merged: { recurringImprovements: RecurringImprovement[]; gradesOverTime: AuthorityGrades[] } | undefined;

  add(report: EvidenceReport): void {
    const key = keyOf(report);
    const was = this.takenOut.get(report.path);
    this.takenOut.delete(report.path);
    if (was && (was.key !== key || !sameForSummaries(was.report, report))) this.touched.add(was.key);
    if (key === undefined) return;
    let own = this.reports.get(key);
    if (!own) this.reports.set(key, (own = new Map()));
    own.set(report.path, report);
    // A tag added or removed elsewhere in a report leaves its authority's summaries as they were.
    if (!was || was.key !== key || !sameForSummaries(was.report, report)) this.touched.add(key);
  }

  remove(report: EvidenceReport): void {
    const key = keyOf(report);
    if (key === undefined) return;
    this.reports.get(key)?.delete(report.path);
    this.takenOut.set(report.path, { key, report });
  }

  /** As findRecurringImprovements and gradesOverTime give them over every report. */
  summaries(): { recurringImprovements: RecurringImprovement[]; gradesOverTime: AuthorityGrades[] } {
    for (const { key } of this.takenOut.values()) this.touched.add(key);
    this.takenOut.clear();
    for (const key of this.touched) {
      const own = [...(this.reports.get(key)?.values() ?? [])].sort((a, b) => compareReportPaths(a.path, b.path));
      if (own.length === 0) {
        this.reports.delete(key);
        this.results.delete(key);
      } else this.results.set(key, { recurring: findRecurringImprovements(own), grades: gradesOverTime(own) });
    }
    // Merged and sorted again only when some authority's summaries were worked out again.
    if (this.touched.size > 0 || !this.merged) {
      const results = [...this.results.values()];
      this.merged = {
        recurringImprovements: results.flatMap((r) => r.recurring).sort((a, b) => compareText(a.authority, b.authority) || (a.years[0] ?? 0) - (b.years[0] ?? 0)),
        gradesOverTime: results.flatMap((r) => r.grades).sort((a, b) => compareText(a.authority, b.authority)),
      };
    }
    this.touched.clear();
    return { recurringImprovements: [...this.merged.recurringImprovements], gradesOverTime: [...this.merged.gradesOverTime] };
  }
}

function keyOf(report: EvidenceReport): string | undefined {
  return report.authority ? authorityKey(report.authority) : undefined;
}

/** Whether two foldings of a report give its authority the same summaries: what findRecurringImprovements and gradesOverTime read. */
function sameForSummaries(a: EvidenceReport, b: EvidenceReport): boolean {
  return a.authority === b.authority && a.date === b.date && a.kind === b.kind && JSON.stringify(a.improvements) === JSON.stringify(b.improvements) && JSON.stringify(a.judgements) === JSON.stringify(b.judgements);
}
