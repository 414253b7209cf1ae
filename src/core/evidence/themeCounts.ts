// Counts per theme x report and theme x judgement area. A passage tagged with two themes counts once
// for each; reports without passages are simply absent from perReport (the report list shows the gap).

import type { EvidenceItem, ThemeSummary } from './evidenceModel';

export const NO_JUDGEMENT_AREA = 'none';

export function countThemes(items: readonly EvidenceItem[]): ThemeSummary[] {
  const byId = new Map<string, ThemeSummary>();
  for (const item of items) {
    for (const theme of item.themes) {
      let summary = byId.get(theme.id);
      if (!summary) {
        summary = { themeId: theme.id, label: theme.label, total: 0, perReport: {}, perArea: {} };
        byId.set(theme.id, summary);
      }
      summary.total++;
      summary.perReport[item.reportPath] = (summary.perReport[item.reportPath] ?? 0) + 1;
      const area = item.judgementArea ?? NO_JUDGEMENT_AREA;
      summary.perArea[area] = (summary.perArea[area] ?? 0) + 1;
    }
  }
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label) || a.themeId.localeCompare(b.themeId));
}
