// Areas for improvement that come back: within one authority's reports, improvements from different
// reports are linked when they are tagged with a shared theme or their wording is similar
// (WORDING_SIMILARITY_THRESHOLD); linked improvements form one recurring group (union-find).
// Only pairs within one authority are linked, and not by comparing every pair: a theme links all its improvements
// at once, and an index of words finds the few pairs whose wording could be similar (linkByWording). The result is
// the one comparing every pair gives (test/unit/evidence/recurringImprovements.test.ts keeps that as its model).
// Only the local authority's own items count: the safeguarding children board's (SIF reports list them too) are
// the board's to act on, so the same board item in two reports is not the council's recurring weakness.

import type { EvidenceReport, RecurringImprovement, RecurringOccurrence, ReportImprovement } from './evidenceModel';
import { authorityKey } from '../vocabulary/authorityKey';
import { OWNER_WORDS } from '../vocabulary/labels';
import { contentWordIds, numberedWordCount, renumberWordsIfLarge, sortedJaccard, WORDING_SIMILARITY_THRESHOLD } from './wordingSimilarity';

interface Candidate {
  occurrence: RecurringOccurrence;
  reportIndex: number;
  /** The content words as ascending numbers: pairs compare by merging. */
  words: Int32Array;
}

const isCouncils = (improvement: ReportImprovement): boolean => improvement.owner === 'local-authority';

const THEME = 1;
const WORDING = 2;

export function findRecurringImprovements(
  reports: readonly EvidenceReport[],
  threshold = WORDING_SIMILARITY_THRESHOLD,
): RecurringImprovement[] {
  renumberWordsIfLarge();
  const authorities: Array<{ name: string; candidates: Candidate[] }> = [];
  for (const { name, reports: own } of reportsByAuthority(reports)) {
    if (own.length < 2) continue;
    own.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    authorities.push({ name, candidates: candidatesOf(own) });
  }
  // Sized once all texts are numbered, so that every word number has its place.
  const index = wordIndexFor(numberedWordCount());
  const result: RecurringImprovement[] = [];
  for (const { name, candidates } of authorities) {
    const links = new Links(candidates.length);
    linkByTheme(candidates, links);
    if (threshold > 0) linkByWording(candidates, threshold, links, index);
    else linkEveryPairByWording(candidates, threshold, links);
    recurringGroups(name, candidates, links, result);
  }
  return result.sort((a, b) => a.authority.localeCompare(b.authority) || (a.years[0] ?? 0) - (b.years[0] ?? 0));
}

/** The reports with some council item, by authority (keyed however it is printed), named as first met. */
function reportsByAuthority(reports: readonly EvidenceReport[]): Iterable<{ name: string; reports: EvidenceReport[] }> {
  const byAuthority = new Map<string, { name: string; reports: EvidenceReport[] }>();
  // A corpus prints each authority's name a few ways at most: key each way once.
  const keyOf = new Map<string, string>();
  for (const report of reports) {
    if (!report.authority || !report.improvements.some(isCouncils)) continue;
    let key = keyOf.get(report.authority);
    if (key === undefined) keyOf.set(report.authority, (key = authorityKey(report.authority)));
    const entry = byAuthority.get(key);
    if (entry) entry.reports.push(report);
    else byAuthority.set(key, { name: report.authority, reports: [report] });
  }
  return byAuthority.values();
}

/** The council's improvements of one authority's reports (oldest report first), in report order. */
function candidatesOf(own: readonly EvidenceReport[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (let reportIndex = 0; reportIndex < own.length; reportIndex++) {
    const { path: reportPath, date, improvements } = own[reportIndex]!;
    const year = date ? Number(date.slice(0, 4)) : 0;
    for (let i = 0; i < improvements.length; i++) {
      const improvement = improvements[i]!;
      if (!isCouncils(improvement)) continue;
      const { text, themeIds } = improvement;
      candidates.push({
        // The keys in the order they always had: the result is written out as JSON.
        occurrence: date ? { reportPath, date, year, text, themeIds } : { reportPath, text, themeIds },
        reportIndex,
        words: contentWordIds(text),
      });
    }
  }
  return candidates;
}

/** Union-find over one authority's candidates, with why each candidate was linked (THEME, WORDING bits). */
class Links {
  private readonly parent: Int32Array;
  readonly reasons: Uint8Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
    this.reasons = new Uint8Array(size);
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  }

  link(i: number, j: number, reason: number): void {
    const ri = this.find(i);
    const rj = this.find(j);
    if (ri !== rj) this.parent[ri] = rj;
    this.reasons[i]! |= reason;
    this.reasons[j]! |= reason;
  }
}

