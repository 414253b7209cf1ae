import assert from 'node:assert/strict';
import { buildOutline, OutlineBuilder, shorten, type OutlineSymbol } from '../../../src/core/navigation/outline';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { SAMPLE_TEXT, sampleModel } from './sampleReport';
import { SIF_TEXT, sifModel } from './sifSampleReport';

/** name [detail] per symbol, indented by depth: what the Outline view shows. */
function render(symbols: OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` [${s.detail}]` : ''}`, ...render(s.children, depth + 1)]);
}

describe('outline (document symbols)', () => {
  it('puts judgements, improvements and paragraphs under the section they sit in', () => {
    const tree = buildOutline(sampleModel(), SAMPLE_TEXT);
    assert.deepEqual(render(tree), [
      'Inspection of Westmere local authority children’s services',
      '  Impact of leaders [Requires improvement]',
      '  Overall effectiveness [Good]',
      'What needs to improve?',
      '  The timeliness of assessments for disabled children. [Area for improvement]',
      '  The quality of written plans, so that families understand what needs to… [Area for improvement]',
      'The experiences and progress of children who need help and protection: good [Good]',
      '  ¶ 1 [Children receive a timely response at the front door and good help from…]',
      '  ¶ 2 [Strategy meetings are well attended.]',
    ]);
  });

  it('does not repeat a heading grade as a child of its own section', () => {
    const tree = buildOutline(sampleModel(), SAMPLE_TEXT);
    const judgementSection = tree[2]!;
    assert.equal(judgementSection.kind, 'judgement-section');
    assert.ok(!judgementSection.children.some((c) => c.kind === 'judgement'));
  });

  it('keeps a heading grade that does not match its section', () => {
    const model = sampleModel();
    model.sections[2]!.grade = undefined;
    const tree = buildOutline(model, SAMPLE_TEXT);
    assert.deepEqual(render([tree[2]!]).slice(0, 2), [
      'The experiences and progress of children who need help and protection: good [Help and protection]',
      '  Help and protection [Good]',
    ]);
  });

  it('can leave the numbered paragraphs out', () => {
    const tree = buildOutline(sampleModel(), SAMPLE_TEXT, { paragraphs: false });
    assert.ok(!render(tree).some((l) => l.includes('¶')));
  });

  it('keeps every selection inside its range, and marks priority actions', () => {
    const model = sampleModel();
    model.improvements[0]!.priority = true;
    model.improvements[0]!.group = 'Leadership and management';
    const tree = buildOutline(model, SAMPLE_TEXT);
    const all = (xs: OutlineSymbol[]): OutlineSymbol[] => xs.flatMap((x) => [x, ...all(x.children)]);
    for (const s of all(tree)) {
      assert.ok(s.range.start <= s.selectionRange.start && s.selectionRange.end <= s.range.end, s.name);
      assert.ok(s.name.length > 0);
    }
    const first = tree[1]!.children[0]!;
    assert.equal(first.kind, 'priority-improvement');
    assert.equal(first.detail, 'Priority action · Leadership and management');
  });

  it('gives items outside every section a top-level place in text order', () => {
    const model = sampleModel();
    model.sections = [];
    const names = buildOutline(model, SAMPLE_TEXT, { paragraphs: false }).map((s) => s.name);
    assert.deepEqual(names, ['Impact of leaders', 'Overall effectiveness', 'The timeliness of assessments for disabled children.', 'The quality of written plans, so that families understand what needs to…', 'Help and protection']);
  });

  it('names an empty heading rather than giving the editor an empty name', () => {
    const model = sampleModel();
    model.sections[1]!.title = '   ';
    assert.equal(buildOutline(model, SAMPLE_TEXT)[1]!.name, '(untitled section)');
  });

  it('shortens at a word boundary and collapses line breaks', () => {
    assert.equal(shorten('one two\n   three four five', 14), 'one two three…');
    assert.equal(shorten('short', 14), 'short');
  });

  it('a builder kept between keystrokes gives what a fresh build gives, after edits to a paragraph\'s opening words', () => {
    const builder = new OutlineBuilder();
    let text = SAMPLE_TEXT;
    assert.deepEqual(builder.build(analyseReport(text), text), buildOutline(analyseReport(text), text));
    // Type into the opening words of paragraph 2, then add a word, then take the change back.
    const at = text.indexOf('Strategy meetings') + 'Strategy'.length;
    for (const edit of [' review', ' and core group', '']) {
      text = SAMPLE_TEXT.slice(0, at) + edit + SAMPLE_TEXT.slice(at);
      const reused = render(builder.build(analyseReport(text), text));
      assert.deepEqual(reused, render(buildOutline(analyseReport(text), text)));
      assert.ok(reused.some((line) => line.includes(`¶ 2 [Strategy${edit} meetings`)), reused.join('\n'));
    }
    // A narrower name limit is a different detail, not a reused one.
    assert.deepEqual(builder.build(analyseReport(text), text, { maxNameLength: 20 }), buildOutline(analyseReport(text), text, { maxNameLength: 20 }));
  });
});

describe('outline of a SIF report: whose items, and strengths apart', () => {
  it('names the safeguarding board’s items as the board’s and shows strengths as strengths, never as areas for improvement', () => {
    const tree = buildOutline(sifModel(), SIF_TEXT, { paragraphs: false });
    assert.deepEqual(render(tree), [
      'What does the local authority need to improve?',
      '  Priority and immediate action',
      '    Ensure that every child referred to children’s social care is seen within the… [Priority action]',
      '  Areas for improvement',
      '    Improve the quality of supervision so that it challenges drift in plans. [Area for improvement]',
      'The local authority has the following strengths:',
      '  Leaders know their services well and act quickly on what audits find. [Strength]',
      'Section 2: The effectiveness of the Local Safeguarding Children Board',
      '  Priority and immediate action',
      '    Ensure that the board’s audits of multi-agency practice are completed on time. [Priority action (LSCB)]',
      '  Areas for improvement',
      '    Publish the annual report so that partners can see the board’s priorities. [Area for improvement (LSCB)]',
      '  The LSCB’s strengths',
      '    The board’s training programme is well attended by partner agencies. [Strength (LSCB)]',
    ]);
  });

  it('shows a numbered item once, as the item, not again as the paragraph it also is', () => {
    const all = (xs: OutlineSymbol[]): OutlineSymbol[] => xs.flatMap((x) => [x, ...all(x.children)]);
    const symbols = all(buildOutline(sifModel(), SIF_TEXT));
    assert.deepEqual(symbols.filter((s) => s.kind === 'paragraph').map((s) => s.name), []);
    assert.equal(symbols.filter((s) => s.name.startsWith('Publish the annual report')).length, 1);
    // A paragraph that is no item is still shown.
    const withProse = { ...sifModel(), improvements: sifModel().improvements.slice(1) };
    assert.deepEqual(all(buildOutline(withProse, SIF_TEXT)).filter((s) => s.kind === 'paragraph').map((s) => s.name), ['¶ 12']);
  });

  it('gives strengths their own symbol kind', () => {
    const all = (xs: OutlineSymbol[]): OutlineSymbol[] => xs.flatMap((x) => [x, ...all(x.children)]);
    const symbols = all(buildOutline(sifModel(), SIF_TEXT, { paragraphs: false }));
    const kindOf = (start: string) => symbols.find((s) => s.name.startsWith(start))?.kind;
    assert.equal(kindOf('Leaders know their services'), 'strength');
    assert.equal(kindOf('The board’s training programme'), 'strength');
    assert.equal(kindOf('Publish the annual report'), 'improvement');
    assert.equal(kindOf('Ensure that the board’s audits'), 'priority-improvement');
    assert.equal(symbols.filter((s) => s.kind === 'strength').length, 2);
  });
});
