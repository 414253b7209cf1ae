// Deciding whether one of the places a passage could be is the tag's own words, or whether to orphan the tag.
//
// Three kinds of evidence are weighed together: the quote (exact, or a few edits off), the stored context either
// side (32 characters each) and the expected position (the stored offset moved as the neighbouring tags moved).
// No one of them is proof by itself: a quote that now occurs exactly once, with other words around it and far
// from its place, is more likely another occurrence left behind after the tagged one was deleted than the tag's
// own words. A candidate is accepted when
//   - both sides of its context still read nearly as stored (wherever it is: a moved paragraph), or
//   - it is near its expected place and one side reads as stored; for a short quote (a phrase such as "The local
//     authority", which repeats) the other side too, nearly: "X. The local authority reviews plans. The local
//     authority audits plans." with the first sentence deleted leaves the second one's phrase at the same place
//     after the same words, and only the words after it tell that it is not the tagged one;
//   - it is near its place with most of its context, or at its very place with a long quote;
// words on a running page footer need their context exactly as stored, and no other copy reading as well;
// and it must be clearly better than the next candidate, ranked by differences in characters (quote edits,
// context edits, a penalty for splitting a word, and a penalty growing with the log of the distance).

import type { Candidate } from './candidateSearch';

/** 'repeated': refused by the counts stored with the tag (anchor.repeats), see reanchoring.ts. */
export type OrphanReason = 'not-found' | 'only-elsewhere' | 'ambiguous' | 'weak-match' | 'empty-quote' | 'repeated';

export type Judgement =
  | { accepted: true; candidate: Candidate; cost: number }
  | { accepted: false; reason: Exclude<OrphanReason, 'empty-quote' | 'repeated'>; candidates: number };

/** What the page layout says of a candidate's place (see PassageFinder). */
export interface Layout {
  /** It or its context touches a line printed more than once. */
  onRepeatedLine(c: Candidate): boolean;
  /** Its own words are on a running page footer. */
  onFooterLine(c: Candidate): boolean;
}
const NO_LAYOUT: Layout = { onRepeatedLine: () => false, onFooterLine: () => false };

/** The runner-up must cost at least this many characters more than the best for the best to be taken. */
const MARGIN = 4;
const WORD_SPLIT_PENALTY = 8;
/** Distance (view characters) within which a candidate counts as at its expected place. */
export const NEAR = 64;
const AT_PLACE = 8;
/** Quotes at least this long carry weight of their own; shorter ones need context on both sides. */
const SUBSTANTIAL_QUOTE = 32;
const LONG_QUOTE = 64;
const SHORT_QUOTE = 16;
/** Similarity each context side needs where its words alone must tell the passage apart: at most 3 edits in 32. */
const CLOSE_SIDE = 0.9;
/** Far from its place, a side may differ by a letter or so: a moved paragraph keeps its sentences' words. */
const FAR_SIDE = 0.95;
/** Characters of context (normalised, both sides) needed to place a passage by its context alone, away from its place. */
const MIN_CONTEXT_WEIGHT = 32;

/** Cost of being `distance` view characters from the expected place: 0 there, 20 at 256, 36 at 4,000. */
export function positionPenalty(distance: number | undefined): number {
  return distance === undefined ? 0 : 4 * Math.log2(1 + distance / 8);
}

function cost(c: Candidate, expected: number | undefined): number {
  const distance = expected === undefined ? undefined : Math.abs(c.start - expected);
  return c.errors + c.prefixEdits + c.suffixEdits + (c.splitsWord ? WORD_SPLIT_PENALTY : 0) + positionPenalty(distance);
}

function similarity(edits: number, weight: number): number {
  return weight === 0 ? 1 : 1 - edits / weight;
}

/**
 * The lesser similarity of the two sides to the context as stored: the words before a passage that began the
 * document (now preceded by others) are not counted against it. A side with no stored context counts as 1.
 */
function worstStored(c: Candidate): number {
  const side = (known: boolean, edits: number, weight: number, extra: number): number => (known ? similarity(Math.max(0, edits - extra), weight - extra) : 1);
  return Math.min(side(c.prefixKnown, c.prefixEdits, c.prefixWeight, c.prefixExtra), side(c.suffixKnown, c.suffixEdits, c.suffixWeight, c.suffixExtra));
}

