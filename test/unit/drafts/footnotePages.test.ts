// The page and title in a rendered draft's footnotes: a report converted by pdftotext keeps a form feed between
// pages, so a note can say which page the passage is on; a report with no form feed gives no page, never a guess.

import assert from 'node:assert/strict';
import { renderDraft } from '../../../src/core/drafts/draftRendering';
import { fileSystemSources } from '../../../src/core/drafts/draftSources';
import { pageAt } from '../../../src/core/drafts/reportPages';
import { DRAFT_PATH, PASSAGES, REPORT, standardTags, workspace } from './draftFixtures';

const link = (tag: string) => `[Ashcombe FV](reports/ashcombe-fv-2025.txt#tag=${tag})`;

/** The fixture letter as pdftotext gives it: paragraph 4 starts page 2, paragraph 5 page 3. */
const PAGED = REPORT.replace('\n\n4. Too many', '\n\n\f4. Too many').replace('\n\n5. Senior', '\n\f\n5. Senior');

async function notes(report: string, draft: string): Promise<string[]> {
  const rendered = await renderDraft(draft, DRAFT_PATH, fileSystemSources(workspace(report, standardTags(report))));
  assert.ok(rendered.checks.every((c) => c.status === 'ok'), JSON.stringify(rendered.checks.map((c) => c.message)));
  return rendered.markdown.split('\n').filter((line) => line.startsWith('[^'));
}

describe('the page of a passage', () => {
  it('is 1 + the form feeds before it, and unknown when the text has none', () => {
    assert.equal(pageAt('one\ftwo\f\fthree', 0), 1);
    assert.equal(pageAt('one\ftwo\f\fthree', 3), 1, 'the form feed itself still ends page 1');
    assert.equal(pageAt('one\ftwo\f\fthree', 4), 2);
    assert.equal(pageAt('one\ftwo\f\fthree', 10), 4);
    assert.equal(pageAt('one page, no breaks', 5), undefined);
    assert.equal(pageAt('', 0), undefined);
  });
});

describe('footnotes of a rendered draft: title and page', () => {
  it('give the report title and the page each passage is on in a report with page breaks', async () => {
    const draft = `“Most children are seen” ${link('t1')}. “Too many strategy discussions” ${link('t2')}. “Senior leaders” ${link('t3')}.\n`;
    assert.deepEqual(await notes(PAGED, draft), [
      `[^1]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 3, section 'Headline findings', p. 1: “${PASSAGES.seen}”`,
      `[^2]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 4, section 'Headline findings', p. 2: “${PASSAGES.strategy.replace('\n', ' ')}”`,
      `[^3]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 5, section 'Headline findings', p. 3: “${PASSAGES.leaders}”`,
    ]);
  });

  it('leave the page out when the report has no form feed at all', async () => {
    const [note] = await notes(REPORT, `“Senior leaders” ${link('t3')}\n`);
    assert.equal(note, `[^1]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 5, section 'Headline findings': “${PASSAGES.leaders}”`);
  });

  it('count the pages of the report as it is now, after it was re-converted with another page break', async () => {
    // Tagged on the unpaged text; the report now has its page breaks: the checker re-anchors, the note follows.
    const fs = workspace(PAGED, standardTags(REPORT), REPORT);
    const rendered = await renderDraft(`“Senior leaders” ${link('t3')}\n`, DRAFT_PATH, fileSystemSources(fs), 'none');
    assert.equal(rendered.checks[0]!.status, 'ok');
    assert.match(rendered.markdown, /\n\[\^1\]: [^\n]*, para 5, section 'Headline findings', p\. 3\.\n$/);
  });

  it('leave the title out when the report has none it states', async () => {
    // Opening on the inspection dates line: nothing before it is a title.
    const untitled = PAGED.replace('Focused visit to Ashcombe children’s services\n\n', 'Inspection dates: 1 to 3 July 2025\n\n');
    const [note] = await notes(untitled, `“Senior leaders” ${link('t3')}\n`);
    assert.doesNotMatch(note!, /^\[\^1\]: \*/);
    assert.match(note!, /, p\. 3: “Senior leaders/);
  });
});
