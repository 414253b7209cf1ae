// Judgement tables: a row whose area label wraps over several lines beside its grade (or whose grade
// wraps: "Requires" / "improvement to be good") becomes one line, the label then the grade, so a reader
// and the recognition see "area … grade" together, whichever line of the row the grade sat on.

import type { LineCell, PageLine } from './pageLines';

/** Words a grade cell may hold, whole or as one line of a wrapped grade. */
const GRADE_PART = /^(?:outstanding|good|adequate|inadequate|requires|requires improvement|requires improvement to be good|improvement|improvement to be good|to be good|be good)$/i;
/** Words a grade starts with: a new row's grade, not the rest of a wrapped one. */
const GRADE_START = /^(?:outstanding|good|adequate|inadequate|requires)\b/i;
/** Rows with more lines than this are prose beside something, not a table row. */
const MAX_ROW_LINES = 6;
/** A cell starting this far left of the grade column is in the label column. */
const COLUMN_SLACK = 5;

/** Lines further apart than this many font sizes are in different blocks (rows of a table are apart). */
const BLOCK_GAP_EM = 1.6;

export function rebuildTableRows(lines: PageLine[]): PageLine[] {
  const out: PageLine[] = [];
  let i = 0;
  while (i < lines.length) {
    let end = i + 1;
    while (end < lines.length && lines[end]!.gapBefore <= BLOCK_GAP_EM * lines[end]!.fontSize) end++;
    const block = lines.slice(i, end);
    out.push(...(tableBlockRows(block) ?? block));
    i = end;
  }
  return out;
}

/** The block's rows as one line each, or undefined when the block is not (only) judgement table rows. */
function tableBlockRows(block: PageLine[]): PageLine[] | undefined {
  const gradeXs = block.flatMap((line) => line.cells.slice(1).filter((c) => GRADE_PART.test(c.text)).map((c) => c.x));
  if (gradeXs.length === 0 || block.length > MAX_ROW_LINES * gradeXs.length) return undefined;
  const column = Math.min(...gradeXs);
  const split = block.map((line) => ({
    line,
    left: line.cells.filter((c) => c.x < column - COLUMN_SLACK),
    right: line.cells.filter((c) => c.x >= column - COLUMN_SLACK),
  }));
  if (split.some((s) => s.right.some((c) => !GRADE_PART.test(c.text)) || s.left.some((c) => c.end > column))) return undefined;
  const starts = split.map((s, k) => (s.right[0] && GRADE_START.test(s.right[0].text) ? k : -1)).filter((k) => k >= 0);
  if (starts.length === 0) return undefined;
  const rows: PageLine[] = [];
  for (const [n, start] of starts.entries()) {
    const from = n === 0 ? 0 : start;
    const to = n + 1 < starts.length ? starts[n + 1]! : split.length;
    const part = split.slice(from, to);
    const left = part.flatMap((s) => s.left);
    if (left.length === 0) return undefined;
    const first = part[0]!.line;
    const label: LineCell = { x: left[0]!.x, end: Math.max(...left.map((c) => c.end)), text: joinText(left) };
    const right = part.flatMap((s) => s.right);
    const grade: LineCell = { x: right[0]!.x, end: Math.max(...right.map((c) => c.end)), text: joinText(right) };
    rows.push({ y: first.y, fontSize: first.fontSize, gapBefore: first.gapBefore, sizeAbove: first.sizeAbove, cells: [label, grade] });
  }
  return rows;
}

function joinText(cells: LineCell[]): string {
  return cells.map((c) => c.text).join(' ').replace(/\s+/g, ' ').trim();
}