/**
 * Links every two candidates of different reports that share a theme. All candidates with one theme are linked
 * as soon as they span two reports: each then has a partner of another report among them, and those of one
 * report are joined through it; when they all lie in one report, no pair of them is linked.
 */
function linkByTheme(candidates: readonly Candidate[], links: Links): void {
  const byTheme = new Map<string, number[]>();
  for (let i = 0; i < candidates.length; i++) {
    const themeIds = candidates[i]!.occurrence.themeIds;
    for (let t = 0; t < themeIds.length; t++) {
      const members = byTheme.get(themeIds[t]!);
      if (!members) byTheme.set(themeIds[t]!, [i]);
      else if (members[members.length - 1] !== i) members.push(i);
    }
  }
  for (const members of byTheme.values()) {
    const first = members[0]!;
    const firstReport = candidates[first]!.reportIndex;
    if (!members.some((i) => candidates[i]!.reportIndex !== firstReport)) continue;
    for (const i of members) links.link(first, i, THEME);
  }
}

/** The wording test of a pair: the index is at most the smaller set's share of the larger, so that bound goes first. */
function similarWording(a: Int32Array, b: Int32Array, threshold: number): boolean {
  const small = Math.min(a.length, b.length);
  const large = Math.max(a.length, b.length);
  return small >= threshold * large && sortedJaccard(a, b) >= threshold;
}

/** A threshold of 0 or below passes pairs that share no word, which the index never finds: then every pair is tested. */
function linkEveryPairByWording(candidates: readonly Candidate[], threshold: number, links: Links): void {
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i]!;
      const b = candidates[j]!;
      if (a.reportIndex !== b.reportIndex && similarWording(a.words, b.words, threshold)) links.link(i, j, WORDING);
    }
  }
}

/**
 * How many of a word set's words, in descending number order, must include a word of every set it is similar to
 * (prefix filtering): a pair with index t or more shares at least ceil(t * size) words of each set, so its first
 * shared word lies within the first size - ceil(t * size) + 1 of both. The share is taken a hair low, so that a
 * pair whose index rounds up to the threshold (2 / 5 against 0.4) is never missed; a longer prefix only tests more.
 */
function prefixLength(size: number, threshold: number): number {
  const shared = Math.max(1, Math.ceil(threshold * size * (1 - 1e-9)));
  return Math.max(0, size - shared + 1);
}

/**
 * The fewest words two sets of `sizes` words in all must share for an index of `threshold`: shared / (sizes -
 * shared) >= t when shared >= t * sizes / (1 + t); a hair low, like prefixLength, so that no passing pair is skipped.
 */
function fewestShared(sizes: number, threshold: number): number {
  return Math.ceil(((threshold * sizes) / (1 + threshold)) * (1 - 1e-9));
}

/**
 * Word number to the candidates whose prefix holds it, as linked lists in flat arrays, with how many of the
 * candidate's words follow it in the prefix order. Kept between calls and authorities: a list head counts only
 * when it carries the current authority's stamp, so nothing needs emptying.
 */
interface WordIndex {
  heads: Int32Array;
  stamps: Int32Array;
  stamp: number;
  readonly candidate: number[];
  readonly wordsAfter: number[];
  readonly next: number[];
}

let wordIndex: WordIndex | undefined;