/** Whether quote, context and position of this candidate agree well enough (see the file comment). */
function agrees(c: Candidate, expected: number | undefined, layout: Layout): boolean {
  const m = c.end - c.start;
  // A side with no stored context (all of it was a page footer) is no evidence either way.
  const prefix = c.prefixKnown ? similarity(c.prefixEdits, c.prefixWeight) : undefined;
  const suffix = c.suffixKnown ? similarity(c.suffixEdits, c.suffixWeight) : undefined;
  const context = similarity(c.prefixEdits + c.suffixEdits, c.prefixWeight + c.suffixWeight);
  // The better and (with both known) the worse side, written out: every candidate judged comes here.
  const best = prefix === undefined ? Math.max(0, suffix ?? 0) : Math.max(0, prefix, suffix ?? 0);
  const worst = prefix !== undefined && suffix !== undefined ? Math.min(prefix, suffix) : undefined;
  // Words on a running page footer: the copies differ only by a page number, if at all, so the context must read
  // exactly as stored; a copy one digit off is another page's.
  if (c.prefixEdits + c.suffixEdits > c.prefixExtra + c.suffixExtra && layout.onFooterLine(c)) return false;
  // Inside a longer word only a long quote, with surroundings that say so.
  if (c.splitsWord && (m < SHORT_QUOTE || context < 0.6)) return false;
  // Away from its place only with both sides, of some length together: one side alone ("... with too little
  // urgency.") can recur, and so can a short context.
  const distance = expected === undefined ? undefined : Math.abs(c.start - expected);
  const fullSides = c.prefixWeight + c.suffixWeight >= MIN_CONTEXT_WEIGHT || (c.prefixAtEdge && c.suffixWeight >= MIN_CONTEXT_WEIGHT / 2) || (c.suffixAtEdge && c.prefixWeight >= MIN_CONTEXT_WEIGHT / 2);
  // Nor where it or its context is on a line printed more than once (a page footer, a stock heading): there
  // the same words with the same surroundings are expected elsewhere, and only the position tells them apart.
  // Far from its place, nearly all of it: stock endings ("... with too little urgency.") make near misses common.
  // A short quote ("The local authority") needs both sides nearly as stored even at its place: deleting its
  // sentence slides the next one holding the phrase into the very same place after the very same words.
  // Far from its place, each side nearly as stored too: two sentences ending alike ("... life-story work without
  // delay.") before the same stock sentence differ by a few letters of the words after it.
  const near = distance !== undefined && distance <= NEAR;
  const sides = !near ? FAR_SIDE : m < SUBSTANTIAL_QUOTE ? CLOSE_SIDE : 0.6;
  if (worst !== undefined && fullSides && worstStored(c) >= sides && worst >= 0.6 && (near ? context >= 0.8 : context >= 0.9 && !layout.onRepeatedLine(c))) return true;
  if (distance === undefined) return false;
  if (distance > NEAR) return false;
  if (m < SUBSTANTIAL_QUOTE) return best >= 0.9 && worstStored(c) >= CLOSE_SIDE;
  if (best >= 0.9) return true;
  if (context >= 0.6 && (worst ?? best) >= 0.4) return true;
  if (distance > AT_PLACE) return false;
  return m >= LONG_QUOTE || (m >= SUBSTANTIAL_QUOTE && context >= 0.5);
}

/** The tag's own words among the candidates, or why there are none. */
export function judge(candidates: readonly Candidate[], expected: number | undefined, layout: Layout = NO_LAYOUT): Judgement {
  if (candidates.length === 0) return { accepted: false, reason: 'not-found', candidates: 0 };
  const ranked = candidates.map((c) => ({ c, cost: cost(c, expected) })).sort((x, y) => x.cost - y.cost);
  const best = ranked[0]!;
  const runnerUp = ranked[1];
  if (runnerUp !== undefined && runnerUp.cost - best.cost < MARGIN) return { accepted: false, reason: 'ambiguous', candidates: ranked.filter((r) => r.cost - best.cost < MARGIN).length };
  // Copies of a running footer read alike: one nearer its place is no better, only a guess.
  const contextEdits = (c: Candidate): number => c.errors + c.prefixEdits + c.suffixEdits;
  if (runnerUp !== undefined && contextEdits(runnerUp.c) <= contextEdits(best.c) && layout.onFooterLine(best.c)) return { accepted: false, reason: 'ambiguous', candidates: 2 };
  if (agrees(best.c, expected, layout)) return { accepted: true, candidate: best.c, cost: best.cost };
  const exactOnly = candidates.every((c) => c.errors === 0);
  const nearby = expected !== undefined && candidates.some((c) => Math.abs(c.start - expected) <= NEAR);
  return { accepted: false, reason: exactOnly && !nearby ? 'only-elsewhere' : 'weak-match', candidates: candidates.length };
}

/**
 * Whether an accepted candidate found near the expected place settles it: nothing outside `radius` can cost
 * less than positionPenalty(radius), so no candidate there could be better or as good.
 */
export function settlesWithin(judgement: Judgement, radius: number): boolean {
  return judgement.accepted && judgement.cost + MARGIN <= positionPenalty(radius);
}

/** How well the passage matches its stored quote and context, 0..1 (reported with found tags). */
export function matchScore(c: Candidate): number {
  const quote = 1 - c.errors / Math.max(1, c.end - c.start);
  const context = similarity(c.prefixEdits + c.suffixEdits, c.prefixWeight + c.suffixWeight);
  return Math.round((0.7 * quote + 0.3 * context) * 1000) / 1000;
}
