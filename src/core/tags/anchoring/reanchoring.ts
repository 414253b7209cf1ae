// Finding tags again when the report text changed outside the editor (its hash differs from the sidecar's).
//
// A tag is put back on its own words or orphaned, never moved to other words. Per tag, in order of old position:
// (a) fast paths on the raw text: the exact quote with its whole stored context, at its stored position or where
//     the previous tag moved by;
// (b) otherwise candidates from the normalised view (candidateSearch.ts), first near the expected position
//     (the stored one moved as the previous tag moved), then everywhere through the occurrence index, judged
//     by quote, context and position together (candidateJudgement.ts);
// (c) otherwise orphaned with a reason and a sentence a user can act on, keeping the stored anchor.
// Orphaned tags are tried again like any other.

import { createAnchor, QUOTE_CONTEXT_CHARS } from './anchorCreation';
import { countRepeats, occurrenceOf } from './anchorRepeats';
import { judge, matchScore, NEAR, settlesWithin, type Judgement, type OrphanReason } from './candidateJudgement';
import { MIN_APPROXIMATE_QUOTE, PassageFinder, type Candidate, type NormalisedQuote } from './candidateSearch';
import type { Anchor, Tag } from '../sidecar/sidecarModel';
import { textHash } from '../sidecar/textHash';

export type { OrphanReason } from './candidateJudgement';
export type ReanchorStatus = 'stayed' | 'moved' | 'orphaned';

export interface ReanchorTagResult {
  id: string;
  status: ReanchorStatus;
  /** How well the new passage matches the stored quote and context, 0..1 (found tags only). */
  score?: number;
  /** How it was found. */
  method?: 'position' | 'exact' | 'approximate';
  reason?: OrphanReason;
  /** For orphaned tags: why, in a sentence for the user. */
  explanation?: string;
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
  /** Characters either side of the expected position searched before the whole text (through its index). Default 256. */
  searchWindow?: number;
}

const DEFAULT_MAX_ERROR_RATE = 0.15;
const DEFAULT_SEARCH_WINDOW = 256;

interface Settings {
  maxErrorRate: number;
  window: number;
}

type Outcome =
  | { found: true; anchor: Anchor; score: number; method: 'exact' | 'approximate'; delta: number }
  | { found: false; reason: OrphanReason; candidates: number };

