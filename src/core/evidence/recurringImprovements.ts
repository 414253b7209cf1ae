// Areas for improvement that come back: within one authority's reports, improvements from different
// reports are linked when they are tagged with a shared theme or their wording is similar
// (WORDING_SIMILARITY_THRESHOLD); linked improvements form one recurring group (union-find).
// Only pairs within one authority are compared, so the work grows with the largest authority, not the corpus.
// Only the local authority's own items count: the safeguarding children board's (SIF reports list them too) are
// the board's to act on, so the same board item in two reports is not the council's recurring weakness.

import type { EvidenceReport, RecurringImprovement, RecurringOccurrence, ReportImprovement } from './evidenceModel';
import { authorityKey } from '../vocabulary/authorityKey';
import { OWNER_WORDS } from '../vocabulary/labels';
import { contentWordIds, renumberWordsIfLarge, sortedJaccard, WORDING_SIMILARITY_THRESHOLD } from './wordingSimilarity';

interface Candidate {
  occurrence: RecurringOccurrence;
  reportIndex: number;
  /** The content words as ascending numbers: pairs compare by merging. */
  words: Int32Array;
}

const isCouncils = (improvement: ReportImprovement): boolean => improvement.owner === 'local-authority';

export function findRecurringImprovements(
  reports: readonly EvidenceReport[],
  threshold = WORDING_SIMILARITY_THRESHOLD,
): RecurringImprovement[] {
  renumberWordsIfLarge();
  const byAuthority = new Map<string, { name: string; reports: EvidenceReport[] }>();
  for (const report of reports) {
    if (!report.authority || !report.improvements.some(isCouncils)) continue;
    const key = authorityKey(report.authority);
    const entry = byAuthority.get(key) ?? { name: report.authority, reports: [] };
    entry.reports.push(report);
    byAuthority.set(key, entry);
  }

  const result: RecurringImprovement[] = [];
  for (const { name, reports: own } of byAuthority.values()) {
    if (own.length < 2) continue;
    own.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    const candidates: Candidate[] = [];
    own.forEach((report, reportIndex) => {
      for (const improvement of report.improvements) {
        if (!isCouncils(improvement)) continue;
        candidates.push({
          occurrence: {
            reportPath: report.path,
            ...(report.date ? { date: report.date, year: Number(report.date.slice(0, 4)) } : {}),
            text: improvement.text,
            themeIds: improvement.themeIds,
          },
          reportIndex,
          words: contentWordIds(improvement.text),
        });
      }
    });

    const parent = candidates.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    // Why each group's members were linked, kept on its root; a link within one group only adds its reason.
    const how = new Map<number, Set<'theme' | 'wording'>>();
    const link = (i: number, j: number, reason: 'theme' | 'wording'): void => {
      const ri = find(i);
      const rj = find(j);
      const reasons = how.get(rj) ?? new Set<'theme' | 'wording'>();
      if (ri !== rj) {
        for (const r of how.get(ri) ?? []) reasons.add(r);
        how.delete(ri);
        parent[ri] = rj;
      }
      reasons.add(reason);
      how.set(rj, reasons);
    };
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      for (let j = i + 1; j < candidates.length; j++) {
        const b = candidates[j]!;
        if (a.reportIndex === b.reportIndex) continue;
        if (sharesTheme(a.occurrence.themeIds, b.occurrence.themeIds)) link(i, j, 'theme');
        // The index is at most the smaller set's share of the larger: most pairs fail that bound unmerged.
        const small = Math.min(a.words.length, b.words.length);
        const large = Math.max(a.words.length, b.words.length);
        if (small >= threshold * large && sortedJaccard(a.words, b.words) >= threshold) link(i, j, 'wording');
      }
    }

    const groups = new Map<number, Candidate[]>();
    candidates.forEach((candidate, i) => {
      const root = find(i);
      const members = groups.get(root);
      if (members) members.push(candidate);
      else groups.set(root, [candidate]);
    });
    for (const [root, members] of groups) {
      if (new Set(members.map((m) => m.reportIndex)).size < 2) continue;
      const occurrences = members.map((m) => m.occurrence);
      const themeCounts = new Map<string, Set<string>>();
      for (const o of occurrences) for (const id of o.themeIds) themeCounts.set(id, (themeCounts.get(id) ?? new Set()).add(o.reportPath));
      result.push({
        authority: name,
        occurrences,
        years: [...new Set(occurrences.flatMap((o) => (o.year ? [o.year] : [])))].sort((a, b) => a - b),
        matchedBy: (['theme', 'wording'] as const).filter((r) => how.get(root)?.has(r)),
        sharedThemeIds: [...themeCounts].filter(([, paths]) => paths.size >= 2).map(([id]) => id).sort(),
      });
    }
  }
  return result.sort((a, b) => a.authority.localeCompare(b.authority) || (a.years[0] ?? 0) - (b.years[0] ?? 0));
}

/** True when the two improvements' tags share a theme (a few ids each: a plain scan, no closure per pair). */
function sharesTheme(a: readonly string[], b: readonly string[]): boolean {
  for (const id of a) for (const other of b) if (id === other) return true;
  return false;
}

/**
 * Says what the recurring analysis left out, for the view and the Markdown export, when the reports list the
 * board's items too: "Only the local authority's areas for improvement are compared; 4 items of the Local
 * Safeguarding Children Board (LSCB) are left out." Undefined when every item is the council's.
 */
export function recurringScopeNote(reports: readonly EvidenceReport[]): string | undefined {
  const board = reports.reduce((n, r) => n + r.improvements.filter((i) => !isCouncils(i)).length, 0);
  if (board === 0) return undefined;
  const { name, short } = OWNER_WORDS.lscb;
  return `Only the local authority's areas for improvement are compared; ${board} item${board === 1 ? '' : 's'} of ${name} (${short}) ${board === 1 ? 'is' : 'are'} left out.`;
}
