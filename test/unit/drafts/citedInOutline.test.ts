// The group at the end of a report's Outline: which drafts cite the report, and what checking each draft's
// citations of it found, in the words the Outline shows.

import assert from 'node:assert/strict';
import { checkCitingDrafts, citationStatusText, citedInGroup } from '../../../src/core/drafts/citedInOutline';
import { reportsCitedBy } from '../../../src/core/drafts/citingDrafts';
import { fileSystemSources } from '../../../src/core/drafts/draftSources';
import { PASSAGES, REPORT, REPORT_PATH, workspace } from './draftFixtures';

const LINK = (tag: string, to = 'reports/ashcombe-fv-2025.txt') => `([Ashcombe focused visit, 2025](${to}#tag=${tag}))`;

const SEF =
  '# Self-evaluation\n\n' +
  `Leaders know that “${PASSAGES.seen}” ${LINK('t1')}.\n\n` +
  `Partnership: “all strategy discussions include health partners” ${LINK('t2')}.\n\n` +
  `> ${PASSAGES.leaders}\n>\n> — [Ashcombe focused visit, 2025](reports/ashcombe-fv-2025.txt#tag=t3)\n`;
const COMMITTEE = `# Committee paper\n\nA passage no tag holds: “children are seen” ${LINK('t9', '../reports/ashcombe-fv-2025.txt')}.\n`;
const ELSEWHERE = `Another report: “words” ${LINK('t1', 'reports/westmere-2024.txt')}.\n`;

function citing(drafts: Record<string, string>) {
  return Object.entries(drafts).flatMap(([draftPath, text]) => {
    const citations = reportsCitedBy(draftPath, text).get(REPORT_PATH);
    return citations ? [{ draftPath, citations }] : [];
  });
}

const nameOf = (draftPath: string) => draftPath.replace(/^\/ws\//, '');

describe("a report's Outline: the drafts citing it", () => {
  it('names each citing draft with its citations of the report and their statuses, most citations first', async () => {
    const checked = await checkCitingDrafts(citing({ '/ws/papers/committee.md': COMMITTEE, '/ws/sef.md': SEF, '/ws/other.md': ELSEWHERE }), fileSystemSources(workspace()));
    assert.deepEqual(citedInGroup(checked, nameOf), {
      name: 'Cited in 2 drafts',
      drafts: [
        { draftPath: '/ws/sef.md', name: 'sef.md', detail: '3 citations · 1 misquote', firstLine: 3 },
        { draftPath: '/ws/papers/committee.md', name: 'papers/committee.md', detail: '1 citation · 1 missing tag', firstLine: 3 },
      ],
    });
  });

  it('has no group when no draft cites the report, and loses a draft once its citation is removed', async () => {
    const sources = fileSystemSources(workspace());
    assert.equal(citedInGroup(await checkCitingDrafts(citing({ '/ws/other.md': ELSEWHERE, '/ws/notes.md': 'No citations.\n' }), sources), nameOf), undefined);
    const withoutCitation = COMMITTEE.replace(/ \(\[Ashcombe[^\n]*\)\)/, '');
    assert.equal(citedInGroup(await checkCitingDrafts(citing({ '/ws/papers/committee.md': withoutCitation }), sources), nameOf), undefined);
    const group = citedInGroup(await checkCitingDrafts(citing({ '/ws/papers/committee.md': withoutCitation, '/ws/sef.md': SEF }), sources), nameOf);
    assert.deepEqual(group?.drafts.map((d) => d.name), ['sef.md']);
    assert.equal(group?.name, 'Cited in 1 draft');
  });

  it('sees a citation go wrong when the report changes since its tags were anchored', async () => {
    const changed = REPORT.replace('regularly and alone', 'when their plans say they should be');
    const fs = workspace(changed, undefined, REPORT);
    const [sef] = await checkCitingDrafts(citing({ '/ws/sef.md': SEF }), fileSystemSources(fs));
    assert.equal(sef?.statuses.ok, 1);
    // t1's words are gone from the report; t2 was misquoted all along; t3 still holds.
    assert.equal(citationStatusText(sef!), '3 citations · 1 misquote · 1 orphaned');
  });

  it('words the counts: singular and plural, every problem status, and all ok', () => {
    assert.equal(citationStatusText({ citations: 2, statuses: { ok: 2 } }), '2 citations · all ok');
    assert.equal(citationStatusText({ citations: 1, statuses: { ok: 1 } }), '1 citation · ok');
    assert.equal(
      citationStatusText({ citations: 9, statuses: { ok: 1, 'no-quote': 2, misquote: 2, orphaned: 1, 'missing-tag': 2, 'missing-report': 1 } }),
      '9 citations · 2 misquotes · 1 orphaned · 2 missing tags · 1 missing report · 2 with no quote',
    );
  });
});
