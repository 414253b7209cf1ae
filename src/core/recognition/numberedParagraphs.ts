// Numbered paragraphs (ILACS and SIF number them 1..N across sections). A number at the start of a line
// counts only if it continues the running sequence, which rules out table rows, stray dates and footers;
// numbered areas for improvement are items, not paragraphs.
import type { NumberedParagraph } from './model';
import type { DocLine } from './documentLines';

export function findParagraphs(lines: DocLine[], footer: boolean[], excluded: Uint8Array, boundaries: Uint8Array): NumberedParagraph[] {
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i]!.info;
    if (info.numbered && !footer[i] && !excluded[i] && !info.cells?.some((c, k) => k > 0 && /^(?:good|outstanding|inadequate|requires?)/i.test(c.text))) candidates.push(i);
  }
  const accepted: number[] = [];
  let last = 0;
  for (let k = 0; k < candidates.length; k++) {
    const n = lines[candidates[k]!]!.info.numbered!.n;
    const next = k + 1 < candidates.length ? lines[candidates[k + 1]!]!.info.numbered!.n : -1;
    if (last === 0) {
      // The sequence starts where two candidates follow each other.
      if (next === n + 1 || (n === 1 && next === -1)) { accepted.push(candidates[k]!); last = n; }
    } else if (n === last + 1 || (n > last + 1 && n <= last + 4 && next === n + 1)) {
      accepted.push(candidates[k]!);
      last = n;
    }
  }
  const out: NumberedParagraph[] = [];
  for (let k = 0; k < accepted.length; k++) {
    const i = accepted[k]!;
    const stop = k + 1 < accepted.length ? accepted[k + 1]! : lines.length;
    let end = i;
    const column = lines[i]!.info.numbered!.contentStart;
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
      if (gap && !(info.first >= column - 1 && column > 2) && !(pageBreak && /^[a-z(]/.test(info.clean))) break;
      gap = false;
      pageBreak = false;
      end = j;
    }
    const line = lines[i]!;
    out.push({ number: line.info.numbered!.n, range: { start: line.start + line.info.first, end: lines[end]!.start + lines[end]!.info.last }, line: i + 1 });
  }
  return out;
}
