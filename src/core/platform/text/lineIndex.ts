// Offset <-> line/character conversion for a text, built once (line starts found in one pass).
// Lines here are 1-based, like ReportModel; characters are 0-based UTF-16 columns. A line break is
// LF, CRLF or a lone CR, so offsets stay true to the original text whatever its line endings.

export interface LinePosition {
  /** 1-based line number. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
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
