// Finding tags again when the report text changed outside the editor (its hash differs from the sidecar's).
//
// Order, per tag (in order of old position):
// (a) the stored position, if the exact quote is still there with some of its context;
//     fast paths, on the raw text: the exact quote and whole context where the previous tag moved to, or the
//     quote with its whole context occurring exactly once;
// (b) exact occurrences of the quote in a normalised view of the text (textNormalisation.ts: whitespace,
//     hyphenation, quotes, footers), ranked by differences in characters (context edit distance, plus a penalty
//     for splitting a word), then by distance to where the tag is expected;
// (c) approximate occurrences (approx-string-match), at most maxErrorRate errors per quote character, for quotes
//     of 20 characters or more whose surroundings still match at least half, first in a window around the
//     expected position, then in the whole text;
// (d) otherwise orphaned, keeping the stored anchor.
// When candidates are about equally good and the position does not clearly prefer one of the best, the tag is
// orphaned as 'ambiguous' rather than put on words that may be the wrong ones. The expected position is the old
// one shifted by the move of the nearest tag found unambiguously, so an insertion at the top does not make every
// repeated phrase ambiguous. Orphaned tags are tried again like any other.

import search from 'approx-string-match';
import { createAnchor, QUOTE_CONTEXT_CHARS } from './anchorCreation';
import { OccurrenceIndex } from './occurrenceIndex';
import type { Anchor, Tag } from '../sidecar/sidecarModel';
import {
  normaliseForMatching,
  repeatedLineKeys,
  toNormalisedOffset,
  toOriginalRange,
  type NormalisedText,
} from './textNormalisation';

export type ReanchorStatus = 'stayed' | 'moved' | 'orphaned';
export type OrphanReason = 'not-found' | 'ambiguous' | 'weak-match' | 'empty-quote';

export interface ReanchorTagResult {
  id: string;
  status: ReanchorStatus;
  /** How well the new passage matches the stored quote and context, 0..1 (found tags only). */
  score?: number;
  /** How it was found. */
  method?: 'position' | 'exact' | 'approximate';
  reason?: OrphanReason;
}

export interface ReanchorResult {
  tags: Tag[];
  summary: { stayed: number; moved: number; orphaned: number };
  /** One per input tag, in the same order. */
  results: ReanchorTagResult[];
}

export interface ReanchorOptions {
  /** Most edit errors an approximate match may have, per character of the quote. Default 0.15. */
  maxErrorRate?: number;
  /** Characters either side of the expected position searched approximately before the whole text. Default 2000. */
  searchWindow?: number;
}

const DEFAULT_MAX_ERROR_RATE = 0.15;
const DEFAULT_SEARCH_WINDOW = 2000;
/** Quotes shorter than this (normalised) need supporting context to be accepted away from their position. */
const SHORT_QUOTE = 16;
const MAX_CANDIDATES = 200;
/** Consecutive failed searches of the raw text for a quote with its whole context before giving that search up. */
const RAW_MISSES_ALLOWED = 16;
const MIN_APPROXIMATE_QUOTE = 20;
const MIN_APPROXIMATE_CONTEXT = 0.5;
const WORD_SPLIT_PENALTY = 8;
const MIN_SPLIT_WORD_CONTEXT = 0.6;
/** A quote this long found exactly at its old position is taken there whatever its context. */
const LONG_QUOTE = 64;

interface NormalisedQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored context was cut short by the start / end of the document. */
  atStart: boolean;
  atEnd: boolean;
  dropFooters: boolean;
}

interface Candidate {
  start: number;
  end: number;
  /** Edit errors in the quote itself. */
  errors: number;
  /** Quote errors plus context errors, in characters (plus a penalty for splitting a word). */
  differences: number;
  /** The passage began or ended on a word boundary, and here it would not ("managers" in "managers1"). */
  splitsWord: boolean;
  match: number;
  context: number;
}

type Outcome =
  | { found: true; anchor: Anchor; score: number; method: 'exact' | 'approximate'; delta: number }
  | { found: false; reason: OrphanReason };

