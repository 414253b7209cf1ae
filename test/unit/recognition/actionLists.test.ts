// Action lists kept apart by owner, and strengths as their own list (issue 11): one describe per recognition
// rule, each on an invented report in its era's layout (actionListFixtures.ts).
import { strict as assert } from 'node:assert';
import { analyseReport } from '../../../src/core/recognition/analyse';
import type { ListItem, ReportModel } from '../../../src/core/recognition/model';
import { flatten, gradeList, slice } from './fixtureReports';
import {
  ILACS_2018_OAKHURST, LAC_2013_WEXCOMBE, SEND_2024_ALDERMOOR_LAYOUT, SEND_2024_ALDERMOOR_READING_ORDER, SIF_2014_HARLOWMERE, SIF_2016_PENROSE,
} from './actionListFixtures';

/** The first `n` words of an item, as a reader would recognise it in a list. */
function firstWords(item: ListItem, n = 4): string {
  return item.text.split(/\s+/).slice(0, n).join(' ');
}

/** Every improvement as "owner kind #number: first words", in document order. */
function improvementList(model: ReportModel): string[] {
  return model.improvements.map((i) => `${i.owner} ${i.priority ? 'priority' : 'afi'} #${i.number ?? '-'}: ${firstWords(i)}`);
}

function strengthList(model: ReportModel): string[] {
  return model.strengths.map((s) => `${s.owner} #${s.number ?? '-'}: ${firstWords(s)}`);
}

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture holds ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

