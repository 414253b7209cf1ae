import { strict as assert } from 'node:assert';
import type { ReportModel } from '../../../src/core/recognition/model';
import { analyseReport, ReportAnalyser } from '../../../src/core/recognition/analyse';
import { fixture } from './fixtureReports';

/** Models compared by value, as a user of the model would see them. */
const same = (a: ReportModel, b: ReportModel) => assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

// A first analysis classifies lines without the classifier's cache (hashing every line cost more than it saved);
// the first re-analysis fills the cache from those lines, sharing one classification between equal lines.
describe('recognition: re-analysis after a first analysis of a report with repeated lines', () => {
  it('edits to a line the report repeats give the cold analysis\'s model, and undoing them the first model', () => {
    const text = fixture('sif-2015-fernleigh.txt');
    const repeated = 'The Local Safeguarding Children Board is good';
    const second = text.indexOf(repeated, text.indexOf(repeated) + 1);
    assert.ok(second > 0, 'the fixture repeats the line');
    const analyser = new ReportAnalyser();
    const first = analyser.analyse(text);
    const edited = text.slice(0, second) + text.slice(second).replace(repeated, 'The Local Safeguarding Children Board is inadequate');
    same(analyser.analyse(edited), analyseReport(edited));
    const undone = analyser.analyse(text);
    same(undone, analyseReport(text));
    same(undone, first);
    assert.equal(undone.judgements.find((j) => j.area === 'lscb')?.grade, 'good');
  });
});
