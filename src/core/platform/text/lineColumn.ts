// Where an offset is, as an error message gives it: 1-based line and column. Only "\n" ends a line here: the
// files this reports on (tags and codebook JSON) are read as JSON parsers count lines.

import { LineIndex } from './lineIndex';

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const index = new LineIndex(text, 'lf');
  const line = index.lineAt(Math.min(offset, text.length));
  // Not clamped: an error just past the end is reported one column after the last character.
  return { line, column: offset - index.lineStart(line) + 1 };
}
