// Where an offset is, as an error message gives it: 1-based line and column. Only "\n" ends a line here: the
// files this reports on (tags and codebook JSON) are read as JSON parsers count lines.

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
