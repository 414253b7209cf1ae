// The one escaper behind the grade hover, the tag hover and the Tags view tooltips: exact output for the
// characters it acts on, and report text that must read unchanged once rendered.

import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { escapeMarkdown } from '../../../src/core/platform/text/markdownEscape';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Node types and visible text of rendered Markdown (word joiners are invisible). */
function rendered(markdown: string): { types: Set<string>; text: string } {
  const types = new Set<string>();
  const text: string[] = [];
  const walk = (n: MdNode): void => {
    types.add(n.type);
    if (n.type === 'text') text.push(n.value ?? '');
    for (const c of n.children ?? []) walk(c);
  };
  walk(unified().use(remarkParse).use(remarkGfm).parse(markdown) as unknown as MdNode);
  return { types, text: text.join('').replace(/\u2060/g, '') };
}

describe('escapeMarkdown (hovers and tooltips)', () => {
  it('backslash-escapes Markdown punctuation, writes angle brackets as entities and folds line breaks', () => {
    assert.equal(escapeMarkdown('**Good** <b>[x](y)</b>\n# 1.'), '\\*\\*Good\\*\\* &lt;b&gt;\\[x\\]\\(y\\)&lt;/b&gt; \\# 1\\.');
    assert.equal(escapeMarkdown('a*b_c\r\n  d'), 'a\\*b\\_c d');
  });

  it('escapes "&" only where it would start an entity', () => {
    assert.equal(escapeMarkdown('Partners turn up & engage'), 'Partners turn up & engage');
    assert.equal(escapeMarkdown('AT&amp;T &#60;'), 'AT\\&amp;T \\&\\#60;');
  });

  it('keeps bare addresses from becoming links with invisible word joiners', () => {
    assert.equal(escapeMarkdown('see https://example.invalid or www.example.invalid or a@b.invalid'),
      'see https\u2060://example\\.invalid or www\u2060\\.example\\.invalid or a\u2060@b\\.invalid');
  });

  it('renders report wording exactly as written, with no link, HTML, emphasis or heading', () => {
    const wording = '1. Leaders\' "plans" - see www.example.invalid & <https://example.invalid> ~~x~~ | a | `c` =';
    const { types, text } = rendered(escapeMarkdown(wording));
    for (const live of ['link', 'html', 'emphasis', 'strong', 'delete', 'inlineCode', 'heading', 'list', 'table']) assert.ok(!types.has(live), live);
    assert.equal(text, wording);
  });
});