export function reanchorTags(tags: readonly Tag[], newText: string, options: ReanchorOptions = {}): ReanchorResult {
  const finder = new PassageFinder(newText);
  const settings: Settings = {
    maxErrorRate: Math.min(0.5, Math.max(0, options.maxErrorRate ?? DEFAULT_MAX_ERROR_RATE)),
    window: Math.max(QUOTE_CONTEXT_CHARS, options.searchWindow ?? DEFAULT_SEARCH_WINDOW),
  };
  const results: ReanchorTagResult[] = new Array(tags.length);
  const out: Tag[] = new Array(tags.length);
  // In order of old position, so the shift of one tag predicts the next one's.
  const order = tags
    .map((_t, i) => i)
    .sort((x, y) => (hasPlace(tags[x]!) ? tags[x]!.anchor.position.start : Infinity) - (hasPlace(tags[y]!) ? tags[y]!.anchor.position.start : Infinity) || x - y);
  let lastDelta = 0;
  // Deltas of the tags found, by old start, and the tags worth a second look with the next tag's delta.
  const found: { oldStart: number; delta: number }[] = [];
  const retry: { i: number; delta: number }[] = [];
  for (const i of order) {
    const tag = tags[i]!;
    const { start, end } = tag.anchor.position;
    const quote = tag.anchor.quote;
    const placed = hasPlace(tag);
    // Where it was, or where the tag before it went, with its whole context: nothing else could be better.
    // Or near there, once only (an insertion just before it): found without building the normalised view.
    const shift =
      !placed || quote.exact.length === 0
        ? undefined
        : hasWholeQuoteAt(newText, quote, start)
          ? 0
          : lastDelta !== 0 && hasWholeQuoteAt(newText, quote, start + lastDelta)
            ? lastDelta
            : wholeQuoteNear(newText, quote, start + lastDelta, finder) - start;
    if (shift !== undefined && !Number.isNaN(shift)) {
      // The span is the quote's words: a stored end is only a hint, and a hand-edited one may not fit them.
      const at = start + shift;
      out[i] = attach(tag, createAnchor(newText, at, at + quote.exact.length), finder);
      const stayed = shift === 0 && end === at + quote.exact.length;
      results[i] = stayed ? { id: tag.id, status: 'stayed', score: 1, method: 'position' } : { id: tag.id, status: 'moved', score: 1, method: 'exact' };
      lastDelta = shift;
      found.push({ oldStart: start, delta: shift });
      continue;
    }
    // A malformed stored position (a hand-edited sidecar) is no hint: such tags are found by quote and context alone.
    const outcome = locate(finder, tag, placed ? start + lastDelta : undefined, settings);
    settle(i, outcome);
    if (outcome.found && placed) {
      lastDelta = outcome.delta;
      found.push({ oldStart: start, delta: outcome.delta });
    } else if (!outcome.found && placed && (outcome.reason === 'only-elsewhere' || outcome.reason === 'weak-match')) retry.push({ i, delta: lastDelta });
  }
  // The tag before may be a poor guide across a page footer that the old text had between them and the new one
  // has elsewhere: the tag after it has moved like this one. Tried again with that expected position only.
  for (const { i, delta } of retry) {
    const start = tags[i]!.anchor.position.start;
    const next = found[firstAfter(found, start)];
    if (next === undefined || Math.abs(next.delta - delta) <= NEAR / 2) continue;
    const outcome = locate(finder, tags[i]!, start + next.delta, settings);
    if (outcome.found) settle(i, outcome);
  }
  const summary = { stayed: 0, moved: 0, orphaned: 0 };
  for (const r of results) summary[r.status]++;
  return { tags: out, summary, results };

  function settle(i: number, outcome: Outcome): void {
    const tag = tags[i]!;
    if (outcome.found) {
      out[i] = attach(tag, outcome.anchor, finder);
      const { start, end } = tag.anchor.position;
      const stayed = hasPlace(tag) && outcome.anchor.position.start === start && outcome.anchor.position.end === end;
      results[i] = { id: tag.id, status: stayed ? 'stayed' : 'moved', score: outcome.score, method: outcome.method };
    } else {
      const explanation = explainOrphan(outcome.reason, outcome.candidates);
      // An orphan stays as it was (its first reason is the one that matters); a newly lost tag records why.
      out[i] = tag.orphaned === true ? tag : { ...tag, orphaned: true, orphanReason: explanation };
      results[i] = { id: tag.id, status: 'orphaned', reason: outcome.reason, explanation };
    }
  }
}

/** Why a tag was orphaned, for the person who tagged it. */
export function explainOrphan(reason: OrphanReason, candidates = 0): string {
  const places = (n: number) => (n === 1 ? 'one other place' : `${n} other places`);
  switch (reason) {
    case 'empty-quote':
      return 'The tag stores no words to look for.';
    case 'not-found':
      return 'Its words are no longer in the report, not even slightly reworded.';
    case 'only-elsewhere':
      return `Its words are gone from where they were; the same words still appear in ${places(candidates)}, but nothing there shows it is the tagged passage (other surroundings, or a passage printed more than once), so the tag was not moved there.`;
    case 'ambiguous':
      return `Its words appear in ${candidates} places that fit equally well; the tag was put on none of them rather than guess.`;
    case 'repeated':
      return `When it was tagged, its words appeared in ${candidates} places; the copy found now may not be the tagged one (its own may be gone), so the tag was put on none of them rather than guess.`;
    case 'weak-match':
      return 'Similar words were found, but their surroundings and place in the report do not agree well enough to be sure they are the tagged passage.';
  }
}

/** [start, end) widened so that neither edge falls inside a character as printed: before a combining mark, or within a surrogate pair. */
function wholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  const inside = (at: number) => at > 0 && at < text.length && (COMBINING_MARK.test(text[at]!) || isLowSurrogate(text.charCodeAt(at)));
  while (inside(start)) start--;
  while (inside(end)) end++;
  return { start, end };
}

