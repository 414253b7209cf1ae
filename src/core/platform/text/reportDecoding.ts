// Report bytes -> text, one way for every reader (command line, sidecar store, aggregation): a BOM picks UTF-8 or
// UTF-16, other bytes are UTF-8, and prose with a few bytes that are not UTF-8 is an old Windows-1252 export.
// Tag hashes are taken of this decoded text, so a report with a BOM or in UTF-16 hashes the same everywhere.

export type DecodeOutcome =
  | { ok: true; text: string; /** Something the user should know, e.g. the file was not UTF-8. */ warning?: string }
  | { ok: false; reason: string };

/**
 * UTF-8 (BOM stripped) and BOM-marked UTF-16 are text. Anything with NUL bytes is binary. Invalid UTF-8
 * that still looks like prose (few bad bytes, no control characters) is read as Windows-1252 with a warning.
 */
export function decodeReportBytes(bytes: Uint8Array): DecodeOutcome {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  if (startsWith(bytes, '%PDF-')) {
    return { ok: false, reason: 'is a PDF, not text; convert it first, e.g. `pdftotext -layout report.pdf report.txt`' };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'is a binary file (it contains NUL bytes), not a text report' };

  try {
    // TextDecoder drops a UTF-8 BOM (ignoreBOM is false by default).
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // fall through: not valid UTF-8
  }
  const lossy = new TextDecoder('utf-8').decode(bytes);
  let invalid = 0;
  for (const ch of lossy) if (ch === '\uFFFD') invalid++;
  let control = 0;
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b) control++;
  if (invalid > bytes.length * 0.05 || control > bytes.length * 0.01) {
    return { ok: false, reason: `is not a text file (${invalid} invalid UTF-8 sequences in ${bytes.length} bytes)` };
  }
  return {
    ok: true,
    text: decodeWindows1252(bytes),
    warning: `not valid UTF-8 (${invalid} invalid byte sequence${invalid === 1 ? '' : 's'}); read as Windows-1252`,
  };
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.length < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

// Node's TextDecoder treats 'windows-1252' as Latin-1 (0x80-0x9F become C1 controls), which would
// turn curly quotes and dashes into invisible characters; map that range as Windows does.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Chunks keep a multi-megabyte file from building one character at a time.
  for (let at = 0; at < bytes.length; at += 8192) {
    let chunk = '';
    const end = Math.min(bytes.length, at + 8192);
    for (let i = at; i < end; i++) {
      const b = bytes[i]!;
      chunk += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(chunk);
  }
  return parts.join('');
}
