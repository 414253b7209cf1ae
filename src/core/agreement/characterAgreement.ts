// Character units (NVivo's coding comparison): for a theme, each character of the report is coded by A only,
// by B only, by both or by neither. Computed on spans, not per character, so a long report costs no more than its tags.

import type { UnitCounts } from './agreementModel';
import { type CoderThemes, intersectionLength, totalLength, unionSpans } from './codedRanges';

export interface ReportUnitCounts {
  /** How many units the report has (characters or paragraphs). */
  units: number;
  /** Per theme either coder used in this report. */
  counts: Map<string, UnitCounts>;
}

export function characterCounts(textLength: number, a: CoderThemes, b: CoderThemes): ReportUnitCounts {
  const counts = new Map<string, UnitCounts>();
  for (const id of new Set([...a.spans.keys(), ...b.spans.keys()])) {
    const spansA = unionSpans(a.spans.get(id) ?? []);
    const spansB = unionSpans(b.spans.get(id) ?? []);
    const both = intersectionLength(spansA, spansB);
    const aOnly = totalLength(spansA) - both;
    const bOnly = totalLength(spansB) - both;
    counts.set(id, { aOnly, bOnly, both, neither: textLength - aOnly - bOnly - both });
  }
  return { units: textLength, counts };
}
