// Where a tag's passage could now be: occurrences of its stored quote in a normalised view of the new text
// (textNormalisation.ts: whitespace, hyphenation, quotes, footers), each measured against the stored context.
// Searching is cheap by construction: first a small window around the expected position (a slice, never the
// whole text), then the whole text only through the occurrence index, built once per text: exact occurrences of
// the quote, and for an edited quote, approximate matches next to exact occurrences of its context or of its own
// first and last words.

import search from 'approx-string-match';
import { QUOTE_CONTEXT_CHARS } from './anchorCreation';
import { findByScanning, OccurrenceIndex } from './occurrenceIndex';
import type { Anchor } from '../sidecar/sidecarModel';
import { footerLineCounts, footerLineKey, keysRepeated, matchingView, normaliseAt, type MatchingView } from './textNormalisation';

export interface NormalisedQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored context was cut short by the start / end of the document. */
  atStart: boolean;
  atEnd: boolean;
  dropFooters: boolean;
}

/** One place the passage could be, in view offsets, with how much of the stored quote and context differs there. */
export interface Candidate {
  start: number;
  end: number;
  /** Edit errors in the quote itself. */
  errors: number;
  prefixEdits: number;
  prefixWeight: number;
  suffixEdits: number;
  suffixWeight: number;
  /** False when the stored context on that side was empty (all of it a page footer): no evidence either way. */
  prefixKnown: boolean;
  suffixKnown: boolean;
  /** Characters compared on that side beyond a stored context cut short by the document's start (end). */
  prefixExtra: number;
  suffixExtra: number;
  /** The stored context on that side was cut short by the document's start (end), and is so here too. */
  prefixAtEdge: boolean;
  suffixAtEdge: boolean;
  /** The passage began or ended on a word boundary, and here it would not ("managers" in "managers1"). */
  splitsWord: boolean;
}

/** Quotes shorter than this are never matched approximately: one wrong letter in a few words is often another word. */
export const MIN_APPROXIMATE_QUOTE = 20;
/** A string this common says nothing about where one passage is: not used as a seed for the whole-text search. */
const MAX_SEED_OCCURRENCES = 16;
const SEED_CHARS = 16;
/** Exact occurrences of one quote scored at most; more than this and the quote is a stock phrase. */
const MAX_EXACT = 4096;
/** Look-ups in the text itself answered by scanning before its occurrence index is built. */
const SCANS_BEFORE_INDEX = 64;

/** Searches one new text; the normalised views and their indexes are built once, on first need. */
export class PassageFinder {
  private footerKeys: Set<string> | undefined;
  private repeated: Set<string> | undefined;
  private twoPageFooters: Set<string> | undefined;
  private footerCounts: Map<string, number> | undefined;
  /** The views without and with page footers (asked for with every look-up: fields, not a map). */
  private viewWithoutFooters: MatchingView | undefined;
  private viewWithFooters: MatchingView | undefined;
  private readonly indexes = new Map<boolean, OccurrenceIndex>();
  private textIndex: OccurrenceIndex | undefined;
  private textScans = 0;
  private lineLengths: Map<number, number[]> | undefined;
  private readonly cuts = new WeakMap<Anchor['quote'], Anchor['quote']>();

  constructor(readonly text: string) {}

  /** The quote in the view without page footers, or (a quote of footer text) in the full view. */
  normaliseQuote(quote: Anchor['quote']): NormalisedQuote | undefined {
    return normaliseQuote(this.withoutFooters(quote), quote, true, this.keys()) ?? normaliseQuote(quote, quote, false);
  }

  /** Whether the stored context (or quote) holds a piece of a running footer, left out of the comparison. */
  cutsFooter(quote: Anchor['quote']): boolean {
    return this.withoutFooters(quote) !== quote;
  }

  /** withoutCutFooters, once per stored quote: each tag asks for it more than once. */
  private withoutFooters(quote: Anchor['quote']): Anchor['quote'] {
    let cut = this.cuts.get(quote);
    if (cut === undefined) {
      cut = withoutCutFooters(quote, this.keys());
      this.cuts.set(quote, cut);
    }
    return cut;
  }

  /** The quote in the full view: a passage that is itself a repeated line (a title also printed in every footer). */
  fullQuote(quote: Anchor['quote']): NormalisedQuote | undefined {
    return normaliseQuote(quote, quote, false);
  }

