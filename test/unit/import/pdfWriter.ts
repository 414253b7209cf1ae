// A small deterministic PDF writer for tests, the demo and the benchmark: pages of Helvetica text runs
// placed where asked (WinAnsi encoding), optional image-only pages, and the broken cases a user meets
// (an /Encrypt dictionary, a truncated file). Same input, same bytes: no dates, no random IDs.

export interface TextRun {
  x: number;
  y: number;
  size: number;
  text: string;
}

export type PdfPageSpec = { runs: TextRun[] } | { image: true };

export interface PdfWriteOptions {
  /** Adds a Standard security handler dictionary whose user password is not empty: readers ask for it. */
  encrypted?: boolean;
}

const WIN_ANSI: Record<string, number> = { '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };

function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`pdfWriter: ${ch} is not in WinAnsi`);
    out += ch === '(' || ch === ')' || ch === '\\' ? `\\${ch}` : String.fromCharCode(code);
  }
  return `(${out})`;
}

function contentOf(page: PdfPageSpec): string {
  if ('image' in page) {
    // A 2×2 grey picture filling the page: what a scanned page without OCR is to a reader.
    return 'q 595 0 0 842 0 0 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x20\x80\xc0\xff EI Q\n';
  }
  return page.runs.map((r) => `BT /F1 ${r.size} Tf ${r.x} ${r.y} Td ${pdfString(r.text)} Tj ET`).join('\n') + '\n';
}

/** The PDF's bytes (latin1). */
export function writePdf(pages: PdfPageSpec[], options: PdfWriteOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const content = contentOf(page);
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const encrypt = options.encrypted ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> >>`) : 0;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${id} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** Lines of body text from the top of a page down, 14.5 pt apart (a blank line is a paragraph break). */
export function textLines(lines: string[], options: { x?: number; top?: number; size?: number; indent?: number } = {}): TextRun[] {
  const runs: TextRun[] = [];
  let y = options.top ?? 760;
  for (const line of lines) {
    if (line === '') {
      y -= 12;
      continue;
    }
    runs.push({ x: options.x ?? 71, y, size: options.size ?? 12, text: line });
    y -= 14.5;
  }
  return runs;
}
