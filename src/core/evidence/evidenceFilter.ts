// Filters narrow an evidence set; counts, recurring improvements and grades are recomputed on the
// result. Theme and grade filters narrow passages only: every report of the chosen authority, kind
// and dates stays listed, so a report with no matching passage shows as a gap.

import type { EvidenceFilter, EvidenceItem, EvidenceReport, EvidenceSet } from './evidenceModel';
import { authorityKey } from '../vocabulary/authorityKey';
import { countThemes } from './themeCounts';
import { findRecurringImprovements } from './recurringImprovements';
import { gradesOverTime } from './gradesOverTime';

export function reportMatches(report: Pick<EvidenceReport, 'authority' | 'kind' | 'date'>, filter: EvidenceFilter): boolean {
  if (filter.authority !== undefined) {
    if (!report.authority || authorityKey(report.authority) !== authorityKey(filter.authority)) return false;
  }
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(report.kind)) return false;
  if (filter.since || filter.until) {
    if (!report.date) return false;
    if (filter.since && report.date < filter.since) return false;
    if (filter.until && report.date > filter.until) return false;
  }
  return true;
}

export function itemMatches(item: EvidenceItem, filter: EvidenceFilter): boolean {
  if (filter.themeIds && filter.themeIds.length > 0 && !item.themes.some((t) => filter.themeIds!.includes(t.id))) return false;
  if (filter.grades && filter.grades.length > 0 && (!item.grade || !filter.grades.includes(item.grade))) return false;
  return true;
}

/** Whether the filter can leave anything out: exactly the conditions reportMatches and itemMatches test. */
export function narrows(filter: EvidenceFilter): boolean {
  return filter.authority !== undefined || !!filter.kinds?.length || !!filter.since || !!filter.until || !!filter.themeIds?.length || !!filter.grades?.length;
}

/**
 * The set as filtered; the set itself when the filter keeps everything (its summaries are those of its passages
 * already): recounting half a million passages for no filter took a second on every refresh of the Evidence view.
 */
export function narrowEvidence(set: EvidenceSet, filter: EvidenceFilter): EvidenceSet {
  return narrows(filter) ? filterEvidence(set, filter) : set;
}

/** The set's reports and passages that match, with counts, recurring improvements and grades made again for them. */
export function filterEvidence(set: EvidenceSet, filter: EvidenceFilter): EvidenceSet {
  const reports = set.reports.filter((r) => reportMatches(r, filter));
  const kept = new Set(reports.map((r) => r.path));
  const items = set.items.filter((i) => kept.has(i.reportPath) && itemMatches(i, filter));
  return {
    ...set,
    reports,
    items,
    themes: countThemes(items),
    recurringImprovements: findRecurringImprovements(reports),
    gradesOverTime: gradesOverTime(reports),
    // A problem about a file outside the filter is still a problem with the input: keep them all.
    problems: set.problems,
  };
}
