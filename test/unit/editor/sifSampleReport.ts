// A small invented SIF report (2014–2017 style) and a hand-made model of it: the local authority's priority
// action and area for improvement, its strengths, and the safeguarding board's own list and strength, all
// numbered in the report's running paragraph sequence. Lets the editor, CLI and tagging modules be tested
// on whose item is whose without depending on the recognition engine.

import type { ReportModel, Section, SectionRole } from '../../../src/core/recognition/model';
import { lineStart, rangeOf } from './sampleReport';

export const SIF_TEXT = [
  'Westmere County Council', // 1
  'Inspection of services for children in need of help and protection, children', // 2
  'looked after and care leavers and Review of the effectiveness of the Local', // 3
  'Safeguarding Children Board', // 4
  '', // 5
  'What does the local authority need to improve?', // 6
  'Priority and immediate action', // 7
  '12. Ensure that every child referred to children’s social care is seen', // 8
  '    within the timescales the local authority has agreed.', // 9
  'Areas for improvement', // 10
  '13. Improve the quality of supervision so that it challenges drift in plans.', // 11
  '', // 12
  'The local authority has the following strengths:', // 13
  '14. Leaders know their services well and act quickly on what audits find.', // 14
  '', // 15
  'Section 2: The effectiveness of the Local Safeguarding Children Board', // 16
  'Priority and immediate action', // 17
  '15. Ensure that the board’s audits of multi-agency practice are completed on time.', // 18
  'Areas for improvement', // 19
  '16. Publish the annual report so that partners can see the board’s priorities.', // 20
  'The LSCB’s strengths', // 21
  '17. The board’s training programme is well attended by partner agencies.', // 22
  '', // 23
].join('\n');

function section(title: string, role: SectionRole, line: number, endLine: number, children: Section[] = [], level = 1): Section {
  const start = lineStart(SIF_TEXT, line);
  const end = lineStart(SIF_TEXT, endLine + 1) - 1;
  return { title, role, level, range: { start, end }, headingRange: { start, end: start + title.length }, line, endLine, children };
}

/** The item's words after its printed number, as the engine records them. */
function item(number: number, line: number, printed: string) {
  return { text: printed.replace(/\s+/g, ' '), number, line, range: rangeOf(SIF_TEXT, printed) };
}

export const LA_PRIORITY = 'Ensure that every child referred to children’s social care is seen\n    within the timescales the local authority has agreed.';
export const LA_AFI = 'Improve the quality of supervision so that it challenges drift in plans.';
export const LA_STRENGTH = 'Leaders know their services well and act quickly on what audits find.';
export const LSCB_PRIORITY = 'Ensure that the board’s audits of multi-agency practice are completed on time.';
export const LSCB_AFI = 'Publish the annual report so that partners can see the board’s priorities.';
export const LSCB_STRENGTH = 'The board’s training programme is well attended by partner agencies.';

export function sifModel(): ReportModel {
  const paragraph = (number: number, line: number, lastLine = line) => ({
    number,
    line,
    range: { start: lineStart(SIF_TEXT, line), end: lineStart(SIF_TEXT, lastLine + 1) - 1 },
  });
  return {
    kind: 'sif-inspection',
    metadata: { title: 'Westmere County Council', authority: 'Westmere', leadInspectors: [] },
    sections: [
      section('What does the local authority need to improve?', 'what-needs-to-improve', 6, 12, [
        section('Priority and immediate action', 'priority-action', 7, 9, [], 2),
        section('Areas for improvement', 'areas-for-improvement', 10, 12, [], 2),
      ]),
      section('The local authority has the following strengths:', 'strengths', 13, 15),
      section('Section 2: The effectiveness of the Local Safeguarding Children Board', 'lscb', 16, 22, [
        section('Priority and immediate action', 'priority-action', 17, 18, [], 2),
        section('Areas for improvement', 'areas-for-improvement', 19, 20, [], 2),
        section('The LSCB’s strengths', 'strengths', 21, 22, [], 2),
      ]),
    ],
    judgements: [],
    earlierJudgements: [],
    improvements: [
      { ...item(12, 8, LA_PRIORITY), owner: 'local-authority', priority: true, frameworkRefs: [] },
      { ...item(13, 11, LA_AFI), owner: 'local-authority', priority: false, frameworkRefs: [] },
      { ...item(15, 18, LSCB_PRIORITY), owner: 'lscb', priority: true, frameworkRefs: [] },
      { ...item(16, 20, LSCB_AFI), owner: 'lscb', priority: false, frameworkRefs: [] },
    ],
    strengths: [
      { ...item(14, 14, LA_STRENGTH), owner: 'local-authority' },
      { ...item(17, 22, LSCB_STRENGTH), owner: 'lscb' },
    ],
    // A SIF report's items are numbered paragraphs too.
    paragraphs: [paragraph(12, 8, 9), paragraph(13, 11), paragraph(14, 14), paragraph(15, 18), paragraph(16, 20), paragraph(17, 22)],
    lineCount: 23,
  };
}