const COMBINING_MARK = /\p{M}/u;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Whether the tags of a sidecar must be found again in `text` before use: the text changed since they were anchored
 * (its hash), or a stored place does not hold its tag's words (a hand-edited or damaged file). The one test every
 * reader of tags makes (the editor, the Tags view, the command line, agreement, merging, settling).
 */
export function needsReanchoring(sidecar: { report: { textHash: string }; tags: readonly Tag[] }, text: string, hash = textHash(text)): boolean {
  return sidecar.report.textHash !== hash || !tagsHoldTheirWords(sidecar.tags, text);
}

/**
 * Whether every tag that is not orphaned stands on its own words in `text` (its position spans exactly its quote).
 * A matching text hash says the text is the one the tags were anchored to, not that each position is right: a
 * hand-edited or damaged sidecar can hold a position that does not fit its quote, and such tags need re-anchoring.
 */
export function tagsHoldTheirWords(tags: readonly Tag[], text: string): boolean {
  return tags.every((tag) => tag.orphaned === true || holdsItsWords(tag, text));
}

function holdsItsWords(tag: Tag, text: string): boolean {
  const { start, end } = tag.anchor.position;
  const exact = tag.anchor.quote.exact;
  return hasPlace(tag) && end - start === exact.length && end <= text.length && text.startsWith(exact, start);
}

function hasPlace(tag: Tag): boolean {
  const { start, end } = tag.anchor.position;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start;
}

function locate(finder: PassageFinder, tag: Tag, expectedOriginal: number | undefined, settings: Settings): Outcome {
  const quote = finder.normaliseQuote(tag.anchor.quote);
  if (quote === undefined) return { found: false, reason: 'empty-quote', candidates: 0 };
  let judgement = searchFor(finder, quote, expectedOriginal, settings);
  let used = quote;
  if (!judgement.accepted && judgement.reason === 'not-found' && quote.dropFooters) {
    // A passage that is itself a repeated line (the title, also printed in every footer) is only in the full view.
    const full = finder.fullQuote(tag.anchor.quote);
    if (full !== undefined) {
      judgement = searchFor(finder, full, expectedOriginal, settings);
      used = full;
    }
  }
  if (!judgement.accepted) return { found: false, reason: judgement.reason, candidates: judgement.candidates };
  const c = judgement.candidate;
  const { start, end } = wholeStoredQuote(finder.text, tag.anchor.quote.exact, finder.toOriginal(used, c));
  const cutsFooter = finder.cutsFooter(tag.anchor.quote);
  if (cutsFooter && finder.text.slice(start, end) !== tag.anchor.quote.exact) {
    // Found without the footer piece it ran into; the whole stored quote with its whole context elsewhere (its
    // paragraph copied in between) is the better proof, and two such copies leave nothing to choose between.
    const whole = wholeStoredCopies(finder, tag.anchor.quote);
    if (whole.length > 1) return { found: false, reason: 'ambiguous', candidates: whole.length };
    if (whole.length === 1) return foundAt(finder, tag, whole[0]!, whole[0]! + tag.anchor.quote.exact.length, asStored(c), expectedOriginal);
  }
  // Words of a running footer: every page has the same, and the page number beside them (left out of the
  // comparison) was what told them apart; only the whole stored quote with its context, as stored, is proof.
  if (finder.onFooterLine(used, c) && cutsFooter && !hasWholeQuoteAt(finder.text, tag.anchor.quote, start)) return { found: false, reason: 'ambiguous', candidates: 2 };
  return foundAt(finder, tag, start, end, c, expectedOriginal);
}

/** The candidate as an outcome, unless the counts stored when the tag was made say it may be another copy. */
function foundAt(finder: PassageFinder, tag: Tag, start: number, end: number, c: Candidate, expectedOriginal: number | undefined): Outcome {
  // An approximate match is counted in code units: it may stop inside a character as printed ("cafe" of "café"
  // written as e and a combining accent). The passage takes whole characters.
  if (c.errors > 0) ({ start, end } = wholeCharacters(finder.text, start, end));
  const refused = refusedByRepeats(finder, tag.anchor, start, end, c, expectedOriginal);
  if (refused !== undefined) return { found: false, reason: 'repeated', candidates: refused };
  return { found: true, anchor: createAnchor(finder.text, start, end), score: matchScore(c), method: c.errors === 0 ? 'exact' : 'approximate', delta: start - tag.anchor.position.start };
}

