// The import of a generated two-page ILACS-style PDF: what a reader of the text sees, and what the
// recognition finds in it, with and without the provenance line.
import { strict as assert } from 'node:assert';
import { analyseReport, pdfToText, readProvenance, sha256Hex, withoutProvenance } from '../../../src/core';
import { sampleReportPdf } from './sampleReportPdf';

describe('PDF import: a generated ILACS-style report', function () {
  this.timeout(30000);
  const pdf = sampleReportPdf();
  let text: string;
  before(async () => {
    text = (await pdfToText(pdf, 'exampleshire.pdf')).text;
  });

  it('keeps the two pages apart by a form feed, with the provenance after a final one', () => {
    const pages = text.split('\f');
    assert.equal(pages.length, 3);
    assert.match(pages[0]!, /^Inspection of Exampleshire local authority\nchildren’s services\n/);
    assert.match(pages[1]!, /What needs to improve\?/);
    assert.match(pages[2]!, /^\n\[Imported from PDF "exampleshire\.pdf"/);
  });

  it('puts each judgement table row on one line: the whole area label, then the grade', () => {
    assert.match(text, /^ *The impact of leaders on social work practice with children and families {3,}Good$/m);
    assert.match(text, /^ *The experiences and progress of children who need help and protection {3,}Requires improvement to be good$/m);
    assert.match(text, /^ *The experiences and progress of care leavers {3,}Outstanding$/m);
  });

  it('drops the running header, the footer and the page numbers', () => {
    assert.doesNotMatch(text, /Exampleshire County Council children’s services inspection/);
    assert.doesNotMatch(text, /^ *3 March to 14 March 2025/m);
    assert.doesNotMatch(text, /^ *Inspection of Exampleshire local authority children’s services$/m);
    assert.equal(text.split('\n').filter((l) => /^\s*\d+\s*$/.test(l)).length, 0);
    // The title says the same words as the footer once, on page 1, and stays.
    assert.equal(text.match(/Inspection of Exampleshire local authority/g)?.length, 1);
  });

  it('joins the word hyphenated at a line end, and keeps bullets as bullets', () => {
    assert.match(text, /strengthened safeguarding\n/);
    assert.doesNotMatch(text, /safe-/);
    assert.match(text, /^• The timeliness of initial child protection conferences\.$/m);
    assert.match(text, /^• The quality of written plans for children in care, so that they are\n +clear about/m);
  });

  it('is recognised: kind, grades, areas for improvement, numbered paragraphs, dates', () => {
    const model = analyseReport(text);
    assert.equal(model.kind, 'ilacs-inspection');
    assert.deepEqual(
      model.judgements.map((j) => `${j.area}:${j.grade}`).sort(),
      ['care-leavers:outstanding', 'help-protection:requires-improvement', 'in-care:good', 'leaders:good', 'overall:good'],
    );
    assert.deepEqual(model.improvements.map((i) => i.text), [
      'The timeliness of initial child protection conferences.',
      'The quality of written plans for children in care, so that they are clear about what needs to happen and by when.',
    ]);
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2]);
    assert.equal(model.metadata.inspectionDates?.start, '2025-03-03');
    assert.equal(model.metadata.authority, 'Exampleshire');
  });

  it('records the PDF name, its SHA-256 and the importer, and recognition is the same without that line', () => {
    const provenance = readProvenance(text);
    assert.ok(provenance);
    assert.equal(provenance.pdf, 'exampleshire.pdf');
    assert.equal(provenance.sha256, sha256Hex(pdf));
    assert.match(provenance.importer, /^Inspection Report Annotator PDF import \d+ \(PDF\.js \d+\.\d+\.\d+\)$/);
    const bare = withoutProvenance(text);
    assert.ok(bare.length < text.length && text.startsWith(bare));
    assert.equal(readProvenance(bare), undefined);
    const withLine = analyseReport(text);
    const without = analyseReport(bare);
    assert.deepEqual(withLine.judgements, without.judgements);
    assert.deepEqual(withLine.improvements, without.improvements);
    assert.deepEqual(withLine.paragraphs.map((p) => [p.number, p.range]), without.paragraphs.map((p) => [p.number, p.range]));
    assert.deepEqual(withLine.metadata, without.metadata);
    assert.deepEqual(withLine.sections.map((s) => s.title), without.sections.map((s) => s.title));
  });

  it('writes the same text for the same PDF', async () => {
    assert.equal((await pdfToText(sampleReportPdf(), 'exampleshire.pdf')).text, text);
  });
});