export function reanchorTags(tags: readonly Tag[], newText: string, options: ReanchorOptions = {}): ReanchorResult {
  const matcher = new TextMatcher(newText, options);
  const results: ReanchorTagResult[] = new Array(tags.length);
  const out: Tag[] = new Array(tags.length);
  // Deltas (new start - old start) of tags found unambiguously, to predict where the others went.
  const anchors: { oldStart: number; delta: number }[] = [];
  const pending: number[] = [];

  // In order of old position, so the shift of one tag predicts the next one's.
  // A malformed stored position (a hand-edited sidecar) is no hint: such tags are found by their quote alone.
  const hasPlace = (tag: Tag): boolean => {
    const { start, end } = tag.anchor.position;
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start;
  };
  const order = tags
    .map((_t, i) => i)
    .sort((x, y) => (hasPlace(tags[x]!) ? tags[x]!.anchor.position.start : Infinity) - (hasPlace(tags[y]!) ? tags[y]!.anchor.position.start : Infinity) || x - y);
  let lastDelta = 0;
  let rawMisses = 0;
  for (const i of order) {
    const tag = tags[i]!;
    const { start, end } = tag.anchor.position;
    const quote = tag.anchor.quote;
    const placed = hasPlace(tag);
    // Still at its place, with some of its context: a short quote alone could be another occurrence shifted there.
    if (placed && quote.exact.length > 0 && end <= newText.length && newText.startsWith(quote.exact, start) && contextHolds(newText, quote, start)) {
      out[i] = attach(tag, createAnchor(newText, start, end));
      results[i] = { id: tag.id, status: 'stayed', score: 1, method: 'position' };
      anchors.push({ oldStart: start, delta: 0 });
      lastDelta = 0;
      continue;
    }
    // Where the tag before it went, the exact quote with its whole context intact: nothing else could be better.
    if (placed && lastDelta !== 0 && quote.exact.length > 0 && start + lastDelta >= 0 && hasWholeQuoteAt(newText, quote, start + lastDelta)) {
      out[i] = attach(tag, createAnchor(newText, start + lastDelta, end + lastDelta));
      results[i] = { id: tag.id, status: 'moved', score: 1, method: 'exact' };
      anchors.push({ oldStart: start, delta: lastDelta });
      continue;
    }
    // The quote with its whole context occurs once, unchanged: found without building the normalised view.
    // Given up after many misses in a row: then the text was reflowed and the normalised search is the way.
    const whole = quote.prefix + quote.exact + quote.suffix;
    const wholeAt = quote.exact.length > 0 && rawMisses < RAW_MISSES_ALLOWED ? newText.indexOf(whole) : -1;
    if (wholeAt < 0) rawMisses++;
    if (wholeAt >= 0 && newText.indexOf(whole, wholeAt + 1) < 0 && edgesHold(newText, quote, wholeAt + quote.prefix.length)) {
      rawMisses = 0;
      const at = wholeAt + quote.prefix.length;
      out[i] = attach(tag, createAnchor(newText, at, at + quote.exact.length));
      results[i] = { id: tag.id, status: 'moved', score: 1, method: 'exact' };
      if (placed) {
        anchors.push({ oldStart: start, delta: at - start });
        lastDelta = at - start;
      }
      continue;
    }
    const outcome = matcher.findUnique(tag);
    if (outcome === undefined) {
      pending.push(i);
      continue;
    }
    settle(i, tag, outcome);
    if (outcome.found && placed) {
      anchors.push({ oldStart: start, delta: outcome.delta });
      lastDelta = outcome.delta;
    }
  }

  anchors.sort((x, y) => x.oldStart - y.oldStart);
  for (const i of pending) {
    const tag = tags[i]!;
    const expected = hasPlace(tag) ? tag.anchor.position.start + nearestDelta(anchors, tag.anchor.position.start) : 0;
    settle(i, tag, matcher.find(tag, expected));
  }

  const summary = { stayed: 0, moved: 0, orphaned: 0 };
  for (const r of results) summary[r.status]++;
  return { tags: out, summary, results };

  function settle(i: number, tag: Tag, outcome: Outcome): void {
    if (outcome.found) {
      out[i] = attach(tag, outcome.anchor);
      results[i] = { id: tag.id, status: 'moved', score: round(outcome.score), method: outcome.method };
    } else {
      out[i] = tag.orphaned === true ? tag : { ...tag, orphaned: true };
      results[i] = { id: tag.id, status: 'orphaned', reason: outcome.reason };
    }
  }
}

/** A context shorter than usual was cut by the document's start or end, and must be so again. */
function edgesHold(text: string, quote: Anchor['quote'], at: number): boolean {
  return (
    (quote.prefix.length >= QUOTE_CONTEXT_CHARS || at === quote.prefix.length) &&
    (quote.suffix.length >= QUOTE_CONTEXT_CHARS || at + quote.exact.length + quote.suffix.length === text.length)
  );
}