  view(dropFooters: boolean): MatchingView {
    if (dropFooters) return (this.viewWithoutFooters ??= matchingView(this.text, { dropLineKeys: this.keys() }));
    return (this.viewWithFooters ??= matchingView(this.text, { dropPageNumbers: false }));
  }

  toView(quote: NormalisedQuote, original: number): number {
    return this.view(quote.dropFooters).toView(original);
  }

  toOriginal(quote: NormalisedQuote, c: { start: number; end: number }): { start: number; end: number } {
    return this.view(quote.dropFooters).toOriginal(c.start, c.end);
  }

  /** Starts of `needle` in the text itself (not a view), ascending, at most `limit`: built once, for many look-ups. */
  findInText(needle: string, limit: number): number[] {
    // Indexing the whole text costs as much as some dozens of scans of it: a re-anchoring that looks up a few
    // passages (a re-conversion: only tags beside a page footer) scans; one that looks up many builds the index.
    if (this.textIndex === undefined && this.textScans++ < SCANS_BEFORE_INDEX) return this.findAtLineBreaks(needle, limit) ?? findByScanning(this.text, needle, limit);
    this.textIndex ??= new OccurrenceIndex(this.text);
    return this.textIndex.find(needle, limit);
  }

  /**
   * What findByScanning gives for a needle holding two line breaks: a stored quote with its context keeps the line
   * breaks of the old text, so it can only start where the text has two line breaks just as far apart, with none
   * between. Of the needle's pairs of successive breaks, the one whose distance is rarest among the text's lines
   * is tried: a few such places cost less than a scan of the whole text. Undefined for other needles.
   */
  private findAtLineBreaks(needle: string, limit: number): number[] | undefined {
    const lines = (this.lineLengths ??= linesByLength(this.text));
    let best: { offset: number; starts: number[] } | undefined;
    for (let a = needle.indexOf('\n'), b = a < 0 ? -1 : needle.indexOf('\n', a + 1); b >= 0; a = b, b = needle.indexOf('\n', a + 1)) {
      const starts = lines.get(b - a) ?? [];
      if (best === undefined || starts.length < best.starts.length) best = { offset: a, starts };
    }
    if (best === undefined) return undefined;
    const found: number[] = [];
    for (const at of best.starts) {
      if (found.length >= limit) break;
      if (at >= best.offset && this.text.startsWith(needle, at - best.offset)) found.push(at - best.offset);
    }
    return found;
  }

  /** Starts (view offsets) of the quote's words anywhere in its view, ascending, at most `limit`. */
  viewOccurrences(quote: NormalisedQuote, limit: number): number[] {
    return this.index(quote.dropFooters).find(quote.exact, limit);
  }

  /** Exact occurrences within `radius` of `expected`. */
  exactNear(quote: NormalisedQuote, expected: number, radius: number): Candidate[] {
    const text = this.view(quote.dropFooters).text;
    const from = Math.max(0, expected - radius);
    const window = text.slice(from, Math.min(text.length, expected + radius + quote.exact.length));
    const found: Candidate[] = [];
    for (let at = window.indexOf(quote.exact); at >= 0; at = window.indexOf(quote.exact, at + 1)) {
      found.push(this.score(quote, from + at, from + at + quote.exact.length, 0));
    }
    return found;
  }

  /**
   * Whether the quote occurs exactly starting past exactNear's window but within approximateNear's, which reaches
   * maxErrors characters further.
   */
  exactBeyondNear(quote: NormalisedQuote, expected: number, radius: number, maxErrors: number): boolean {
    const text = this.view(quote.dropFooters).text;
    const m = quote.exact.length;
    const nearEnd = Math.min(text.length, expected + radius + m);
    const to = Math.min(text.length, nearEnd + maxErrors);
    const from = Math.max(0, expected - radius, nearEnd - m + 1);
    return to - from >= m && text.slice(from, to).includes(quote.exact);
  }

  /**
   * Approximate matches (at most maxErrors) within `radius` of `expected`, exact ones included; `scored` are
   * candidates already scored for this quote (exactNear's), taken as they are where the same passage is found.
   */
  approximateNear(quote: NormalisedQuote, expected: number, radius: number, maxErrors: number, scored: readonly Candidate[] = []): Candidate[] {
    const text = this.view(quote.dropFooters).text;
    return this.approximate(quote, Math.max(0, expected - radius), Math.min(text.length, expected + radius + quote.exact.length + maxErrors), maxErrors, scored);
  }

