import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ReportModel, Section } from '../../../src/core/recognition/model';
import { analyseReport, ReportAnalyser } from '../../../src/core/recognition/analyse';
import { fixture } from './fixtureReports';

const FIXTURES = ['ilacs-2019-westmere.txt', 'ilacs-2023-kestrel-vale.txt', 'sif-2015-fernleigh.txt', 'focused-visit-2022-kestrel-vale.txt', 'committee-paper-westmere-2023.txt'];

function assertWellFormed(text: string, model: ReportModel): void {
  const inside = (r: { start: number; end: number }, what: string) =>
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${what} range ${r.start}-${r.end} outside 0-${text.length}`);
  let previous = -1;
  const walk = (sections: Section[], parent?: Section) => {
    for (const s of sections) {
      inside(s.range, 'section');
      inside(s.headingRange, 'heading');
      assert.ok(s.range.start > previous, 'sections in document order');
      previous = s.range.start;
      assert.ok(s.line <= s.endLine);
      if (parent) {
        assert.ok(s.range.start >= parent.range.start && s.range.end <= parent.range.end, 'child inside parent');
        assert.equal(s.level, parent.level + 1);
      } else assert.equal(s.level, 1);
      walk(s.children, s);
    }
  };
  walk(model.sections);
  for (const j of model.judgements) inside(j.range, 'judgement');
  for (const e of model.earlierJudgements) inside(e.range, 'earlier judgement');
  for (const i of model.improvements) inside(i.range, 'improvement');
  for (const p of model.paragraphs) inside(p.range, 'paragraph');
  assert.equal(new Set(model.judgements.map((j) => j.area)).size, model.judgements.length, 'one judgement per area');
}

/** Models compared by value, as a user of the model would see them. */
const same = (a: ReportModel, b: ReportModel) => assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

describe('recognition: robustness', () => {
  it('gives an empty model for empty and structureless text', () => {
    const empty = analyseReport('');
    assert.equal(empty.kind, 'unknown');
    assert.equal(empty.lineCount, 1);
    assert.deepEqual([empty.sections, empty.judgements, empty.improvements, empty.paragraphs], [[], [], [], []]);
    const prose = analyseReport('This is a good note about outstanding work.\nNothing else.');
    assert.deepEqual(prose.judgements, []);
  });

  it('never throws on binary-ish input, and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        assertWellFormed(s, analyseReport(s));
      }),
      { numRuns: 150 },
    );
  });

  it('stays well formed when fixture lines are shuffled, cut and joined with any line ending', () => {
    const pool = FIXTURES.flatMap((f) => fixture(f).split('\n'));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 120 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, eol) => {
        const text = lines.join(eol);
        assertWellFormed(text, analyseReport(text));
      }),
      { numRuns: 120 },
    );
  });

  it('handles a 10 MB document in reasonable time', function () {
    this.timeout(60_000);
    const base = fixture('sif-2015-fernleigh.txt');
    const big = base.repeat(Math.ceil(10_000_000 / base.length));
    const model = analyseReport(big);
    assertWellFormed(big, model);
    assert.ok(model.lineCount > 100_000);
  });

  for (const name of FIXTURES) {
    it(`fixture ${name} is well formed`, () => {
      const text = fixture(name);
      assertWellFormed(text, analyseReport(text));
    });
  }
});

describe('recognition: ReportAnalyser re-analysis', () => {
  it('gives the same model as a cold analysis after random edits', function () {
    this.timeout(30_000);
    const edit = fc.record({
      at: fc.nat(),
      del: fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 40 })),
      ins: fc.oneof(fc.constantFrom('', 'x', 'a', ' ', '.', 'G', '\n', '\r\n', ' good', '3. ', 'Requires', ': good\n', '◼ ', 'judged inadequate in 2019'), fc.string({ maxLength: 3 })),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES), fc.array(edit, { minLength: 1, maxLength: 8 }),
        (name, edits) => {
          const analyser = new ReportAnalyser();
          let text = fixture(name);
          analyser.analyse(text);
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.ins + text.slice(at + e.del);
            same(analyser.analyse(text), analyseReport(text));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps positions right after an edit above a judgement', () => {
    const text = fixture('ilacs-2023-kestrel-vale.txt');
    const analyser = new ReportAnalyser();
    analyser.analyse(text);
    const edited = text.replace('Lead inspector: Ottilie Marsh', 'Lead inspector: Ottilie Marsh-Fenwick');
    const model = analyser.analyse(edited);
    const careLeavers = model.judgements.find((j) => j.area === 'care-leavers')!;
    assert.equal(edited.slice(careLeavers.range.start, careLeavers.range.end), 'Inadequate');
    assert.deepEqual(model.metadata.leadInspectors, ['Ottilie Marsh-Fenwick']);
  });

  it('follows a changed grade', () => {
    const text = fixture('ilacs-2023-kestrel-vale.txt');
    const analyser = new ReportAnalyser();
    analyser.analyse(text);
    const model = analyser.analyse(text.replace('leavers: inadequate', 'leavers: good').replace(' Inadequate\n', ' Good\n'));
    assert.equal(model.judgements.find((j) => j.area === 'care-leavers')!.grade, 'good');
  });
});
