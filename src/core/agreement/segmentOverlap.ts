// Segment overlap (MAXQDA's): a tag of one coder is matched when one tag of the other coder with the same
// theme covers at least minOverlap of it. Identical segments of one coder (same span, same theme) count once.

import type { SegmentCounts } from './agreementModel';
import type { CoderThemes, Span } from './codedRanges';

export function segmentCounts(a: CoderThemes, b: CoderThemes, minOverlap: number): Map<string, SegmentCounts> {
  const out = new Map<string, SegmentCounts>();
  for (const id of new Set([...a.spans.keys(), ...b.spans.keys()])) {
    const segA = distinct(a.spans.get(id) ?? []);
    const segB = distinct(b.spans.get(id) ?? []);
    const aMatched = segA.filter((s) => coveredBy(s, segB, minOverlap)).length;
    const bMatched = segB.filter((s) => coveredBy(s, segA, minOverlap)).length;
    out.set(id, { aMatched, aUnmatched: segA.length - aMatched, bMatched, bUnmatched: segB.length - bMatched });
  }
  return out;
}

function distinct(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => s.end > s.start && !seen.has(`${s.start}:${s.end}`) && seen.add(`${s.start}:${s.end}`));
}

function coveredBy(s: Span, others: readonly Span[], minOverlap: number): boolean {
  const length = s.end - s.start;
  return others.some((o) => Math.min(s.end, o.end) - Math.max(s.start, o.start) >= minOverlap * length - 1e-9);
}

export function addSegmentCounts(into: SegmentCounts, c: SegmentCounts): void {
  into.aMatched += c.aMatched;
  into.aUnmatched += c.aUnmatched;
  into.bMatched += c.bMatched;
  into.bUnmatched += c.bUnmatched;
}

/** The share of all segments (both coders) that the other coder matched; 1 when there are none. */
export function segmentShare(c: SegmentCounts): number {
  const all = c.aMatched + c.aUnmatched + c.bMatched + c.bUnmatched;
  return all === 0 ? 1 : (c.aMatched + c.bMatched) / all;
}
