// The quick fixes offered on a citation, applied to the draft text: afterwards the citation checks `ok`, or is gone.

import assert from 'node:assert/strict';
import { checkDraft } from '../../../src/core/drafts/citationChecker';
import { citationHoverMarkdown, type DraftEdit, removeCitationEdit, replaceQuoteEdit, repointEdit } from '../../../src/core/drafts/citationFixes';
import { fileSystemSources } from '../../../src/core/drafts/draftSources';
import { parseCitations } from '../../../src/core/drafts/citationParser';
import { DRAFT_PATH, PASSAGES, workspace } from './draftFixtures';

const LINK = '[Ashcombe FV](reports/ashcombe-fv-2025.txt#tag=';

function apply(draft: string, edit: DraftEdit): string {
  return draft.slice(0, edit.range.start) + edit.text + draft.slice(edit.range.end);
}

async function checks(draft: string) {
  return checkDraft(draft, DRAFT_PATH, fileSystemSources(workspace()));
}

describe('citation quick fixes and hover', () => {
  it('replacing an inline misquote with the passage makes it ok and keeps the quotation marks', async () => {
    const draft = `Intro: “All children are seen regularly” (${LINK}t1)).\n`;
    const [check] = await checks(draft);
    assert.equal(check?.status, 'misquote');
    const fixed = apply(draft, replaceQuoteEdit(check)!);
    assert.equal(fixed, `Intro: “${PASSAGES.seen}” (${LINK}t1)).\n`);
    assert.deepEqual((await checks(fixed)).map((c) => c.status), ['ok']);
  });

  it('replacing a misquoted blockquote writes the passage (rewrapped) inside the blockquote', async () => {
    const draft = `> Too many strategy meetings do not include\n> health partners.\n>\n> — ${LINK}t2)\n`;
    const [check] = await checks(draft);
    assert.equal(check?.status, 'misquote');
    const fixed = apply(draft, replaceQuoteEdit(check)!);
    assert.ok(fixed.startsWith('> Too many strategy discussions do not include health partners, so decisions are made'));
    assert.deepEqual((await checks(fixed)).map((c) => c.status), ['ok']);
  });

  it('re-points a citation to the one tag that has the quoted words now, and then it holds', async () => {
    const draft = `Leaders: “${PASSAGES.leaders}” (${LINK}t1)).\n\n“Nobody says this” (${LINK}t1)).\n`;
    const [wrong, nowhere] = await checks(draft);
    assert.equal(wrong?.status, 'misquote');
    assert.equal(wrong.holdingTag, 't3');
    assert.match(wrong.message, /Tag 't3' of the same report has these words now\.$/);
    assert.equal(nowhere?.holdingTag, undefined);
    assert.equal(repointEdit(draft, nowhere), undefined);
    const fixed = apply(draft, repointEdit(draft, wrong)!);
    assert.ok(fixed.startsWith(`Leaders: “${PASSAGES.leaders}” (${LINK}t3)).`));
    assert.deepEqual((await checks(fixed)).map((c) => c.status), ['ok', 'misquote']);
  });

  it('removing a citation takes its brackets and the space before it, leaving the prose', async () => {
    const draft = `We know “${PASSAGES.seen}” (${LINK}t1)). Next "x" ${LINK}t9)\n`;
    const citations = parseCitations(draft);
    assert.equal(apply(draft, removeCitationEdit(draft, citations[0]!)), `We know “${PASSAGES.seen}”. Next "x" ${LINK}t9)\n`);
    assert.equal(apply(draft, removeCitationEdit(draft, citations[1]!)), `We know “${PASSAGES.seen}” (${LINK}t1)). Next "x"\n`);
  });

  it('the hover shows the status, the passage, its themes and note, inert as Markdown', async () => {
    const [ok, bad] = await checks(`"children are seen" ${LINK}t1)\n\n"All children" ${LINK}t1)\n`);
    const hover = citationHoverMarkdown(ok!);
    assert.match(hover, /\*\*ok\*\*/);
    assert.match(hover, /> Most children are seen regularly and alone by social workers who know them well\\\./);
    assert.match(hover, /Themes: Voice of the child/);
    assert.match(hover, /Note: Strength to lead with/);
    assert.match(citationHoverMarkdown(bad!), /\*\*misquote\*\*[\s\S]*Quoted “All”, the passage reads “Most”/);
  });
});
