// Checking a draft's citations against the reports as they are now: each status, the quoting conventions
// (ellipses, brackets, curly quotes, whitespace), and a report that changed since it was tagged.

import assert from 'node:assert/strict';
import { checkDraft } from '../../../src/core/drafts/citationChecker';
import { fileSystemSources } from '../../../src/core/drafts/draftSources';
import type { CitationCheck } from '../../../src/core/drafts/citationModel';
import { DRAFT_PATH, PASSAGES, REPORT, REPORT_PATH, standardTags, tagOn, workspace } from './draftFixtures';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';

const LINK = '[Ashcombe focused visit, 2025](reports/ashcombe-fv-2025.txt#tag=';

async function check(draft: string, fs = workspace()): Promise<CitationCheck[]> {
  return checkDraft(draft, DRAFT_PATH, fileSystemSources(fs));
}

async function statuses(draft: string, fs = workspace()): Promise<string[]> {
  return (await check(draft, fs)).map((c) => c.status);
}

describe('citation checker', () => {
  it('ok: the exact words, with the passage, its themes and note', async () => {
    const [c] = await check(`We know that “${PASSAGES.seen}” (${LINK}t1)).\n`);
    assert.equal(c?.status, 'ok');
    assert.equal(c.passage?.text, PASSAGES.seen);
    assert.equal(REPORT.slice(c.passage.start, c.passage.end), PASSAGES.seen);
    assert.deepEqual(c.passage.themes, ['Voice of the child']);
    assert.equal(c.passage.note, 'Strength to lead with');
    assert.match(c.message, /Cites 't1' in reports\/ashcombe-fv-2025\.txt/);
  });

  it('ok: part of a passage, ellipses, bracketed insertions, straight quotes and rewrapped lines', async () => {
    const draft = [
      `"children are seen regularly" ${LINK}t1)`,
      `"Most children are seen regularly … who know them well." ${LINK}t1)`,
      `"Most children ... know them well" ${LINK}t1)`,
      `"[T]oo many strategy discussions do not include health partners" ${LINK}t2)`,
      `“Too many strategy discussions do not include [NHS] partners” ${LINK}t2)`,
      `“[…] decisions are made without all the information that is known about children” ${LINK}t2)`,
      `"so decisions are made without all the\n   information that is known" ${LINK}t2)`,
      `"Senior leaders have a realistic understanding of the quality of practice". ${LINK}t3)`,
    ].join('\n\n');
    assert.deepEqual(await statuses(draft), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('ok: a blockquote ended by the citation, in a list and in a table, with CRLF line ends', async () => {
    const draft = [
      '> Too many strategy discussions do not include health partners, so decisions',
      '> are made without all the information that is known about children.',
      '>',
      `> — ${LINK}t2)`,
      '',
      `- Strength: ‘social workers who know them well’ ${LINK}t1)`,
      '',
      '| Area | Evidence |',
      '|---|---|',
      `| Leadership | "a realistic understanding of the quality of practice" ${LINK}t3) |`,
      '',
    ].join('\r\n');
    assert.deepEqual(await statuses(draft), ['ok', 'ok', 'ok']);
  });

  it('misquote: one word changed, with the difference', async () => {
    const [c] = await check(`“Most children are seen regularly and alone by social workers who know them very well” ${LINK}t1)\n`);
    assert.equal(c?.status, 'misquote');
    assert.deepEqual(c.differences?.[0], { quoted: 'very', passage: '' });
    // Words the passage does not hold are named as such, not as the passage reading "".
    assert.match(c.message, /quoted “very”, which the tagged passage does not hold/);
    assert.doesNotMatch(c.message, /reads “”/);
    const [d] = await check(`“All children are seen regularly” ${LINK}t1)\n`);
    assert.equal(d?.status, 'misquote');
    assert.deepEqual(d.differences?.[0], { quoted: 'All', passage: 'Most' });
    assert.match(d.message, /quoted “All” where the passage reads “Most”/);
  });

  it('misquote: words left out without an ellipsis, quoted from another passage, or a word cut short', async () => {
    const draft = [
      `"Most children are seen by social workers" ${LINK}t1)`,
      `"${PASSAGES.leaders}" ${LINK}t1)`,
      `"children are seen regular" ${LINK}t1)`,
      `"ost children are seen" ${LINK}t1)`,
    ].join('\n\n');
    const checks = await check(draft);
    assert.deepEqual(checks.map((c) => c.status), ['misquote', 'misquote', 'misquote', 'misquote']);
    assert.deepEqual(checks[0]!.differences?.[0], { quoted: '', passage: 'regularly and alone' });
  });

  it('no-quote: a citation with no quoted words before it, or only an ellipsis', async () => {
    const checks = await check(`Practice is strong ${LINK}t1).\n\n"…" ${LINK}t1)\n`);
    assert.deepEqual(checks.map((c) => c.status), ['no-quote', 'no-quote']);
    assert.match(checks[0]!.message, /put the passage's words in quotation marks/);
  });

  it('missing-tag: an unknown id, an empty id, a report without a tags file, an unreadable tags file', async () => {
    assert.deepEqual(await statuses(`"words" ${LINK}t99)\n\n"words" ${LINK})\n`), ['missing-tag', 'missing-tag']);
    const untagged = new MemoryFileSystem({ [REPORT_PATH]: REPORT });
    const [none] = await check(`"words" ${LINK}t1)\n`, untagged);
    assert.equal(none?.status, 'missing-tag');
    assert.match(none.message, /has no tags/);
    const broken = new MemoryFileSystem({ [REPORT_PATH]: REPORT, [REPORT_PATH + '.tags.json']: '{ "format": ' });
    const [bad] = await check(`"words" ${LINK}t1)\n`, broken);
    assert.equal(bad?.status, 'missing-tag');
    assert.match(bad.message, /ashcombe-fv-2025\.txt\.tags\.json/);
  });

  it('missing-report: a path that does not exist, a folder, or no path at all', async () => {
    const draft = `"words" [FV](reports/gone.txt#tag=t1)\n\n"words" [FV](reports#tag=t1)\n\n"words" [FV](#tag=t1)\n`;
    const checks = await check(draft);
    assert.deepEqual(checks.map((c) => c.status), ['missing-report', 'missing-report', 'missing-report']);
    assert.match(checks[0]!.message, /gone\.txt/);
  });

  it('orphaned: a tag marked orphaned, and a tag whose words left the report after it was tagged', async () => {
    const marked = workspace(REPORT, [tagOn(REPORT, 't1', PASSAGES.seen, { orphaned: true })]);
    assert.deepEqual(await statuses(`"${PASSAGES.seen}" ${LINK}t1)\n`, marked), ['orphaned']);
    // Re-imported: paragraph 3 rewritten, paragraph 4 moved down by a new paragraph, 5 untouched.
    const changed = REPORT.replace(PASSAGES.seen, 'Children are visited when plans say they should be, though not always alone.').replace('4. Too many', '3a. A new paragraph about early help.\n\n4. Too many');
    const fs = workspace(changed, standardTags(REPORT), REPORT);
    const checks = await check(`"${PASSAGES.seen}" ${LINK}t1)\n\n"${PASSAGES.strategy}" ${LINK}t2)\n\n"${PASSAGES.leaders}" ${LINK}t3)\n`, fs);
    assert.deepEqual(checks.map((c) => c.status), ['orphaned', 'ok', 'ok']);
    assert.match(checks[0]!.message, /lost its passage/);
    assert.equal(changed.slice(checks[1]!.passage!.start, checks[1]!.passage!.end), PASSAGES.strategy);
    // Checking never writes: the tags file is as it was.
    assert.equal(JSON.parse(fs.get(REPORT_PATH + '.tags.json')!).tags[0].orphaned, undefined);
  });

  it('reads each cited report once, however many citations it has', async () => {
    const fs = workspace();
    let reads = 0;
    const sources = fileSystemSources(fs);
    const counting = { ...sources, readReport: (p: string) => (reads++, sources.readReport(p)) };
    const draft = `"children are seen" ${LINK}t1)\n\n"senior leaders" ${LINK}t3)\n\n"x" [o](other.txt#tag=a)\n`;
    await checkDraft(draft, DRAFT_PATH, counting);
    assert.equal(reads, 2);
  });
});
