import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Node, Parent } from 'unist';
import { gradeAt, gradeHoverMarkdown } from '../../../src/core/presentation/gradeHover';
import { escapeMarkdown } from '../../../src/core/platform/text/markdownEscape';
import { SAMPLE_TEXT, lineStart, sampleModel } from './sampleReport';

describe('grade hover', () => {
  const model = sampleModel();

  it('names the area, the grade and its meaning for this report’s grade', () => {
    const hit = gradeAt(model, SAMPLE_TEXT, lineStart(SAMPLE_TEXT, 7) + 46)!;
    assert.equal(hit.earlier, false);
    const md = gradeHoverMarkdown(hit, SAMPLE_TEXT);
    assert.match(md, /^\*\*Good\*\* — Overall effectiveness$/m);
    assert.match(md, /read from the report's judgement table/);
    assert.match(md, /\*Good:\* Practice consistently helps children/);
  });

  it('finds a grade that wraps over two lines from either line', () => {
    const onSecondLine = SAMPLE_TEXT.indexOf('improvement', lineStart(SAMPLE_TEXT, 6)) + 3;
    const hit = gradeAt(model, SAMPLE_TEXT, onSecondLine)!;
    assert.equal(hit.area, 'leaders');
    const md = gradeHoverMarkdown(hit, SAMPLE_TEXT);
    assert.match(md, /^\*\*Requires improvement\*\* — The impact of leaders on social work practice with children and families$/m);
    assert.match(md, /not yet good/);
    assert.match(md, /Printed as: “Requires improvement”$/);
  });

  it('says an earlier inspection’s grade is not this report’s', () => {
    const hit = gradeAt(model, SAMPLE_TEXT, SAMPLE_TEXT.indexOf('inadequate') + 2)!;
    assert.equal(hit.earlier, true);
    const md = gradeHoverMarkdown(hit, SAMPLE_TEXT);
    assert.match(md, /^\*\*Earlier inspection \(2021\): Inadequate\*\*$/m);
    assert.match(md, /not one of this report's judgements/);
  });

  it('offers nothing over ordinary prose, even over the word "good"', () => {
    assert.equal(gradeAt(model, SAMPLE_TEXT, SAMPLE_TEXT.indexOf('good progress') + 1), undefined);
    assert.equal(gradeAt(model, SAMPLE_TEXT, 0), undefined);
  });

  it('escapes report text so it cannot become links, HTML, code or emphasis', () => {
    const text = 'x <img src=x onerror=alert(1)> [link](command:evil) **b** _i_ `c` https://example.invalid';
    const model2 = { ...model, judgements: [], earlierJudgements: [{ grade: 'good' as const, when: '[May](http://x) <b>', range: { start: 0, end: text.length }, line: 1 }] };
    const md = gradeHoverMarkdown(gradeAt(model2, text, 3)!, text);
    // Parse it as the editor would (CommonMark + GFM) and look at what the report text became.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as Parent;
    const types = new Set<string>();
    const walk = (n: Node): void => {
      types.add(n.type);
      for (const c of (n as Parent).children ?? []) walk(c);
    };
    walk(tree);
    for (const bad of ['html', 'link', 'image', 'inlineCode', 'delete']) assert.ok(!types.has(bad), `${bad} in ${md}`);
    const plain = (n: Node): string => ('value' in n ? String(n.value) : ((n as Parent).children ?? []).map(plain).join(''));
    // The word joiners that keep addresses from becoming links are invisible.
    const paragraphs = tree.children.map((c) => plain(c).replace(/\u2060/g, ''));
    assert.equal(paragraphs[0], 'Earlier inspection ([May](http://x) <b>): Good');
    assert.equal(paragraphs.at(-1), `Printed as: “${text}”`);
    assert.equal(escapeMarkdown('a*b_c\nd'), 'a\\*b\\_c d');
  });
});
