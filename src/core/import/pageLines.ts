// Text items → lines: runs on one baseline are one line, read left to right; a wide gap separates
// cells (table columns), a wider vertical gap than the line spacing means a blank line (new paragraph).

import type { PdfPageText, PdfTextItem } from './pdfReader';

export interface LineCell {
  x: number;
  /** Right edge of the cell's last run. */
  end: number;
  text: string;
}

export interface PageLine {
  y: number;
  fontSize: number;
  cells: LineCell[];
  /** Distance from the baseline of the line above (0 for a page's first line). */
  gapBefore: number;
  /** Font size of the line above (0 for a page's first line). */
  sizeAbove: number;
}

/** A gap wider than this many font sizes between two runs on a line separates two cells. */
const CELL_GAP_EM = 1.2;
/** Below this, two runs touch (one word split in two runs). */
const TOUCH_GAP_EM = 0.1;
/** Baselines closer than this many font sizes are one line. */
const SAME_LINE_EM = 0.4;

export function pageLines(page: PdfPageText): PageLine[] {
  const items = [...page.items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of items) {
    const current = groups[groups.length - 1];
    const head = current?.[0];
    if (current && head && Math.abs(head.y - item.y) <= SAME_LINE_EM * Math.max(head.fontSize, item.fontSize)) current.push(item);
    else groups.push([item]);
  }
  const lines: PageLine[] = [];
  for (const group of mergeRaised(groups)) {
    group.sort((a, b) => a.x - b.x);
    const fontSize = Math.max(...group.map((i) => i.fontSize));
    const y = group[0]!.y;
    const previous = lines[lines.length - 1];
    lines.push({ y, fontSize, cells: cellsOf(group), gapBefore: previous ? previous.y - y : 0, sizeAbove: previous?.fontSize ?? 0 });
  }
  return lines;
}

/** Superscripts and subscripts (footnote marks) in a smaller font sit a little off the baseline: they belong to the line beside them. */
function mergeRaised(groups: PdfTextItem[][]): PdfTextItem[][] {
  const size = (g: PdfTextItem[]) => Math.max(...g.map((i) => i.fontSize));
  const out: PdfTextItem[][] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const below = groups[i + 1];
    const above = out[out.length - 1];
    const near = (other: PdfTextItem[] | undefined) =>
      !!other && size(group) <= 0.8 * size(other) && Math.abs(other[0]!.y - group[0]!.y) <= 0.6 * size(other) && group.length <= 2;
    if (near(below)) groups[i + 1] = [...below!, ...group];
    else if (near(above)) above!.push(...group);
    else out.push(group);
  }
  return out;
}

function cellsOf(items: PdfTextItem[]): LineCell[] {
  const cells: LineCell[] = [];
  let cell: LineCell | undefined;
  for (const item of items) {
    const gap = cell ? item.x - cell.end : 0;
    if (!cell || gap > CELL_GAP_EM * item.fontSize) {
      cell = { x: item.x, end: item.x + item.width, text: item.text.trimStart() };
      cells.push(cell);
      continue;
    }
    const touching = gap < TOUCH_GAP_EM * item.fontSize || /\s$/.test(cell.text) || /^\s/.test(item.text);
    cell.text += (touching ? '' : ' ') + item.text;
    cell.end = Math.max(cell.end, item.x + item.width);
  }
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trimEnd();
  return cells;
}

/** The document's text grid: its left margin, the width of one column of characters, the body's line spacing. */
export interface TextGrid {
  left: number;
  column: number;
  lineSpacing: number;
  bodySize: number;
}

/** The body's left margin, and a column width from the body font size. */
export function textGrid(pages: readonly PageLine[][]): TextGrid {
  const starts = new Map<number, number>();
  const sizes = new Map<number, number>();
  const spacings = new Map<number, number>();
  for (const line of pages.flat()) {
    if (line.gapBefore > 0) spacings.set(Math.round(line.gapBefore), (spacings.get(Math.round(line.gapBefore)) ?? 0) + 1);
    const x = Math.round(line.cells[0]!.x);
    starts.set(x, (starts.get(x) ?? 0) + 1);
    const size = Math.round(line.fontSize);
    sizes.set(size, (sizes.get(size) ?? 0) + 1);
  }
  const mode = (m: Map<number, number>, fallback: number): number => [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? fallback;
  // The leftmost start shared by a fair number of lines (paragraph continuations may outnumber first lines).
  const total = [...starts.values()].reduce((a, b) => a + b, 0);
  const common = [...starts].filter(([, n]) => n >= Math.max(2, total * 0.03)).map(([x]) => x);
  const left = common.length ? Math.min(...common) : mode(starts, 0);
  const body = mode(sizes, 12);
  return { left, column: Math.max(1, body * 0.45), lineSpacing: Math.max(body, mode(spacings, body * 1.2)), bodySize: body };
}

/** Blank lines above a line, as `pdftotext -layout` counts them: one per line spacing (of the larger font) of empty space, at most two. */
export function blankLinesBefore(line: PageLine, grid: TextGrid): number {
  const spacing = (grid.lineSpacing * Math.max(line.fontSize, line.sizeAbove, grid.bodySize)) / grid.bodySize;
  return Math.min(2, Math.max(0, Math.round(line.gapBefore / spacing) - 1));
}

/** A line as text: indented to its position on the grid, cells apart by at least three spaces, as `pdftotext -layout` writes them. */
export function renderLine(line: PageLine, grid: TextGrid): string {
  let out = '';
  for (const cell of line.cells) {
    const column = Math.max(0, Math.round((cell.x - grid.left) / grid.column));
    const pad = out === '' ? column : Math.max(3, column - out.length);
    out += ' '.repeat(pad) + cell.text;
  }
  return out;
}
