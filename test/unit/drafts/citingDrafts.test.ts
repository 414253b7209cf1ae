// "Which drafts cite this report": the drafts whose citations resolve to the report, with their counts and tags.

import assert from 'node:assert/strict';
import { citingDrafts, citingDraftsSummary } from '../../../src/core/drafts/citingDrafts';

const REPORT = '/ws/reports/ashcombe-fv-2025.txt';

describe('drafts citing a report', () => {
  const drafts = [
    { draftPath: '/ws/sef.md', text: `# SEF\n\n“a” [A](reports/ashcombe-fv-2025.txt#tag=t1)\n\n“b” [A](./reports/ashcombe-fv-2025.txt#tag=t2) “c” [A](reports/ashcombe-fv-2025.txt#tag=t1)\n` },
    { draftPath: '/ws/papers/committee.md', text: `Intro.\n\n“d” [A](../reports/ashcombe-fv-2025.txt#tag=t3)\n` },
    { draftPath: '/ws/other.md', text: `“e” [W](reports/westmere.txt#tag=t1) and [site](https://example.org/reports/ashcombe-fv-2025.txt#tag=t1)\n` },
    { draftPath: '/ws/notes.md', text: 'No citations here.\n' },
  ];

  it('finds every draft whose citations resolve to the report, relative paths and ./.. included', () => {
    assert.deepEqual(citingDrafts(drafts, REPORT), [
      { draftPath: '/ws/sef.md', citations: 3, tags: ['t1', 't2'], firstLine: 3 },
      { draftPath: '/ws/papers/committee.md', citations: 1, tags: ['t3'], firstLine: 3 },
    ]);
  });

  it('summarises them in one line, and says so when none does', () => {
    assert.equal(citingDraftsSummary(citingDrafts(drafts, REPORT)), 'Cited by 2 drafts: sef.md (3 citations), committee.md (1 citation)');
    assert.equal(citingDraftsSummary(citingDrafts(drafts, '/ws/reports/unknown.txt')), 'Cited by no draft');
  });
});