/**
 * With the counts stored when the tag was made (anchor.repeats), refuses a passage that may be another copy of its
 * words, returning how many copies there were: (1) its words with their whole context occurred more than once, so
 * only its place tells them apart, and it is not at its expected place; (2) the words occur a different number of
 * times now, or this is not the same one of them in text order (the tagged one may be gone and the next one
 * slid into its place), and its context does not read exactly as stored.
 */
function refusedByRepeats(finder: PassageFinder, anchor: Anchor, start: number, end: number, c: Candidate, expectedOriginal: number | undefined): number | undefined {
  const repeats = anchor.repeats;
  if (repeats === undefined) return undefined;
  if (repeats.withContext > 1 && (expectedOriginal === undefined || Math.abs(start - expectedOriginal) > NEAR)) return repeats.withContext;
  // Words found with edits are not among the occurrences counted: their own judgement stands.
  const contextAsStored = c.prefixEdits <= c.prefixExtra && c.suffixEdits <= c.suffixExtra;
  if (c.errors > 0 || contextAsStored) return undefined;
  const now = occurrenceOf(finder, anchor, start, end);
  return now === undefined || now.count !== repeats.count || now.index !== repeats.index ? repeats.count : undefined;
}

/** A candidate whose quote and context read exactly as stored (the whole stored quote found in the raw text). */
function asStored(c: Candidate): Candidate {
  return { ...c, errors: 0, prefixEdits: 0, suffixEdits: 0 };
}

/** Starts of the exact stored quote with its whole stored context, in the text (at most 2 looked for). */
function wholeStoredCopies(finder: PassageFinder, quote: Anchor['quote']): number[] {
  return finder
    .findInText(quote.prefix + quote.exact + quote.suffix, 2)
    .map((at) => at + quote.prefix.length)
    .filter((at) => edgesHold(finder.text, quote, at));
}

/**
 * The passage found by its words alone (the page-footer piece it ran into left out), widened to the whole stored
 * quote when that piece is still beside it: a tag on the end of a page and the footer after it stays as it was.
 */
function wholeStoredQuote(text: string, exact: string, found: { start: number; end: number }): { start: number; end: number } {
  const from = found.end - exact.length;
  if (from <= found.start && from >= 0 && text.startsWith(exact, from)) return { start: from, end: found.end };
  if (found.start + exact.length >= found.end && text.startsWith(exact, found.start)) return { start: found.start, end: found.start + exact.length };
  return found;
}

/** Near the expected place first; the whole text (through the index) only when that does not settle it. */
function searchFor(finder: PassageFinder, quote: NormalisedQuote, expectedOriginal: number | undefined, settings: Settings): Judgement {
  const m = quote.exact.length;
  const maxErrors = m >= MIN_APPROXIMATE_QUOTE ? Math.floor(m * settings.maxErrorRate) : 0;
  const expected = expectedOriginal === undefined ? undefined : finder.toView(quote, expectedOriginal);
  const layout = { onRepeatedLine: (c: Candidate): boolean => finder.onRepeatedLine(quote, c), onFooterLine: (c: Candidate): boolean => finder.onFooterLine(quote, c) };
  let local: Candidate[] = [];
  if (expected !== undefined) {
    local = finder.exactNear(quote, expected, settings.window);
    const exact = judge(local, expected, layout);
    // Exact, at its place, with its context: an approximate match elsewhere could not rival it.
    // Unless on a running footer: its copies on other pages may read alike, and must be seen to judge.
    const footer = (j: Judgement): boolean => j.accepted && layout.onFooterLine(j.candidate);
    if (exact.accepted && exact.cost <= 1 && !footer(exact)) return exact;
    const exactOnes = local;
    // One exact occurrence on word boundaries, and none more in the few characters the approximate search looks
    // further: that search would find just it again.
    const settled = maxErrors === 0 || (local.length === 1 && !local[0]!.splitsWord && !finder.exactBeyondNear(quote, expected, settings.window, maxErrors));
    if (!settled) local = finder.approximateNear(quote, expected, settings.window, maxErrors, local);
    // The same one candidate is judged the same: not again.
    const near = local.length === 1 && exactOnes.length === 1 && local[0] === exactOnes[0] ? exact : judge(local, expected, layout);
    if (settlesWithin(near, settings.window) && !footer(near)) return near;
  }
  const all = [...finder.exactEverywhere(quote)];
  if (maxErrors > 0) all.push(...finder.approximateEverywhere(quote, maxErrors));
  all.push(...local);
  return judge(distinct(all), expected, layout);
}

