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

/** Recurring improvements and grades over time, per authority, worked out again only for the authorities touched. */
export class AuthorityTally {
  private readonly reports = new Map<string, Map<string, EvidenceReport>>();
  private readonly results = new Map<string, { recurring: RecurringImprovement[]; grades: AuthorityGrades[] }>();
  private readonly touched = new Set<string>();

  add(report: EvidenceReport): void {
    const key = keyOf(report);
    if (key === undefined) return;
    let own = this.reports.get(key);
    if (!own) this.reports.set(key, (own = new Map()));
    own.set(report.path, report);
    this.touched.add(key);
  }

  remove(report: EvidenceReport): void {
    const key = keyOf(report);
    if (key === undefined) return;
    this.reports.get(key)?.delete(report.path);
    this.touched.add(key);
  }

  /** As findRecurringImprovements and gradesOverTime give them over every report. */
  summaries(): { recurringImprovements: RecurringImprovement[]; gradesOverTime: AuthorityGrades[] } {
    for (const key of this.touched) {
      const own = [...(this.reports.get(key)?.values() ?? [])].sort((a, b) => compareReportPaths(a.path, b.path));
      if (own.length === 0) {
        this.reports.delete(key);
        this.results.delete(key);
      } else this.results.set(key, { recurring: findRecurringImprovements(own), grades: gradesOverTime(own) });
    }
    this.touched.clear();
    const results = [...this.results.values()];
    return {
      recurringImprovements: results.flatMap((r) => r.recurring).sort((a, b) => a.authority.localeCompare(b.authority) || (a.years[0] ?? 0) - (b.years[0] ?? 0)),
      gradesOverTime: results.flatMap((r) => r.grades).sort((a, b) => a.authority.localeCompare(b.authority)),
    };
  }
}

function keyOf(report: EvidenceReport): string | undefined {
  return report.authority ? authorityKey(report.authority) : undefined;
}
