// The rules of `npm run check:conversions` (test/corpus/conversionCompare.ts): what is compared between two
// conversions of one PDF, and when a target counts as missed.
import { strict as assert } from 'node:assert';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { addToTally, differences, emptyTally, missedTargets, parsePdfManifest, runs, summarise } from '../../corpus/conversionCompare';
import { fixture } from './fixtureReports';

describe('conversion check: comparing two conversions of one report', () => {
  it('shows numbers as runs, so a missing paragraph shows where it is', () => {
    assert.equal(runs([1, 2, 3, 5, 7, 8]), '1-3, 5, 7-8');
    assert.equal(runs([]), '');
  });

  it('finds no difference between a report and itself with Windows line endings, and names the field that differs', () => {
    const text = fixture('sif-2015-fernleigh.txt');
    const reference = summarise(analyseReport(text));
    assert.deepEqual(differences(reference, summarise(analyseReport(text.replace(/\n/g, '\r\n')))), []);
    const withoutTable = text.replace(/Key judge?ment\s+Judge?ment grade/gi, '');
    const diffs = differences(reference, summarise(analyseReport(withoutTable.replace(/Inspection date:[^\n]*/, ''))));
    assert.ok(diffs.some((d) => d.field === 'dates'), JSON.stringify(diffs));
  });

  it('misses the kind and grades target on one difference, the others only below 98 %', () => {
    const tally = emptyTally();
    for (let k = 0; k < 99; k++) addToTally(tally, []);
    addToTally(tally, [{ field: 'afis', reference: '3', other: '4' }]);
    assert.deepEqual(missedTargets(tally), [], '99 % of AFIs meets the 98 % target');
    addToTally(tally, [{ field: 'grades', reference: 'overall=good', other: '' }]);
    assert.deepEqual(missedTargets(tally), ['grades']);
    for (let k = 0; k < 3; k++) addToTally(tally, [{ field: 'paragraphs', reference: '1', other: '0' }]);
    assert.deepEqual(missedTargets(tally), ['grades', 'paragraphs']);
  });

  it('reads the PDF manifest and says which columns it needs', () => {
    const rows = parsePdfManifest('pdf,corpus_text,reading_order_text,kind\npdfs/a.pdf,corpus/a.txt,pdfs/reading-order/a.txt,inspection\n');
    assert.deepEqual(rows, [{ pdf: 'pdfs/a.pdf', corpusText: 'corpus/a.txt', readingOrderText: 'pdfs/reading-order/a.txt' }]);
    assert.throws(() => parsePdfManifest('file,kind\na,b\n'), /reading_order_text/);
  });
});
