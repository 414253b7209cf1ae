// Numbered paragraphs (ILACS, SIF and the 2013 reports number them 1..N across sections; committee papers by
// section, "1.1", "1.2", "2.1"). A number at the start of a line counts only if it belongs to the running sequence,
// which rules out table rows, stray dates, footers and separate lists; SIF's numbered areas for improvement are in
// that sequence, and a reader cites them by it.
import type { NumberedParagraph } from './model';
import type { DocLine } from './documentLines';
import type { LineInfo } from './lineClassifier';
import { isGradeCell } from './lineClassifier';

/** The paragraph number a line starts with, whether its text follows on the line or (number alone) below it. */
function numberOf(info: LineInfo): number | undefined {
  return info.numbered?.n ?? info.numberOnly ?? undottedNumber(info)?.n;
}

/**
 * "34     Most children in care …": a paragraph number whose dot the conversion lost, kept apart from its text by
 * a column gap. Only a long prose line qualifies, and only the running sequence takes it in.
 */
function undottedNumber(info: LineInfo): { n: number; contentStart: number } | undefined {
  const c = info.clean.charCodeAt(0);
  if (info.numbered || c < 48 || c > 57 || info.clean.length < 45) return undefined;
  const m = /^(\d{1,3}) {2,}(?=[A-Z][a-z])/.exec(info.norm.slice(info.first));
  return m ? { n: Number(m[1]), contentStart: info.first + m[0].length } : undefined;
}

/** A number alone on its line starts a paragraph only when text follows it, after blank lines or a page footer. */
function textFollows(lines: DocLine[], footer: boolean[], i: number): boolean {
  // PDF conversions leave several blank lines around a page number.
  for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
    const info = lines[j]!.info;
    if (info.blank || footer[j]) continue;
    // A paragraph's first line, not a date or a reference standing under a stray number.
    return !info.numberOnly && !info.numbered && /^[A-Z0-9'"(]/.test(info.clean) && info.clean.length >= 45;
  }
  return false;
}

export function findParagraphs(lines: DocLine[], footer: boolean[], excluded: Uint8Array, boundaries: Uint8Array, bySection = false): NumberedParagraph[] {
  // A committee paper numbering its paragraphs by section ("2.3") prints "2." only on its section headings.
  if (bySection) {
    const sectioned = sectionNumberedParagraphs(lines, footer, boundaries);
    if (sectioned.length) return sectioned;
  }
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i]!.info;
    // A heading ("1. Introduction" in a committee paper) is never a paragraph, numbered or not.
    if (footer[i] || boundaries[i]) continue;
    // A judgement table row ("1. Children who need help and protection   Good") is no paragraph; "23.   Good systems …" is.
    if ((info.numbered || undottedNumber(info)) && !info.cells?.some((c, k) => k > 0 && isGradeCell(c.text))) candidates.push(i);
    else if (info.numberOnly && textFollows(lines, footer, i)) candidates.push(i);
  }
  const accepted = runningSequence(lines, candidates, excluded);
  return accepted.map((i, k) => {
    const info = lines[i]!.info;
    const column = info.numbered?.contentStart ?? undottedNumber(info)?.contentStart ?? 0;
    const range = paragraphRange(lines, footer, boundaries, i, k + 1 < accepted.length ? accepted[k + 1]! : lines.length, column, !info.numbered);
    return { number: numberOf(info)!, range, line: i + 1 };
  });
}

/**
 * From the paragraph's number to its last line. It runs on until a blank line, except across a page break
 * (footer) or where the text after the gap is indented like the paragraph's own lines; it never runs into the
 * next heading. `alone`: the number stands alone on its line and the text starts after the gap below it.
 */
function paragraphRange(lines: DocLine[], footer: boolean[], boundaries: Uint8Array, i: number, stop: number, column: number, alone: boolean): NumberedParagraph['range'] {
  let end = i;
  let opening = alone;
  let gap = false;
  let pageBreak = false;
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
  return { start: line.start + line.info.first, end: lines[end]!.start + lines[end]!.info.last };
}

/**
 * Paragraphs numbered by section ("1.1", "1.2", "2.1" …): the longest chain in line order where each number is
 * the next in its section, or opens a later section at .1 (a section may have no numbered paragraphs of its own).
 * Skips of up to MAX_GAP lost numbers are allowed, as in the plain sequence. A lone "1.1" counts; any other lone
 * number is a stray (a figure, a clause reference).
 */
function sectionNumberedParagraphs(lines: DocLine[], footer: boolean[], boundaries: Uint8Array): NumberedParagraph[] {
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.info.sectionNumbered;
    if (!s || footer[i] || boundaries[i]) continue;
    if (s.contentStart !== undefined || textFollows(lines, footer, i)) candidates.push(i);
  }
  const chain = longestSectionChain(lines, candidates);
  const first = chain.length ? lines[chain[0]!]!.info.sectionNumbered! : undefined;
  if (chain.length < 2 && !(first?.major === 1 && first.minor === 1)) return [];
  return chain.map((i, k) => {
    const s = lines[i]!.info.sectionNumbered!;
    const range = paragraphRange(lines, footer, boundaries, i, k + 1 < chain.length ? chain[k + 1]! : lines.length, s.contentStart ?? 0, s.contentStart === undefined);
    return { number: k + 1, label: `${s.major}.${s.minor}`, range, line: i + 1 };
  });
}