  /** Exact occurrences anywhere, through the index. */
  exactEverywhere(quote: NormalisedQuote): Candidate[] {
    return this.index(quote.dropFooters)
      .find(quote.exact, MAX_EXACT)
      .map((at) => this.score(quote, at, at + quote.exact.length, 0));
  }

  /**
   * Approximate matches anywhere that sit next to an exact occurrence of the stored context's nearest characters:
   * an edited passage is only taken far from its place when its surroundings still read as stored, and only such
   * a passage could rival one found near its place, so scanning the whole text would find nothing more of use.
   */
  approximateEverywhere(quote: NormalisedQuote, maxErrors: number): Candidate[] {
    const index = this.index(quote.dropFooters);
    const m = quote.exact.length;
    const windows: Array<[number, number]> = [];
    const seed = (needle: string, toWindow: (at: number) => [number, number]): void => {
      if (needle.length < 8) return;
      const found = index.find(needle, MAX_SEED_OCCURRENCES + 1);
      if (found.length <= MAX_SEED_OCCURRENCES) for (const at of found) windows.push(toWindow(at));
    };
    const prefixTail = quote.prefix.slice(-SEED_CHARS);
    seed(prefixTail, (at) => [at + prefixTail.length - maxErrors, at + prefixTail.length + m + 2 * maxErrors]);
    seed(quote.suffix.slice(0, SEED_CHARS), (at) => [at - m - 2 * maxErrors, at + maxErrors]);
    const found: Candidate[] = [];
    for (const [from, to] of mergeWindows(windows, this.view(quote.dropFooters).text.length)) {
      for (const c of this.approximate(quote, from, to, maxErrors)) if (!found.some((f) => overlaps(f, c))) found.push(c);
    }
    return found;
  }

  /** Distinct approximate matches in view[from, to), fewest errors first, each trimmed of spaces at its edges. */
  private approximate(quote: NormalisedQuote, from: number, to: number, maxErrors: number, scored: readonly Candidate[] = []): Candidate[] {
    const text = this.view(quote.dropFooters).text;
    if (to - from < quote.exact.length - maxErrors) return [];
    const window = text.slice(from, to);
    const matches = (exactMatches(window, quote.exact) ?? search(window, quote.exact, maxErrors)).sort((x, y) => x.errors - y.errors || x.start - y.start);
    const chosen: Candidate[] = [];
    for (const m of matches) {
      let start = m.start + from;
      let end = m.end + from;
      while (start < end && text[start] === ' ') start++;
      while (end > start && text[end - 1] === ' ') end--;
      // The fewest edits may take in the end of a neighbouring word ("alth county" for "assessments" replaced by
      // "county"): a passage that began (ended) on a word boundary begins (ends) on one again.
      const snapped = snapToWords(text, quote, start, end);
      const errors = snapped.start === start && snapped.end === end ? m.errors : editDistance(text.slice(snapped.start, snapped.end), quote.exact);
      ({ start, end } = snapped);
      if (end <= start || errors > maxErrors || chosen.some((c) => start < c.end && c.start < end)) continue;
      chosen.push(scored.find((c) => c.start === start && c.end === end && c.errors === errors) ?? this.score(quote, start, end, errors));
    }
    return chosen;
  }

  private score(quote: NormalisedQuote, start: number, end: number, errors: number): Candidate {
    const text = this.view(quote.dropFooters).text;
    // A short stored context means the passage began (or ended) the document: compare with a full-length window
    // then, so a candidate in mid-text does not look perfect.
    const before = text.slice(Math.max(0, start - (quote.atStart ? QUOTE_CONTEXT_CHARS : quote.prefix.length)), start);
    const after = text.slice(end, end + (quote.atEnd ? QUOTE_CONTEXT_CHARS : quote.suffix.length));
    return {
      start,
      end,
      errors,
      prefixEdits: editDistance(before, quote.prefix),
      prefixWeight: Math.max(before.length, quote.prefix.length),
      suffixEdits: editDistance(after, quote.suffix),
      suffixWeight: Math.max(after.length, quote.suffix.length),
      prefixKnown: quote.atStart || quote.prefix.length > 0,
      suffixKnown: quote.atEnd || quote.suffix.length > 0,
      prefixExtra: quote.atStart ? Math.max(0, before.length - quote.prefix.length) : 0,
      suffixExtra: quote.atEnd ? Math.max(0, after.length - quote.suffix.length) : 0,
      prefixAtEdge: quote.atStart && before.length <= quote.prefix.length,
      suffixAtEdge: quote.atEnd && after.length <= quote.suffix.length,
      splitsWord: !wordBoundariesMatch(text, quote, start, end),
    };
  }

