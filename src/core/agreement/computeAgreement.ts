// Agreement between two coders over one report or a set: per theme (counts pooled over the reports) and overall
// (a mean over every theme either coder used, in every report, weighted by the report's length in units, and unweighted).

import { type AgreementReport, type AgreementResult, type AgreementUnit, DEFAULT_MIN_OVERLAP, type Kappa, type OverallAgreement, type SegmentCounts, type ThemeAgreement, type UnitCounts } from './agreementModel';
import { addCounts, cohensKappa, emptyCounts, percentAgreement } from './agreementStatistics';
import { characterCounts, type ReportUnitCounts } from './characterAgreement';
import { coderThemes } from './codedRanges';
import { paragraphCounts } from './paragraphAgreement';
import { paragraphUnits } from './paragraphUnits';
import { addSegmentCounts, segmentCounts, segmentShare } from './segmentOverlap';

export interface AgreementOptions {
  coderA: string;
  coderB: string;
  unit?: AgreementUnit;
  /** Segment overlap only: the share of a tag the other coder's tag must cover (0 < share ≤ 1). */
  minOverlap?: number;
  /** Themes to report even when neither coder used them (a codebook's), shown with agreement and kappa 1. */
  themes?: readonly { id: string; label: string }[];
}

export function computeAgreement(reports: readonly AgreementReport[], options: AgreementOptions): AgreementResult {
  const unit = options.unit ?? 'character';
  const minOverlap = options.minOverlap ?? DEFAULT_MIN_OVERLAP;
  if (!(minOverlap > 0 && minOverlap <= 1)) throw new RangeError(`minimum overlap must be above 0 and at most 1, not ${minOverlap}`);
  const labels = new Map<string, string>((options.themes ?? []).map((t) => [t.id, t.label]));
  const perReport: ReportUnitCounts[] = [];
  const segments = new Map<string, SegmentCounts>();
  const used = new Set<string>();
  let orphansSkipped = 0;
  for (const report of reports) {
    const a = coderThemes(report.tags, options.coderA, report.text.length);
    const b = coderThemes(report.tags, options.coderB, report.text.length);
    orphansSkipped += a.orphans + (options.coderA === options.coderB ? 0 : b.orphans);
    for (const [id, label] of [...a.labels, ...b.labels]) {
      used.add(id);
      if (!labels.has(id)) labels.set(id, label);
    }
    if (unit === 'segment') {
      for (const [id, c] of segmentCounts(a, b, minOverlap)) addSegmentCounts(getOr(segments, id, () => ({ aMatched: 0, aUnmatched: 0, bMatched: 0, bUnmatched: 0 })), c);
    } else {
      perReport.push(unit === 'character' ? characterCounts(report.text.length, a, b) : paragraphCounts(paragraphUnits(report.text, report.numberedParagraphs), a, b));
    }
  }
  const ids = [...labels.keys()].sort((x, y) => labels.get(x)!.localeCompare(labels.get(y)!) || x.localeCompare(y));
  const base = { unit, coderA: options.coderA, coderB: options.coderB, reports: reports.length, orphansSkipped };
  if (unit === 'segment') return { ...base, ...segmentResult(ids, labels, segments) };
  const themes = ids.map((id) => themeAgreement(id, labels.get(id)!, pooled(perReport, id)));
  return { ...base, themes, overall: overallAgreement(ids.filter((id) => used.has(id)), perReport) };
}

/** A theme's counts over all reports; a report where neither coder used it counts wholly as "neither". */
function pooled(perReport: readonly ReportUnitCounts[], id: string): UnitCounts {
  const total = emptyCounts();
  for (const r of perReport) addCounts(total, r.counts.get(id) ?? { aOnly: 0, bOnly: 0, both: 0, neither: r.units });
  return total;
}

function themeAgreement(id: string, label: string, c: UnitCounts): ThemeAgreement {
  return { id, label, agreement: percentAgreement(c), kappa: cohensKappa(c), ...c };
}

function overallAgreement(ids: readonly string[], perReport: readonly ReportUnitCounts[]): OverallAgreement {
  const figures: { weight: number; agreement: number; kappa: Kappa }[] = [];
  for (const id of ids) {
    for (const r of perReport) {
      const c = r.counts.get(id) ?? { aOnly: 0, bOnly: 0, both: 0, neither: r.units };
      figures.push({ weight: r.units, agreement: percentAgreement(c), kappa: cohensKappa(c) });
    }
  }
  return {
    weighted: { agreement: mean(figures, (f) => f.agreement, (f) => f.weight), kappa: kappaMean(figures, (f) => f.weight) },
    unweighted: { agreement: mean(figures, (f) => f.agreement, () => 1), kappa: kappaMean(figures, () => 1) },
  };
}

type Figure = { weight: number; agreement: number; kappa: Kappa };

/** A weighted mean; 1 when there is nothing to average (no theme in use: nothing to disagree about). */
function mean(figures: readonly Figure[], value: (f: Figure) => number, weight: (f: Figure) => number): number {
  let sum = 0;
  let weights = 0;
  for (const f of figures) {
    sum += value(f) * weight(f);
    weights += weight(f);
  }
  return weights === 0 ? 1 : sum / weights;
}

/** The mean kappa over the figures that have one; 'undefined' when none has. */
function kappaMean(figures: readonly Figure[], weight: (f: Figure) => number): Kappa {
  const defined = figures.filter((f) => f.kappa !== 'undefined');
  if (figures.length > 0 && defined.length === 0) return 'undefined';
  return mean(defined, (f) => f.kappa as number, weight);
}

/** Segment overlap as theme rows: agreement is the matched share, aOnly/bOnly the unmatched segments, both the matched ones. */
function segmentResult(ids: readonly string[], labels: Map<string, string>, segments: Map<string, SegmentCounts>): Pick<AgreementResult, 'themes' | 'overall' | 'segments'> {
  const themes: ThemeAgreement[] = ids.map((id) => {
    const c = segments.get(id) ?? { aMatched: 0, aUnmatched: 0, bMatched: 0, bUnmatched: 0 };
    return { id, label: labels.get(id)!, agreement: segmentShare(c), kappa: 'undefined', aOnly: c.aUnmatched, bOnly: c.bUnmatched, both: c.aMatched + c.bMatched, neither: 0 };
  });
  const total: SegmentCounts = { aMatched: 0, aUnmatched: 0, bMatched: 0, bUnmatched: 0 };
  for (const c of segments.values()) addSegmentCounts(total, c);
  const shares = [...segments.values()].map(segmentShare);
  const unweighted = shares.length === 0 ? 1 : shares.reduce((sum, x) => sum + x, 0) / shares.length;
  return {
    themes,
    overall: { weighted: { agreement: segmentShare(total), kappa: 'undefined' }, unweighted: { agreement: unweighted, kappa: 'undefined' } },
    segments: Object.fromEntries([...segments]),
  };
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
