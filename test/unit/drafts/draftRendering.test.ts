// Rendering a draft for publication: each citation becomes a numbered footnote saying where its words come from,
// the author's words stay as written, and the HTML page lists the notes in order, linked both ways.

import assert from 'node:assert/strict';
import { parseCitations } from '../../../src/core/drafts/citationParser';
import { draftHtml } from '../../../src/core/drafts/draftHtml';
import { renderDraft } from '../../../src/core/drafts/draftRendering';
import { fileSystemSources } from '../../../src/core/drafts/draftSources';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { DRAFT_PATH, PASSAGES, REPORT, REPORT_PATH, sidecarFor, standardTags, workspace } from './draftFixtures';

const link = (tag: string, label = 'Ashcombe FV') => `[${label}](reports/ashcombe-fv-2025.txt#tag=${tag})`;

async function render(draft: string, fs = workspace(), quote: 'passage' | 'none' = 'passage') {
  return renderDraft(draft, DRAFT_PATH, fileSystemSources(fs), quote);
}

describe('rendering a draft with footnotes', () => {
  it('replaces inline citations by numbered marks and cites authority, kind, paragraph, section and the passage', async () => {
    const draft = `# Help and protection\n\nLeaders know that “Most children are seen regularly and alone” (${link('t1')}). Leaders are “realistic” ${link('t3')}.\n`;
    const { markdown, checks } = await render(draft);
    assert.deepEqual(checks.map((c) => c.status), ['ok', 'ok']);
    assert.equal(
      markdown,
      '# Help and protection\n\nLeaders know that “Most children are seen regularly and alone”[^1]. Leaders are “realistic”[^2].\n\n' +
        `[^1]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 3, section 'Headline findings': “${PASSAGES.seen}”\n` +
        `[^2]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 5, section 'Headline findings': “${PASSAGES.leaders}”\n`,
    );
  });

  it('gives two citations of the same tag one note', async () => {
    const draft = `“Most children are seen” ${link('t1')} and again “seen regularly and alone” ${link('t1', 'again')}.\n`;
    const { markdown, footnotes } = await render(draft);
    assert.deepEqual(footnotes.map((n) => n.number), [1, 1]);
    assert.equal(markdown.match(/\[\^1\]/g)?.length, 3);
    assert.doesNotMatch(markdown, /\[\^2\]/);
  });

  it('ends a blockquote with the mark after its last word and drops the "— [link]" line', async () => {
    const draft = `Intro.\n\n> ${PASSAGES.strategy.replace('\n', '\n> ')}\n>\n> — ${link('t2')}\n\nAfter.\n`;
    const { markdown } = await render(draft);
    assert.ok(markdown.startsWith(`Intro.\n\n> ${PASSAGES.strategy.replace('\n', '\n> ')}[^1]\n\nAfter.\n\n[^1]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 4,`), markdown);
    // Nothing is left to check: every citation link has become a footnote.
    assert.deepEqual(parseCitations(markdown), []);
  });

  it('renders citations in a list item and a table cell, and keeps a dash introducing the link out of the text', async () => {
    const draft = `- Leaders: “Senior leaders have a realistic understanding” — ${link('t3')}\n\n| Theme | Evidence |\n|---|---|\n| Voice | “Most children are seen” ${link('t1')} |\n`;
    const { markdown } = await render(draft);
    assert.match(markdown, /^- Leaders: “Senior leaders have a realistic understanding”\[\^1\]\n/);
    assert.match(markdown, /\| Voice \| “Most children are seen”\[\^2\] \|\n/);
  });

  it('keeps CRLF line ends throughout', async () => {
    const draft = `# SEF\r\n\r\n“Most children are seen” (${link('t1')}).\r\n`;
    const { markdown } = await render(draft);
    assert.doesNotMatch(markdown, /[^\r]\n/);
    assert.match(markdown, /“Most children are seen”\[\^1\]\.\r\n\r\n\[\^1\]: \*Focused visit to Ashcombe children's services\*, Ashcombe focused visit/);
  });

  it('leaves the passage out of the notes when asked, and prefixes its labels when the author has footnotes', async () => {
    const draft = `Own note[^a]. “Most children are seen” ${link('t1')}.\n\n[^a]: The author's.\n`;
    const { markdown } = await render(draft, workspace(), 'none');
    assert.match(markdown, /“Most children are seen”\[\^cite-1\]\./);
    assert.match(markdown, /\n\[\^cite-1\]: \*Focused visit to Ashcombe children's services\*, Ashcombe focused visit, para 3, section 'Headline findings'\.\n$/);
    assert.match(markdown, /\[\^a\]: The author's\./);
  });

  it('never reuses a label of the draft: a draft rendered before and edited keeps its own "cite-1"', async () => {
    const draft = `Own note[^cite-1]. “Most children are seen” ${link('t1')}.\n\n[^cite-1]: The author's.\n`;
    const { markdown } = await render(draft, workspace(), 'none');
    assert.match(markdown, /“Most children are seen”\[\^cite2-1\]\./);
    assert.equal(markdown.match(/^\[\^cite-1\]:/gm)?.length, 1);
    assert.match(markdown, /\[\^cite-1\]: The author's\./);
  });

  it('takes the date from the tags file when the report states none', async () => {
    const sidecar = sidecarFor(REPORT, standardTags());
    sidecar.report.date = '2025-07-14';
    const fs = new MemoryFileSystem({ [REPORT_PATH]: REPORT, [REPORT_PATH + '.tags.json']: JSON.stringify(sidecar) });
    const { markdown } = await render(`“Most children are seen” ${link('t1')}\n`, fs);
    assert.match(markdown, /\[\^1\]: \*Focused visit to Ashcombe children's services\*, Ashcombe focused visit, dated 14 July 2025, para 3,/);
  });

  it('says in the note what is wrong with a citation that does not hold, and never vouches for it', async () => {
    const draft = `“All children are seen regularly” ${link('t1')}. “Gone” ${link('t9')}.\n`;
    const { markdown, checks, footnotes } = await render(draft);
    assert.deepEqual(checks.map((c) => c.status), ['misquote', 'missing-tag']);
    assert.deepEqual(footnotes.map((n) => n.holds), [false, false]);
    assert.match(markdown, /\[\^1\]: \*\*Citation not verified \(misquote\):\*\* The quote is not the words of 't1'/);
    assert.match(markdown, /\[\^2\]: \*\*Citation not verified \(missing-tag\):\*\*/);
  });

  it('returns a draft without citations unchanged', async () => {
    const draft = 'Plain [link](https://example.org) and [another](notes.md#top).\n';
    assert.equal((await render(draft)).markdown, draft);
  });
});

describe('a rendered draft as HTML', () => {
  it('numbers the marks in order, links them to an ordered list of notes and back', async () => {
    const { markdown } = await render(`# SEF\n\n“Most children are seen” ${link('t1')}, “realistic” ${link('t3')}, “seen” ${link('t1')}.\n`);
    const html = draftHtml(markdown, 'Self-evaluation');
    assert.match(html, /<title>Self-evaluation<\/title>/);
    assert.match(html, /<h1>SEF<\/h1>/);
    assert.match(html, /“Most children are seen”<sup><a href="#fn-1" id="fnref-1">1<\/a><\/sup>, “realistic”<sup><a href="#fn-2" id="fnref-2">2<\/a><\/sup>, “seen”<sup><a href="#fn-1" id="fnref-1-2">1<\/a><\/sup>/);
    assert.match(html, /<ol>\n<li id="fn-1"><p><em>Focused visit to Ashcombe children's services<\/em>, Ashcombe focused visit, para 3, section 'Headline findings': “Most children are seen regularly/);
    assert.match(html, /<li id="fn-2"><p><em>Focused visit to Ashcombe children's services<\/em>, Ashcombe focused visit, para 5,[^\n]*<a href="#fnref-2" aria-label="Back to the text">↩<\/a><\/p><\/li>\n<\/ol>/);
  });

  it('shows raw HTML and script links in the draft as text, never as markup', () => {
    const html = draftHtml('<script>alert(1)</script>\n\nA [trap](javascript:alert(1)) and [a site](https://example.org).\n', 'x');
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /href="javascript/);
    assert.match(html, /A trap and <a href="https:\/\/example.org">a site<\/a>/);
  });

  it('writes lists, emphasis, code and tables as HTML', () => {
    const html = draftHtml('1. *one*\n2. **two** `c`\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n', 'x');
    assert.match(html, /<ol>\n<li><em>one<\/em><\/li>\n<li><strong>two<\/strong> <code>c<\/code><\/li>\n<\/ol>/);
    assert.match(html, /<th style="text-align: left">a<\/th><th style="text-align: right">b<\/th>/);
  });
});
