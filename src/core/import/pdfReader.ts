// Reads the text items of each page of a PDF with PDF.js (pdfjs-dist, pure JavaScript: no native code,
// no network). PDF.js is loaded on first use, with its worker on this thread, so neither the editor's
// start nor a bundle needs a separate worker file. Everything PDF.js throws becomes a PdfImportError.

import { ensureDomMatrix } from './domMatrixShim';
import { pdfImportError, PdfImportError } from './importProblems';

/** One run of text as PDF.js places it: baseline origin (x, y up from the page bottom), width, size. */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPageText {
  pageNumber: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | undefined;

/** PDF.js warns on load that it cannot draw (no canvas package): it is only asked for text, so the warnings are noise. */
export async function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    ensureDomMatrix();
    const warn = console.warn;
    console.warn = () => undefined;
    const restoreNavigator = lendNavigator();
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      restoreNavigator();
      console.warn = warn;
    }
  })();
  return loading;
}

/**
 * PDF.js assigns globalThis.navigator on load when it has no language; the editor's extension host defines
 * navigator as a getter only, so the assignment would throw. A plain one is lent for the load, then the
 * host's own is put back.
 */
function lendNavigator(): () => void {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  const language = (globalThis as { navigator?: { language?: string } }).navigator?.language;
  if (!own || language || own.writable || own.set || !own.configurable) return () => undefined;
  Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-US', platform: '', userAgent: '' }, configurable: true, writable: true });
  return () => Object.defineProperty(globalThis, 'navigator', own);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Refuses what is not a PDF, or is visibly cut short, before PDF.js tries to repair it into something partial. */
export function checkPdfBytes(bytes: Uint8Array, name: string): void {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw pdfImportError('zip-not-pdf', name);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw pdfImportError('not-pdf', name);
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) throw pdfImportError('truncated', name);
}

export interface ReadPdfOptions {
  /** Checked between pages: a cancelled import stops there and throws PdfImportError('cancelled'). */
  isCancelled?: () => boolean;
  /** Called after each page is read (for progress, and for the benchmark's memory samples). */
  onPageRead?: (pageNumber: number, pageCount: number) => void;
}

/**
 * Calls onPage with each page's text items in page order, releasing each page before the next, so a
 * long document never holds more than one page of PDF.js objects. Returns the number of pages and the engine's name and version.
 */
export async function readPdfPages(bytes: Uint8Array, name: string, onPage: (page: PdfPageText) => void, options: ReadPdfOptions = {}): Promise<{ pageCount: number; engine: string }> {
  checkPdfBytes(bytes, name);
  const pdfjs = await loadPdfJs();
  // PDF.js takes ownership of the buffer it is given: hand it a copy so the caller's bytes stay whole.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true });
  let doc: Awaited<typeof task.promise> | undefined;
  try {
    doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) {
      if (options.isCancelled?.()) throw pdfImportError('cancelled', name);
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      onPage({ pageNumber: n, width: viewport.width, height: viewport.height, items: textItems(content.items as readonly RawItem[]) });
      page.cleanup();
      options.onPageRead?.(n, doc.numPages);
    }
    return { pageCount: doc.numPages, engine: `PDF.js ${pdfjs.version}` };
  } catch (error) {
    throw asImportError(error, name);
  } finally {
    await task.destroy();
  }
}

interface RawItem {
  str?: string;
  transform?: number[];
  width?: number;
}

function textItems(raw: readonly RawItem[]): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  for (const item of raw) {
    if (typeof item.str !== 'string' || !item.transform || item.str.trim() === '') continue;
    const [a = 0, b = 0, , d = 0, e = 0, f = 0] = item.transform;
    // Rotated runs (watermarks, margin notes) are not part of the reading text.
    if (Math.abs(b) > Math.abs(a) * 0.05) continue;
    items.push({ text: item.str, x: e, y: f, width: item.width ?? 0, fontSize: Math.abs(d) || Math.abs(a) || 1 });
  }
  return items;
}

function asImportError(error: unknown, name: string): PdfImportError {
  if (error instanceof PdfImportError) return error;
  const errorName = (error as { name?: string } | undefined)?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (errorName === 'PasswordException') return pdfImportError('encrypted', name);
  return pdfImportError('corrupt', name, message.slice(0, 200));
}
