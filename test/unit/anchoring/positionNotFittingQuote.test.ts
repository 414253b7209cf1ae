// A tag whose stored position does not span its quote (a hand-edited tags file: an end typed wrong, one character
// short, or far beyond the text). The quote is the truth and the position only a hint: every path that places the
// tag (re-anchoring, forced or after an edit; the session that opens the report; shifting with the editor's edits;
// the evidence collection) must put it on its quote's words or orphan it, and never rewrite its quote.

import { strict as assert } from 'node:assert';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { findPassage } from '../../../src/core/evidence/passageLocation';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { createAnchor, textHash } from '../../../src/core/tags/anchoring/anchorCreation';
import { shiftTags } from '../../../src/core/tags/anchoring/editShifting';
import { reanchorTags, tagsHoldTheirWords } from '../../../src/core/tags/anchoring/reanchoring';
import { ReportTagSession } from '../../../src/core/tags/reportTagSession';
import { SIDECAR_FORMAT, SIDECAR_VERSION, type Sidecar, type Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { SidecarStore } from '../../../src/core/tags/sidecar/sidecarStore';
import { slice } from './helpers';

const REPORT = [
  'Inspection of Ashcombe local authority children\u2019s services',
  '',
  'Inspection dates: 9 to 20 June 2025',
  '',
  'The experiences and progress of children in care: requires improvement to be good',
  '',
  '14. Most children in care live in stable homes and see their social workers often.',
  '15. The timeliness of permanence planning for children in care is too variable.',
  '    Some plans are not reviewed until the child has waited for many months.',
  '16. Leaders have introduced a tracker, but it is too soon to see its impact.',
  '',
].join('\n');
const QUOTE = 'The timeliness of permanence planning for children in care';
const AT = REPORT.indexOf(QUOTE);
const HEADER = 'Draft for the quality assurance panel only\n';

/** A tag on QUOTE whose stored position was hand-edited to [start, end); its quote and context as tagged. */
function misfit(start: number, end: number, id = 'permanence'): Tag {
  const anchor = createAnchor(REPORT, AT, AT + QUOTE.length);
  return { id, themes: [{ id: 'cc.permanence', label: 'Permanence' }], created: '2026-03-01T09:00:00.000Z', modified: '2026-03-01T09:00:00.000Z', anchor: { ...anchor, position: { start, end, unit: 'utf-16' } } };
}

const CASES: Array<[string, number, number]> = [
  ['ends well past its words', AT, AT + QUOTE.length + 40],
  ['starts one character late (one short of its words)', AT + 1, AT + QUOTE.length],
  ['ends one character short of its words', AT, AT + QUOTE.length - 1],
  ['ends far beyond the end of the text', AT, 99999],
];

/** What a user must see: the quote as tagged, and the tag on exactly those words (or orphaned with them). */
function assertOnItsWords(text: string, tag: Tag, at: number): void {
  assert.equal(tag.anchor.quote.exact, QUOTE, 'the quote is never rewritten');
  assert.notEqual(tag.orphaned, true);
  assert.deepEqual(tag.anchor.position, { start: at, end: at + QUOTE.length, unit: 'utf-16' });
  assert.equal(slice(text, tag), QUOTE);
}

describe('a stored position that does not span its quote is only a hint', () => {
  it('the fixture: the quote occurs once, and a tag made normally holds its words', () => {
    assert.ok(AT > 0 && REPORT.indexOf(QUOTE, AT + 1) < 0);
    assert.equal(tagsHoldTheirWords([misfit(AT, AT + QUOTE.length)], REPORT), true);
  });

  for (const [what, start, end] of CASES) {
    describe(`a position that ${what}`, () => {
      it('is told apart from one that holds its words', () => {
        assert.equal(tagsHoldTheirWords([misfit(start, end)], REPORT), false);
        assert.equal(tagsHoldTheirWords([{ ...misfit(start, end), orphaned: true }], REPORT), true, 'an orphan keeps its stored anchor by design');
      });

      it('forced re-anchoring of the same text puts the tag on its words and keeps its quote', () => {
        const result = reanchorTags([misfit(start, end)], REPORT);
        assertOnItsWords(REPORT, result.tags[0]!, AT);
        assert.equal(result.results[0]!.status, 'moved', 'its stored position changed');
      });

      it('re-anchoring after a line is added at the top finds its words there and keeps its quote', () => {
        const edited = HEADER + REPORT;
        const result = reanchorTags([misfit(start, end)], edited);
        assertOnItsWords(edited, result.tags[0]!, AT + HEADER.length);
        assert.equal(result.results[0]!.status, 'moved');
      });

      it('re-anchoring after its words were deleted orphans it with its quote', () => {
        const edited = REPORT.replace(QUOTE + ' is too variable.', 'Plans for permanence are made on time.');
        const result = reanchorTags([misfit(start, end)], edited);
        assert.equal(result.results[0]!.status, 'orphaned');
        assert.equal(result.tags[0]!.orphaned, true);
        assert.equal(result.tags[0]!.anchor.quote.exact, QUOTE);
      });

      it('an edit in the editor does not shift it onto other words: orphaned, its quote kept', () => {
        const changes = [{ rangeOffset: 0, rangeLength: 0, text: HEADER }];
        for (const newText of [HEADER + REPORT, undefined]) {
          const [shifted] = shiftTags([misfit(start, end)], changes, newText);
          assert.equal(shifted!.orphaned, true);
          assert.equal(shifted!.anchor.quote.exact, QUOTE);
        }
      });

      it('opening the report (text unchanged) finds it again by its words; an edit then keeps it there', async () => {
        const path = '/ws/ashcombe.txt';
        const sidecar: Sidecar = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: 'ashcombe.txt', textHash: textHash(REPORT) }, tags: [misfit(start, end)] };
        const fs = new MemoryFileSystem({ [path]: REPORT, [`${path}.tags.json`]: JSON.stringify(sidecar) });
        const session = new ReportTagSession(new SidecarStore(fs, { allowedRoots: ['/ws'] }), path);
        const outcome = await session.open(() => REPORT);
        assert.equal(outcome.status.kind, 'ready');
        assert.deepEqual(outcome.reanchored, { stayed: 0, moved: 1, orphaned: 0 });
        assertOnItsWords(REPORT, session.tags[0]!, AT);
        const edited = HEADER + REPORT;
        session.applyChanges([{ rangeOffset: 0, rangeLength: 0, text: HEADER }], () => edited);
        assertOnItsWords(edited, session.tags[0]!, AT + HEADER.length);
      });

      it('evidence shows the quote at its words, not the words at the stored position', async () => {
        assert.deepEqual(findPassage(REPORT, misfit(start, end)), { start: AT, end: AT + QUOTE.length });
        const sidecar: Sidecar = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: 'ashcombe.txt', textHash: textHash(REPORT) }, tags: [misfit(start, end)] };
        const fs = new MemoryFileSystem({ '/ws/ashcombe.txt': REPORT, '/ws/ashcombe.txt.tags.json': JSON.stringify(sidecar) });
        const set = await collectEvidence(['/ws'], fs, { now: () => new Date(0) });
        const item = set.items.find((i) => i.tagId === 'permanence')!;
        assert.equal(item.quote, QUOTE);
        assert.equal(item.orphaned, false);
        assert.deepEqual(item.position, { start: AT, end: AT + QUOTE.length });
      });
    });
  }

  it('reading the tags file warns about a position whose length differs from its quote, and still reads every tag', () => {
    const sidecar: Sidecar = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: 'ashcombe.txt', textHash: textHash(REPORT) }, tags: [misfit(AT, AT + QUOTE.length, 'fits'), misfit(AT, 99999, 'long'), misfit(AT + 1, AT + QUOTE.length, 'short')] };
    const parsed = parseSidecar(JSON.stringify(sidecar), 'ashcombe.txt.tags.json');
    assert.ok(parsed.ok);
    assert.equal(parsed.sidecar.tags.length, 3);
    assert.deepEqual(parsed.warnings, ['ashcombe.txt.tags.json: tags[1], tags[2]: their positions do not span their quoted words; the tags are looked for again by the words, and orphaned (keeping them) if they are not found.']);
  });

  it('a tag that holds its words is untouched: the same object back, stayed', () => {
    const fits = misfit(AT, AT + QUOTE.length);
    const result = reanchorTags([fits], REPORT);
    assert.equal(result.tags[0], fits);
    assert.deepEqual(result.summary, { stayed: 1, moved: 0, orphaned: 0 });
    assert.equal(shiftTags([fits], [{ rangeOffset: 0, rangeLength: 0, text: HEADER }], HEADER + REPORT)[0]!.anchor.position.start, AT + HEADER.length);
  });
});
