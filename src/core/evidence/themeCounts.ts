// Counts per theme x report and theme x judgement area. A passage tagged with two themes counts once
// for each; reports without passages are simply absent from perReport (the report list shows the gap).

import type { EvidenceItem, ThemeSummary } from './evidenceModel';

export const NO_JUDGEMENT_AREA = 'none';

/** A theme's summary as it is counted: its passages in the report met last, and per area, are added up at the end. */
interface ThemeTally {
  summary: ThemeSummary;
  reportPath: string;
  inReport: number;
  perArea: Map<string, number>;
}

/**
 * A set's passages lie report by report, so each theme's count for a report is added to perReport once, when the
 * theme meets another report (500,000 passages at national scale, a few dozen themes per report); perReport and
 * perArea still list their keys in the order the passages first name them.
 */
export function countThemes(items: readonly EvidenceItem[]): ThemeSummary[] {
  const byId = new Map<string, ThemeTally>();
  for (const item of items) {
    const reportPath = item.reportPath;
    const area = item.judgementArea ?? NO_JUDGEMENT_AREA;
    for (const theme of item.themes) {
      let tally = byId.get(theme.id);
      if (!tally) {
        tally = { summary: { themeId: theme.id, label: theme.label, total: 0, perReport: {}, perArea: {} }, reportPath, inReport: 0, perArea: new Map() };
        byId.set(theme.id, tally);
      } else if (tally.reportPath !== reportPath) {
        addReportCount(tally);
        tally.reportPath = reportPath;
      }
      tally.summary.total++;
      tally.inReport++;
      tally.perArea.set(area, (tally.perArea.get(area) ?? 0) + 1);
    }
  }
  const summaries: ThemeSummary[] = [];
  for (const tally of byId.values()) {
    addReportCount(tally);
    for (const [area, count] of tally.perArea) tally.summary.perArea[area] = count;
    summaries.push(tally.summary);
  }
  return summaries.sort((a, b) => a.label.localeCompare(b.label) || a.themeId.localeCompare(b.themeId));
}

function addReportCount(tally: ThemeTally): void {
  const { perReport } = tally.summary;
  perReport[tally.reportPath] = (perReport[tally.reportPath] ?? 0) + tally.inReport;
  tally.inReport = 0;
}
