import assert from 'node:assert/strict';
import { buildOutline, OutlineBuilder, shorten, type OutlineSymbol } from '../../../src/core/navigation/outline';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { SAMPLE_TEXT, sampleModel } from './sampleReport';

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