describe('action lists (a): the board\'s part of a SIF report owns its lists', () => {
  const model = analyseReport(SIF_2014_HARLOWMERE);

  it('SIF 2014-15: every list after "Section 2: The effectiveness of the Local Safeguarding Children Board" is the LSCB\'s', () => {
    assert.equal(model.kind, 'sif-inspection');
    assert.deepEqual(improvementList(model), [
      'local-authority priority #8: Ensure that all contacts',
      'local-authority priority #9: Make sure that strategy',
      'local-authority afi #10: Improve the quality of',
      'local-authority afi #11: Strengthen management oversight of',
      'local-authority afi #12: Ensure that independent reviewing',
      'local-authority afi #13: Review the sufficiency of',
      'lscb priority #19: Ensure that the board',
      'lscb afi #20: Ensure that schools are',
      'lscb afi #21: Strengthen the board\'s oversight',
      'lscb afi #22: Review the child sexual',
    ]);
  });

  it('counts 6 local-authority items (2 priority) and 4 of the board\'s (1 priority)', () => {
    const count = (owner: string, priority: boolean) => model.improvements.filter((i) => i.owner === owner && i.priority === priority).length;
    assert.deepEqual([count('local-authority', true), count('local-authority', false), count('lscb', true), count('lscb', false)], [2, 4, 1, 3]);
  });

  it('numbers all 25 paragraphs of the SIF report, strengths and items included', () => {
    assert.deepEqual(model.paragraphs.map((p) => p.number), Array.from({ length: 25 }, (_, k) => k + 1));
  });

  it('grades the LSCB from the front page and the six local-authority judgements', () => {
    assert.deepEqual(gradeList(model), [
      'overall=requires-improvement', 'help-protection=requires-improvement', 'in-care=requires-improvement', 'adoption=good',
      'care-leavers=requires-improvement', 'leaders=requires-improvement', 'lscb=requires-improvement',
    ]);
  });

  it('"What does the LSCB need to improve?" gives its list to the board outside a "Section 2" part too', () => {
    const text = replaceOnce(
      replaceOnce(SIF_2014_HARLOWMERE, 'Section 2: The effectiveness of the Local Safeguarding\nChildren Board\n', ''),
      'The effectiveness of the LSCB requires improvement\n\nPriority and immediate action', 'What does the LSCB need to improve?\nPriority and immediate action',
    );
    const lists = improvementList(analyseReport(text));
    assert.deepEqual(lists.filter((l) => l.startsWith('lscb')), ['lscb priority #19: Ensure that the board', 'lscb afi #20: Ensure that schools are', 'lscb afi #21: Strengthen the board\'s oversight', 'lscb afi #22: Review the child sexual']);
    assert.equal(lists.filter((l) => l.startsWith('local-authority')).length, 6);
  });

  it('SIF 2015-17: the recommendations of "The Local Safeguarding Children Board (LSCB)" are the board\'s, the earlier ones the local authority\'s', () => {
    const penrose = analyseReport(SIF_2016_PENROSE);
    assert.deepEqual(improvementList(penrose), [
      'local-authority afi #3: Improve the quality of',
      'local-authority afi #4: Ensure that return home',
      'local-authority afi #5: Strengthen the analysis of',
      'lscb afi #8: Ensure that the board\'s',
      'lscb afi #9: The LSCB should evaluate',
    ]);
    assert.deepEqual(penrose.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('SIF 2015-17: "The Local Safeguarding Children Board is good" (no full stop, its descriptor below) gives the board\'s grade', () => {
    const penrose = analyseReport(SIF_2016_PENROSE);
    const lscb = penrose.judgements.find((j) => j.area === 'lscb');
    assert.equal(lscb?.grade, 'good');
    assert.equal(slice(SIF_2016_PENROSE, lscb!.range), 'good');
    assert.equal(flatten(penrose.sections).find((s) => s.role === 'lscb')?.title, 'The Local Safeguarding Children Board (LSCB)');
  });

  // The project's own SIF fixture (sif-2015-fernleigh.txt) prints the board's graded line on the front page too.
  it('SIF 2015-17: the board\'s graded line on the front page does not give the local authority\'s lists to the board', () => {
    const text = replaceOnce(SIF_2016_PENROSE, '\n\n                                                                                     1\n\nExecutive summary', '\n\nThe Local Safeguarding Children Board is good\n\n                                                                                     1\n\nExecutive summary');
    const model = analyseReport(text);
    assert.deepEqual(model.improvements.map((i) => i.owner), ['local-authority', 'local-authority', 'local-authority', 'lscb', 'lscb']);
    assert.deepEqual(model.strengths.map((s) => s.owner), ['local-authority', 'local-authority']);
  });
});

describe('action lists (b): strengths are their own list, never improvements', () => {
  it('"The local authority has the following strengths:" gives three strengths, none of them an improvement', () => {
    const model = analyseReport(SIF_2014_HARLOWMERE);
    assert.deepEqual(strengthList(model), [
      'local-authority #5: Children who go missing',
      'local-authority #6: Adopters are recruited in',
      'local-authority #7: Care leavers live in',
    ]);
    const improvementLines = new Set(model.improvements.map((i) => i.line));
    for (const s of model.strengths) assert.ok(!improvementLines.has(s.line), `strength on line ${s.line} is also an improvement`);
    assert.ok(!model.improvements.some((i) => /^Adopters are recruited/.test(i.text)));
  });

  it('the heading without its colon, as most conversions print it, is read the same', () => {
    const model = analyseReport(replaceOnce(SIF_2014_HARLOWMERE, 'the following strengths:', 'the following strengths'));
    assert.equal(model.strengths.length, 3);
    assert.equal(model.improvements.filter((i) => i.owner === 'local-authority').length, 6);
  });

  it('"The local authority\'s strengths" (SIF 2015-17) lists two strengths; its recommendations stay improvements', () => {
    const model = analyseReport(SIF_2016_PENROSE);
    assert.deepEqual(strengthList(model), ['local-authority #1: Leaders know the service', 'local-authority #2: Social workers have manageable']);
    assert.equal(model.improvements.length, 5);
  });

  it('"Key strengths and weaknesses of the LSCB" is narrative: no strengths, no improvements, but numbered paragraphs', () => {
    const model = analyseReport(SIF_2014_HARLOWMERE);
    const narrativeLines = model.paragraphs.filter((p) => p.number >= 23).map((p) => p.line);
    assert.equal(narrativeLines.length, 3);
    for (const line of narrativeLines) {
      assert.ok(!model.improvements.some((i) => i.line === line), `paragraph on line ${line} read as an improvement`);
      assert.ok(!model.strengths.some((s) => s.line === line), `paragraph on line ${line} read as a strength`);
    }
  });

  it('the same heading with the board\'s name spelled out ends the board\'s list too: its paragraphs are not items', () => {
    const plain = analyseReport(SIF_2014_HARLOWMERE);
    const spelled = analyseReport(replaceOnce(SIF_2014_HARLOWMERE, 'Key strengths and weaknesses of the LSCB', 'Key strengths and weaknesses of the Local Safeguarding Children Board'));
    assert.deepEqual(improvementList(spelled), improvementList(plain));
    assert.ok(!spelled.improvements.some((i) => i.number !== undefined && i.number >= 23), 'a narrative paragraph read as the board\'s area for improvement');
  });

  it('"The LSCB\'s strengths" gives the board its own strengths', () => {
    const model = analyseReport(replaceOnce(SIF_2014_HARLOWMERE, 'Key strengths and weaknesses of the LSCB', 'The LSCB\'s strengths'));
    assert.deepEqual(strengthList(model).filter((s) => s.startsWith('lscb')), ['lscb #23: The LSCB meets its', 'lscb #24: The board\'s business plan', 'lscb #25: Serious case reviews are']);
    assert.equal(model.improvements.length, 10);
  });
});

describe('action lists (c): "recommendations." ending a wrapped sentence is prose', () => {
  const model = analyseReport(SIF_2014_HARLOWMERE);

  it('opens no section, and stays inside its paragraph', () => {
    assert.ok(!flatten(model.sections).some((s) => /^recommendations/i.test(s.title)), flatten(model.sections).map((s) => s.title).join(' | '));
    const sixteen = model.paragraphs.find((p) => p.number === 16)!;
    assert.ok(slice(SIF_2014_HARLOWMERE, sixteen.range).endsWith('act on their\n        recommendations.'));
    assert.equal(model.improvements.length, 10);
  });

  it('while "Recommendations" on a line of its own, capitalised, does head a list', () => {
    const text = replaceOnce(SIF_2014_HARLOWMERE, 'act on their\n        recommendations.', 'act on their advice.\n\nRecommendations');
    assert.ok(flatten(analyseReport(text).sections).some((s) => s.role === 'recommendations'));
  });
});

describe('action lists (d): a 2018 judgement heading with its grade alone below ends the list above', () => {
  const model = analyseReport(ILACS_2018_OAKHURST);

  it('reads three things to improve, the last one ending before the heading', () => {
    assert.deepEqual(improvementList(model), [
      'local-authority afi #-: The identification of the',
      'local-authority afi #-: The timeliness and quality',
      'local-authority afi #-: The understanding of thresholds',
    ]);
    assert.equal(model.improvements[2]!.text, 'The understanding of thresholds for early help among partner agencies.');
    const heading = judgementHeadingOffset(ILACS_2018_OAKHURST);
    for (const item of model.improvements) assert.ok(item.range.end < heading, 'an item runs into the judgement heading');
  });

  it('reads the heading as the judgement section, graded from the line below, and numbers paragraphs 1 to 6', () => {
    const section = flatten(model.sections).find((s) => s.role === 'judgement' && s.title.startsWith('The experiences and progress of children who need help and protection'));
    assert.ok(section, flatten(model.sections).map((s) => s.title).join(' | '));
    assert.deepEqual(gradeList(model).sort(), ['help-protection=requires-improvement', 'in-care=good', 'leaders=requires-improvement', 'overall=requires-improvement']);
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6]);
  });
});

/** Where the first judgement heading after "What needs to improve" starts. */
function judgementHeadingOffset(text: string): number {
  return text.indexOf('The experiences and progress of children who need help and protection\nrequires');
}

describe('action lists (e): a 2013 looked-after children report', () => {
  const model = analyseReport(LAC_2013_WEXCOMBE);

  it('does not take the numbered lead-in "5. In order to improve …" as an item', () => {
    assert.deepEqual(model.improvements.map((i) => firstWords(i, 5)), [
      'ensure that there is a',
      'ensure that social workers tell',
      'complete initial health assessments for',
    ]);
    assert.ok(!model.improvements.some((i) => /following action/.test(i.text)));
  });

  it('counts the lead-in as numbered paragraph 5 of 7', () => {
    assert.deepEqual(model.paragraphs.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7]);
    assert.ok(slice(LAC_2013_WEXCOMBE, model.paragraphs[4]!.range).startsWith('5.    In order to improve'));
  });

  it('grades only overall effectiveness and leadership, not "outcomes for looked after children"', () => {
    assert.equal(model.kind, 'lac-inspection-2013');
    assert.deepEqual(gradeList(model), ['overall=adequate', 'leaders=adequate']);
  });
});

