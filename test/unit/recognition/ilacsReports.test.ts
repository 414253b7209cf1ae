import { strict as assert } from 'node:assert';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { analyseFixture, fixture, flatten, gradeList, outline, slice } from './fixtureReports';

describe('recognition: ILACS 2018-22 report (combined in-care area, Wingdings bullets)', () => {
  const { text, model } = analyseFixture('ilacs-2019-westmere.txt');

  it('reads kind and metadata', () => {
    assert.equal(model.kind, 'ilacs-inspection');
    // The council's name is normalised to the area, as a reader cites it (issue 10).
    assert.equal(model.metadata.authority, 'Westmere');
    assert.deepEqual(model.metadata.inspectionDates, { text: '4 March 2019 to 15 March 2019', start: '2019-03-04', end: '2019-03-15' });
    assert.deepEqual(model.metadata.leadInspectors, ['Harriet Quill']);
  });

  it('takes the grades from the table, mapping "children in care and care leavers" to in-care', () => {
    assert.deepEqual(gradeList(model), ['leaders=good', 'help-protection=requires-improvement', 'in-care=good', 'overall=good']);
    assert.ok(model.judgements.every((j) => j.source === 'table'));
    const help = model.judgements.find((j) => j.area === 'help-protection')!;
    assert.equal(slice(text, help.range), 'Requires improvement');
    assert.equal(help.line, 16);
  });

  it('keeps the last inspection\'s grade apart, with its year', () => {
    assert.equal(model.earlierJudgements.length, 1);
    const e = model.earlierJudgements[0]!;
    assert.equal(e.grade, 'requires-improvement');
    assert.equal(e.area, 'overall');
    assert.equal(e.when, '2015');
    assert.equal(slice(text, e.range), 'require improvement to be good');
  });

  it('finds the improvements behind U+F06E bullets, unwrapped', () => {
    assert.deepEqual(model.improvements.map((i) => i.text), [
      'The timeliness of return home interviews for children who go missing from home or care.',
      'The quality of written plans for children in need, so that actions and timescales are clear.',
    ]);
    assert.ok(model.improvements.every((i) => !i.priority));
    assert.ok(slice(text, model.improvements[0]!.range).startsWith('The timeliness'));
  });

  it('outlines the judgement sections whose two-line headings end in grades', () => {
    assert.deepEqual(outline(model), [
      "1 title: Westmere Council Inspection of children's social care services",
      '1 what-needs-to-improve: What needs to improve',
      '1 judgement: The experiences and progress of children who need help and protection requires improvement to be good',
      '1 judgement: The experiences and progress of children in care and care leavers is good',
      '1 judgement: The impact of leaders on social work practice with children and families is good',
    ]);
    const help = model.sections[2]!;
    assert.equal(help.judgementArea, 'help-protection');
    assert.equal(help.grade, 'requires-improvement');
    assert.equal(slice(text, help.headingRange), 'The experiences and progress of children who need help and\nprotection requires improvement to be good');
  });

  it('numbers paragraphs 1..6, and "Outstanding support" in prose is no grade', () => {
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6]);
    assert.ok(slice(text, model.paragraphs[1]!.range).startsWith('2.   Strategy discussions'));
    assert.ok(slice(text, model.paragraphs[1]!.range).endsWith('is a strength.'));
    assert.equal(model.judgements.filter((j) => j.grade === 'outstanding').length, 0);
  });
});

