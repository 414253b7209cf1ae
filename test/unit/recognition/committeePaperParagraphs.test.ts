// Committee papers number their paragraphs by section ("1.1", "1.2", "2.1" …) and restate the inspection's
// grades in a bulleted list, where a converter may wrap a grade inside its quotes. Every text here is invented,
// written in the style of a council's committee paper (Fernleigh and Westmere are not real authorities).
import * as assert from 'node:assert/strict';
import { analyseReport, ReportAnalyser } from '../../../src/core/recognition/analyse';
import { paragraphLabel, type ReportModel } from '../../../src/core/recognition/model';
import { analyseFixture, gradeList, slice } from './fixtureReports';

const labels = (model: ReportModel): string[] => model.paragraphs.map(paragraphLabel);

const PAPER_HEAD = `Report to:   Corporate Parenting Committee
Date:        9 October 2023
Subject:     Outcome of the Ofsted inspection of Westmere children's services
Report of:   Director of Children's Services

`;

describe('recognition: a committee paper\'s paragraphs numbered by section', () => {
  const { text, model } = analyseFixture('committee-paper-fernleigh-2024.txt');

  it('reads 1.1 … 5.1 in order, labelled as printed and numbered by their place, and no section heading', () => {
    assert.equal(model.kind, 'committee-paper');
    assert.deepEqual(labels(model), ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '5.1']);
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.ok(model.paragraphs.every((p) => !/^\d\.\s/.test(slice(text, p.range))), 'no "3.    Inspection findings" heading is a paragraph');
  });

  it('gives each paragraph its own lines: a wrapped line starting "1.5 million" is inside 3.3, not a paragraph', () => {
    const p33 = model.paragraphs.find((p) => p.label === '3.3')!;
    assert.equal(slice(text, p33.range).replace(/\s+/g, ' '), '3.3 Inspectors noted that the council spent an additional 1.5 million pounds on placements for children in care during 2023, and that sufficiency of local homes remains a challenge.');
    assert.equal(p33.line, text.split('\n').findIndex((l) => l.startsWith('3.3')) + 1);
  });

  it('takes a number alone on its line with its text below, and stops at the next heading', () => {
    const p41 = model.paragraphs.find((p) => p.label === '4.1')!;
    assert.match(slice(text, p41.range), /^4\.1\n\s+An improvement plan addressing both areas .* in July 2024\.$/s);
    const p51 = model.paragraphs.find((p) => p.label === '5.1')!;
    assert.ok(slice(text, p51.range).endsWith('set out in paragraph 4.1.'), 'the last paragraph ends before "Contact officer"');
  });

  it('reads the project\'s older committee paper: 1.1 and 3.1, its second section having no numbered paragraph', () => {
    assert.deepEqual(labels(analyseFixture('committee-paper-westmere-2023.txt').model), ['1.1', '3.1']);
  });

  it('takes no lone stray number for a paragraph: a single "3.2" is a reference, a single "1.1" a paragraph', () => {
    const stray = `${PAPER_HEAD}The committee is asked to note the outcome.\n\n3.2 Appendix B sets out the full text of the letter.\n`;
    assert.deepEqual(labels(analyseReport(stray)), []);
    const one = `${PAPER_HEAD}1. Purpose\n\n1.1 To inform members of the outcome of the inspection carried out in July.\n`;
    assert.deepEqual(labels(analyseReport(one)), ['1.1']);
  });

  it('reads numbers by section in committee papers only: a "2.1" in an inspection report keeps to its 1..N sequence', () => {
    const { model: ilacs } = analyseFixture('ilacs-2019-westmere.txt');
    assert.ok(ilacs.paragraphs.length > 0);
    assert.ok(ilacs.paragraphs.every((p) => p.label === undefined && paragraphLabel(p) === String(p.number)));
  });

  it('re-analysis after an edit that renumbers a paragraph gives the cold result', () => {
    const analyser = new ReportAnalyser();
    analyser.analyse(text);
    const edited = text.replace('4.2   Progress', '4.3   Progress');
    const warm = analyser.analyse(edited);
    assert.deepEqual(warm, analyseReport(edited));
    assert.ok(labels(warm).includes('4.3'));
  });
});

describe('recognition: a committee paper\'s restated grade wrapped inside its quotes', () => {
  it('keeps the grade of "- … children in care - \'Requires" / "improvement to be good\'"', () => {
    const { text, model } = analyseFixture('committee-paper-fernleigh-2024.txt');
    assert.deepEqual(gradeList(model), ['overall=good', 'leaders=good', 'help-protection=good', 'in-care=requires-improvement', 'care-leavers=outstanding']);
    const inCare = model.judgements.find((j) => j.area === 'in-care')!;
    assert.equal(slice(text, inCare.range).replace(/\s+/g, ' '), 'Requires improvement to be good');
    assert.equal(inCare.source, 'committee-list');
  });

  const list = (items: string) => `${PAPER_HEAD}The inspection judged the council's services as follows:\n\n${items}\n\nThe report is attached.\n`;

  for (const [where, items] of [
    ['after "Requires"', "- Overall effectiveness - 'Good'\n- The experiences and progress of care leavers - 'Requires\n  improvement to be good'"],
    ['after "Requires improvement"', "- Overall effectiveness - 'Good'\n- The experiences and progress of care leavers - 'Requires improvement\n  to be good'"],
    ['after "Requires improvement to"', "- Overall effectiveness - 'Good'\n- The experiences and progress of care leavers - 'Requires improvement to\n  be good'"],
    ['with the label wrapped too', "- Overall effectiveness - 'Good'\n- The experiences and progress of children who need help\n  and protection - 'Requires\n  improvement to be good'"],
  ] as const) {
    it(`reads the grade wrapped ${where}`, () => {
      const model = analyseReport(list(items));
      assert.equal(model.kind, 'committee-paper');
      const area = where === 'with the label wrapped too' ? 'help-protection' : 'care-leavers';
      assert.deepEqual(gradeList(model), ['overall=good', `${area}=requires-improvement`]);
    });
  }

  it('reads no grade from the rest of a quote the line above does not open', () => {
    const model = analyseReport(list("- Overall effectiveness - 'Good'\n- Members asked about care leavers, a service Ofsted called\n  improvement to be good'"));
    assert.deepEqual(gradeList(model), ['overall=good']);
  });
});

describe('recognition: a committee paper restating the areas for improvement', () => {
  it('ends the list at the paper\'s next numbered heading ("4.    Next steps"), not reading it as a third item', () => {
    const { model } = analyseFixture('committee-paper-fernleigh-2024.txt');
    assert.deepEqual(model.improvements.map((i) => i.text), [
      'The timeliness of initial health assessments for children in care.',
      'The range of homes for children in care close to their families.',
    ]);
  });
});
