import assert from 'node:assert/strict';
import { headingGrades } from '../../../src/core/presentation/headingGrades';
import { gradeAt, gradeHoverMarkdown } from '../../../src/core/presentation/gradeHover';
import { planDecorations } from '../../../src/core/presentation/decorationPlan';
import { navigate } from '../../../src/core/navigation/reportNavigation';
import { SAMPLE_TEXT, lineStart, sampleModel } from './sampleReport';

/** The sample as the engine gives it when the table already stated the heading's grade: no heading judgement. */
function tableOnlyModel() {
  const model = sampleModel();
  model.judgements = model.judgements.filter((j) => j.source !== 'heading');
  return model;
}

describe('grades closing a judgement heading', () => {
  it('finds the grade words at the end of the heading, across its line break', () => {
    const hits = headingGrades(tableOnlyModel(), SAMPLE_TEXT);
    assert.deepEqual(hits.map((h) => [SAMPLE_TEXT.slice(h.range.start, h.range.end), h.grade, h.area]), [['good', 'good', 'help-protection']]);

    const text = 'The experiences and progress of children in care: requires\nimprovement to be good2\n';
    const model = { ...sampleModel(), judgements: [], sections: [{ ...sampleModel().sections[2]!, grade: 'requires-improvement' as const, headingRange: { start: 0, end: text.length - 1 }, children: [] }] };
    assert.deepEqual(headingGrades(model, text).map((h) => text.slice(h.range.start, h.range.end)), ['requires\nimprovement to be good']);
  });

  it('ignores sections without a grade and headings that do not end in one', () => {
    const model = tableOnlyModel();
    model.sections[2]!.headingRange = { start: lineStart(SAMPLE_TEXT, 17), end: lineStart(SAMPLE_TEXT, 18) - 1 };
    assert.deepEqual(headingGrades(model, SAMPLE_TEXT), []);
  });

  it('gives the heading grade a hover, a colour and a stop for "next judgement"', () => {
    const model = tableOnlyModel();
    const onGrade = SAMPLE_TEXT.indexOf('protection: good') + 'protection: g'.length;
    const hit = gradeAt(model, SAMPLE_TEXT, onGrade)!;
    assert.match(gradeHoverMarkdown(hit, SAMPLE_TEXT), /^\*\*Good\*\* — The experiences and progress of children who need help and protection$/m);
    assert.match(gradeHoverMarkdown(hit, SAMPLE_TEXT), /the heading of the judgement section/);
    const plan = planDecorations(model, SAMPLE_TEXT);
    assert.deepEqual(plan['grade-good'].map((r) => SAMPLE_TEXT.slice(r.start, r.end)), ['Good', 'good']);
    const lines: number[] = [];
    let offset = 0;
    for (let i = 0; i < 3; i++) {
      const r = navigate(model, 'judgement', 'next', offset)!;
      lines.push(r.line);
      offset = r.range.start;
    }
    assert.deepEqual(lines, [5, 7, 17]);
  });
});
