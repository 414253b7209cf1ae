// Tags for the agreement tests: a coder, a span and themes; the rest is filler the calculations ignore.

import type { AgreementReport, Tag } from '../../../src/core';

let next = 0;

export function coded(author: string, start: number, end: number, ...themes: string[]): Tag {
  next++;
  return {
    id: `tag-${next}`,
    themes: themes.map((id) => ({ id, label: id.toUpperCase() })),
    author,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    anchor: { position: { start, end, unit: 'utf-16' }, quote: { exact: 'x', prefix: '', suffix: '' } },
  };
}

export function report(text: string, tags: Tag[], extra: Partial<AgreementReport> = {}): AgreementReport {
  return { id: `report-${++next}`, text, tags, ...extra };
}

/** To three decimals, as the hand-worked figures are given. */
export function round3(x: number | string): number | string {
  return typeof x === 'number' ? Math.round(x * 1000) / 1000 : x;
}
