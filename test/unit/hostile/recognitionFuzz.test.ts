// Fuzzing the recognition engine: random text and mutated fixture reports (lines deleted, duplicated,
// shuffled, grade words / footers / bullets inserted, line endings changed). Whatever the input, the model
// must be well formed, and incremental re-analysis must agree with a cold analysis.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyseReport, ReportAnalyser } from '../../../src/core/recognition/analyse';
import type { Range, ReportModel, Section } from '../../../src/core/recognition/model';
import { LineIndex } from '../../../src/core/platform/text/lineIndex';
import { fixture } from '../recognition/fixtureReports';

const FIXTURES = [
  'ilacs-2019-westmere.txt',
  'ilacs-2023-kestrel-vale.txt',
  'sif-2015-fernleigh.txt',
  'focused-visit-2022-kestrel-vale.txt',
  'committee-paper-westmere-2023.txt',
];
const TEXTS = FIXTURES.map((name) => fixture(name));

/** Lines that look like report structure, to insert anywhere. */
const NOISE_LINES = [
  'Good', 'Outstanding', 'Inadequate', 'Requires improvement to be good', 'Adequate', 'requires improvement',
  'Overall effectiveness                                  Good',
  'The experiences and progress of care leavers           Inadequate',
  'Inspection of Fernleigh local authority children’s services', 'What needs to improve', 'Areas for priority action',
  'Ofsted                                                                     3', '\f', 'Page 4 of 12', '12',
  '•   Managers should review plans.', '◼ The quality of supervision.', '- a bullet', '1. ', '27. The local authority',
  '', '   ', '\t', 'Summary for children and young people', 'Judgement', 'Grade', 'leaders: good',
  '“Good”', 'غير كافٍ', '👶🏽 Good', '\u200f', '\ufeff',
];

type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'insert'; at: number; line: string }
  | { op: 'join'; at: number }
  | { op: 'split'; at: number; col: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: fc.oneof(fc.constantFrom(...NOISE_LINES), fc.string({ maxLength: 30 })) }),
  fc.record({ op: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('split' as const), at: fc.nat(), col: fc.nat({ max: 80 }) }),
);

function mutate(text: string, mutations: readonly Mutation[], eol: string): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const n = lines.length;
    switch (m.op) {
      case 'delete':
        lines.splice(m.at % n, m.count);
        break;
      case 'duplicate': {
        const at = m.at % n;
        lines.splice(at, 0, ...lines.slice(at, at + m.count));
        break;
      }
      case 'swap': {
        const a = m.a % n;
        const b = m.b % n;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        break;
      }
      case 'insert':
        lines.splice(m.at % (n + 1), 0, m.line);
        break;
      case 'join': {
        const at = m.at % n;
        if (at + 1 < n) lines.splice(at, 2, lines[at]! + ' ' + lines[at + 1]!);
        break;
      }
      case 'split': {
        const at = m.at % n;
        const line = lines[at]!;
        const col = m.col % (line.length + 1);
        lines.splice(at, 1, line.slice(0, col), line.slice(col));
        break;
      }
    }
    if (lines.length === 0) lines.push('');
  }
  return lines.join(eol);
}

/** Everything a feature relies on: ranges inside the text, lines matching offsets, sections ordered and nested. */
function assertWellFormed(text: string, model: ReportModel): void {
  const index = new LineIndex(text);
  assert.equal(model.lineCount, index.lineCount, 'lineCount counts LF, CRLF and lone CR');
  const inside = (r: Range, what: string) =>
    assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= text.length, `${what} range ${r.start}-${r.end} outside 0-${text.length}`);
  const lineOf = (offset: number) => index.positionAt(offset).line;
  const atLine = (r: Range, line: number, what: string) => {
    inside(r, what);
    assert.equal(line, lineOf(r.start), `${what} at offset ${r.start} claims line ${line}`);
  };
  let previousStart = -1;
  const walk = (sections: readonly Section[], parent: Section | undefined) => {
    let previousEnd = parent ? parent.range.start : 0;
    for (const s of sections) {
      inside(s.range, `section "${s.title}"`);
      inside(s.headingRange, `heading of "${s.title}"`);
      assert.equal(s.line, lineOf(s.range.start), `section "${s.title}" line`);
      assert.ok(s.line <= s.endLine && s.endLine <= model.lineCount, `section "${s.title}" lines ${s.line}-${s.endLine}`);
      assert.ok(s.headingRange.start >= s.range.start && s.headingRange.end <= s.range.end, `heading inside section "${s.title}"`);
      assert.ok(s.range.start > previousStart, 'sections in document order');
      previousStart = s.range.start;
      assert.ok(s.range.start >= previousEnd, `sibling sections do not overlap ("${s.title}")`);
      previousEnd = s.range.end;
      if (parent) {
        assert.ok(s.range.start >= parent.range.start && s.range.end <= parent.range.end, `"${s.title}" inside its parent "${parent.title}"`);
        assert.equal(s.level, parent.level + 1);
      } else assert.equal(s.level, 1);
      walk(s.children, s);
    }
  };
  walk(model.sections, undefined);
  for (const j of model.judgements) atLine(j.range, j.line, `judgement ${j.area}`);
  for (const e of model.earlierJudgements) atLine(e.range, e.line, 'earlier judgement');
  for (const i of model.improvements) atLine(i.range, i.line, 'improvement');
  for (const p of model.paragraphs) atLine(p.range, p.line, `paragraph ${p.number}`);
  assert.equal(new Set(model.judgements.map((j) => j.area)).size, model.judgements.length, 'one judgement per area');
  // The same words cannot be both one of this report's grades and an earlier inspection's.
  for (const e of model.earlierJudgements) {
    assert.ok(!model.judgements.some((j) => j.range.start === e.range.start), `grade at ${e.range.start} is both current and earlier`);
  }
}

