import { strict as assert } from 'node:assert';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { analyseFixture, fixture, gradeList, outline, slice } from './fixtureReports';

describe('recognition: focused visits and monitoring visits (letters, no grades)', () => {
  it('reads a 2019 focused visit: overview, improvements behind U+F0B7 bullets, findings', () => {
    const { text, model } = analyseFixture('focused-visit-2019-westmere.txt');
    assert.equal(model.kind, 'focused-visit');
    assert.equal(model.metadata.addressee, 'Mr Vance');
    assert.equal(model.metadata.publishedDate, '2019-11-12');
    assert.deepEqual(model.metadata.inspectionDates, { text: '15 and 16 October 2019', start: '2019-10-15', end: '2019-10-16' });
    assert.deepEqual(model.metadata.leadInspectors, ['Harriet Quill', 'Desmond Hale']);
    assert.deepEqual(outline(model), [
      "1 title: Focused visit to Westmere children's services",
      '1 overview: Overview',
      '1 what-needs-to-improve: What needs to improve in this area of social work practice',
      '1 findings: Findings',
      '1 closing: Yours sincerely',
    ]);
    assert.deepEqual(model.improvements.map((i) => i.text), [
      'The quality of plans for children in need, so that parents understand what must change.',
      'The consistency of management oversight in the assessment teams.',
    ]);
    assert.equal(slice(text, model.improvements[0]!.range), 'The quality of plans for children in need, so that parents understand what must\n  change.');
    assert.deepEqual(model.judgements, []);
    assert.deepEqual(model.earlierJudgements.map((e) => `${e.area}=${e.grade}`), ['overall=good']);
  });

  it('reads a 2022 focused visit with a priority action', () => {
    const { model } = analyseFixture('focused-visit-2022-kestrel-vale.txt');
    assert.deepEqual(model.metadata.leadInspectors, ['Ottilie Marsh', 'Desmond Hale', 'Rosa Pym']);
    assert.deepEqual(model.improvements.map((i) => [i.priority, i.text]), [
      [true, 'The timeliness of strategy meetings for children at immediate risk of harm.'],
      [false, 'The quality of supervision records, so that actions are clear.'],
      [false, 'The use of chronologies in assessments for children who have experienced long-term neglect.'],
    ]);
    assert.deepEqual(model.sections.map((s) => s.role), ['title', 'headline-findings', 'priority-action', 'what-needs-to-improve', 'main-findings', 'closing']);
    assert.deepEqual(model.judgements, []);
    assert.deepEqual(model.earlierJudgements.map((e) => `${e.grade}@${e.when}`), ['requires-improvement@June 2019']);
  });

  it('reads a monitoring visit: the earlier inadequate judgement, no grades of its own', () => {
    const { text, model } = analyseFixture('monitoring-visit-2024-thornbury.txt');
    assert.equal(model.kind, 'monitoring-visit');
    assert.equal(model.metadata.authority, 'Thornbury');
    assert.deepEqual(model.judgements, []);
    assert.equal(model.earlierJudgements.length, 1);
    assert.equal(model.earlierJudgements[0]!.when, 'May 2022');
    assert.equal(slice(text, model.earlierJudgements[0]!.range), 'inadequate');
    assert.deepEqual(model.sections.map((s) => s.role), ['title', 'areas-covered', 'headline-findings', 'findings', 'closing']);
  });
});

describe('recognition: letters state only earlier judgements', () => {
  it('reads "the overall effectiveness … was judged to require improvement to be good" as the 2016 grade, not the letter\'s', () => {
    const { text, model } = analyseFixture('focused-visit-2018-pellingham.txt');
    assert.equal(model.kind, 'focused-visit');
    assert.deepEqual(model.judgements, []);
    assert.ok(!model.sections.some((s) => s.role === 'judgement'), 'the sentence is not a judgement heading');
    assert.deepEqual(model.earlierJudgements.map((e) => `${e.area}=${e.grade}@${e.when}`), ['overall=requires-improvement@2016']);
    const earlier = model.earlierJudgements[0]!;
    assert.equal(earlier.line, 33);
    assert.equal(slice(text, earlier.range), 'require improvement to be\ngood');
  });

  it('turns a grade a letter states as if its own into an earlier judgement', () => {
    const letter = fixture('focused-visit-2018-pellingham.txt').replace(
      'Findings\n',
      'Findings\n\nThe overall judgement is that children\'s services in Pellingham are good.\n',
    );
    const model = analyseReport(letter);
    assert.deepEqual(model.judgements, []);
    assert.deepEqual(model.earlierJudgements.map((e) => `${e.area}=${e.grade}`), ['overall=requires-improvement', 'overall=good']);
  });
});

describe('recognition: committee paper and area SEND report', () => {
  it('reads the committee paper\'s re-stated grades and its improvement list', () => {
    const { text, model } = analyseFixture('committee-paper-westmere-2023.txt');
    assert.equal(model.kind, 'committee-paper');
    assert.deepEqual(gradeList(model), ['overall=good', 'leaders=outstanding', 'help-protection=good', 'in-care=outstanding', 'care-leavers=requires-improvement']);
    assert.ok(model.judgements.every((j) => j.source === 'committee-list'));
    assert.equal(slice(text, model.judgements[4]!.range), 'Requires improvement to be good');
    assert.deepEqual(model.earlierJudgements.map((e) => e.grade), ['inadequate']);
    assert.deepEqual(model.improvements.map((i) => i.text), ['The range of homes for care leavers.', 'The timeliness of health assessments for children in care.']);
    assert.deepEqual(model.sections.map((s) => s.title).filter((t) => /^(Purpose|Recommendation)/.test(t)), ['Purpose of the report', 'Recommendation']);
  });

  it('reads an area SEND report: kind and title, no grades', () => {
    const { model } = analyseFixture('area-send-2024-millbrook.txt');
    assert.equal(model.kind, 'area-send');
    assert.equal(model.metadata.title, 'Area SEND inspection of Millbrook Local Area Partnership');
    assert.equal(model.metadata.authority, 'Millbrook');
    assert.deepEqual(model.judgements, []);
    assert.deepEqual(model.improvements.map((i) => i.text), ['Leaders should improve the timeliness of education, health and care plans.']);
  });
});

describe('recognition: Markdown input', () => {
  const { text, model } = analyseFixture('ilacs-2023-kestrel-vale.md');

  it('takes the outline from # headings, nested by depth', () => {
    assert.deepEqual(outline(model), [
      "1 title: Inspection of Borough of Kestrel Vale local authority children's services",
      '2 what-needs-to-improve: What needs to improve?',
      '2 judgement: The experiences and progress of children who need help and protection: good',
      '3 other: Early help',
      '2 judgement: The experiences and progress of care leavers: inadequate',
    ]);
    const first = model.sections[0]!.children[1]!;
    assert.equal(slice(text, first.headingRange), 'The experiences and progress of children who need help and protection: good');
  });

  it('reads the pipe table, list items and numbered paragraphs', () => {
    assert.deepEqual(gradeList(model), ['leaders=requires-improvement', 'help-protection=good', 'in-care=requires-improvement', 'care-leavers=inadequate', 'overall=requires-improvement']);
    assert.equal(slice(text, model.judgements[1]!.range), 'Good');
    assert.deepEqual(model.improvements.map((i) => i.text), [
      'The range of suitable homes for care leavers, including those aged 18 to 21.',
      'Management oversight of plans for children in care, so that permanence is secured without delay.',
    ]);
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4]);
  });
});
