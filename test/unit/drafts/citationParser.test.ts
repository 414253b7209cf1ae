// Finding citations in a Markdown draft: where the link is, which report and tag it names, and which words it
// vouches for, wherever Markdown puts the link (a paragraph, a list, a table, a blockquote).

import assert from 'node:assert/strict';
import { parseCitations } from '../../../src/core/drafts/citationParser';

function quoted(draft: string): (string | undefined)[] {
  return parseCitations(draft).map((c) => c.quote?.text);
}

describe('citation parser', () => {
  it('reads the report path (decoded), the tag, the line and the link range', () => {
    const draft = '# Self-evaluation\n\nLeaders know that “most children are seen regularly” ([Ashcombe FV, p. 2](reports/ashcombe%20fv.txt#tag=t1)).\n';
    const [c] = parseCitations(draft);
    assert.ok(c);
    assert.equal(c.reportPath, 'reports/ashcombe fv.txt');
    assert.equal(c.tag, 't1');
    assert.equal(c.line, 3);
    assert.equal(draft.slice(c.range.start, c.range.end), '[Ashcombe FV, p. 2](reports/ashcombe%20fv.txt#tag=t1)');
    assert.equal(c.quote?.text, 'most children are seen regularly');
    assert.equal(draft.slice(c.quote.range.start, c.quote.range.end), '“most children are seen regularly”');
    assert.equal(c.quote.style, 'inline');
  });

  it('ignores ordinary links, web links with a tag fragment and links inside code', () => {
    const draft = 'See [the guidance](https://example.org/guide#tag=t1), [notes](notes.md#top) and `[x](r.txt#tag=t9)`.\n\n```\n"q" [y](r.txt#tag=t8)\n```\n';
    assert.deepEqual(parseCitations(draft), []);
  });

  it('reads a reference-style citation through its definition: full, collapsed and shortcut', () => {
    const draft = [
      'Leaders know that “most children are seen regularly” ([Ashcombe FV][ash]).',
      '',
      'And “plans are reviewed” ([ash][]); “visits are recorded” [ash].',
      '',
      '[ash]: reports/ashcombe%20fv.txt#tag=t1',
      '[unused]: reports/other.txt#tag=t2',
      '',
    ].join('\n');
    const citations = parseCitations(draft);
    assert.deepEqual(citations.map((c) => [c.reportPath, c.tag, c.quote?.text]), [
      ['reports/ashcombe fv.txt', 't1', 'most children are seen regularly'],
      ['reports/ashcombe fv.txt', 't1', 'plans are reviewed'],
      ['reports/ashcombe fv.txt', 't1', 'visits are recorded'],
    ]);
    assert.equal(draft.slice(citations[0]!.range.start, citations[0]!.range.end), '[Ashcombe FV][ash]');
  });

  it('takes the whole quotation when it holds quoted words of its own, in curly or straight inner quotes', () => {
    assert.deepEqual(quoted('Leavers said “their advisers were “only a phone call away” and “amazing”.” ([N](n.txt#tag=t1))'), ['their advisers were “only a phone call away” and “amazing”.']);
    assert.deepEqual(quoted('Leavers said “their advisers were "only a phone call away" and "amazing".” ([N](n.txt#tag=t1))'), ['their advisers were "only a phone call away" and "amazing".']);
    // Straight quotes cannot nest: the nearest opening one, as before.
    assert.deepEqual(quoted('Leavers said "amazing" ([N](n.txt#tag=t1))'), ['amazing']);
  });

  it('finds quotes before links in a list item and in a table cell', () => {
    const draft =
      '- Strength: "children are seen regularly" [FV](r.txt#tag=t1)\n- Gap: none\n\n' +
      '| Area | Evidence |\n|---|---|\n| Help | “strategy discussions do not include health partners” [FV](r.txt#tag=t2) |\n';
    const citations = parseCitations(draft);
    assert.deepEqual(citations.map((c) => c.tag), ['t1', 't2']);
    assert.deepEqual(quoted(draft), ['children are seen regularly', 'strategy discussions do not include health partners']);
    assert.equal(citations[1]!.line, 6);
    assert.equal(draft.slice(citations[1]!.quote!.range.start, citations[1]!.quote!.range.end), '“strategy discussions do not include health partners”');
  });

  it('takes the rest of a blockquote that the link ends, across lines and paragraphs, without the dash', () => {
    const draft = 'Intro.\n\n> Most children are seen regularly\n> and alone.\n>\n> — [Ashcombe FV](r.txt#tag=t1)\n\nAfter.\n';
    const [c] = parseCitations(draft);
    assert.equal(c?.quote?.style, 'blockquote');
    assert.equal(c.quote.text.replace(/\s+/g, ' '), 'Most children are seen regularly and alone.');
    assert.equal(draft.slice(c.quote.range.start, c.quote.range.end), 'Most children are seen regularly\n> and alone.');
  });

  it('strips quotation marks around a blockquote, and keeps emphasis and escapes out of the words', () => {
    const draft = '> “Senior leaders have a *realistic* understanding\\*” [FV](r.txt#tag=t3)\n';
    assert.deepEqual(quoted(draft), ['Senior leaders have a realistic understanding*']);
  });

  it('a link inside a blockquote that does not end it takes the inline quote', () => {
    const draft = '> Leaders said "practice is improving" [FV](r.txt#tag=t1) and more follows.\n';
    const [c] = parseCitations(draft);
    assert.equal(c?.quote?.style, 'inline');
    assert.equal(c.quote.text, 'practice is improving');
  });

  it('has no quote when no quotation ends right before the link', () => {
    const draft = 'As the letter says [FV](r.txt#tag=t1), and "elsewhere" is quoted later.\n\n"Too far" away, then [FV](r.txt#tag=t2).\n';
    assert.deepEqual(quoted(draft), [undefined, undefined]);
  });

  it('accepts curly single quotes, a comma or dash between quote and link, and CRLF line ends', () => {
    const draft = 'One: ‘children are seen’, [A](r.txt#tag=a)\r\nTwo: "seen regularly" — [B](r.txt#tag=b)\r\n\r\n> first line\r\n> second line [C](r.txt#tag=c)\r\n';
    const citations = parseCitations(draft);
    assert.deepEqual(citations.map((c) => c.quote?.text.replace(/\s+/g, ' ')), ['children are seen', 'seen regularly', 'first line second line']);
    assert.deepEqual(citations.map((c) => c.line), [1, 2, 5]);
    for (const c of citations) assert.equal(draft.slice(c.range.start, c.range.start + 1), '[');
  });

  it('names an empty tag when the fragment has none', () => {
    const [c] = parseCitations('"words" [FV](r.txt#tag=)\n');
    assert.equal(c?.tag, '');
    assert.equal(c.reportPath, 'r.txt');
  });
});