const EXPECTED_SEND_PRIORITY = [
  'Leaders across the partnership',
  'Leaders should make sure',
  'Leaders should reduce waiting',
];

describe('action lists (f): an area SEND "Responsible body" table, one item per row', () => {
  for (const [layout, text] of [['layout text', SEND_2024_ALDERMOOR_LAYOUT], ['reading-order text', SEND_2024_ALDERMOOR_READING_ORDER]] as const) {
    const model = analyseReport(text);
    const priority = model.improvements.filter((i) => i.priority);

    it(`${layout}: three priority actions, each opening with what leaders should do, not with the body's name`, () => {
      assert.equal(model.kind, 'area-send');
      assert.deepEqual(priority.map((i) => firstWords(i)), EXPECTED_SEND_PRIORITY);
      assert.ok(!priority.some((i) => /Aldermoor City Council|Integrated Care|Responsible body/.test(i.text)), priority.map((i) => i.text).join(' / '));
    });

    it(`${layout}: the • sub-bullets and the row's second sentence belong to their row`, () => {
      assert.match(priority[0]!.text, /so that:.*new plans are issued within 20 weeks.*annual reviews lead to amended plans promptly\.$/);
      assert.match(priority[2]!.text, /assessments\. Leaders should also keep families informed while they wait\.$/);
    });

    // Item text has its bullet glyphs removed (model.ts); in reading-order text the table reader keeps them.
    it(`${layout}: the row's text carries no bullet glyphs`, () => {
      assert.equal(priority[0]!.text, 'Leaders across the partnership should urgently improve the timeliness of education, health and care plans, so that: new plans are issued within 20 weeks annual reviews lead to amended plans promptly.');
    });
  }
});

