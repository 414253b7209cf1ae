// The case that started it (issue 17): in the bundled Westmere report, "The local authority" opens paragraph 7
// and a sentence of paragraph 25. A tag on the second must never move to the first when its own words go.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reanchorTags } from '../../../src/core/tags/anchoring/reanchoring';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { slice, tagOn } from './helpers';
import { createAnchor } from '../../../src/core/tags/anchoring/anchorCreation';
import { textHash } from '../../../src/core/tags/sidecar/textHash';
import { emptySidecar } from '../../../src/core/tags/sidecar/emptySidecar';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { reattachTag } from '../../../src/core/tags/tagOperations';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', 'samples');
const REPORT = readFileSync(join(SAMPLES, 'westmere-ilacs-2025.txt'), 'utf8');
const SIDECAR_TAGS = (JSON.parse(readFileSync(join(SAMPLES, 'westmere-ilacs-2025.txt.tags.json'), 'utf8')) as { tags: Tag[] }).tags;
const PHRASE = 'The local authority';
const SENTENCE = 'The local authority has reduced its\n    reliance on agency social workers, and most social workers have manageable\n    caseloads. ';

describe('reanchorTags never puts a tag on other words (Westmere sample)', () => {
  const tag = tagOn('second', REPORT, PHRASE, 1);
  const second = tag.anchor.position.start;
  const first = REPORT.indexOf(PHRASE);

  it('the sample holds the phrase twice, in paragraphs 7 and 25, and the sentence to delete', () => {
    assert.ok(first < second && REPORT.indexOf(PHRASE, second + 1) < 0);
    assert.ok(REPORT.startsWith(SENTENCE, second));
  });

  for (const [what, edited] of [
    ['its sentence is deleted', REPORT.slice(0, second) + REPORT.slice(second + SENTENCE.length)],
    ['its words are replaced by other words', REPORT.slice(0, second) + 'The council' + REPORT.slice(second + PHRASE.length)],
    ['one word of the phrase changes', REPORT.slice(0, second) + 'The county authority' + REPORT.slice(second + PHRASE.length)],
  ] as const) {
    it(`orphans the tag, with a reason, when ${what}: it does not move to paragraph 7`, () => {
      const result = reanchorTags([tag], edited);
      assert.equal(result.results[0]!.status, 'orphaned');
      assert.equal(result.results[0]!.reason, 'only-elsewhere');
      assert.match(result.results[0]!.explanation!, /gone from where they were.*one other place, but nothing there shows it is the tagged passage/);
      assert.equal(result.tags[0]!.orphaned, true);
      assert.equal(result.tags[0]!.orphanReason, result.results[0]!.explanation, 'the tags file keeps why, for the Tags view');
      assert.deepEqual(result.tags[0]!.anchor, tag.anchor, 'the stored quote and position are kept');
    });
  }

  it('re-attaching the orphan clears its reason, and the tags file round-trips the reason until then', () => {
    const edited = REPORT.slice(0, second) + 'The council' + REPORT.slice(second + PHRASE.length);
    const orphan = reanchorTags([tag], edited).tags[0]!;
    const sidecar = { ...emptySidecar('westmere-ilacs-2025.txt', textHash(edited)), tags: [orphan] };
    const parsed = parseSidecar(serialiseSidecar(sidecar), 'westmere-ilacs-2025.txt.tags.json');
    assert.ok(parsed.ok);
    assert.match(parsed.sidecar.tags[0]!.orphanReason!, /^Its words are gone from where they were/);
    const start = edited.indexOf('The council');
    const reattached = reattachTag(parsed.sidecar, tag.id, createAnchor(edited, start, start + 'The council'.length), undefined);
    assert.equal(reattached.tags[0]!.orphaned, undefined);
    assert.equal(reattached.tags[0]!.orphanReason, undefined);
  });

  it('still follows its own occurrence when text is inserted before both', () => {
    const banner = 'DRAFT - for the quality assurance panel only\n\n';
    const result = reanchorTags([tag], banner + REPORT);
    assert.equal(result.results[0]!.status, 'moved');
    assert.equal(result.tags[0]!.anchor.position.start, second + banner.length);
    assert.equal(slice(banner + REPORT, result.tags[0]!), PHRASE);
  });

  it("keeps the sample's own tags on their words when that sentence is deleted", () => {
    const edited = REPORT.slice(0, second) + REPORT.slice(second + SENTENCE.length);
    const result = reanchorTags(SIDECAR_TAGS, edited);
    result.tags.forEach((t, i) => {
      const before = SIDECAR_TAGS[i]!;
      if (before.anchor.quote.exact.includes('reduced its')) return;
      assert.notEqual(result.results[i]!.status, 'orphaned', `${before.anchor.quote.exact}: ${JSON.stringify(result.results[i])}`);
      assert.equal(slice(edited, t), before.anchor.quote.exact);
      const shift = before.anchor.position.start >= second + SENTENCE.length ? -SENTENCE.length : 0;
      assert.equal(t.anchor.position.start, before.anchor.position.start + shift);
    });
  });
});
