import { strict as assert } from 'node:assert';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { analyseFixture, fixture, flatten, gradeList, outline, slice } from './fixtureReports';

describe('recognition: SIF 2015 report', () => {
  const { text, model } = analyseFixture('sif-2015-fernleigh.txt');

  it('reads kind, authority, dates and publication date', () => {
    assert.equal(model.kind, 'sif-inspection');
    // The council's name is normalised to the area, as a reader cites it (issue 10).
    assert.equal(model.metadata.authority, 'Fernleigh');
    assert.equal(model.metadata.inspectionDates?.start, '2015-02-02');
    assert.equal(model.metadata.inspectionDates?.end, '2015-02-24');
    assert.equal(model.metadata.publishedDate, '2015-04-14');
    assert.ok(model.metadata.title!.endsWith('local safeguarding children board'), 'footnote digit dropped from the title');
    assert.deepEqual(model.metadata.leadInspectors, ['Marnie Ellwood'], 'named at the end of the report');
  });

  it('gives all seven SIF judgements, preferring tables over sentences', () => {
    assert.deepEqual(gradeList(model), [
      'overall=requires-improvement', 'help-protection=inadequate', 'in-care=requires-improvement', 'adoption=good',
      'care-leavers=requires-improvement', 'leaders=requires-improvement', 'lscb=good',
    ]);
    const overall = model.judgements[0]!;
    assert.equal(overall.source, 'sentence');
    assert.equal(slice(text, overall.range), 'require\nimprovement');
    assert.equal(model.judgements.find((j) => j.area === 'help-protection')!.source, 'table');
  });

  it('never takes a grade from "What the inspection judgements mean"', () => {
    const descriptors = model.sections.find((s) => s.role === 'descriptors')!;
    for (const j of model.judgements) assert.ok(j.range.start < descriptors.range.start, `${j.area} comes from the descriptors`);
    assert.equal(descriptors.children.map((c) => c.title).join('|'), 'The local authority|The LSCB');
  });

  it('nests priority action and areas for improvement, with their sub-topics', () => {
    const improve = flatten(model.sections).find((s) => s.role === 'what-needs-to-improve')!;
    assert.equal(improve.title, 'What does the local authority need to improve?');
    assert.deepEqual(improve.children.map((c) => `${c.role}: ${c.title}`), ['priority-action: Priority and immediate action', 'areas-for-improvement: Areas for improvement']);
    assert.deepEqual(improve.children[1]!.children.map((c) => `${c.role}: ${c.title}`), ['subtopic: Leadership and management', 'subtopic: Quality of practice']);
    assert.ok(improve.range.start <= improve.children[0]!.range.start && improve.children[1]!.range.end <= improve.range.end);
  });

  it('reads numbered items with priority and group', () => {
    assert.deepEqual(model.improvements.map((i) => [i.priority, i.group, i.text]), [
      [true, 'Front door', 'Ensure that all contacts about children at risk of harm are screened within 24 hours.'],
      [false, 'Leadership and management', 'Ensure that elected members receive regular reports on the experiences of children looked after.'],
      [false, 'Leadership and management', 'Strengthen the challenge provided by independent reviewing officers.'],
      [false, 'Quality of practice', 'Improve the quality of assessments, so that they consider the history of each family.'],
    ]);
  });

  it('makes each "Key judgement" table a judgement section with its Summary inside', () => {
    const judgements = flatten(model.sections).filter((s) => s.role === 'judgement');
    assert.deepEqual(judgements.map((s) => `${s.judgementArea}=${s.grade}`), ['help-protection=inadequate', 'in-care=requires-improvement']);
    assert.equal(judgements[0]!.children[0]!.role, 'summary');
    assert.equal(judgements[0]!.title, 'The experiences and progress of children who need help and protection');
  });

  it('numbers paragraphs and the numbered improvements in one running sequence (1..9), not the table rows', () => {
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(model.paragraphs.slice(0, 4).map((p) => p.line), model.improvements.map((i) => i.line));
  });

  it('keeps the outline in order, children inside parents', () => {
    const all = flatten(model.sections);
    for (let k = 1; k < all.length; k++) assert.ok(all[k]!.range.start > all[k - 1]!.range.start);
    const check = (s: typeof all[number]) => {
      for (const c of s.children) {
        assert.ok(c.range.start >= s.range.start && c.range.end <= s.range.end, `${c.title} inside ${s.title}`);
        assert.equal(c.level, s.level + 1);
        check(c);
      }
    };
    model.sections.forEach(check);
    assert.ok(outline(model).includes('1 lscb: The Local Safeguarding Children Board (LSCB)'));
  });
});