function contextHolds(text: string, quote: Anchor['quote'], at: number): boolean {
  const end = at + quote.exact.length;
  if (!wordBoundariesMatch(text, quote, at, end)) return false;
  const prefixHolds = at >= quote.prefix.length && text.startsWith(quote.prefix, at - quote.prefix.length) && (quote.prefix.length >= QUOTE_CONTEXT_CHARS || at === quote.prefix.length);
  const suffixHolds = text.startsWith(quote.suffix, end) && (quote.suffix.length >= QUOTE_CONTEXT_CHARS || end + quote.suffix.length === text.length);
  return quote.exact.length >= LONG_QUOTE || prefixHolds || suffixHolds;
}

function hasWholeQuoteAt(text: string, quote: Anchor['quote'], at: number): boolean {
  return (
    edgesHold(text, quote, at) &&
    text.startsWith(quote.exact, at) &&
    text.startsWith(quote.suffix, at + quote.exact.length) &&
    at >= quote.prefix.length &&
    text.startsWith(quote.prefix, at - quote.prefix.length)
  );
}

function attach(tag: Tag, anchor: Anchor): Tag {
  const same =
    tag.orphaned !== true &&
    anchor.position.start === tag.anchor.position.start &&
    anchor.position.end === tag.anchor.position.end &&
    anchor.quote.exact === tag.anchor.quote.exact &&
    anchor.quote.prefix === tag.anchor.quote.prefix &&
    anchor.quote.suffix === tag.anchor.quote.suffix;
  if (same) return tag;
  const { orphaned: _orphaned, ...rest } = tag;
  return { ...rest, anchor };
}

/** Searches one new text; the normalised views are built once, on first need. */
class TextMatcher {
  private footerKeys: Set<string> | undefined;
  private readonly views = new Map<boolean, NormalisedText>();
  private readonly indexes = new Map<boolean, OccurrenceIndex>();
  private readonly maxErrorRate: number;
  private readonly window: number;

  constructor(
    private readonly text: string,
    options: ReanchorOptions,
  ) {
    this.maxErrorRate = Math.min(0.5, Math.max(0, options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE));
    this.window = Math.max(0, options.searchWindow ?? DEFAULT_SEARCH_WINDOW);
  }

  /** The tag's one exact occurrence, if it has exactly one; undefined when it needs the expected position. */
  findUnique(tag: Tag): Outcome | undefined {
    const quote = this.normaliseQuote(tag);
    if (quote === undefined) return { found: false, reason: 'empty-quote' };
    const view = this.view(quote.dropFooters);
    const found = this.index(quote.dropFooters).find(quote.exact, 2);
    if (found.length !== 1) return undefined;
    const first = found[0]!;
    if (!wordBoundariesMatch(view.text, quote, first, first + quote.exact.length)) return undefined;
    const candidate = this.score(view, quote, first, first + quote.exact.length, 0);
    if (quote.exact.length < SHORT_QUOTE && candidate.context < 0.5) return undefined;
    return this.outcome(tag, view, candidate, 'exact');
  }

  find(tag: Tag, expectedOriginal: number): Outcome {
    const quote = this.normaliseQuote(tag);
    if (quote === undefined) return { found: false, reason: 'empty-quote' };
    const outcome = this.findQuote(tag, quote, expectedOriginal);
    if (outcome.found || outcome.reason !== 'not-found' || !quote.dropFooters) return outcome;
    // A passage that is itself a repeated line (the title, also printed in every footer) is only in the full view.
    const full = normaliseQuote(tag.anchor.quote, undefined, false);
    return full === undefined ? outcome : this.findQuote(tag, full, expectedOriginal);
  }

