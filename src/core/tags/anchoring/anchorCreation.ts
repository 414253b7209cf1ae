// Making an anchor for a passage, and the text hash that tells whether a report changed since its tags were anchored.

import type { Anchor } from '../sidecar/sidecarModel';

/** Characters of context kept either side of the passage (W3C TextQuoteSelector prefix/suffix). */
export const QUOTE_CONTEXT_CHARS = 32;

/** Anchor for text[start, end); offsets in UTF-16 code units, clamped into the text. */
export function createAnchor(text: string, start: number, end: number): Anchor {
  const s = clamp(Math.min(start, end), 0, text.length);
  const e = clamp(Math.max(start, end), 0, text.length);
  return {
    position: { start: s, end: e, unit: 'utf-16' },
    quote: {
      exact: text.slice(s, e),
      prefix: text.slice(Math.max(0, s - QUOTE_CONTEXT_CHARS), s),
      suffix: text.slice(e, e + QUOTE_CONTEXT_CHARS),
    },
  };
}

// Lives with the sidecar, which must not import this folder (no folder cycles).
export { textHash } from '../sidecar/textHash';

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}
