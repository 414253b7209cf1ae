// Importing PDFs into files: a new text, the same PDF again, an existing text (refused, then replaced
// with its tags re-anchored), targets outside the workspace, size limits, and a folder with bad files.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import {
  createAnchor, folderImportText, importPdfFile, importPdfFolder, NodeFileSystem, PdfImportError, sha256Hex, SidecarStore, textHash,
} from '../../../src/core';
import { writePdf } from './pdfWriter';
import { sampleReportPdf } from './sampleReportPdf';

const fs = new NodeFileSystem();

function tagOn(text: string, quote: string, id: string) {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  return { id, themes: [{ id: 'assessment', label: 'Assessment' }], created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', anchor: createAnchor(text, start, start + quote.length) };
}

describe('PDF import into files', function () {
  this.timeout(30000);
  let dir: string;
  const at = (name: string) => join(dir, name);
  const request = (pdf: string, extra: Partial<Parameters<typeof importPdfFile>[2]> = {}) => ({ pdfPath: at(pdf), targetPath: at(pdf.replace(/\.pdf$/, '.txt')), roots: [dir], maxBytes: 0, replace: false, ...extra });
  const store = () => new SidecarStore(fs, { allowedRoots: [dir] });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the text beside the PDF, and leaves it alone when the same PDF is imported again', async () => {
    writeFileSync(at('report.pdf'), sampleReportPdf());
    const first = await importPdfFile(fs, store(), request('report.pdf'));
    assert.equal(first.status, 'created');
    assert.equal(first.pageCount, 2);
    const text = readFileSync(at('report.txt'), 'utf8');
    assert.match(text, /^Inspection of Exampleshire local authority/);
    const mtime = statSync(at('report.txt')).mtimeMs;
    const again = await importPdfFile(fs, store(), request('report.pdf', { replace: true }));
    assert.equal(again.status, 'unchanged');
    assert.equal(statSync(at('report.txt')).mtimeMs, mtime);
  });

  it('never replaces an existing text without being asked; asked, it re-anchors the tags and records the source', async () => {
    writeFileSync(at('report.pdf'), sampleReportPdf());
    await importPdfFile(fs, store(), request('report.pdf'));
    const oldText = readFileSync(at('report.txt'), 'utf8');
    const sidecar = {
      format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'report.txt', textHash: textHash(oldText) },
      tags: [tagOn(oldText, 'Strategy meetings are held promptly', 'kept'), tagOn(oldText, 'Most assessments are thorough.', 'gone')],
    };
    writeFileSync(at('report.txt.tags.json'), JSON.stringify(sidecar, null, 2));
    const oldSidecar = readFileSync(at('report.txt.tags.json'), 'utf8');
    const newer = sampleReportPdf({ newer: true });
    writeFileSync(at('report.pdf'), newer);

    await assert.rejects(importPdfFile(fs, store(), request('report.pdf')), (e: unknown) => e instanceof PdfImportError && e.kind === 'target-exists' && /already exists; it was left unchanged/.test(e.message));
    assert.equal(readFileSync(at('report.txt'), 'utf8'), oldText);
    assert.equal(readFileSync(at('report.txt.tags.json'), 'utf8'), oldSidecar);

    const outcome = await importPdfFile(fs, store(), request('report.pdf', { replace: true }));
    assert.equal(outcome.status, 'replaced');
    assert.deepEqual(outcome.tags?.summary, { stayed: 0, moved: 1, orphaned: 1 });
    assert.deepEqual(outcome.tags?.orphanedQuotes, [{ id: 'gone', quote: 'Most assessments are thorough.' }]);
    const newText = readFileSync(at('report.txt'), 'utf8');
    assert.match(newText, /This edition corrects a date/);
    const saved = JSON.parse(readFileSync(at('report.txt.tags.json'), 'utf8'));
    assert.equal(saved.report.textHash, textHash(newText));
    assert.equal(saved.report.source.sha256, sha256Hex(newer));
    assert.equal(saved.report.source.pdf, 'report.pdf');
    const kept = saved.tags.find((t: { id: string }) => t.id === 'kept');
    assert.equal(newText.slice(kept.anchor.position.start, kept.anchor.position.end), 'Strategy meetings are held promptly');
    assert.equal(saved.tags.find((t: { id: string }) => t.id === 'gone').orphaned, true);
  });

  it('refuses a target outside the workspace and a PDF over the size limit, writing nothing', async () => {
    writeFileSync(at('report.pdf'), sampleReportPdf());
    const outside = join(tmpdir(), `outside-${process.pid}.txt`);
    await assert.rejects(importPdfFile(fs, store(), request('report.pdf', { targetPath: outside })), (e: unknown) => e instanceof PdfImportError && e.kind === 'outside-workspace');
    assert.equal(existsSync(outside), false);
    await assert.rejects(importPdfFile(fs, store(), request('report.pdf', { maxBytes: 1024 })), (e: unknown) => e instanceof PdfImportError && e.kind === 'too-large' && /inspectionReports\.import\.maxSizeMB/.test(e.message));
    assert.equal(existsSync(at('report.txt')), false);
  });

  it('imports a folder: a bad file does not stop the rest, and the summary lists it', async () => {
    mkdirSync(at('in'));
    writeFileSync(at('in/a-report.pdf'), sampleReportPdf());
    writeFileSync(at('in/b-scan.pdf'), writePdf([{ image: true }]));
    writeFileSync(at('in/c-notes.pdf'), zipSync({ 'word/document.xml': strToU8('<w:document/>') }));
    writeFileSync(at('in/d-report.pdf'), sampleReportPdf({ newer: true }));
    const progress: number[] = [];
    const result = await importPdfFolder(fs, store(), { folder: at('in'), roots: [dir], maxBytes: 0, replace: false, onProgress: (done) => progress.push(done) });
    assert.deepEqual(result.imported.map((o) => o.targetPath), [at('in/a-report.txt'), at('in/d-report.txt')]);
    assert.deepEqual(result.failed.map((f) => f.kind), ['no-text', 'zip-not-pdf']);
    assert.deepEqual(progress, [0, 1, 2, 3]);
    assert.equal(existsSync(at('in/b-scan.txt')), false);
    const summary = folderImportText(result);
    assert.match(summary, /Imported 2 of 4 PDFs; 2 could not be imported:\n {2}b-scan\.pdf has no text layer[^\n]*OCR first[^\n]*\n {2}c-notes\.pdf is not a PDF but a zip file/);
  });

  it('stops a folder import when cancelled, keeping what was done', async () => {
    mkdirSync(at('in'));
    writeFileSync(at('in/a.pdf'), sampleReportPdf());
    writeFileSync(at('in/b.pdf'), sampleReportPdf());
    let calls = 0;
    const result = await importPdfFolder(fs, store(), { folder: at('in'), roots: [dir], maxBytes: 0, replace: false, onProgress: () => calls++, isCancelled: () => calls >= 1 && existsSync(at('in/a.txt')) });
    assert.equal(result.cancelled, true);
    assert.equal(result.imported.length, 1);
    assert.equal(existsSync(at('in/b.txt')), false);
    assert.match(folderImportText(result), /Cancelled after 1\./);
  });
});