  private findQuote(tag: Tag, quote: NormalisedQuote, expectedOriginal: number): Outcome {
    const view = this.view(quote.dropFooters);
    const expected = toNormalisedOffset(view, expectedOriginal);
    const q = quote.exact;

    // All of them: with a cap, the right one could be among those left out while a worse one is taken.
    const positions = this.index(quote.dropFooters).find(q);
    if (positions.length > 0) {
      // Shortcut with the same result as scoring them all: when the occurrence nearest the expected position is
      // perfect (no difference in quote or context), only occurrences close enough to rival it need scoring.
      const nearest = positions.reduce((a, b) => (Math.abs(b - expected) < Math.abs(a - expected) ? b : a));
      const best = this.score(view, quote, nearest, nearest + q.length, 0);
      const radius = 3 * Math.abs(nearest - expected) + 64;
      const rivals = best.differences === 0 ? positions.filter((at) => at !== nearest && Math.abs(at - expected) < radius) : positions.filter((at) => at !== nearest);
      const exact = [best, ...rivals.map((at) => this.score(view, quote, at, at + q.length, 0))];
      return this.decide(tag, view, exact, expected, 'exact');
    }

    // Short quotes are not matched approximately: one wrong letter in a few words is often another word.
    const maxErrors = Math.floor(q.length * this.maxErrorRate);
    if (maxErrors === 0 || q.length < MIN_APPROXIMATE_QUOTE) return { found: false, reason: 'not-found' };
    const reach = Math.max(this.window, 2 * q.length);
    const from = Math.max(0, expected - reach);
    const to = Math.min(view.text.length, expected + q.length + reach);
    if (from > 0 || to < view.text.length) {
      const near = this.approximate(view, quote, from, to, maxErrors);
      // A close, well-placed match near the expected position is taken without searching the whole report.
      if (near.length > 0) {
        const outcome = this.decide(tag, view, near, expected, 'approximate');
        const best = near[0]!;
        if (outcome.found && best.errors <= maxErrors / 2 && best.context >= 0.5) return outcome;
      }
    }
    const all = this.approximate(view, quote, 0, view.text.length, maxErrors);
    if (all.length === 0) return { found: false, reason: 'not-found' };
    return this.decide(tag, view, all, expected, 'approximate');
  }

  private decide(tag: Tag, view: NormalisedText, candidates: Candidate[], expected: number, method: 'exact' | 'approximate'): Outcome {
    // Differences counted in characters (quote errors plus context errors): a candidate whose words and
    // surroundings are intact beats one a few characters off, however near the other one is.
    const ranked = [...candidates].sort((x, y) => x.differences - y.differences || y.match - x.match);
    const top = ranked[0]!;
    const contenders = ranked.filter((c) => c.differences <= top.differences * 1.5 + 2);
    let chosen = top;
    if (contenders.length > 1) {
      // About equally good: only a clearly nearer one may win, and it must be one of the best.
      const byDistance = contenders.map((c) => ({ c, d: Math.abs(c.start - expected) })).sort((x, y) => x.d - y.d);
      const [first, second] = [byDistance[0]!, byDistance[1]!];
      if (first.c.differences > top.differences + 1 || second.d < 3 * first.d + 64) return { found: false, reason: 'ambiguous' };
      chosen = first.c;
    }
    if (chosen.end - chosen.start < SHORT_QUOTE && chosen.context < 0.5 && Math.abs(chosen.start - expected) > 64) {
      return { found: false, reason: 'weak-match' };
    }
    // Inside a longer word only a long quote, with surroundings that say so ("the drift in plans" glued to a
    // neighbour by a deletion); a short one there is as likely made of the remains of other words.
    if (chosen.splitsWord && (chosen.end - chosen.start < SHORT_QUOTE || chosen.context < MIN_SPLIT_WORD_CONTEXT)) {
      return { found: false, reason: 'weak-match' };
    }
    // A changed passage is only recognised where its surroundings are recognisable too.
    if (method === 'approximate' && chosen.context < MIN_APPROXIMATE_CONTEXT) return { found: false, reason: 'weak-match' };
    return this.outcome(tag, view, chosen, method);
  }


  private outcome(tag: Tag, view: NormalisedText, c: Candidate, method: 'exact' | 'approximate'): Outcome {
    const { start, end } = toOriginalRange(view, c.start, c.end);
    return { found: true, anchor: createAnchor(this.text, start, end), score: c.match, method, delta: start - tag.anchor.position.start };
  }

  /** Distinct approximate matches in view[from, to), best first, each trimmed to whole characters of the view. */
  private approximate(view: NormalisedText, quote: NormalisedQuote, from: number, to: number, maxErrors: number): Candidate[] {
    const matches = search(view.text.slice(from, to), quote.exact, maxErrors).sort((x, y) => x.errors - y.errors || x.start - y.start);
    const chosen: Candidate[] = [];
    for (const m of matches) {
      let start = m.start + from;
      let end = m.end + from;
      while (start < end && view.text[start] === ' ') start++;
      while (end > start && view.text[end - 1] === ' ') end--;
      if (end <= start) continue;
      if (chosen.some((c) => start < c.end && c.start < end)) continue;
      chosen.push(this.score(view, quote, start, end, m.errors));
      if (chosen.length >= MAX_CANDIDATES) break;
    }
    return chosen.sort((x, y) => y.match - x.match);
  }

