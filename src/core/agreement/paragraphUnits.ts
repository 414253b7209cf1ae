// The paragraphs a report is compared by: its numbered paragraphs where it numbers them, and elsewhere
// (headings, summaries, unnumbered reports) blocks of text between blank lines.

import type { Span } from './codedRanges';

export function paragraphUnits(text: string, numbered: readonly Span[] = []): Span[] {
  const sorted = [...numbered].filter((p) => p.end > p.start).sort((x, y) => x.start - y.start);
  const units: Span[] = [];
  let cursor = 0;
  for (const p of sorted) {
    const start = Math.max(p.start, cursor);
    const end = Math.min(p.end, text.length);
    if (end <= start) continue;
    units.push(...blankLineBlocks(text, cursor, start));
    units.push({ start, end });
    cursor = end;
  }
  units.push(...blankLineBlocks(text, cursor, text.length));
  return units;
}

/** Blocks of non-blank lines in text[from, to), each trimmed of surrounding whitespace. */
function blankLineBlocks(text: string, from: number, to: number): Span[] {
  const blocks: Span[] = [];
  // A blank line is a line break, optional spaces or tabs, and another line break (LF or CRLF).
  const separator = /\r?\n[ \t]*\r?\n/g;
  separator.lastIndex = from;
  let start = from;
  for (;;) {
    const m = separator.exec(text);
    const end = m && m.index < to ? m.index : to;
    pushTrimmed(text, start, end, blocks);
    if (!m || m.index >= to) break;
    start = m.index + m[0].length;
    separator.lastIndex = start;
  }
  return blocks;
}

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) into.push({ start, end });
}
