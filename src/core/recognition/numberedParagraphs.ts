// Numbered paragraphs (ILACS and SIF number them 1..N across sections). A number at the start of a line
// counts only if it continues the running sequence, which rules out table rows, stray dates and footers;
// numbered areas for improvement are items, not paragraphs.
import type { NumberedParagraph } from './model';
import type { DocLine } from './documentLines';
import type { LineInfo } from './lineClassifier';
import { isGradeCell } from './lineClassifier';

/** The paragraph number a line starts with, whether its text follows on the line or (number alone) below it. */
function numberOf(info: LineInfo): number | undefined {
  return info.numbered?.n ?? info.numberOnly;
}

/** A number alone on its line starts a paragraph only when text follows it, after at most a blank line or a page footer. */
function textFollows(lines: DocLine[], footer: boolean[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const info = lines[j]!.info;
    if (info.blank || footer[j]) continue;
    // A paragraph's first line, not a date or a reference standing under a stray number.
    return !info.numberOnly && !info.numbered && /^[A-Z0-9'"(]/.test(info.clean) && info.clean.length >= 45;
  }
  return false;
}

export function findParagraphs(lines: DocLine[], footer: boolean[], excluded: Uint8Array, boundaries: Uint8Array): NumberedParagraph[] {
  const candidates: number[] = [];
  // Numbers the improvement items take: the paragraph sequence runs on past them (SIF: items 11-40, then 41).
  const itemNumbers = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i]!.info;
    if (footer[i]) continue;
    if (excluded[i]) {
      const n = numberOf(info);
      if (n !== undefined) itemNumbers.add(n);
      continue;
    }
    // A judgement table row ("1. Children who need help and protection   Good") is no paragraph; "23.   Good systems …" is.
    if (info.numbered && !info.cells?.some((c, k) => k > 0 && isGradeCell(c.text))) candidates.push(i);
    else if (info.numberOnly && textFollows(lines, footer, i)) candidates.push(i);
  }
  const accepted: number[] = [];
  let last = 0;
  for (let k = 0; k < candidates.length; k++) {
    const n = numberOf(lines[candidates[k]!]!.info)!;
    const next = k + 1 < candidates.length ? numberOf(lines[candidates[k + 1]!]!.info)! : -1;
    if (last === 0) {
      // The sequence starts where two candidates follow each other.
      if (next === n + 1 || (n === 1 && next === -1)) { accepted.push(candidates[k]!); last = n; }
    } else if (n === last + 1 || (n > last + 1 && n <= last + 4 && next === n + 1) || (n > last + 1 && skipsOnlyItems(itemNumbers, last, n))) {
      accepted.push(candidates[k]!);
      last = n;
    }
  }
  const out: NumberedParagraph[] = [];
  for (let k = 0; k < accepted.length; k++) {
    const i = accepted[k]!;
    const stop = k + 1 < accepted.length ? accepted[k + 1]! : lines.length;
    let end = i;
    const numberLine = lines[i]!.info;
    const column = numberLine.numbered?.contentStart ?? 0;
    // A number alone on its line: its text starts after the gap below it.
    let opening = !numberLine.numbered;
    let gap = false;
    let pageBreak = false;
    // The paragraph runs on until a blank line, except across a page break (footer) or where the text
    // after the gap is indented like the paragraph's own lines; it never runs into the next heading.
    for (let j = i + 1; j < stop; j++) {
      if (boundaries[j]) break;
      const info = lines[j]!.info;
      if (info.blank || footer[j]) {
        gap = true;
        if (footer[j]) pageBreak = true;
        continue;
      }
      if (gap && !opening && !(info.first >= column - 1 && column > 2) && !(pageBreak && /^[a-z(]/.test(info.clean))) break;
      opening = false;
      gap = false;
      pageBreak = false;
      end = j;
    }
    const line = lines[i]!;
    out.push({ number: numberOf(line.info)!, range: { start: line.start + line.info.first, end: lines[end]!.start + lines[end]!.info.last }, line: i + 1 });
  }
  return out;
}

/** Every number between `last` and `n` is an improvement item's. */
function skipsOnlyItems(itemNumbers: ReadonlySet<number>, last: number, n: number): boolean {
  if (n - last > 200) return false;
  for (let k = last + 1; k < n; k++) if (!itemNumbers.has(k)) return false;
  return true;
}
