import assert from 'node:assert/strict';
import type { ReportModel, Section } from '../../../src/core/recognition/model';
import { outlineJson, outlineSummary, outlineText, wrap } from '../../../src/core/navigation/outlineFormat';
import { sifModel } from '../editor/sifSampleReport';

const r = (start: number, end: number) => ({ start, end });

function section(title: string, line: number, extra: Partial<Section> = {}): Section {
  return { title, role: 'other', level: 1, range: r(0, 10), headingRange: r(0, 5), line, endLine: line + 5, children: [], ...extra };
}

/** A hand-built model of a small ILACS report (the engine is tested elsewhere; this tests the printing). */
function model(): ReportModel {
  const inCare = section('The experiences and progress of children in care: requires improvement to be good', 40, {
    role: 'judgement',
    judgementArea: 'in-care',
    grade: 'requires-improvement',
    children: [section('Permanence', 44, { role: 'subtopic', level: 2 })],
  });
  return {
    kind: 'ilacs-inspection',
    metadata: {
      title: 'Inspection of Westmere County Council local authority children’s services',
      authority: 'Westmere County Council',
      inspectionDates: { text: '3 to 14 March 2025', start: '2025-03-03', end: '2025-03-14' },
      leadInspectors: ['Miriam Achebe-Holt'],
    },
    sections: [section('What needs to improve?', 30, { role: 'what-needs-to-improve' }), inCare],
    judgements: [
      { area: 'in-care', grade: 'requires-improvement', source: 'table', range: r(100, 131), line: 14 },
      { area: 'overall', grade: 'good', source: 'table', range: r(200, 204), line: 20 },
    ],
    earlierJudgements: [{ grade: 'requires-improvement', when: 'June 2021', range: r(300, 330), line: 23 }],
    improvements: [
      {
        text: 'The timeliness of permanence planning for children in care. (outcome 3, national framework)',
        owner: 'local-authority', priority: false,
        range: r(400, 480),
        line: 31,
        frameworkRefs: [{ kind: 'outcome', number: 3, text: '(outcome 3, national framework)' }],
      },
      { text: 'Visits to children on plans.', owner: 'local-authority', priority: true, range: r(500, 530), line: 33, frameworkRefs: [] },
    ],
    strengths: [],
    paragraphs: [1, 2, 3].map((n) => ({ number: n, range: r(n * 1000, n * 1000 + 50), line: 40 + n })),
    lineCount: 200,
  };
}

describe('outlineJson', () => {
  it('has exactly the documented keys, without offsets', () => {
    const json = outlineJson(model());
    assert.deepEqual(Object.keys(json), ['kind', 'authority', 'metadata', 'judgements', 'earlierJudgements', 'improvements', 'strengths', 'sections', 'paragraphs']);
    assert.deepEqual(json.judgements[0], { area: 'in-care', grade: 'requires-improvement', line: 14, source: 'table' });
    assert.deepEqual(json.earlierJudgements[0], { grade: 'requires-improvement', when: 'June 2021', line: 23 });
    assert.deepEqual(Object.keys(json.improvements[0]), ['text', 'line', 'owner', 'priority', 'frameworkRefs']);
    assert.equal(json.paragraphs, 3);
    assert.equal(json.authority, 'Westmere County Council');
  });

  it('keeps the section tree with judgement area and grade only where known', () => {
    const [improve, inCare] = outlineJson(model()).sections;
    assert.deepEqual(Object.keys(improve).sort(), ['children', 'level', 'line', 'role', 'title']);
    assert.equal(inCare.judgementArea, 'in-care');
    assert.equal(inCare.grade, 'requires-improvement');
    assert.deepEqual(inCare.children, [{ title: 'Permanence', role: 'subtopic', line: 44, level: 2, children: [] }]);
  });

  it('says whose each item is, gives the number where the report numbers it, and lists strengths apart', () => {
    const json = outlineJson(sifModel());
    assert.deepEqual(
      json.improvements.map((i) => [i.number, i.owner, i.priority]),
      [
        [12, 'local-authority', true],
        [13, 'local-authority', false],
        [15, 'lscb', true],
        [16, 'lscb', false],
      ],
    );
    assert.deepEqual(Object.keys(json.improvements[2]!), ['text', 'line', 'owner', 'priority', 'frameworkRefs', 'number']);
    assert.deepEqual(json.strengths, [
      { text: 'Leaders know their services well and act quickly on what audits find.', line: 14, owner: 'local-authority', number: 14 },
      { text: 'The board’s training programme is well attended by partner agencies.', line: 22, owner: 'lscb', number: 17 },
    ]);
    assert.deepEqual(outlineJson(model()).strengths, []);
  });

  it('gives authority null when the engine found none, and survives a JSON round trip', () => {
    const m = model();
    delete m.metadata.authority;
    const json = outlineJson(m);
    assert.equal(json.authority, null);
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
  });
});

