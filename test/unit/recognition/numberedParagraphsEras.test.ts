// Numbered paragraphs in every era: the report's one running sequence, numbered items included, and nothing else.
// Every text below is invented, written in the style of its era's reports as PDF conversions print them.
import * as assert from 'node:assert/strict';
import { analyseReport, ReportAnalyser } from '../../../src/core/recognition/analyse';
import type { ReportModel } from '../../../src/core/recognition/model';

const numbers = (model: ReportModel): number[] => model.paragraphs.map((p) => p.number);
const paragraphText = (text: string, model: ReportModel, n: number): string => {
  const p = model.paragraphs.find((q) => q.number === n);
  assert.ok(p, `paragraph ${n}`);
  return text.slice(p.range.start, p.range.end);
};

const SIF = `Westhaven Borough Council
Inspection of services for children in need of help and
protection, children looked after and care leavers
Inspection date: 2 March 2015 to 26 March 2015
Report published: 12 May 2015

Children's services in Westhaven require improvement

1. Children who need help and protection               Requires improvement
2. Children looked after and achieving
                                                        Good
   permanence
3. Leadership, management and governance                Requires improvement

                                                                              1

Summary of findings

1.   Leaders know their services well and have acted quickly on the findings of
     audits, so that most children now receive help at the right time.

2.   Children who go missing are offered return interviews promptly.

What does the local authority need to improve?
Areas for improvement

3.   Ensure that every child subject to a child protection plan is visited within
     the timescales the plan sets.

4.   Strengthen the oversight of casework by first-line managers.

The local authority's strengths

5.   Early help is well coordinated across children's centres and schools, and
     families say that it helps them.

6.
     The multi-agency safeguarding hub is well staffed, and decisions about the next
     step for each child are recorded clearly on the child's file.

7.   Most children looked after live in stable homes with carers who know them well
     and who are supported by an experienced fostering team.

8.   Assessments are thorough, and social workers see children alone when the
     children want them to, which means that children's views shape their plans


                                                                              2

     and the help their families receive.

9.


                                                                              3

     Plans for care leavers are written with young people, and most set out clear
     actions that personal advisers follow up.

10. The board is chaired independently and holds partners to account well.
`;

