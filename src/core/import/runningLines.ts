// Running headers and footers: the report title and dates printed at the top or bottom of every page,
// and page numbers, are furniture, not the report's text. A line is furniture when the same words
// (digits aside, so "Page 3" and "Page 4" match) sit among the first or last lines of most pages, or
// when it is a bare page number at a page's top or bottom.

/** How many lines at each end of a page are looked at. */
const EDGE_LINES = 3;
/** A line on at least this share of the pages is running furniture. */
const MOST_PAGES = 0.5;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$/i;

function key(line: string): string {
  return line.trim().replace(/\s+/g, ' ').replace(/\d+/g, '#').toLowerCase();
}

function edgeIndexes(page: readonly string[]): number[] {
  const text = page.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  return [...new Set([...text.slice(0, EDGE_LINES), ...text.slice(-EDGE_LINES)])];
}

/** Each page's lines without running headers, footers and page numbers (blank lines at either end trimmed too). */
export function dropRunningLines(pages: readonly string[][]): string[][] {
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    for (const k of new Set(edgeIndexes(page).map((i) => key(page[i]!)))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * MOST_PAGES));
  return pages.map((page) => {
    const drop = new Set(edgeIndexes(page).filter((i) => (pages.length > 1 && (pagesWith.get(key(page[i]!)) ?? 0) >= needed) || PAGE_NUMBER.test(page[i]!.trim())));
    // A page number is only furniture at the very top or bottom: a bare number inside the text stays.
    for (const i of drop) if (PAGE_NUMBER.test(page[i]!.trim()) && !atEdge(page, i, drop)) drop.delete(i);
    return trimBlank(page.filter((_, i) => !drop.has(i)));
  });
}

/** True when only blank or dropped lines lie between line i and the top or the bottom of the page. */
function atEdge(page: readonly string[], i: number, drop: ReadonlySet<number>): boolean {
  const clear = (k: number) => !page[k]!.trim() || (drop.has(k) && !PAGE_NUMBER.test(page[k]!.trim()));
  let up = true;
  for (let k = 0; k < i; k++) if (!clear(k)) up = false;
  let down = true;
  for (let k = i + 1; k < page.length; k++) if (!clear(k)) down = false;
  return up || down;
}

function trimBlank(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && !lines[from]!.trim()) from++;
  while (to > from && !lines[to - 1]!.trim()) to--;
  return lines.slice(from, to);
}