describe('outlineText', () => {
  const text = outlineText(model(), { fileName: 'westmere.txt' });

  it('starts with the file and kind, then the metadata', () => {
    const lines = text.split('\n');
    assert.equal(lines[0], 'westmere.txt: ILACS inspection report');
    assert.match(text, /Authority: +Westmere County Council/);
    assert.match(text, /Dates: +3 to 14 March 2025 \(2025-03-03 to 2025-03-14\)/);
    assert.match(text, /Lead inspector: +Miriam Achebe-Holt/);
  });

  it('prints a grades table with aligned columns and line numbers', () => {
    const rows = text.split('\n').filter((l) => / line \d+ \(table\)$/.test(l));
    assert.equal(rows.length, 2);
    assert.match(rows[0], /^ {2}Children in care +Requires improvement +line 14 \(table\)$/);
    assert.match(rows[1], /^ {2}Overall effectiveness +Good +line 20 \(table\)$/);
    assert.equal(rows[0].indexOf('line'), rows[1].indexOf('line'));
  });

  it('separates earlier grades from this report’s grades', () => {
    assert.match(text, /Earlier grades mentioned \(not this report's\):\n {2}Requires improvement \(June 2021\) {2}line 23/);
  });

  it('indents the section tree and shows section grades', () => {
    assert.match(text, /\n {2}The experiences and progress of children in care: requires improvement to be good \[Requires improvement\] {2}\(line 40\)\n {4}Permanence {2}\(line 44\)/);
  });

  it('numbers the areas for improvement and marks priority ones', () => {
    assert.match(text, /Areas for improvement:\n {2}1\. The timeliness of permanence planning/);
    assert.match(text, /\n {2}2\. \[PRIORITY\] Visits to children on plans\. \(line 33\)/);
  });

  it('counts numbered items with the paragraphs when a report numbers them in one sequence (SIF)', () => {
    const paragraphs = [3, 4, 5].map((number) => ({ number, range: r(number * 100, number * 100 + 50), line: number * 10 }));
    const sif = { ...model(), paragraphs, improvements: model().improvements.map((i, k) => ({ ...i, number: k + 1 })) };
    assert.match(outlineText(sif), /Paragraphs: +5 numbered \(3 paragraphs, 2 numbered items\), /);
    assert.match(outlineSummary(sif), /5 numbered paragraphs/);
    assert.match(outlineText({ ...sif, improvements: model().improvements }), /Paragraphs: +3 numbered, /);
  });

  it('does not count list numbers as paragraphs when the report has no running sequence (area SEND)', () => {
    const send = { ...model(), paragraphs: [], improvements: model().improvements.map((i, k) => ({ ...i, number: k + 1 })) };
    assert.match(outlineText(send), /Paragraphs: +0 numbered, /);
    assert.match(outlineSummary(send), /· 0 numbered paragraphs$/);
  });

  it('lists the local authority’s areas for improvement, then the safeguarding board’s, then the strengths', () => {
    const out = outlineText(sifModel());
    const council = out.indexOf('\nAreas for improvement:\n');
    const board = out.indexOf('\nSafeguarding children board — areas for improvement:\n');
    const strengths = out.indexOf('\nStrengths:\n');
    assert.ok(council > 0 && board > council && strengths > board, out);
    const councilList = out.slice(council, board);
    assert.match(councilList, /\n {2}1\. \[PRIORITY\] Ensure that every child referred/);
    assert.match(councilList, /\n {2}2\. Improve the quality of supervision so that it challenges drift in plans\. \(line 11\)/);
    assert.doesNotMatch(councilList, /board’s|Leaders know/, 'neither the board’s items nor a strength among the council’s');
    const boardList = out.slice(board, strengths);
    assert.match(boardList, /\n {2}1\. \[PRIORITY\] Ensure that the board’s audits of multi-agency practice/);
    assert.match(boardList, /\n {2}2\. Publish the annual report so that partners can see the board’s priorities\. \(line 20\)/);
    assert.match(out.slice(strengths), /^\nStrengths:\n {2}1\. Leaders know their services well and act quickly on what audits find\. \(line 14\)\n {2}2\. \[LSCB\] The board’s training programme is well attended by partner agencies\. \(line 22\)\n$/);
  });

  it('prints no board list and no strengths for a report that has none', () => {
    const out = outlineText(model());
    assert.doesNotMatch(out, /Safeguarding children board —|Strengths:/);
  });

  it('counts an item once when the report numbers it as a paragraph too (SIF)', () => {
    assert.match(outlineText(sifModel()), /Paragraphs: +6 numbered, 23 lines/);
    assert.match(outlineSummary(sifModel()), /· 6 numbered paragraphs$/);
  });

  it('says so when a letter has no grades or improvements', () => {
    const letter = { ...model(), kind: 'focused-visit' as const, judgements: [], earlierJudgements: [], improvements: [], sections: [] };
    const out = outlineText(letter);
    assert.match(out, /^Focused-visit letter\n/);
    assert.match(out, /Judgements: none/);
    assert.match(out, /Sections:\n {2}\(none recognised\)/);
    assert.match(out, /Areas for improvement:\n {2}\(none\)/);
    assert.doesNotMatch(out, /Earlier grades/);
  });

  it('wraps long improvement items under their marker', () => {
    const out = outlineText(model(), { width: 50 });
    const start = out.indexOf('  1. ');
    const itemLines = out.slice(start).split('\n').slice(0, 3);
    assert.ok(itemLines.every((l) => l.length <= 50), itemLines.join('\n'));
    assert.match(itemLines[1], /^ {5}\S/);
  });
});

describe('outlineSummary', () => {
  it('condenses the model into one line', () => {
    assert.equal(
      outlineSummary(model()),
      'ILACS inspection report · Westmere County Council · 2 grades (overall good) · 2 areas for improvement (1 priority) · 3 sections · 3 numbered paragraphs',
    );
  });
});

describe('outlineSummary of a SIF report', () => {
  it('counts the local authority’s areas for improvement, adds the board’s apart, and counts strengths', () => {
    assert.match(outlineSummary(sifModel()), / · 2 areas for improvement \(1 priority\) \+ 2 for the LSCB · 2 strengths · /);
  });
});

describe('wrap', () => {
  it('never cuts a word and never exceeds the width when words fit', () => {
    assert.deepEqual(wrap('aaaa bbbb cccc dddd eeee ffff', 20), ['aaaa bbbb cccc dddd', 'eeee ffff']);
    assert.deepEqual(wrap('x'.repeat(30) + ' y', 20), ['x'.repeat(30), 'y']);
  });
});