function wordIndexFor(wordCount: number): WordIndex {
  if (!wordIndex) wordIndex = { heads: new Int32Array(0), stamps: new Int32Array(0), stamp: 0, candidate: [], wordsAfter: [], next: [] };
  if (wordIndex.heads.length < wordCount) {
    const size = Math.max(wordCount, wordIndex.heads.length * 2);
    wordIndex.heads = new Int32Array(size);
    wordIndex.stamps = new Int32Array(size);
    wordIndex.stamp = 0;
  }
  // Stamps count authorities compared: start again long before they would overflow an Int32Array.
  if (wordIndex.stamp > 0x3fffffff) {
    wordIndex.stamps.fill(0);
    wordIndex.stamp = 0;
  }
  return wordIndex;
}

/**
 * Links the candidates of different reports whose wording is similar (similarWording), testing only the pairs that
 * share a word within both prefixes (prefixLength), each once, and only when their words after the first shared one
 * could still share enough (positional filtering). Needs a threshold above 0.
 */
function linkByWording(candidates: readonly Candidate[], threshold: number, links: Links, index: WordIndex): void {
  const { heads, stamps, candidate: entryCandidate, wordsAfter, next } = index;
  const stamp = ++index.stamp;
  entryCandidate.length = 0;
  wordsAfter.length = 0;
  next.length = 0;
  // Which candidate last met each earlier one: a pair sharing several prefix words is tested once.
  const metBy = new Int32Array(candidates.length).fill(-1);
  for (let i = 0; i < candidates.length; i++) {
    const { words, reportIndex } = candidates[i]!;
    // Words are stored ascending and taken in descending order: words[k] has k words after it.
    const prefixEnd = words.length - prefixLength(words.length, threshold);
    for (let k = words.length - 1; k >= prefixEnd; k--) {
      const word = words[k]!;
      for (let entry = stamps[word] === stamp ? heads[word]! : -1; entry >= 0; entry = next[entry]!) {
        const j = entryCandidate[entry]!;
        if (metBy[j] === i) continue;
        // First met at their first shared word: no word before it in either set is shared.
        metBy[j] = i;
        const other = candidates[j]!;
        if (other.reportIndex === reportIndex) continue;
        if (1 + Math.min(k, wordsAfter[entry]!) < fewestShared(words.length + other.words.length, threshold)) continue;
        if (similarWording(other.words, words, threshold)) links.link(j, i, WORDING);
      }
    }
    for (let k = words.length - 1; k >= prefixEnd; k--) {
      const word = words[k]!;
      entryCandidate.push(i);
      wordsAfter.push(k);
      next.push(stamps[word] === stamp ? heads[word]! : -1);
      heads[word] = entryCandidate.length - 1;
      stamps[word] = stamp;
    }
  }
}

/** The linked groups that span two reports or more, in order of their first candidate, added to the result. */
function recurringGroups(name: string, candidates: readonly Candidate[], links: Links, result: RecurringImprovement[]): void {
  const roots = new Int32Array(candidates.length);
  const sizes = new Int32Array(candidates.length);
  const reasons = new Uint8Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const root = (roots[i] = links.find(i));
    sizes[root]!++;
    reasons[root]! |= links.reasons[i]!;
  }
  const groups = new Map<number, Candidate[]>();
  for (let i = 0; i < candidates.length; i++) {
    const root = roots[i]!;
    // Most candidates stand alone: no group for them.
    if (sizes[root]! < 2) continue;
    const members = groups.get(root);
    if (members) members.push(candidates[i]!);
    else groups.set(root, [candidates[i]!]);
  }
  for (const [root, members] of groups) {
    if (new Set(members.map((m) => m.reportIndex)).size < 2) continue;
    const occurrences = members.map((m) => m.occurrence);
    const themeCounts = new Map<string, Set<string>>();
    for (const o of occurrences) for (const id of o.themeIds) themeCounts.set(id, (themeCounts.get(id) ?? new Set()).add(o.reportPath));
    result.push({
      authority: name,
      occurrences,
      years: [...new Set(occurrences.flatMap((o) => (o.year ? [o.year] : [])))].sort((a, b) => a - b),
      matchedBy: (['theme', 'wording'] as const).filter((r) => (reasons[root]! & (r === 'theme' ? THEME : WORDING)) !== 0),
      sharedThemeIds: [...themeCounts].filter(([, paths]) => paths.size >= 2).map(([id]) => id).sort(),
    });
  }
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
