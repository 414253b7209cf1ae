// The pure part of the conversion check: what a reader takes from a report (kind, grades, areas for
// improvement, priority actions, numbered paragraphs, dates), summarised so that two conversions of one
// PDF can be compared field by field. Kept apart from checkConversions.ts (the I/O) so it is unit-tested.

import type { ReportModel } from '../../src/core/recognition/model';
import { parseCsv } from './corpusCompare';

export interface ReadingSummary {
  kind: string;
  /** "area=grade" of this report's judgements, sorted. */
  grades: string;
  afis: string;
  priority: string;
  paragraphs: string;
  dates: string;
}

export const FIELDS: readonly (keyof ReadingSummary)[] = ['kind', 'grades', 'afis', 'priority', 'paragraphs', 'dates'];

/** Fields that must agree on every document; the others on at least 98 %. */
export const STRICT_FIELDS: ReadonlySet<keyof ReadingSummary> = new Set(['kind', 'grades']);
export const LOOSE_TARGET = 0.98;

/** Numbers as runs ("1-37, 39-80"), so a missing paragraph shows where it is. */
export function runs(numbers: readonly number[]): string {
  const out: string[] = [];
  let k = 0;
  while (k < numbers.length) {
    let j = k;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    out.push(j > k ? `${numbers[k]}-${numbers[j]}` : String(numbers[k]));
    k = j + 1;
  }
  return out.join(', ');
}

export function summarise(model: ReportModel): ReadingSummary {
  const items = (priority: boolean) => model.improvements.filter((i) => i.priority === priority);
  const m = model.metadata;
  return {
    kind: model.kind,
    grades: model.judgements.map((j) => `${j.area}=${j.grade}`).sort().join(' '),
    afis: String(items(false).length),
    priority: String(items(true).length),
    paragraphs: `${model.paragraphs.length} (${runs(model.paragraphs.map((p) => p.number))})`,
    dates: `published ${m.publishedDate ?? '-'}; visit ${m.inspectionDates?.start ?? '-'} to ${m.inspectionDates?.end ?? '-'}`,
  };
}

export interface FieldDifference {
  field: keyof ReadingSummary;
  reference: string;
  other: string;
}

export function differences(reference: ReadingSummary, other: ReadingSummary): FieldDifference[] {
  return FIELDS.filter((f) => reference[f] !== other[f]).map((field) => ({ field, reference: reference[field], other: other[field] }));
}

/** Per field: how many documents agree, out of how many compared. */
export type Tally = Record<keyof ReadingSummary, { same: number; total: number }>;

export function emptyTally(): Tally {
  return Object.fromEntries(FIELDS.map((f) => [f, { same: 0, total: 0 }])) as Tally;
}

export function addToTally(tally: Tally, diffs: readonly FieldDifference[]): void {
  for (const f of FIELDS) {
    tally[f].total++;
    if (!diffs.some((d) => d.field === f)) tally[f].same++;
  }
}

/** The fields whose agreement misses its target (100 % for kind and grades, 98 % for the rest). */
export function missedTargets(tally: Tally): (keyof ReadingSummary)[] {
  return FIELDS.filter((f) => {
    const { same, total } = tally[f];
    if (total === 0) return false;
    return STRICT_FIELDS.has(f) ? same < total : same / total < LOOSE_TARGET;
  });
}

export interface PdfRow {
  pdf: string;
  corpusText: string;
  readingOrderText: string;
}

/** ../shared/pdfs/manifest.csv: pdf, corpus_text, reading_order_text, … (paths relative to the shared folder). */
export function parsePdfManifest(text: string): PdfRow[] {
  const [header, ...rows] = parseCsv(text).filter((r) => r.some((f) => f !== ''));
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const [pdf, corpus, reading] = [col('pdf'), col('corpus_text'), col('reading_order_text')];
  if (pdf < 0 || corpus < 0 || reading < 0) throw new Error('pdfs/manifest.csv: expected a header with "pdf", "corpus_text" and "reading_order_text" columns');
  return rows.map((r) => ({ pdf: r[pdf] ?? '', corpusText: r[corpus] ?? '', readingOrderText: r[reading] ?? '' }));
}
