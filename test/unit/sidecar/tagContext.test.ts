import assert from 'node:assert/strict';
import type { ReportModel, Section } from '../../../src/core/recognition/model';
import { tagContext } from '../../../src/core/tags/anchoring/tagContext';

function section(title: string, start: number, end: number, extra: Partial<Section> = {}): Section {
  return { title, role: 'other', level: 1, range: { start, end }, headingRange: { start, end: start + title.length }, line: 1, endLine: 2, children: [], ...extra };
}

const model: ReportModel = {
  kind: 'ilacs-inspection',
  metadata: { leadInspectors: [] },
  sections: [
    section('What needs to improve?', 0, 100, { role: 'what-needs-to-improve' }),
    section('The experiences and progress of children in care: good', 100, 400, {
      role: 'judgement',
      judgementArea: 'in-care',
      grade: 'good',
      children: [section('Permanence', 250, 400, { role: 'subtopic', level: 2 })],
    }),
  ],
  judgements: [],
  earlierJudgements: [],
  improvements: [],
  strengths: [],
  paragraphs: [
    { number: 7, range: { start: 160, end: 240 }, line: 12 },
    { number: 8, range: { start: 260, end: 390 }, line: 15 },
  ],
  lineCount: 30,
};

describe('tagContext', () => {
  it('gives the innermost section, its numbered paragraph, and the judgement it inherits', () => {
    assert.deepEqual(tagContext(model, { start: 270, end: 300 }), {
      section: 'Permanence',
      sectionRole: 'subtopic',
      judgementArea: 'in-care',
      grade: 'good',
      paragraph: 8,
    });
  });

  it('outside judgement sections and paragraphs, gives only the section', () => {
    assert.deepEqual(tagContext(model, { start: 10, end: 20 }), { section: 'What needs to improve?', sectionRole: 'what-needs-to-improve' });
  });

  it('outside every section, gives nothing', () => {
    assert.deepEqual(tagContext(model, { start: 500, end: 510 }), {});
  });
});
