// Report models for the evidence fixtures, declared by hand (what the engine should find in each), so
// aggregation is tested on its own; the real engine is exercised separately when it is present.

import type { Grade, Improvement, JudgementArea, ListOwner, ReportKind, ReportModel, Section } from '../../../src/core/recognition/model';

export interface ModelSpec {
  kind: ReportKind;
  authority?: string;
  published?: string;
  inspectionEnd?: string;
  judgements?: Array<[JudgementArea, Grade]>;
  /** Judgement sections by the start of their heading. */
  sections?: Array<{ heading: string; title: string; area?: JudgementArea; grade?: Grade }>;
  /** Improvements by their first words. */
  improvements?: string[];
  /** The safeguarding children board's improvements (SIF reports), by their first words. */
  boardImprovements?: string[];
  /** Strengths by their first words, with whose list they are on. */
  strengths?: Array<[string, ListOwner]>;
}

function at(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture text lacks ${JSON.stringify(needle)}`);
  return index;
}

export function buildModel(text: string, spec: ModelSpec): ReportModel {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const starts = (spec.sections ?? []).map((s) => at(text, s.heading));
  const sections: Section[] = (spec.sections ?? []).map((s, i) => {
    const start = starts[i]!;
    const end = starts[i + 1] ?? text.length;
    return {
      title: s.title,
      role: s.area ? 'judgement' : 'other',
      level: 1,
      range: { start, end },
      headingRange: { start, end: start + s.heading.length },
      line: lineOf(start),
      endLine: lineOf(end),
      ...(s.area ? { judgementArea: s.area } : {}),
      ...(s.grade ? { grade: s.grade } : {}),
      children: [],
    };
  });
  const paragraphs = [...text.matchAll(/^(\d+)\. /gm)].map((m) => {
    const start = m.index!;
    const blank = text.indexOf('\n\n', start);
    return { number: Number(m[1]), range: { start, end: blank < 0 ? text.length : blank }, line: lineOf(start) };
  });
  /** The item that starts with `first` and runs to the next blank line. */
  const listed = (first: string, owner: ListOwner) => {
    const start = at(text, first);
    const blank = text.indexOf('\n\n', start);
    const end = blank < 0 ? text.length : blank;
    // "27. Ensure that …": the number the report gives the item, as SIF reports do.
    const numbered = /(?:^|\n)(\d+)\. $/.exec(text.slice(Math.max(0, start - 8), start));
    return { text: text.slice(start, end).replace(/\s+/g, ' ').trim(), owner, range: { start, end }, line: lineOf(start), ...(numbered ? { number: Number(numbered[1]) } : {}) };
  };
  const improvement = (first: string, owner: ListOwner): Improvement => ({ ...listed(first, owner), priority: false, frameworkRefs: [] });
  const improvements = [
    ...(spec.improvements ?? []).map((first) => improvement(first, 'local-authority')),
    ...(spec.boardImprovements ?? []).map((first) => improvement(first, 'lscb')),
  ].sort((a, b) => a.range.start - b.range.start);
  return {
    kind: spec.kind,
    metadata: {
      ...(spec.authority ? { authority: spec.authority } : {}),
      ...(spec.published ? { publishedDate: spec.published } : {}),
      ...(spec.inspectionEnd ? { inspectionDates: { text: spec.inspectionEnd, end: spec.inspectionEnd } } : {}),
      leadInspectors: [],
    },
    sections,
    judgements: (spec.judgements ?? []).map(([area, grade]) => ({ area, grade, source: 'table', range: { start: 0, end: 0 }, line: 1 })),
    earlierJudgements: [],
    improvements,
    strengths: (spec.strengths ?? []).map(([first, owner]) => listed(first, owner)),
    paragraphs,
    lineCount: lineOf(text.length),
  };
}

const SPECS: Array<[string, ModelSpec]> = [
  [
    'Inspection dates: 12 to 23 February 2024',
    {
      kind: 'ilacs-inspection',
      authority: 'Westmere',
      published: '2024-03-12',
      inspectionEnd: '2024-02-23',
      judgements: [
        ['leaders', 'good'],
        ['help-protection', 'good'],
        ['in-care', 'good'],
        ['care-leavers', 'requires-improvement'],
        ['overall', 'good'],
      ],
      sections: [
        { heading: 'What needs to improve?', title: 'What needs to improve?' },
        { heading: 'The experiences and progress of children who need help and\nprotection: good', title: 'The experiences and progress of children who need help and protection: good', area: 'help-protection', grade: 'good' },
        { heading: 'The experiences and progress of children in care: good', title: 'The experiences and progress of children in care: good', area: 'in-care', grade: 'good' },
        { heading: 'The experiences and progress of care leavers: requires', title: 'The experiences and progress of care leavers: requires improvement to be good', area: 'care-leavers', grade: 'requires-improvement' },
        // No grade on this heading in the model: the grade must come from the judgement table.
        { heading: 'The impact of leaders on social work practice with children and families: good', title: 'The impact of leaders on social work practice with children and families', area: 'leaders' },
      ],
      improvements: ['The quality of written plans for children in need and for', "The support for care leavers' emotional"],
    },
  ],
  [
    'Inspection dates: 8 to 19 November 2021',
    {
      kind: 'ilacs-inspection',
      authority: 'Westmere',
      published: '2021-12-17',
      judgements: [
        ['leaders', 'requires-improvement'],
        ['help-protection', 'requires-improvement'],
        ['in-care', 'good'],
        ['overall', 'requires-improvement'],
      ],
      sections: [
        { heading: 'What needs to improve?', title: 'What needs to improve?' },
        { heading: 'The experiences and progress of children who need help and\nprotection', title: 'The experiences and progress of children who need help and protection: requires improvement to be good', area: 'help-protection', grade: 'requires-improvement' },
        { heading: 'The experiences and progress of children in care and care leavers: good', title: 'The experiences and progress of children in care and care leavers: good', area: 'in-care', grade: 'good' },
        { heading: 'The impact of leaders on social work practice with children and families:\n', title: 'The impact of leaders on social work practice with children and families: requires improvement to be good', area: 'leaders', grade: 'requires-improvement' },
      ],
      improvements: ['The quality of written plans for children in need and children', 'Management oversight of practice', 'The timeliness of return home'],
    },
  ],
  ['Focused visit to Kingsbridge', { kind: 'focused-visit', authority: 'Kingsbridge', published: '2023-06-14', improvements: ['The quality of supervision'] }],
  ['Monitoring visit to Eastholm', { kind: 'monitoring-visit', authority: 'Eastholm', published: '2024-01-09' }],
];

/** Stands in for analyseReport on the fixture texts; anything else is "unknown". */
export function fixtureAnalyser(text: string): ReportModel {
  for (const [marker, spec] of SPECS) if (text.includes(marker)) return buildModel(text, spec);
  return buildModel(text, { kind: 'unknown' });
}