/** One candidate per place: exact occurrences all kept, approximate ones only where they overlap nothing better. */
function distinct(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((x, y) => x.errors - y.errors || x.start - y.start || x.end - y.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const clash = kept.some((k) => (k.start === c.start && k.end === c.end) || (c.errors > 0 && k.start < c.end && c.start < k.end));
    if (!clash) kept.push(c);
  }
  return kept;
}

/** A context shorter than usual was cut by the document's start or end, and must be so again. */
function edgesHold(text: string, quote: Anchor['quote'], at: number): boolean {
  return (
    (quote.prefix.length >= QUOTE_CONTEXT_CHARS || at === quote.prefix.length) &&
    (quote.suffix.length >= QUOTE_CONTEXT_CHARS || at + quote.exact.length + quote.suffix.length === text.length)
  );
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

/** Start of the one exact quote with its whole context within NEAR of `expected`; NaN if none or several. */
function wholeQuoteNear(text: string, quote: Anchor['quote'], expected: number, finder: PassageFinder): number {
  const whole = quote.prefix + quote.exact + quote.suffix;
  const from = Math.max(0, expected - NEAR - quote.prefix.length);
  const window = text.slice(from, expected + NEAR + quote.exact.length + quote.suffix.length);
  const at = window.indexOf(whole);
  if (at < 0 || window.indexOf(whole, at + 1) >= 0) return Number.NaN;
  const start = from + at + quote.prefix.length;
  // A running footer with its context is on every page alike: near is no proof while another copy exists.
  if (finder.isFooterText(start, start + quote.exact.length) && text.indexOf(whole) !== text.lastIndexOf(whole)) return Number.NaN;
  return edgesHold(text, quote, start) ? start : Number.NaN;
}

function attach(tag: Tag, anchor: Anchor, finder: PassageFinder): Tag {
  const same =
    tag.orphaned !== true &&
    anchor.position.start === tag.anchor.position.start &&
    anchor.position.end === tag.anchor.position.end &&
    anchor.quote.exact === tag.anchor.quote.exact &&
    anchor.quote.prefix === tag.anchor.quote.prefix &&
    anchor.quote.suffix === tag.anchor.quote.suffix;
  if (same) return tag;
  // Found again: no longer orphaned, and the reason it was is gone with it (docs/sidecar-format.md).
  const { orphaned: _orphaned, orphanReason: _reason, ...rest } = tag;
  // The counts go with the tag: kept while its quote and context read as stored (a stale count can only make a
  // later re-anchoring more cautious), counted afresh in the new text when they changed.
  const quoteKept = anchor.quote.exact === tag.anchor.quote.exact && anchor.quote.prefix === tag.anchor.quote.prefix && anchor.quote.suffix === tag.anchor.quote.suffix;
  const repeats = tag.anchor.repeats === undefined ? undefined : quoteKept ? tag.anchor.repeats : countRepeats(anchor, finder);
  return { ...rest, anchor: repeats === undefined ? anchor : { ...anchor, repeats } };
}

/** Index of the first entry (sorted by oldStart) starting after `oldStart`. */
function firstAfter(found: readonly { oldStart: number }[], oldStart: number): number {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (found[mid]!.oldStart <= oldStart) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