  /**
   * Whether the candidate's own words are on a running page footer line, counted from two pages on (a footer
   * whose copy on one page was edited may be left on only one other).
   */
  onFooterLine(quote: NormalisedQuote, c: Candidate): boolean {
    // No footer on two pages or more, nothing to look up (isFooterText's answer, found without the look-ups).
    if (this.footersOfTwoPages().size === 0) return false;
    const view = this.view(quote.dropFooters);
    // Footers dropped from the view are not among its words (a passage that runs across a page break).
    return this.isFooterText(view.startOf(c.start) ?? 0, view.endOf(c.end - 1) ?? this.text.length, quote.dropFooters ? this.keys() : undefined);
  }

  /** Whether original[from, to] touches a running footer line (other than those in `dropped`). */
  isFooterText(from: number, to: number, dropped?: Set<string>): boolean {
    const footers = this.footersOfTwoPages();
    if (footers.size === 0) return false;
    return this.someLine(from, to, (line) => {
      const key = footerLineKey(line) ?? '';
      if (key.length < 16 || (dropped?.has(key) ?? false)) return false;
      // A footer cut short or run into by an edit ("... children's servic") is still footer text.
      for (const footer of footers) if (footer.startsWith(key) || key.startsWith(footer)) return true;
      return false;
    });
  }

  private footersOfTwoPages(): Set<string> {
    this.twoPageFooters ??= keysRepeated(this.lineCounts(), 2);
    return this.twoPageFooters;
  }

  /** Whether some line of the text overlapping original[from, to] passes `test`. */
  private someLine(from: number, to: number, test: (line: string) => boolean): boolean {
    let lineStart = Math.max(this.text.lastIndexOf('\n', from - 1), this.text.lastIndexOf('\r', from - 1)) + 1;
    while (lineStart <= to && lineStart < this.text.length) {
      let lineEnd = lineStart;
      while (lineEnd < this.text.length && this.text[lineEnd] !== '\n' && this.text[lineEnd] !== '\r') lineEnd++;
      if (test(this.text.slice(lineStart, lineEnd))) return true;
      lineStart = lineEnd + 1;
    }
    return false;
  }

  /** Whether the candidate, with its context, touches a line that the text holds more than once (and the view keeps). */
  onRepeatedLine(quote: NormalisedQuote, c: Candidate): boolean {
    const view = this.view(quote.dropFooters);
    const from = view.startOf(Math.max(0, c.start - quote.prefix.length)) ?? 0;
    const to = view.endOf(Math.min(view.text.length, c.end + quote.suffix.length) - 1) ?? this.text.length;
    const repeated = this.repeatedLines();
    let lineStart = Math.max(this.text.lastIndexOf('\n', from - 1), this.text.lastIndexOf('\r', from - 1)) + 1;
    while (lineStart <= to && lineStart < this.text.length) {
      let lineEnd = lineStart;
      while (lineEnd < this.text.length && this.text[lineEnd] !== '\n' && this.text[lineEnd] !== '\r') lineEnd++;
      const line = this.text.slice(lineStart, lineEnd);
      // Running footers dropped from the view are not compared at all, so they cannot mislead.
      if (repeated.has(lineText(line)) && !(quote.dropFooters && this.keys().has(footerLineKey(line) ?? ''))) return true;
      lineStart = lineEnd + 1;
    }
    return false;
  }

  private repeatedLines(): Set<string> {
    if (this.repeated === undefined) {
      const seen = new Set<string>();
      this.repeated = new Set<string>();
      for (const line of this.text.split(/\r\n|\r|\n/)) {
        const key = lineText(line);
        if (key.length < 8) continue;
        if (seen.has(key)) this.repeated.add(key);
        else seen.add(key);
      }
    }
    return this.repeated;
  }

  private keys(): Set<string> {
    this.footerKeys ??= keysRepeated(this.lineCounts());
    return this.footerKeys;
  }

  /** Counted once for both sets of footer keys (three pages and more; two). */
  private lineCounts(): Map<string, number> {
    this.footerCounts ??= footerLineCounts(this.text);
    return this.footerCounts;
  }