const sameModel = (a: ReportModel, b: ReportModel, why: string) => assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)), why);

describe('hostile input: recognition fuzz', function () {
  this.timeout(120_000);

  it('random text of any characters: no throw, a well-formed model', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), fc.boolean(), (s, markdown) => {
        assertWellFormed(s, analyseReport(s, { markdown }));
      }),
      { numRuns: 300 },
    );
  });

  it('random lines built from report words, grade words, bullets and footers: a well-formed model', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...NOISE_LINES), fc.string({ maxLength: 20 })), { maxLength: 80 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        assertWellFormed(text, analyseReport(text));
      }),
      { numRuns: 300 },
    );
  });

  it('mutated fixture reports (lines deleted, duplicated, swapped, joined, split, noise inserted, any line ending)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: TEXTS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (which, mutations, eol) => {
          const text = mutate(TEXTS[which]!, mutations, eol);
          assertWellFormed(text, analyseReport(text));
        },
      ),
      { numRuns: 250 },
    );
  });

  it('a CRLF copy of a report gives the same structure as the LF original, at the shifted offsets', () => {
    for (const lf of TEXTS) {
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = analyseReport(lf);
      const b = analyseReport(crlf);
      assertWellFormed(crlf, b);
      assert.equal(b.kind, a.kind);
      assert.deepEqual(b.judgements.map((j) => [j.area, j.grade, j.line, crlf.slice(j.range.start, j.range.end).replace(/\r\n/g, '\n')]), a.judgements.map((j) => [j.area, j.grade, j.line, lf.slice(j.range.start, j.range.end)]));
      assert.deepEqual(b.improvements.map((i) => i.text), a.improvements.map((i) => i.text));
      assert.deepEqual(b.paragraphs.map((p) => [p.number, p.line]), a.paragraphs.map((p) => [p.number, p.line]));
    }
  });

  it('incremental re-analysis equals a cold analysis after random mutations and small edits', () => {
    const edit = fc.record({
      at: fc.nat(),
      del: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 400 })),
      ins: fc.oneof(fc.constantFrom('', '\n', '\r\n', '\r', ' Good', 'Inadequate\n', '• ', '12. ', '\f', 'Ofsted 4\n', '👍', '\u05e9\u05dc\u05d5\u05dd'), fc.string({ maxLength: 12 })),
    });
    fc.assert(
      fc.property(
        fc.nat({ max: TEXTS.length - 1 }),
        fc.array(mutation, { maxLength: 6 }),
        fc.array(edit, { minLength: 1, maxLength: 10 }),
        (which, mutations, edits) => {
          let text = mutate(TEXTS[which]!, mutations, '\n');
          const analyser = new ReportAnalyser();
          analyser.analyse(text);
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.ins + text.slice(at + e.del);
            const warm = analyser.analyse(text);
            assertWellFormed(text, warm);
            sameModel(warm, analyseReport(text), 'incremental == cold');
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('whole-document replacement (undo of everything, paste over all) re-analyses from scratch correctly', () => {
    const analyser = new ReportAnalyser();
    for (const text of [...TEXTS, '', '\r\n\r\n', TEXTS[0]!, 'binary\u0000\u0001\uFFFD', TEXTS[2]!.replace(/\n/g, '\r')]) {
      sameModel(analyser.analyse(text), analyseReport(text), 'replacement');
    }
  });
});
