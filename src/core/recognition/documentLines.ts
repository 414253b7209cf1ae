// The document as lines: offsets into the original text plus each line's (cached) classification.
import type { LineInfo } from './lineClassifier';

export interface DocLine {
  /** Offset of the line's first character. */
  start: number;
  /** Offset after its last character, before the line break. */
  end: number;
  info: LineInfo;
}

/** Splits on LF, CRLF or lone CR, classifying each line (through a LineClassifier's cache, or straight). */
export function splitDocLines(text: string, classify: (raw: string) => LineInfo, from = 0, to = text.length, out: DocLine[] = []): DocLine[] {
  let start = from;
  // The next LF and CR at or after `start`: indexOf finds them much faster than a loop over every character.
  let lf = -1;
  let cr = -1;
  for (;;) {
    if (lf < start) lf = indexOrEnd(text, '\n', start);
    if (cr < start) cr = indexOrEnd(text, '\r', start);
    const i = Math.max(start, Math.min(lf, cr, to));
    out.push({ start, end: i, info: classify(text.slice(start, i)) });
    if (i >= to) break;
    start = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return out;
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

/**
 * Page footers: a footer line on its own ("12", "Page 3 of 12", "<dates>   12"), or the report-title
 * line printed just above such a line at each page break.
 */
/** A running footer's dates line: "11 to 15 March 2024", "27 March 2023 to 31 March 2023". */
const FOOTER_DATES = /^\d{1,2}(?: [A-Z][a-z]+)?(?: \d{4})? (?:to|-|–) \d{1,2} [A-Z][a-z]+ \d{4}$/;

export function markFooters(lines: DocLine[]): boolean[] {
  const footer = new Array<boolean>(lines.length).fill(false);
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i]!.info;
    if (info.footer) {
      footer[i] = true;
      // A reading-order conversion may put one blank line between the page number and the rest of its footer.
      const j = i > 1 && lines[i - 1]!.info.blank ? i - 2 : i - 1;
      if (j >= 0 && lines[j]!.info.footerTitle) footer[j] = true;
      // Title, then the inspection's dates, then the page number, each on a line of its own (area SEND).
      else if (j > 0 && lines[j - 1]!.info.footerTitle && FOOTER_DATES.test(lines[j]!.info.clean)) footer[j] = footer[j - 1] = true;
    }
  }
  return footer;
}
