// Offset <-> line/character conversion for a text, built once (line starts found in one pass).
// Lines here are 1-based, like ReportModel; characters are 0-based UTF-16 columns. A line break is
// LF, CRLF or a lone CR, so offsets stay true to the original text whatever its line endings (JSON files
// ask for LF only, as their parsers count lines). The one place the core maps offsets to lines.

export interface LinePosition {
  /** 1-based line number. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** What ends a line: LF, CRLF or a lone CR (report text, as editors show it), or LF only (JSON files, as parsers count). */
export type LineBreaks = 'any' | 'lf';

export class LineIndex {
  private readonly starts: number[];

  constructor(
    readonly text: string,
    breaks: LineBreaks = 'any',
  ) {
    this.starts = lineStarts(text, breaks);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line (clamped to the text). */
  lineStart(line: number): number {
    const i = Math.min(Math.max(line, 1), this.starts.length) - 1;
    return this.starts[i]!;
  }

  /** Offset just after the last character of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const i = Math.min(Math.max(line, 1), this.starts.length) - 1;
    let end = i + 1 < this.starts.length ? this.starts[i + 1]! : this.text.length;
    if (end > this.starts[i]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[i]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** 1-based line holding an offset (offsets past the end map to the last line). */
  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  positionAt(offset: number): LinePosition {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.starts[line - 1]! };
  }

  /** Offset of a position; a character past the line's end is clamped to the line's end. */
  offsetAt(position: LinePosition): number {
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(position.character, 0), this.lineEnd(position.line));
  }
}

/**
 * Offset of each line's first character. The breaks are found with indexOf, a native scan several times
 * faster than a charCodeAt loop on a long text (the folding ranges rebuild this on every keystroke).
 */
function lineStarts(text: string, breaks: LineBreaks): number[] {
  const starts = [0];
  let cr = breaks === 'lf' ? -1 : text.indexOf('\r');
  let lf = text.indexOf('\n');
  if (cr < 0) {
    for (; lf >= 0; lf = text.indexOf('\n', lf + 1)) starts.push(lf + 1);
    return starts;
  }
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      // A CR: with the LF right after it one break (CRLF), else a break of its own.
      if (cr + 1 === lf) {
        starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      } else starts.push(cr + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}
