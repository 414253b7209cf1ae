// Inserting evidence: every entry offered, pasted into a draft anywhere in the workspace, is a citation that
// checks `ok`, inline or as a blockquote, whatever the report's path looks like.

import assert from 'node:assert/strict';
import { checkDraft } from '../../../src/core/drafts/citationChecker';
import { citationForTag, citationLinkTarget, evidenceEntries } from '../../../src/core/drafts/citationInsertion';
import { fileSystemSources } from '../../../src/core/drafts/draftSources';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { REPORT, sidecarFor, standardTags, tagOn, PASSAGES } from './draftFixtures';

const ODD_PATH = '/ws/reports/Ashcombe FV (July 2025).txt';

function sidecar() {
  const tags = [...standardTags(), tagOn(REPORT, 'gone', PASSAGES.leaders, { orphaned: true })];
  return { ...sidecarFor(REPORT, tags), report: { ...sidecarFor(REPORT, tags).report, date: '2025-07-14' } };
}

describe('inserting evidence into a draft', () => {
  it('writes the report path relative to the draft, encoded so the link stays one link', () => {
    assert.equal(citationLinkTarget('/ws/drafts/sef.md', ODD_PATH, 't1'), '../reports/Ashcombe%20FV%20%28July%202025%29.txt#tag=t1');
  });

  it('offers each passage (not orphaned ones) with its themes, report and note, filterable by them', () => {
    const entries = evidenceEntries('/ws/sef.md', [{ reportPath: ODD_PATH, sidecar: sidecar() }], 'inline');
    assert.equal(entries.length, 3);
    assert.equal(entries[0]!.detail, 'Voice of the child — Ashcombe focused visit, 14 July 2025');
    assert.match(entries[0]!.documentation, /Note: Strength to lead with/);
    assert.match(entries[1]!.filterText, /Partnership working Ashcombe focused-visit 2025-07-14/);
    assert.equal(entries[0]!.insertText, `“${PASSAGES.seen}” ([Ashcombe focused visit, 14 July 2025](reports/Ashcombe%20FV%20%28July%202025%29.txt#tag=t1))`);
  });

  it('writes the citation of one dragged tag, which checks ok, and nothing for a tag that is gone or orphaned', async () => {
    const draftPath = '/ws/drafts/sef.md';
    const text = citationForTag(draftPath, ODD_PATH, sidecar(), 't2', 'blockquote')!;
    assert.match(text, /^> Too many strategy discussions do not include health partners, so decisions are made without all the information that is known about children\.\n>\n> — \[Ashcombe focused visit, 14 July 2025\]\(\.\.\/reports\/Ashcombe%20FV%20%28July%202025%29\.txt#tag=t2\)\n$/);
    const fs = new MemoryFileSystem({ [ODD_PATH]: REPORT, [ODD_PATH + '.tags.json']: JSON.stringify(sidecar()) });
    assert.deepEqual((await checkDraft(text, draftPath, fileSystemSources(fs))).map((c) => c.status), ['ok']);
    assert.equal(citationForTag(draftPath, ODD_PATH, sidecar(), 'gone', 'inline'), undefined);
    assert.equal(citationForTag(draftPath, ODD_PATH, sidecar(), 'nope', 'inline'), undefined);
  });

  for (const style of ['inline', 'blockquote'] as const) {
    it(`every ${style} entry checks ok where it is inserted`, async () => {
      const fs = new MemoryFileSystem({ [ODD_PATH]: REPORT, [ODD_PATH + '.tags.json']: JSON.stringify(sidecar()) });
      const draftPath = '/ws/drafts/sef.md';
      const entries = evidenceEntries(draftPath, [{ reportPath: ODD_PATH, sidecar: sidecar() }], style);
      const draft = '# Evidence\n\n' + entries.map((e) => `Intro ${e.insertText}`.replace(/^Intro > /, '> ')).join('\n\n') + '\n';
      const checks = await checkDraft(draft, draftPath, fileSystemSources(fs));
      assert.deepEqual(checks.map((c) => [c.citation.tag, c.status]), [['t1', 'ok'], ['t2', 'ok'], ['t3', 'ok']]);
    });
  }
});
