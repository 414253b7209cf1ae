// Grades over time per authority and judgement area, from each report's own judgements (earlier
// inspections mentioned in a report are not its grades and are left out).

import type { AuthorityGrades, EvidenceReport } from './evidenceModel';
import { authorityKey } from '../vocabulary/authorityKey';

export function gradesOverTime(reports: readonly EvidenceReport[]): AuthorityGrades[] {
  const byAuthority = new Map<string, AuthorityGrades>();
  const dated = [...reports].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path));
  for (const report of dated) {
    if (!report.authority || report.judgements.length === 0) continue;
    const key = authorityKey(report.authority);
    let entry = byAuthority.get(key);
    if (!entry) byAuthority.set(key, (entry = { authority: report.authority, areas: {} }));
    const { date, path: reportPath, kind } = report;
    // Two literals rather than a spread of the optional date: V8 copies a spread object slowly (about a microsecond).
    for (const { area, grade } of report.judgements) (entry.areas[area] ??= []).push(date ? { date, reportPath, kind, grade } : { reportPath, kind, grade });
  }
  return [...byAuthority.values()].sort((a, b) => a.authority.localeCompare(b.authority));
}
