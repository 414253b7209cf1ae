import assert from 'node:assert/strict';
import { lastColumn, planDecorations, splitByLine } from '../../../src/core/presentation/decorationPlan';
import { SAMPLE_TEXT, sampleModel } from './sampleReport';
import { LA_AFI, LA_PRIORITY, LA_STRENGTH, LSCB_AFI, LSCB_PRIORITY, LSCB_STRENGTH, SIF_TEXT, sifModel } from './sifSampleReport';

describe('decoration plan', () => {
  const slices = (ranges: { start: number; end: number }[]): string[] => ranges.map((r) => SAMPLE_TEXT.slice(r.start, r.end));

  it('colours each grade by grade and splits a wrapped grade into its words on each line', () => {
    const plan = planDecorations(sampleModel(), SAMPLE_TEXT);
    assert.deepEqual(slices(plan['grade-requires-improvement']), ['Requires', 'improvement']);
    assert.deepEqual(slices(plan['grade-good']), ['Good', 'good']);
    assert.deepEqual(plan['grade-outstanding'], []);
  });

  it('keeps earlier inspections’ grades apart from this report’s', () => {
    const plan = planDecorations(sampleModel(), SAMPLE_TEXT);
    assert.deepEqual(slices(plan['earlier-grade']), ['inadequate']);
    assert.deepEqual(plan['grade-inadequate'], []);
  });

  it('marks areas for improvement, priority ones separately', () => {
    const model = sampleModel();
    model.improvements[1]!.priority = true;
    const plan = planDecorations(model, SAMPLE_TEXT);
    assert.deepEqual(slices(plan.improvement), ['The timeliness of assessments for disabled children.']);
    assert.equal(plan['priority-improvement'].length, 1);
  });

  it('marks the safeguarding board’s items as the council’s are, and never a strength as an area for improvement', () => {
    const plan = planDecorations(sifModel(), SIF_TEXT);
    const sif = (ranges: { start: number; end: number }[]) => ranges.map((r) => SIF_TEXT.slice(r.start, r.end));
    assert.deepEqual(sif(plan.improvement), [LA_AFI, LSCB_AFI]);
    assert.deepEqual(sif(plan['priority-improvement']), [LA_PRIORITY, LSCB_PRIORITY]);
    const marked = Object.values(plan).flat();
    for (const strength of [LA_STRENGTH, LSCB_STRENGTH]) {
      const at = SIF_TEXT.indexOf(strength);
      assert.ok(!marked.some((r) => r.start < at + strength.length && at < r.end), `${strength} is not highlighted`);
    }
  });

  it('keeps only the grade column of a table line, and prose as it is', () => {
    const text = 'practice with children and families         improvement\nlabel\t\tto be good\nrequires improvement to be good\nA  B   Good';
    const lines = text.split('\n');
    const ranges = splitByLine({ start: 0, end: text.length }, text).map((r) => lastColumn(r, text));
    assert.deepEqual(ranges.map((r) => text.slice(r.start, r.end)), ['improvement', 'to be good', lines[2], 'Good']);
  });

  it('never colours a row label that sits between the two halves of a wrapped grade', () => {
    const text = ' Judgement                  Grade\n                            Requires improvement\n Overall effectiveness\n                            to be good\n';
    const start = text.indexOf('Requires');
    const end = text.indexOf('to be good') + 'to be good'.length;
    const model = { ...sampleModel(), judgements: [{ area: 'overall' as const, grade: 'requires-improvement' as const, source: 'table' as const, range: { start, end }, line: 2 }], earlierJudgements: [], improvements: [], sections: [] };
    const plan = planDecorations(model, text);
    assert.deepEqual(plan['grade-requires-improvement'].map((r) => text.slice(r.start, r.end)), ['Requires improvement', 'to be good']);
  });

  it('drops indentation and blank lines when splitting', () => {
    const text = 'ab\n\n   cd  \nef';
    assert.deepEqual(splitByLine({ start: 0, end: text.length }, text), [
      { start: 0, end: 2 },
      { start: 7, end: 9 },
      { start: 12, end: 14 },
    ]);
  });
});
