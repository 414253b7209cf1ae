// A PDF's bytes → the report's text: lines rebuilt from PDF.js text items, judgement table rows joined,
// running headers, footers and page numbers dropped, hyphenated words joined, pages kept apart by form
// feeds (so a passage's page can be told), and the provenance line at the end.

import { createHash } from 'node:crypto';
import { joinHyphenatedWords } from './hyphenation';
import { pdfImportError } from './importProblems';
import { blankLinesBefore, type PageLine, pageLines, renderLine, textGrid } from './pageLines';
import { readPdfPages, type ReadPdfOptions } from './pdfReader';
import { IMPORTER_NAME, type ImportProvenance, provenanceBlock } from './provenance';
import { dropRunningLines } from './runningLines';
import { rebuildTableRows } from './tableRows';

export interface PdfImportResult {
  /** The report text, pages separated by form feeds, ending with the provenance line. */
  text: string;
  pageCount: number;
  provenance: ImportProvenance;
}

/** Fewer letters or digits than this on average per page: the pages are pictures (a scan), not text. */
const MIN_CHARS_PER_PAGE = 20;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Converts a PDF; `name` is its file name (for messages and the provenance). Throws PdfImportError. */
export async function pdfToText(bytes: Uint8Array, name: string, options: ReadPdfOptions = {}): Promise<PdfImportResult> {
  const pages: PageLine[][] = [];
  const { pageCount, engine } = await readPdfPages(bytes, name, (page) => pages.push(rebuildTableRows(pageLines(page))), options);
  const chars = pages.flat().reduce((n, line) => n + line.cells.reduce((m, c) => m + (c.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0), 0);
  if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pageCount)) throw pdfImportError('no-text', name);
  const provenance: ImportProvenance = { pdf: name, sha256: sha256Hex(bytes), importer: `${IMPORTER_NAME} (${engine})` };
  return { text: linesToText(pages) + provenanceBlock(provenance), pageCount, provenance };
}

/** Page lines → text: indented on the document's grid, blank lines between paragraphs, form feeds between pages. */
export function linesToText(pages: readonly PageLine[][]): string {
  const grid = textGrid(pages);
  const rendered = pages.map((page) => page.flatMap((line) => [...Array<string>(blankLinesBefore(line, grid)).fill(''), renderLine(line, grid)]));
  const cleaned = joinHyphenatedWords(dropRunningLines(rendered));
  return cleaned.map((lines, i) => (lines.length ? (i > 0 && endsParagraph(cleaned[i - 1]!) ? '\n' : '') + lines.join('\n') + '\n' : '')).join('\f');
}

/**
 * A page whose last line is a short one ending a sentence ends its paragraph: the next page then starts
 * with a blank line (holding the form feed), as a paragraph break inside a page would be.
 */
function endsParagraph(page: readonly string[]): boolean {
  const last = page[page.length - 1]?.trimEnd() ?? '';
  const widest = Math.max(0, ...page.map((l) => l.trimEnd().length));
  return /[.!?:;]["'’”)]?$/.test(last) && last.length < widest * 0.8;
}