describe('recognition: ILACS 2023-26 report (separate rows, wrapping grades, footers)', () => {
  const { text, model } = analyseFixture('ilacs-2023-kestrel-vale.txt');

  it('reads a wrapped title and the authority inside it', () => {
    assert.equal(model.metadata.title, "Inspection of Borough of Kestrel Vale local authority children's services");
    assert.equal(model.metadata.authority, 'Borough of Kestrel Vale');
  });

  it('reads table rows whose label or grade wraps over two lines', () => {
    assert.deepEqual(gradeList(model), [
      'leaders=requires-improvement', 'help-protection=good', 'in-care=requires-improvement', 'care-leavers=inadequate', 'overall=requires-improvement',
    ]);
    const leaders = model.judgements[0]!;
    assert.match(slice(text, leaders.range), /^Requires\n[\s\S]*improvement to be good$/);
    assert.equal(slice(text, model.judgements[2]!.range), 'Requires improvement to be good');
  });

  it('splits "outstanding overall but good for care leavers" into two earlier judgements', () => {
    const earlier = model.earlierJudgements.map((e) => `${e.area}=${e.grade}@${e.when}`);
    assert.deepEqual(earlier, ['overall=outstanding@November 2018', 'care-leavers=good@November 2018', 'overall=inadequate@October 2012']);
  });

  it('does not take "good progress" or "a good service" as grades', () => {
    assert.equal(model.judgements.filter((j) => j.source === 'sentence').length, 0);
  });

  it('reads a heading whose grade wraps ("requires" / "improvement to be good")', () => {
    const inCare = model.sections.find((s) => s.judgementArea === 'in-care')!;
    assert.equal(inCare.title, 'The experiences and progress of children in care: requires improvement to be good');
    assert.equal(inCare.grade, 'requires-improvement');
    assert.equal(slice(text, inCare.headingRange), 'The experiences and progress of children in care: requires\nimprovement to be good');
  });

  it('runs a paragraph across a page footer, and footers are not paragraphs', () => {
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7]);
    const two = slice(text, model.paragraphs[1]!.range);
    assert.ok(two.endsWith('consider the views of children and their wider families.'));
    assert.ok(two.includes('6 to 17 March 2023'), 'the footer lies inside the paragraph range');
  });

  it('gives the same positions for the CRLF version', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const m = analyseReport(crlf);
    assert.deepEqual(gradeList(m), gradeList(model));
    assert.equal(crlf.slice(m.judgements[2]!.range.start, m.judgements[2]!.range.end), 'Requires improvement to be good');
    assert.equal(m.judgements[2]!.line, model.judgements[2]!.line);
    const heading = m.sections.find((s) => s.judgementArea === 'care-leavers')!;
    assert.equal(crlf.slice(heading.headingRange.start, heading.headingRange.end), 'The experiences and progress of care leavers: inadequate');
    assert.deepEqual(m.improvements.map((i) => i.text), model.improvements.map((i) => i.text));
    assert.equal(crlf.slice(m.paragraphs[6]!.range.start, m.paragraphs[6]!.range.end), '7.     The director of children\'s services has a clear plan for improvement.');
  });

  it('copes with a BOM, tabs and <p> tags', () => {
    const noisy = '\uFEFF' + text.replace('Overall effectiveness                      Requires', '<p>Overall effectiveness\t\t\tRequires');
    const m = analyseReport(noisy);
    assert.deepEqual(gradeList(m), gradeList(model));
    const overall = m.judgements.find((j) => j.area === 'overall')!;
    assert.equal(noisy.slice(overall.range.start, overall.range.end), 'Requires improvement to be good');
    assert.equal(m.metadata.title, model.metadata.title);
  });
});

describe('recognition: ILACS judgement headings wrapped right after the colon', () => {
  const { text, model } = analyseFixture('ilacs-2019-dunmere-colon-headings.txt');
  const judgements = flatten(model.sections).filter((s) => s.role === 'judgement');

  it('makes each one a judgement section with its grade and joined title', () => {
    assert.deepEqual(judgements.map((s) => `${s.judgementArea}=${s.grade}`), ['help-protection=good', 'in-care=requires-improvement', 'leaders=requires-improvement']);
    assert.equal(judgements[1]!.title, 'The experiences and progress of children in care and care leavers: requires improvement to be good');
    assert.equal(judgements[2]!.title, 'The impact of leaders on social work practice with children and families: requires improvement to be good');
  });

  it('spans the heading over both lines (three when the grade wraps too)', () => {
    const inCare = judgements[1]!;
    assert.equal(inCare.line, 37);
    assert.equal(slice(text, inCare.headingRange), 'The experiences and progress of children in care and care leavers:\nrequires improvement to be good.');
    assert.equal(slice(text, judgements[2]!.headingRange), 'The impact of leaders on social work practice with children and families:\nrequires improvement to be\ngood');
  });

  it('still takes the grades from the table, and numbers the paragraphs under each heading', () => {
    assert.deepEqual(gradeList(model), ['leaders=requires-improvement', 'help-protection=good', 'in-care=requires-improvement', 'overall=requires-improvement']);
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3]);
  });
});

describe('recognition: ILACS from April 2026 (no overall row, national framework references)', () => {
  const { model } = analyseFixture('ilacs-2026-ashcombe.txt');

  it('has four judgements and no overall one', () => {
    assert.deepEqual(gradeList(model), ['leaders=outstanding', 'help-protection=good', 'in-care=good', 'care-leavers=outstanding']);
  });

  it('strips the footnote digit from "What needs to improve?1"', () => {
    assert.equal(model.sections[1]!.title, 'What needs to improve?');
    assert.equal(model.sections[1]!.role, 'what-needs-to-improve');
  });

  it('reads framework references in each spelling', () => {
    const refs = model.improvements.map((i) => i.frameworkRefs.map((r) => `${r.kind}${r.number}`).join(','));
    assert.deepEqual(refs, ['outcome3', 'outcome4', 'outcome1', 'outcome3', 'enabler2']);
    assert.equal(model.improvements[1]!.text, 'The timeliness of permanence planning for children in care. (outcome 4, national framework)');
    assert.equal(model.improvements[1]!.frameworkRefs[0]!.text, '(outcome 4, national framework)');
    assert.equal(model.improvements[3]!.frameworkRefs[0]!.text, '(Outcome three)');
  });
});

describe('recognition: prose "good" is never a grade', () => {
  it('finds no judgement in a document with only adjectives', () => {
    const model = analyseReport(fixture('ilacs-2019-westmere.txt').split('What needs to improve')[1]!.replace(/requires improvement to be good|is good/g, ''));
    assert.equal(model.judgements.length, 0);
  });
});
