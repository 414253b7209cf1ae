// Bench part 'import' (BENCH_ONLY=import): importing the real PDFs of ../shared/pdfs (every step: text
// items, lines, table rows, running headers and footers, hyphens, provenance) against the least any
// import must do, PDF.js getTextContent on every page of the same files, in the same run. Target: at
// most 1.5x. Then the memory an import of a generated 300-page PDF takes (pages are released one by one).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPdfJs } from '../src/core/import/pdfReader';
import { pdfToText } from '../src/core/import/pdfToText';
import { writePdf, type PdfPageSpec, textLines } from '../test/unit/import/pdfWriter';
import { sampleReportPages } from '../test/unit/import/sampleReportPdf';

export interface ImportBenchResult {
  rows: { operation: string; median: number; baseline?: { name: string; median: number }; target?: number; note?: string }[];
  notes: string[];
}

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pdfsUnder(join(dir, e.name)) : /\.pdf$/i.test(e.name) ? [join(dir, e.name)] : [])).sort();
}

/** PDF.js alone: open the document, getTextContent on every page, nothing done with the items. */
async function textContentOnly(bytes: Uint8Array): Promise<void> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true });
  const doc = await task.promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  await task.destroy();
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** A 300-page report: the sample's two pages over and over, with a page of prose between. */
function longPdf(pages: number): Uint8Array {
  const [first, second] = sampleReportPages();
  const prose: PdfPageSpec = { runs: textLines(Array.from({ length: 45 }, (_, i) => `${i + 1}. Leaders have strengthened the help that children and families receive at the earliest point.`)) };
  return writePdf(Array.from({ length: pages }, (_, i) => (i === 0 ? first! : i % 3 === 1 ? second! : prose)));
}

async function memoryOf300Pages(notes: string[]): Promise<ImportBenchResult['rows'][number]> {
  const bytes = longPdf(300);
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  // PDF.js works on this thread without yielding to timers, so memory is sampled after every page.
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const t0 = performance.now();
  const result = await pdfToText(bytes, 'long.pdf', { onPageRead: sample });
  const elapsed = performance.now() - t0;
  sample();
  const mb = (n: number) => (n / 1048576).toFixed(1);
  notes.push(`Import of a generated ${result.pageCount}-page PDF (${mb(bytes.length)} MB, ${result.text.length.toLocaleString('en-GB')} characters of text): peak heap +${mb(peakHeap - base.heapUsed)} MB, peak RSS +${mb(peakRss - base.rss)} MB over the ${mb(base.heapUsed)} MB heap before it.`);
  return { operation: `import 300-page generated PDF [peak heap +${mb(peakHeap - base.heapUsed)} MB]`, median: elapsed };
}

export async function importBench(root: string): Promise<ImportBenchResult> {
  const result: ImportBenchResult = { rows: [], notes: [] };
  const dir = process.env.PDF_DIR ? resolve(process.env.PDF_DIR) : resolve(root, '../shared/pdfs');
  if (existsSync(dir)) {
    const files = pdfsUnder(dir);
    await textContentOnly(readFileSync(files[0]!)); // load PDF.js once, outside the timings
    let baseline = 0;
    let imported = 0;
    let bytes = 0;
    for (const [i, file] of files.entries()) {
      const data = new Uint8Array(readFileSync(file));
      bytes += statSync(file).size;
      // Alternate which goes first, so neither always meets a warm cache.
      const first = i % 2 === 0;
      if (first) baseline += await timed(() => textContentOnly(data));
      imported += await timed(() => pdfToText(data, 'bench.pdf'));
      if (!first) baseline += await timed(() => textContentOnly(data));
    }
    result.rows.push({ operation: `import ${files.length} real PDFs (one run)`, median: imported, baseline: { name: 'getTextContent', median: baseline }, target: 1.5 });
    result.notes.push(`Import: ${files.length} PDFs from ${dir} (${(bytes / 1048576).toFixed(1)} MB).`);
  } else {
    result.notes.push(`No PDFs at ${dir}: the real-PDF import row is skipped.`);
  }
  result.rows.push(await memoryOf300Pages(result.notes));
  return result;
}