/**
 * Longest chain in line order where each number is the next in its section, or a later section's first (lost
 * numbers allowed); among equally long chains the earliest. Linear: per number, the best chain ending at it and
 * the best ending anywhere in its section are kept, as runningSequence does.
 */
function longestSectionChain(lines: DocLine[], candidates: number[]): number[] {
  const n = candidates.length;
  const length = new Int32Array(n).fill(1);
  const previous = new Int32Array(n).fill(-1);
  const endingAt = new Map<number, number>();
  const endingIn = new Map<number, number>();
  const take = (k: number, j: number | undefined) => {
    if (j !== undefined && length[j]! + 1 > length[k]!) {
      length[k] = length[j]! + 1;
      previous[k] = j;
    }
  };
  let best = -1;
  for (let k = 0; k < n; k++) {
    const { major, minor } = lines[candidates[k]!]!.info.sectionNumbered!;
    for (let gap = 1; gap <= MAX_GAP + 1 && gap < minor; gap++) take(k, endingAt.get(major * 100 + minor - gap));
    if (minor >= 1 && minor <= 1 + MAX_GAP) for (let gap = 1; gap <= MAX_GAP + 1; gap++) take(k, endingIn.get(major - gap));
    const key = major * 100 + minor;
    if ((length[endingAt.get(key) ?? -1] ?? 0) < length[k]!) endingAt.set(key, k);
    if ((length[endingIn.get(major) ?? -1] ?? 0) < length[k]!) endingIn.set(major, k);
    if (best < 0 || length[k]! > length[best]!) best = k;
  }
  const chain: number[] = [];
  for (let k = best; k >= 0; k = previous[k]!) chain.push(candidates[k]!);
  return chain.reverse();
}

/** How many numbers the sequence may skip where a conversion lost a paragraph's number. */
const MAX_GAP = 3;

/**
 * The report's running sequence: the longest chain of candidates whose numbers rise by one (or skip at most
 * MAX_GAP lost numbers), in line order. Numbered items of improvement lists belong to it (SIF numbers its areas
 * for improvement in the same sequence as its paragraphs), but judgement-table rows and headings ("1. Children
 * who need help and protection") and separate lists must not start it: among equally long chains the one with
 * more ordinary paragraphs wins, then the later one, so a list or table that happens to count 1, 2, 3 before the
 * text's own paragraph 1 loses to it.
 */
function runningSequence(lines: DocLine[], candidates: number[], excluded: Uint8Array): number[] {
  const count = candidates.length;
  const length = new Int32Array(count);
  const prose = new Int32Array(count);
  const previous = new Int32Array(count).fill(-1);
  // For each number, the candidate that best ends a chain at that number so far.
  const bestEnd = new Map<number, number>();
  let best = -1;
  for (let k = 0; k < count; k++) {
    const n = numberOf(lines[candidates[k]!]!.info)!;
    const own = excluded[candidates[k]!] ? 0 : 1;
    length[k] = 1;
    prose[k] = own;
    for (let gap = 1; gap <= MAX_GAP + 1; gap++) {
      const j = bestEnd.get(n - gap);
      if (j === undefined) continue;
      if (better(length[j]! + 1, prose[j]! + own, length[k]!, prose[k]!)) {
        length[k] = length[j]! + 1;
        prose[k] = prose[j]! + own;
        previous[k] = j;
      }
    }
    const had = bestEnd.get(n);
    if (had === undefined || !better(length[had]!, prose[had]!, length[k]!, prose[k]!)) bestEnd.set(n, k);
    if (best < 0 || !better(length[best]!, prose[best]!, length[k]!, prose[k]!)) best = k;
  }
  if (best < 0 || !isRunningSequence(length[best]!, prose[best]!, numberOf(lines[candidates[best]!]!.info)!)) return [];
  const chain: number[] = [];
  for (let k = best; k >= 0; k = previous[k]!) chain.push(candidates[k]!);
  return chain.reverse();
}

/** Strictly better: longer, or as long with more ordinary paragraphs. */
function better(length: number, prose: number, thanLength: number, thanProse: number): boolean {
  return length > thanLength || (length === thanLength && prose > thanProse);
}

/**
 * A numbered list alone (a letter's numbered recommendations, all of them improvement items) is no running
 * sequence; a report that numbers its paragraphs has numbered prose too, or a long sequence.
 */
function isRunningSequence(length: number, prose: number, last: number): boolean {
  if (length === 1) return last === 1 && prose === 1;
  return prose >= 2 || length >= 10;
}