describe('action lists (g): unmarked "Leaders should / must" items, with lower-case bullets as parts', () => {
  const model = analyseReport(SEND_2024_ALDERMOOR_LAYOUT);
  const afis = model.improvements.filter((i) => !i.priority);

  it('splits at each sentence that opens with "Leaders", should or must', () => {
    assert.deepEqual(afis.map((i) => firstWords(i, 3)), ['Leaders should improve', 'Leaders should strengthen', 'Leaders must make', 'Leaders should work']);
    assert.ok(afis.every((i) => i.owner === 'local-authority'));
  });

  it('keeps a wrapped item whole and the bullets after "…that:" inside their item', () => {
    assert.equal(afis[0]!.text, 'Leaders should improve the timeliness of education, health and care plans, so that children\'s needs are met without delay.');
    assert.match(afis[1]!.text, /This includes ensuring that:.*their views shape the commissioning of services.*their voices are heard in annual reviews\.$/);
    assert.equal(afis[3]!.text, 'Leaders should work with schools to reduce the number of children who are suspended.');
  });
});

describe('action lists (h): area SEND running footers', () => {
  /** The footer's dates and page number on lines of their own, as five of the 54 area SEND conversions print them. */
  const threeLineFooter = (text: string) => replaceOnce(text, '11 to 15 March 2024                                                             6', '11 to 15 March 2024\n                                                                                6');

  function assertNoFooterInItems(text: string): void {
    const model = analyseReport(text);
    assert.ok(!model.improvements.some((i) => /Inspection report|Local Area Partnership|March 2024/.test(i.text)), model.improvements.map((i) => i.text).join(' / '));
    assert.ok(!flatten(model.sections).some((s) => /^Inspection report/.test(s.title)));
    assert.match(model.improvements[1]!.text, /accurate information about services\.$/);
  }

  it('layout text: "Inspection report: … Local Area Partnership" above "dates   page" is in no item and heads no section', () => {
    assertNoFooterInItems(SEND_2024_ALDERMOOR_LAYOUT);
  });

  it('layout text: the footer with its dates and page number on separate lines is in no item', () => {
    assertNoFooterInItems(threeLineFooter(SEND_2024_ALDERMOOR_LAYOUT));
  });

  it('reading-order text: the footer is in no item', () => {
    assertNoFooterInItems(SEND_2024_ALDERMOOR_READING_ORDER);
  });

  it('reading-order text: a footer right after an item, a blank line before its page number, is in no item', () => {
    // As a reading-order conversion prints a page's end: no blank line after the item, one before the page number.
    const text = replaceOnce(SEND_2024_ALDERMOOR_READING_ORDER, 'about services.\n\nInspection report: Aldermoor Local Area Partnership\n11 to 15 March 2024\n6\n', 'about services.\nInspection report: Aldermoor Local Area Partnership\n11 to 15 March 2024\n\n6\n');
    assertNoFooterInItems(text);
  });
});

describe('action lists: unmarked items that name another actor, and a lead-in run on into its first timing heading', () => {
  it('an item opening "The partnership should …" after a full line is an item of its own', () => {
    // The second item's opener follows a line that fills nearly the whole width: only its words show it starts an item.
    const long = replaceOnce(SEND_2024_ALDERMOOR_LAYOUT, "children's needs are met without delay.", "children's needs are met without delay and families always know what happens next.");
    const text = replaceOnce(long, 'Leaders should strengthen the way', 'The partnership should strengthen the way');
    const items = analyseReport(text).improvements.filter((i) => !i.priority);
    assert.deepEqual(items.map((i) => i.text.split(' ').slice(0, 3).join(' ')), ['Leaders should improve', 'The partnership should', 'Leaders must make', 'Leaders should work']);
  });

  it('reading-order text that runs "Immediately:" on after the numbered lead-in still drops the lead-in', () => {
    const text = LAC_2013_WEXCOMBE.replace(/following action\.\s*\n\s*\n(\s*)Immediately:/, 'following action.\n$1Immediately:');
    assert.notEqual(text, LAC_2013_WEXCOMBE);
    const items = analyseReport(text).improvements;
    assert.deepEqual(items.map((i) => i.text.split(' ')[0]), analyseReport(LAC_2013_WEXCOMBE).improvements.map((i) => i.text.split(' ')[0]));
    assert.ok(!items.some((i) => /following action/.test(i.text)));
  });
});
