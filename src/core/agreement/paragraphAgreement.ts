// Paragraph units: a paragraph counts as coded by a coder with a theme when any of that coder's tags with the
// theme touches it (shares at least one character with it).

import type { UnitCounts } from './agreementModel';
import type { ReportUnitCounts } from './characterAgreement';
import type { CoderThemes, Span } from './codedRanges';

export function paragraphCounts(paragraphs: readonly Span[], a: CoderThemes, b: CoderThemes): ReportUnitCounts {
  const counts = new Map<string, UnitCounts>();
  for (const id of new Set([...a.spans.keys(), ...b.spans.keys()])) {
    const byA = touched(paragraphs, a.spans.get(id) ?? []);
    const byB = touched(paragraphs, b.spans.get(id) ?? []);
    const c: UnitCounts = { aOnly: 0, bOnly: 0, both: 0, neither: 0 };
    for (let i = 0; i < paragraphs.length; i++) {
      if (byA[i] && byB[i]) c.both++;
      else if (byA[i]) c.aOnly++;
      else if (byB[i]) c.bOnly++;
      else c.neither++;
    }
    counts.set(id, c);
  }
  return { units: paragraphs.length, counts };
}

/** Per paragraph (sorted, disjoint), whether any span shares a character with it. */
function touched(paragraphs: readonly Span[], spans: readonly Span[]): Uint8Array {
  const marks = new Uint8Array(paragraphs.length);
  for (const s of spans) {
    if (s.end <= s.start) continue;
    // Binary search for the first paragraph ending after the span starts.
    let lo = 0;
    let hi = paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paragraphs[mid]!.end <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < paragraphs.length && paragraphs[i]!.start < s.end; i++) marks[i] = 1;
  }
  return marks;
}
