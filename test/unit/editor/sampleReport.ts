// A small invented report and a hand-made model of it (offsets found in the text), so the editor
// modules are tested without depending on the recognition engine.

import type { Grade, JudgementArea, Range, ReportModel, Section, SectionRole } from '../../../src/core/recognition/model';

export const SAMPLE_TEXT = [
  'Inspection of Westmere local authority children’s services', // 1
  'Inspection dates: 2 to 13 June 2025', // 2
  '', // 3
  ' Judgement                                   Grade', // 4
  ' The impact of leaders on social work        Requires', // 5
  ' practice with children and families         improvement', // 6
  ' Overall effectiveness                       Good', // 7
  '', // 8
  'Since the last inspection in 2021, when services were judged inadequate, leaders', // 9
  'have made good progress.', // 10
  '', // 11
  'What needs to improve?', // 12
  '◼ The timeliness of assessments for disabled children.', // 13
  '◼ The quality of written plans, so that families understand', // 14
  '  what needs to change. (outcome 2, national framework)', // 15
  '', // 16
  'The experiences and progress of children who need help and', // 17
  'protection: good', // 18
  '1.     Children receive a timely response at the front door and good', // 19
  '       help from skilled workers.', // 20
  '', // 21
  '2.     Strategy meetings are well attended.', // 22
  '', // 23
].join('\n');

export function rangeOf(text: string, needle: string, from = 0): Range {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`not in sample: ${needle}`);
  return { start, end: start + needle.length };
}

export function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

function section(text: string, title: string, role: SectionRole, line: number, endLine: number, extra: Partial<Section> = {}): Section {
  const start = lineStart(text, line);
  const end = endLine + 1 <= text.split('\n').length ? lineStart(text, endLine + 1) : text.length;
  const headingEnd = text.indexOf('\n', start);
  return { title, role, level: 1, range: { start, end }, headingRange: { start, end: headingEnd }, line, endLine, children: [], ...extra };
}

export function sampleModel(text = SAMPLE_TEXT): ReportModel {
  const j = (area: JudgementArea, grade: Grade, needle: string, line: number, source: 'table' | 'heading' = 'table', from = 0) => ({
    area,
    grade,
    source,
    range: rangeOf(text, needle, from),
    line,
  });
  const judgementSection = section(text, 'The experiences and progress of children who need help and protection: good', 'judgement', 17, 23, {
    judgementArea: 'help-protection',
    grade: 'good',
    headingRange: { start: lineStart(text, 17), end: lineStart(text, 18) + 'protection: good'.length },
  });
  return {
    kind: 'ilacs-inspection',
    metadata: { title: 'Inspection of Westmere local authority children’s services', authority: 'Westmere', leadInspectors: [], inspectionDates: { text: '2 to 13 June 2025' } },
    sections: [
      section(text, 'Inspection of Westmere local authority children’s services', 'title', 1, 11),
      section(text, 'What needs to improve?', 'what-needs-to-improve', 12, 16),
      judgementSection,
    ],
    judgements: [
      j('leaders', 'requires-improvement', 'Requires\n practice with children and families         improvement', 5),
      j('overall', 'good', 'Good', 7, 'table', lineStart(text, 7)),
      j('help-protection', 'good', 'good', 18, 'heading', lineStart(text, 18)),
    ],
    earlierJudgements: [{ grade: 'inadequate', when: '2021', range: rangeOf(text, 'inadequate'), line: 9 }],
    improvements: [
      { text: 'The timeliness of assessments for disabled children.', owner: 'local-authority', priority: false, range: rangeOf(text, 'The timeliness of assessments for disabled children.'), line: 13, frameworkRefs: [] },
      {
        text: 'The quality of written plans, so that families understand what needs to change. (outcome 2, national framework)',
        owner: 'local-authority', priority: false,
        range: rangeOf(text, 'The quality of written plans, so that families understand\n  what needs to change. (outcome 2, national framework)'),
        line: 14,
        frameworkRefs: [{ kind: 'outcome', number: 2, text: '(outcome 2, national framework)' }],
      },
    ],
    strengths: [],
    paragraphs: [
      { number: 1, range: { start: lineStart(text, 19), end: lineStart(text, 21) - 1 }, line: 19 },
      { number: 2, range: { start: lineStart(text, 22), end: lineStart(text, 23) - 1 }, line: 22 },
    ],
    lineCount: 23,
  };
}
