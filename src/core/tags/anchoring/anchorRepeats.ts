// How often a tag's words occur in the report, recorded with the anchor when the tag is made (anchor.repeats), so
// re-anchoring can tell when the tagged occurrence may be gone and another copy of its words is all that is left.
// The words are counted in the matching view (textNormalisation.ts), as re-anchoring searches, so a re-conversion
// of the same PDF (other line breaks, hyphenation, footers) counts alike; the words with their whole context are
// counted in the text itself.

import { createAnchor } from './anchorCreation';
import { lowerBound, PassageFinder } from './candidateSearch';
import type { Anchor, AnchorRepeats } from '../sidecar/sidecarModel';

/** More occurrences than this and the words are a stock phrase: no count is recorded. */
export const MAX_COUNTED_REPEATS = 4096;

/** Anchor for a new tag on text[start, end): createAnchor plus its counts. */
export function anchorWithRepeats(text: string, start: number, end: number, finder: PassageFinder = new PassageFinder(text)): Anchor {
  const anchor = createAnchor(text, start, end);
  const repeats = countRepeats(anchor, finder);
  return repeats === undefined ? anchor : { ...anchor, repeats };
}

/** The counts for an anchor made against finder.text, or undefined when its words are too common to count. */
export function countRepeats(anchor: Anchor, finder: PassageFinder): AnchorRepeats | undefined {
  const { exact, prefix, suffix } = anchor.quote;
  const found = occurrenceOf(finder, anchor, anchor.position.start, anchor.position.end);
  if (found === undefined || found.index < 0) return undefined;
  const withContext = found.count === 1 ? 1 : finder.findInText(prefix + exact + suffix, MAX_COUNTED_REPEATS).length;
  return { count: found.count, index: found.index, withContext: Math.max(1, withContext) };
}

/**
 * How many times the anchor's words occur in finder.text (in the matching view), and which of them (in text order)
 * begins inside text[start, end): -1 for none.
 */
export function occurrenceOf(finder: PassageFinder, anchor: Anchor, start: number, end: number): { count: number; index: number } | undefined {
  const quote = finder.normaliseQuote(anchor.quote);
  if (quote === undefined) return undefined;
  const at = finder.viewOccurrences(quote, MAX_COUNTED_REPEATS + 1);
  if (at.length > MAX_COUNTED_REPEATS) return undefined;
  const from = finder.toView(quote, start);
  let index = -1;
  for (let i = lowerBound(at, from); i < at.length && index < 0; i++) {
    const original = finder.toOriginal(quote, { start: at[i]!, end: at[i]! + quote.exact.length });
    if (original.start >= end) break;
    index = i;
  }
  return { count: at.length, index };
}

