// Which passages each coder coded with each theme: tags of one coder, grouped by theme, clamped to the text.

import type { Tag } from '../tags/sidecar/sidecarModel';

export interface Span {
  start: number;
  end: number;
}

export interface CoderThemes {
  /** Theme id → the coder's tagged spans with it, in tag order (may overlap or repeat). */
  spans: Map<string, Span[]>;
  /** Theme id → label, as the tags give it. */
  labels: Map<string, string>;
  /** Orphaned tags of this coder, which have no trustworthy passage. */
  orphans: number;
}

export function coderThemes(tags: readonly Tag[], coder: string, textLength: number): CoderThemes {
  const spans = new Map<string, Span[]>();
  const labels = new Map<string, string>();
  let orphans = 0;
  for (const tag of tags) {
    if (tag.author !== coder) continue;
    if (tag.orphaned) {
      orphans++;
      continue;
    }
    const start = Math.max(0, Math.min(tag.anchor.position.start, textLength));
    const end = Math.max(start, Math.min(tag.anchor.position.end, textLength));
    for (const theme of tag.themes) {
      if (!labels.has(theme.id)) labels.set(theme.id, theme.label);
      let list = spans.get(theme.id);
      if (!list) spans.set(theme.id, (list = []));
      list.push({ start, end });
    }
  }
  return { spans, labels, orphans };
}

/** The union of spans as sorted, disjoint, non-empty spans: a passage tagged twice by one coder counts once. */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

export function totalLength(spans: readonly Span[]): number {
  let n = 0;
  for (const s of spans) n += s.end - s.start;
  return n;
}

/** Length of the intersection of two sorted disjoint span lists. */
export function intersectionLength(a: readonly Span[], b: readonly Span[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end <= y.end) i++;
    else j++;
  }
  return n;
}

/** Sorted disjoint spans of `a` not covered by `b` (both sorted and disjoint). */
export function subtractSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < x.end) {
      if (b[k]!.start > start) out.push({ start, end: b[k]!.start });
      start = Math.max(start, b[k]!.end);
      k++;
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
}