  private index(dropFooters: boolean): OccurrenceIndex {
    let index = this.indexes.get(dropFooters);
    if (index === undefined) {
      index = new OccurrenceIndex(this.view(dropFooters).text);
      this.indexes.set(dropFooters, index);
    }
    return index;
  }
}

/** Offsets of the text's '\n' characters, ascending, by the distance to the next one (a line's length plus one). */
function linesByLength(text: string): Map<number, number[]> {
  const lines = new Map<number, number[]>();
  for (let at = text.indexOf('\n'), next = at < 0 ? -1 : text.indexOf('\n', at + 1); next >= 0; at = next, next = text.indexOf('\n', at + 1)) {
    const starts = lines.get(next - at);
    if (starts === undefined) lines.set(next - at, [at]);
    else starts.push(at);
  }
  return lines;
}

/**
 * A line as compared for repeats: spaces collapsed, curly apostrophes straightened, numbers as '#': a footer's
 * date line differs from page to page only by its page number, and with two pages left it is the one sign that
 * a footer title (tagged, then deleted from one page) is a running footer.
 */
function lineText(line: string): string {
  return line.trim().replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/\d+/g, '#');
}

/**
 * What search(window, pattern, k) returns when the pattern occurs exactly in the window, found without the
 * bit-parallel scan: it reports only the matches with the fewest errors, and with none those are the exact
 * occurrences (overlapping ones too), each exactly the pattern's length. Undefined when there is none.
 */
