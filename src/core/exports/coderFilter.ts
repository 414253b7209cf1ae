// Evidence limited to one coder's tags (a moderation's "agreed" coder, or one of the two coders): every export
// (CSV, Markdown, JSON, REFI-QDA) then holds that coder's coding alone. Reports stay listed (with their gaps);
// counts, theme summaries and recurring areas for improvement are worked out again from the coder's passages.

import { filterEvidence } from '../evidence/evidenceFilter';
import type { EvidenceSet } from '../evidence/evidenceModel';

export interface CoderLimit {
  set: EvidenceSet;
  /** Every coder of the set before limiting, with their passages, so a name not found can be answered with the names there are. */
  coders: Map<string, number>;
}

export function limitEvidenceToCoder(set: EvidenceSet, coder: string): CoderLimit {
  const coders = new Map<string, number>();
  for (const item of set.items) if (item.author) coders.set(item.author, (coders.get(item.author) ?? 0) + 1);
  const items = set.items.filter((i) => i.author === coder);
  const kept = new Set(items.map((i) => i.tagId));
  const themesByReport = new Map<string, Set<string>>();
  for (const i of items) {
    let themes = themesByReport.get(i.reportPath);
    if (!themes) themesByReport.set(i.reportPath, (themes = new Set()));
    for (const t of i.themes) themes.add(t.id);
  }
  const reports = set.reports.map((r) => {
    const own = items.filter((i) => i.reportPath === r.path);
    const themes = themesByReport.get(r.path) ?? new Set<string>();
    return {
      ...r,
      tagCount: own.length,
      orphanedCount: own.filter((i) => i.orphaned).length,
      // An improvement's themes came from every coder's tags over it; those of themes this coder never used in the
      // report are dropped. (The set keeps no improvement ranges, so a theme the coder used elsewhere in the same
      // report stays: the one approximation here.)
      improvements: r.improvements.map((imp) => ({ ...imp, themeIds: imp.themeIds.filter((id) => themes.has(id)) })),
    };
  });
  // A problem about another coder's tag (orphaned) is not this coder's; problems about files stay.
  const problems = set.problems.filter((p) => p.tagId === undefined || kept.has(p.tagId));
  // An empty filter works the summaries out again from the reports and passages given.
  return { set: filterEvidence({ ...set, reports, items, problems }, {}), coders };
}

/** One line for a coder not found among the tags: the names there are. */
export function coderNotFoundMessage(coder: string, coders: ReadonlyMap<string, number>): string {
  const names = [...coders.keys()].sort((a, b) => a.localeCompare(b));
  return `no passages were coded by "${coder}"; ${names.length === 0 ? 'no tag records a coder (author)' : `the coders are: ${names.map((n) => `${n} (${coders.get(n)})`).join(', ')}`}`;
}