  private score(view: NormalisedText, quote: NormalisedQuote, start: number, end: number, errors: number): Candidate {
    // A short stored context means the passage began (or ended) the document: compare with a full-length window
    // then, so a candidate in mid-text does not look perfect.
    const before = view.text.slice(Math.max(0, start - (quote.atStart ? QUOTE_CONTEXT_CHARS : quote.prefix.length)), start);
    const after = view.text.slice(end, end + (quote.atEnd ? QUOTE_CONTEXT_CHARS : quote.suffix.length));
    const weight = Math.max(before.length, quote.prefix.length) + Math.max(after.length, quote.suffix.length);
    const contextErrors = editDistance(before, quote.prefix) + editDistance(after, quote.suffix);
    const context = weight === 0 ? 0.5 : 1 - contextErrors / weight;
    const quoteSimilarity = 1 - errors / Math.max(1, quote.exact.length);
    const splitsWord = !wordBoundariesMatch(view.text, quote, start, end);
    const differences = errors + contextErrors + (splitsWord ? WORD_SPLIT_PENALTY : 0);
    return { start, end, errors, context, differences, splitsWord, match: 0.7 * quoteSimilarity + 0.3 * context };
  }


  private normaliseQuote(tag: Tag): NormalisedQuote | undefined {
    return normaliseQuote(tag.anchor.quote, this.keys(), true) ?? normaliseQuote(tag.anchor.quote, undefined, false);
  }

  private keys(): Set<string> {
    this.footerKeys ??= repeatedLineKeys(this.text);
    return this.footerKeys;
  }

  private index(dropFooters: boolean): OccurrenceIndex {
    let index = this.indexes.get(dropFooters);
    if (index === undefined) {
      index = new OccurrenceIndex(this.view(dropFooters).text);
      this.indexes.set(dropFooters, index);
    }
    return index;
  }

  private view(dropFooters: boolean): NormalisedText {
    let view = this.views.get(dropFooters);
    if (view === undefined) {
      view = normaliseForMatching(this.text, dropFooters ? { dropLineKeys: this.keys() } : { dropPageNumbers: false });
      this.views.set(dropFooters, view);
    }
    return view;
  }
}

/** The quote and its context in the matching view, normalised together so hyphenation across their seams is seen. */
function normaliseQuote(quote: Anchor['quote'], keys: Set<string> | undefined, dropFooters: boolean): NormalisedQuote | undefined {
  const whole = quote.prefix + quote.exact + quote.suffix;
  const view = normaliseForMatching(whole, dropFooters ? { dropLineKeys: keys, partialEdges: true } : { dropPageNumbers: false });
  const exactStart = quote.prefix.length;
  const exactEnd = exactStart + quote.exact.length;
  let i0 = lowerBound(view.starts, exactStart);
  let i1 = lowerBound(view.starts, exactEnd);
  while (i0 < i1 && view.text[i0] === ' ') i0++;
  while (i1 > i0 && view.text[i1 - 1] === ' ') i1--;
  if (i1 <= i0) return undefined;
  return {
    exact: view.text.slice(i0, i1),
    prefix: view.text.slice(0, i0),
    suffix: view.text.slice(i1),
    atStart: quote.prefix.length < QUOTE_CONTEXT_CHARS,
    atEnd: quote.suffix.length < QUOTE_CONTEXT_CHARS,
    dropFooters,
  };
}

function lowerBound(values: Int32Array, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A passage that began (ended) on a word boundary is not found inside a longer word: "managers" in "managers1". */
function wordBoundariesMatch(text: string, quote: { exact: string; prefix: string; suffix: string }, start: number, end: number): boolean {
  const startsWord = isWordChar(quote.exact.charCodeAt(0)) && !isWordChar(quote.prefix.charCodeAt(quote.prefix.length - 1));
  const endsWord = isWordChar(quote.exact.charCodeAt(quote.exact.length - 1)) && !isWordChar(quote.suffix.charCodeAt(0));
  return !(startsWord && isWordChar(text.charCodeAt(start - 1))) && !(endsWord && isWordChar(text.charCodeAt(end)));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** NaN (outside the string) is no word character. */
function isWordChar(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return true;
  return code >= 0xc0 && WORD_CHAR.test(String.fromCharCode(code));
}

/** Delta of the found tag whose old start is nearest at or before oldStart (else the nearest after), or 0. */
function nearestDelta(anchors: readonly { oldStart: number; delta: number }[], oldStart: number): number {
  if (anchors.length === 0) return 0;
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (anchors[mid]!.oldStart <= oldStart) lo = mid + 1;
    else hi = mid;
  }
  return (lo > 0 ? anchors[lo - 1]! : anchors[0]!).delta;
}

/** Levenshtein distance of two short context strings. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