describe('recognition: numbered paragraphs in a SIF report (2014-2017)', () => {
  const model = analyseReport(SIF);

  it('reads the running sequence 1..10, the numbered areas for improvement included, and no judgement-table row', () => {
    assert.equal(model.kind, 'sif-inspection');
    assert.deepEqual(numbers(model), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.ok(paragraphText(SIF, model, 1).startsWith('1.   Leaders know their services'));
    assert.ok(paragraphText(SIF, model, 3).startsWith('3.   Ensure that every child'));
  });

  it('takes a number alone on its line with the text below it', () => {
    const six = paragraphText(SIF, model, 6);
    assert.ok(six.startsWith('6.'), six);
    assert.ok(six.endsWith('recorded clearly on the child\'s file.'), six);
  });

  it('runs a paragraph on across a page break, the page number inside its range', () => {
    const eight = paragraphText(SIF, model, 8);
    assert.ok(eight.endsWith('and the help their families receive.'), eight);
  });

  it('takes a number left at the foot of a page, its text at the top of the next', () => {
    const nine = paragraphText(SIF, model, 9);
    assert.ok(nine.endsWith('that personal advisers follow up.'), nine);
  });
});

const LAC_2013 = `Inspection of looked after children
services
Westhaven Borough Council
Inspection dates:   15-19 July 2013
Reporting inspector Ann Reed HMI
Published:   23 August 2013

Westhaven Borough Council Inspection of looked after children services     1

The inspection judgements and what they mean

1.    All inspection judgements are made using the following four point scale.

        Outstanding (Grade 1) A service that significantly exceeds
        Good (Grade 2)        A service that exceeds minimum requirements
        Adequate (Grade 3)    A service that only meets minimum requirements
        Inadequate (Grade 4)  A service that does not meet minimum requirements

Overall effectiveness of services for looked after children and
care leavers
Grade 3 (Adequate)
2.    The judgement for overall effectiveness is adequate.

3.    Westhaven staff and managers are working hard to improve provision for
      looked after children, and the council has invested in two new teams.

Areas for improvement
4.    In order to improve the quality of provision and services for looked after
      children and care leavers, Westhaven Borough Council should:

      ensure that health assessments are completed on time
      ensure that care leavers have a pathway plan.

Westhaven Borough Council Inspection of looked after children services     2

5.    Outcomes for looked after children are adequate, and most attend school
      regularly and make progress from their starting points.
`;

describe('recognition: numbered paragraphs in a 2013 looked-after children report', () => {
  const model = analyseReport(LAC_2013);

  it('reads 1..5, the grade scale rows and bulleted actions left out', () => {
    assert.equal(model.kind, 'lac-inspection-2013');
    assert.deepEqual(numbers(model), [1, 2, 3, 4, 5]);
    assert.ok(paragraphText(LAC_2013, model, 2).startsWith('2.    The judgement for overall effectiveness'));
  });
});

describe('recognition: a paragraph number whose dot the conversion lost', () => {
  const text = `Inspection of Westhaven local authority
children's services
Inspection dates: 4 to 15 March 2024

1.  Leaders have a clear understanding of the quality of practice across the service.

2.  Children who need help and protection are seen promptly by social workers.

3      Most children in care live in stable placements that meet their needs, and they
       see their brothers and sisters often.

4.  Care leavers are supported well by personal advisers who know them.

Children in Westhaven      42 children were placed out of area in March 2024 alone.
`;

  it('keeps "3      Most children …" in the sequence, and no stray number after it', () => {
    const model = analyseReport(text);
    assert.deepEqual(numbers(model), [1, 2, 3, 4]);
    assert.ok(paragraphText(text, model, 3).endsWith('see their brothers and sisters often.'));
  });

  it('re-analysis after a one-letter edit that makes or unmakes such a number gives the cold result', () => {
    // Past the opening lines the analyser re-reads on every edit, so that it may shift its last model instead.
    const prose = (n: number) => `${n}.  Social workers visit children regularly and record what children say to them.\n\n`;
    const long = text.replace(/^([234])(\.? )/gm, (_, n: string, rest: string) => `${Number(n) + 150}${rest}`)
      .replace('1.  Leaders', `${Array.from({ length: 150 }, (_, k) => prose(k + 1)).join('')}151.  Leaders`);
    const lower = long.replace('153      Most', '153      most');
    assert.equal(lower.length, long.length);
    const analyser = new ReportAnalyser();
    assert.deepEqual(numbers(analyser.analyse(long)), Array.from({ length: 154 }, (_, k) => k + 1));
    assert.deepEqual(analyser.analyse(lower), analyseReport(lower));
    assert.ok(!numbers(analyseReport(lower)).includes(153));
    assert.deepEqual(analyser.analyse(long), analyseReport(long));
  });
});

describe('recognition: a numbered list in a focused-visit letter is no paragraph sequence', () => {
  const text = `Dear Ms Perrin

Focused visit to Westhaven children's services

This letter summarises the findings of a focused visit to Westhaven children's services
on 12 and 13 February 2019.

Inspectors found that most children are seen promptly and that their plans are reviewed in
good time. Managers know their services well.

Areas for improvement

1. Ensure that all children in need have a plan that says what must change.
2. Improve the recording of management decisions on children's files.
3. Ensure that return home interviews are offered to every child who goes missing.

Yours sincerely
`;

  it('has no numbered paragraphs, and the items are still read', () => {
    const model = analyseReport(text);
    assert.equal(model.kind, 'focused-visit');
    assert.deepEqual(numbers(model), []);
    assert.equal(model.improvements.length, 3);
  });
});
