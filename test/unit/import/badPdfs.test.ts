// PDFs a user may meet that cannot be imported: each gets its own clear message, and nothing is written.
import { strict as assert } from 'node:assert';
import { zipSync, strToU8 } from 'fflate';
import { pdfToText, PdfImportError, type PdfProblemKind } from '../../../src/core';
import { writePdf } from './pdfWriter';
import { sampleReportPages, sampleReportPdf } from './sampleReportPdf';

async function problemOf(bytes: Uint8Array, name = 'report.pdf'): Promise<PdfImportError> {
  try {
    await pdfToText(bytes, name);
  } catch (error) {
    assert.ok(error instanceof PdfImportError, `expected a PdfImportError, got ${String(error)}`);
    return error;
  }
  assert.fail('the import should have been refused');
}

function expectProblem(error: PdfImportError, kind: PdfProblemKind, words: RegExp): void {
  assert.equal(error.kind, kind);
  assert.match(error.message, /^report\.pdf /);
  assert.match(error.message, words);
}

describe('PDF import: bad PDFs get a clear message', function () {
  this.timeout(30000);

  it('an encrypted PDF: password-protected, save an unprotected copy', async () => {
    const error = await problemOf(writePdf(sampleReportPages(), { encrypted: true }));
    expectProblem(error, 'encrypted', /password-protected.*unprotected copy/);
  });

  it('a scanned PDF (pictures, no text layer): needs OCR first', async () => {
    const error = await problemOf(writePdf([{ image: true }, { image: true }]));
    expectProblem(error, 'no-text', /no text layer.*OCR first/);
  });

  it('a truncated PDF (an interrupted download): incomplete, download it again', async () => {
    const whole = sampleReportPdf();
    const error = await problemOf(whole.subarray(0, Math.floor(whole.length * 0.6)));
    expectProblem(error, 'truncated', /incomplete.*download it again/);
  });

  it('a damaged PDF (a PDF header, then garbage): damaged, download it again', async () => {
    const bytes = strToU8('%PDF-1.7\n' + 'x'.repeat(400) + '\n%%EOF\n');
    const error = await problemOf(bytes);
    expectProblem(error, 'corrupt', /damaged.*download it again/);
  });

  it('a Word document renamed .pdf: a zip file, not a PDF', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    const error = await problemOf(docx);
    expectProblem(error, 'zip-not-pdf', /not a PDF but a zip file \(a Word \.docx/);
  });

  it('a text file renamed .pdf: not a PDF', async () => {
    const error = await problemOf(strToU8('Inspection of Exampleshire local authority children’s services\n'));
    expectProblem(error, 'not-pdf', /is not a PDF/);
  });

  it('leaves the caller’s bytes whole (the PDF is never changed)', async () => {
    const bytes = sampleReportPdf();
    const copy = Uint8Array.from(bytes);
    await pdfToText(bytes, 'report.pdf');
    assert.deepEqual(bytes, copy);
  });
});
