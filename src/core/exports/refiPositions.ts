// Positions for REFI-QDA PlainTextSelection. The standard counts characters of the plain-text source,
// not bytes or UTF-16 units, and the importers index a Unicode string by code point (QualCoder slices a
// Python str with startPosition/endPosition). Our offsets are UTF-16 code units, so astral characters
// (emoji) count 2 for us and 1 for them. We also write sources with LF line ends and no BOM, because
// importers that read the file in text mode turn CRLF into LF and would shift every later position.

export interface PlainTextSource {
  /** The text as written into sources/<guid>.txt. */
  text: string;
  /** Code-point position in `text` of each UTF-16 offset of the original (length original.length + 1). */
  toPosition(utf16Offset: number): number;
}

export function plainTextSource(original: string): PlainTextSource {
  const map = new Uint32Array(original.length + 1);
  const out: string[] = [];
  let position = 0;
  let i = 0;
  if (original.charCodeAt(0) === 0xfeff) {
    map[0] = 0;
    i = 1;
  }
  while (i < original.length) {
    const code = original.charCodeAt(i);
    map[i] = position;
    if (code === 0x0d) {
      // CR LF -> LF (the CR is dropped, offsets on it land on the LF); a lone CR becomes LF.
      if (original.charCodeAt(i + 1) === 0x0a) {
        i++;
        continue;
      }
      out.push('\n');
      position++;
      i++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < original.length) {
      const low = original.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        map[i + 1] = position; // the middle of a pair is not a position; round down to its start
        out.push(original.slice(i, i + 2));
        position++;
        i += 2;
        continue;
      }
    }
    out.push(original[i]!);
    position++;
    i++;
  }
  map[original.length] = position;
  const text = out.join('');
  return {
    text,
    toPosition: (offset) => map[Math.max(0, Math.min(offset, original.length))]!,
  };
}
