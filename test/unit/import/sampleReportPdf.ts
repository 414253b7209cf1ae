// A two-page report in the style of an ILACS inspection, written as a PDF by pdfWriter: a judgement
// table with wrapped labels and a wrapped grade, a running header and footer with page numbers, a word
// hyphenated at a line end, bullets and numbered paragraphs. The authority is invented.

import { type PdfPageSpec, type TextRun, textLines, writePdf } from './pdfWriter';

const HEADER = 'Exampleshire County Council children’s services inspection';
const FOOTER = 'Inspection of Exampleshire local authority children’s services';

function furniture(page: number): TextRun[] {
  return [
    { x: 71, y: 810, size: 8, text: HEADER },
    { x: 71, y: 40, size: 8, text: FOOTER },
    { x: 71, y: 30, size: 8, text: '3 March to 14 March 2025' },
    { x: 513, y: 34, size: 14, text: String(page) },
  ];
}

function numbered(n: number, lines: string[], top: number): TextRun[] {
  return [{ x: 71, y: top, size: 12, text: `${n}.` }, ...textLines(lines, { x: 99, top })];
}

const TABLE: [string[], string[]][] = [
  [['The impact of leaders on social work', 'practice with children and families'], ['Good']],
  [['The experiences and progress of', 'children who need help and protection'], ['Requires', 'improvement to be good']],
  [['The experiences and progress of', 'children in care'], ['Good']],
  [['The experiences and progress of care', 'leavers'], ['Outstanding']],
  [['Overall effectiveness'], ['Good']],
];

function firstPage(options: SampleOptions): TextRun[] {
  const runs: TextRun[] = [
    { x: 71, y: 770, size: 22, text: 'Inspection of Exampleshire local authority' },
    { x: 71, y: 742, size: 22, text: 'children’s services' },
    { x: 71, y: 712, size: 12, text: 'Inspection dates: 3 March to 14 March 2025' },
    { x: 71, y: 690, size: 12, text: 'Lead inspector: Jane Example, His Majesty’s Inspector' },
    { x: 77, y: 650, size: 12, text: 'Judgement' },
    { x: 303, y: 650, size: 12, text: 'Grade' },
  ];
  let y = 620;
  for (const [label, grade] of TABLE) {
    runs.push(...textLines(label, { x: 77, top: y }), ...textLines(grade, { x: 303, top: y }));
    y -= 14.5 * Math.max(label.length, grade.length) + 12;
  }
  runs.push(
    ...textLines(
      [
        'Children in Exampleshire receive help that is mostly timely. Leaders know their',
        'services well and have strengthened safe-',
        'guarding arrangements since the previous inspection in 2021, when the local',
        'authority was judged to be good. Safeguarding partners share information well.',
        ...(options.newer ? ['', 'This edition corrects a date in the first version of this report.'] : []),
      ],
      { top: y - 10 },
    ),
  );
  return runs;
}

/** A newer edition of the report: a sentence added on page 1 (so later words move) and one sentence of paragraph 1 reworded. */
export interface SampleOptions {
  newer?: boolean;
}

function secondPage(options: SampleOptions): TextRun[] {
  return [
    { x: 71, y: 770, size: 14, text: 'What needs to improve?' },
    { x: 71, y: 745, size: 12, text: '•' },
    ...textLines(['The timeliness of initial child protection conferences.'], { x: 89, top: 745 }),
    { x: 71, y: 718, size: 12, text: '•' },
    ...textLines(['The quality of written plans for children in care, so that they are', 'clear about what needs to happen and by when.'], { x: 89, top: 718 }),
    { x: 71, y: 660, size: 14, text: 'The experiences and progress of children who need help and' },
    { x: 71, y: 644, size: 14, text: 'protection: requires improvement to be good' },
    ...numbered(1, ['Children and families receive help at the earliest point through a wide', `range of early help services. ${options.newer ? 'Assessments vary in depth.' : 'Most assessments are thorough.'}`], 615),
    ...numbered(2, ['Strategy meetings are held promptly when risks to children increase,', 'and the right agencies attend them.'], 570),
  ];
}

export function sampleReportPages(options: SampleOptions = {}): PdfPageSpec[] {
  return [{ runs: [...firstPage(options), ...furniture(1)] }, { runs: [...secondPage(options), ...furniture(2)] }];
}

export function sampleReportPdf(options: SampleOptions = {}): Uint8Array {
  return writePdf(sampleReportPages(options));
}