describe('recognition: SIF re-inspection and 2013 looked-after children inspection', () => {
  it('reads the re-inspection list, its overall sentence and the earlier grade', () => {
    const { text, model } = analyseFixture('sif-reinspection-2017-harrowgate-vale.txt');
    assert.equal(model.kind, 'sif-reinspection');
    assert.deepEqual(gradeList(model), ['overall=good', 'help-protection=good', 'in-care=requires-improvement', 'adoption=outstanding', 'care-leavers=good', 'leaders=good']);
    assert.equal(slice(text, model.judgements[0]!.range), 'good');
    assert.deepEqual(model.earlierJudgements.map((e) => `${e.area}=${e.grade}@${e.when}`), ['overall=inadequate@2015']);
    assert.deepEqual(model.improvements.map((i) => i.text), [
      'Ensure that all children looked after have an up-to-date health assessment.',
      'Improve the consistency of supervision for social workers.',
    ]);
    assert.equal(model.sections.find((s) => s.role === 'recommendations')?.title, 'Recommendations');
  });

  it('reads 2013 grades on the adequate scale, not the descriptor table', () => {
    const { text, model } = analyseFixture('lac-2013-millbrook.txt');
    assert.equal(model.kind, 'lac-inspection-2013');
    assert.deepEqual(gradeList(model), ['overall=adequate', 'leaders=good']);
    assert.equal(slice(text, model.judgements[0]!.range), 'Adequate');
    assert.equal(model.judgements[0]!.line, 32);
    assert.deepEqual(model.metadata.leadInspectors, ['Imogen Tate']);
    assert.equal(model.metadata.publishedDate, '2013-08-16');
    assert.equal(model.sections.find((s) => s.role === 'descriptors')?.title, 'The inspection judgements and what they mean');
  });
});

describe('recognition: SIF headline sentence is this report\'s overall grade', () => {
  it('reads a headline wrapped over two lines, naming "the Royal Borough of"', () => {
    const { text, model } = analyseFixture('sif-2016-kelmscott-royal-borough.txt');
    const overall = model.judgements.find((j) => j.area === 'overall');
    assert.ok(overall, 'the headline gives the overall grade');
    assert.equal(overall.grade, 'good');
    assert.equal(overall.line, 13, 'on the headline\'s second line');
    assert.equal(slice(text, overall.range), 'good');
    // The headline is not an earlier judgement; the 2012 one in the summary is.
    assert.deepEqual(model.earlierJudgements.map((e) => `${e.area}=${e.grade}@${e.when}`), ['overall=adequate@2012']);
  });

  it('reads a council name wrapped over two lines, and a seven-line title block to its end', () => {
    const { model } = analyseFixture('sif-2016-kelmscott-royal-borough.txt');
    assert.equal(model.metadata.authority, 'Royal Borough of Kelmscott and Upper Tarrow');
    assert.ok(model.metadata.title!.endsWith('Local Safeguarding Children Board'), model.metadata.title);
  });

  it('reads the headline on one line with "the Royal Borough of"', () => {
    const oneLine = fixture('sif-2016-kelmscott-royal-borough.txt').replace('Kelmscott and\nUpper Tarrow are good', 'Kelmscott and Upper Tarrow are good');
    const model = analyseReport(oneLine);
    const overall = model.judgements.find((j) => j.area === 'overall')!;
    assert.equal(overall.grade, 'good');
    assert.equal(overall.line, 12);
  });

  it('keeps a headline grade at the margin out of the judgement list below it', () => {
    const { text, model } = analyseFixture('sif-2016-brackenford-margin-grade.txt');
    assert.deepEqual(gradeList(model), [
      'overall=inadequate', 'help-protection=inadequate', 'in-care=inadequate', 'adoption=requires-improvement', 'care-leavers=inadequate', 'leaders=inadequate',
    ]);
    const overall = model.judgements[0]!;
    assert.equal(overall.line, 12);
    assert.equal(overall.source, 'sentence');
    const help = model.judgements[1]!;
    assert.equal(help.line, 13, 'the first row\'s grade is its own, not the headline\'s last word');
    assert.equal(slice(text, help.range), 'Inadequate');
  });

  it('reads a capitalised grade: "The overall judgement is Inadequate"', () => {
    const { text, model } = analyseFixture('sif-2014-ollerby-capitalised.txt');
    const overall = model.judgements.find((j) => j.area === 'overall')!;
    assert.equal(overall.grade, 'inadequate');
    assert.equal(slice(text, overall.range), 'Inadequate');
    assert.equal(model.judgements.find((j) => j.area === 'in-care')!.grade, 'requires-improvement');
  });
});