export function exactMatches(window: string, pattern: string): Array<{ start: number; end: number; errors: number }> | undefined {
  let at = window.indexOf(pattern);
  if (at < 0) return undefined;
  const found: Array<{ start: number; end: number; errors: number }> = [];
  for (; at >= 0; at = window.indexOf(pattern, at + 1)) found.push({ start: at, end: at + pattern.length, errors: 0 });
  return found;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorted, clamped, overlapping windows joined. */
function mergeWindows(windows: Array<[number, number]>, length: number): Array<[number, number]> {
  const sorted = windows.map(([a, b]): [number, number] => [Math.max(0, a), Math.min(length, b)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push(w);
  }
  return merged;
}

/**
 * The quote and its context in the matching view, normalised together so hyphenation across their seams is seen.
 * `quote` is the stored one, without the footer pieces it was cut from when `dropFooters`.
 */
function normaliseQuote(quote: Anchor['quote'], stored: Anchor['quote'], dropFooters: boolean, keys?: Set<string>): NormalisedQuote | undefined {
  const whole = quote.prefix + quote.exact + quote.suffix;
  const exactStart = quote.prefix.length;
  const exactEnd = exactStart + quote.exact.length;
  const view = normaliseAt(whole, dropFooters ? { dropLineKeys: keys, partialEdges: true } : { dropPageNumbers: false }, [exactStart, exactEnd]);
  let i0 = view.at[0]!;
  let i1 = view.at[1]!;
  while (i0 < i1 && view.text[i0] === ' ') i0++;
  while (i1 > i0 && view.text[i1 - 1] === ' ') i1--;
  if (i1 <= i0) return undefined;
  return {
    exact: view.text.slice(i0, i1),
    prefix: view.text.slice(0, i0),
    suffix: view.text.slice(i1),
    atStart: stored.prefix.length < QUOTE_CONTEXT_CHARS,
    atEnd: stored.suffix.length < QUOTE_CONTEXT_CHARS,
    dropFooters,
  };
}

/**
 * The stored quote and context without the piece of a running footer they were cut from ("      44" before the
 * passage, "Inspection of Wexcombe local" after it, or a page number the passage itself began with): footers
 * move between conversions and are not in the matching view, so those pieces say nothing, and a passage is
 * found by its words. A passage that is all footer (a tagged title) is left whole.
 */
function withoutCutFooters(quote: Anchor['quote'], keys: Set<string> | undefined): Anchor['quote'] {
  let { prefix, exact, suffix } = quote;
  // The first and last line breaks of prefix + exact + suffix, found without joining them: this runs for every tag.
  const inPrefix = firstBreakIn(prefix);
  const inExact = inPrefix >= 0 ? -1 : firstBreakIn(exact);
  const firstBreak = inPrefix >= 0 ? inPrefix : inExact >= 0 ? prefix.length + inExact : -1;
  const beforeFirst = (): string => (firstBreak <= prefix.length ? prefix.slice(0, firstBreak) : prefix + exact.slice(0, firstBreak - prefix.length));
  if (firstBreak >= 0 && isCutFooter(beforeFirst(), keys, (key, piece) => key.endsWith(piece))) {
    if (firstBreak < prefix.length) prefix = prefix.slice(firstBreak);
    else if (exact.slice(firstBreak - prefix.length).trim() !== '') {
      exact = exact.slice(firstBreak - prefix.length);
      prefix = '';
    }
  }
  const exactEnd = quote.prefix.length + quote.exact.length;
  const inSuffix = lastBreakIn(quote.suffix);
  const inQuote = inSuffix >= 0 ? -1 : lastBreakIn(quote.exact);
  const lastBreak = inSuffix >= 0 ? exactEnd + inSuffix : inQuote >= 0 ? quote.prefix.length + inQuote : -1;
  const afterLast = (): string => (lastBreak >= exactEnd ? quote.suffix.slice(lastBreak + 1 - exactEnd) : quote.exact.slice(lastBreak + 1 - quote.prefix.length) + quote.suffix);
  if (lastBreak >= 0 && isCutFooter(afterLast(), keys, (key, piece) => key.startsWith(piece))) {
    if (lastBreak >= exactEnd) suffix = suffix.slice(0, lastBreak + 1 - exactEnd);
    else if (quote.exact.slice(0, lastBreak - quote.prefix.length).trim() !== '' && exact.length === quote.exact.length) {
      exact = exact.slice(0, lastBreak - quote.prefix.length);
      suffix = '';
    }
  }
  return prefix === quote.prefix && exact === quote.exact && suffix === quote.suffix ? quote : { prefix, exact, suffix };
}

function firstBreakIn(text: string): number {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  return n < 0 ? r : r < 0 ? n : Math.min(n, r);
}

function lastBreakIn(text: string): number {
  return Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
}

const BARE_NUMBER = /^\s*\d{1,4}\s*$/;

function isCutFooter(piece: string, keys: Set<string> | undefined, fits: (key: string, piece: string) => boolean): boolean {
  if (piece.trim() === '') return false;
  // A bare page number, or the end of "<dates>      7".
  if (BARE_NUMBER.test(piece)) return true;
  if (keys === undefined || keys.size === 0) return false;
  const key = piece.trim().replace(/\s+/g, ' ').replace(/\d+/g, '#').replace(/[\u2018\u2019]/g, "'");
  if (key.length < 8) return false;
  for (const footer of keys) if (fits(footer, key)) return true;
  return false;
}

/** The first index whose value is at least `target`, in ascending `values`. */
export function lowerBound(values: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type QuoteText = { exact: string; prefix: string; suffix: string };

function startsWord(quote: QuoteText): boolean {
  return isWordChar(quote.exact.charCodeAt(0)) && !isWordChar(quote.prefix.charCodeAt(quote.prefix.length - 1));
}

function endsWord(quote: QuoteText): boolean {
  return isWordChar(quote.exact.charCodeAt(quote.exact.length - 1)) && !isWordChar(quote.suffix.charCodeAt(0));
}

/** The range moved inwards past any part-word at an edge where the stored passage began (ended) on a word boundary. */
function snapToWords(text: string, quote: QuoteText, start: number, end: number): { start: number; end: number } {
  if (startsWord(quote) && isWordChar(text.charCodeAt(start - 1))) {
    while (start < end && isWordChar(text.charCodeAt(start))) start++;
    while (start < end && !isWordChar(text.charCodeAt(start))) start++;
  }
  if (endsWord(quote) && isWordChar(text.charCodeAt(end))) {
    while (end > start && isWordChar(text.charCodeAt(end - 1))) end--;
    while (end > start && !isWordChar(text.charCodeAt(end - 1))) end--;
  }
  return { start, end };
}

/** A passage that began (ended) on a word boundary is not found inside a longer word: "managers" in "managers1". */
export function wordBoundariesMatch(text: string, quote: QuoteText, start: number, end: number): boolean {
  return !(startsWord(quote) && isWordChar(text.charCodeAt(start - 1))) && !(endsWord(quote) && isWordChar(text.charCodeAt(end)));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** NaN (outside the string) is no word character. */
function isWordChar(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) return true;
  return code >= 0xc0 && WORD_CHAR.test(String.fromCharCode(code));
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
