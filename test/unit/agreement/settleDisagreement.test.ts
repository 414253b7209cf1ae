// Settling a disagreement: the decision is written as the "agreed" coder's own tags, the two coders' tags stay,
// and undo takes exactly those agreed tags out again.

import { strict as assert } from 'node:assert';
import { AGREED_CODER, findDisagreements, isSettled, type Sidecar, settleDisagreement, type Tag, textHash, undoSettlement } from '../../../src/core';
import { coded } from './helpers';

const TEXT = 'Leaders know children well.\r\nToo many children wait too long for permanence; plans drift after review. Café staff 🙂 stay.';
const SENTENCE = 'Too many children wait too long for permanence; plans drift after review.';
const FIRST_HALF = 'Too many children wait too long for permanence';
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

function tagOn(author: string, words: string, theme: string): Tag {
  const { start, end } = at(words);
  return { ...coded(author, start, end, theme), anchor: { position: { start, end, unit: 'utf-16' }, quote: { exact: words, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) } } };
}

function sidecarOf(tags: Tag[]): Sidecar {
  return { format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'r.txt', textHash: textHash(TEXT) }, tags };
}

const amira = tagOn('Amira', SENTENCE, 'permanence');
const ben = tagOn('Ben', FIRST_HALF, 'permanence');
const stability = tagOn('Amira', 'Leaders know children well.', 'stability');
const base = sidecarOf([amira, ben, stability]);
const drift = at('; plans drift after review.');
let ids = 0;
const options = { now: '2026-05-01T09:00:00.000Z', newId: () => `agreed-${++ids}` };
const request = { coderA: 'Amira', coderB: 'Ben', themeId: 'permanence', ...drift };
const spans = (tags: readonly Tag[]) => tags.map((t) => TEXT.slice(t.anchor.position.start, t.anchor.position.end));

describe('agreement: settling a disagreement', () => {
  it("accepting A's writes a copy of A's tag as the agreed coder, keeping both coders' tags", () => {
    const s = settleDisagreement(base, TEXT, { ...request, decision: 'accept-a' }, options);
    assert.deepEqual(spans(s.added), [SENTENCE]);
    assert.equal(s.added[0]!.author, AGREED_CODER);
    assert.deepEqual(s.added[0]!.themes, [{ id: 'permanence', label: 'PERMANENCE' }]);
    assert.deepEqual(s.added[0]!.anchor, amira.anchor);
    assert.equal(s.added[0]!.created, '2026-05-01T09:00:00.000Z');
    assert.deepEqual(s.sidecar.tags.slice(0, 3), [amira, ben, stability]);
    assert.equal(base.tags.length, 3, 'the input sidecar is not changed');
    assert.match(s.message, /1 agreed tag with PERMANENCE written; Amira's and Ben's tags are kept/);
  });

  it("accepting B's takes B's shorter passage, found from any part of the passage in dispute", () => {
    const s = settleDisagreement(base, TEXT, { ...request, decision: 'accept-b' }, options);
    assert.deepEqual(spans(s.added), [FIRST_HALF]);
    assert.deepEqual(s.passage, at(SENTENCE));
  });

  it('keeping both writes each coder\'s tag; marking agreed writes one tag over the whole passage', () => {
    assert.deepEqual(spans(settleDisagreement(base, TEXT, { ...request, decision: 'keep-both' }, options).added), [SENTENCE, FIRST_HALF]);
    const overlapping = sidecarOf([tagOn('Amira', 'children wait too long', 'p'), tagOn('Ben', 'long for permanence; plans', 'p')]);
    const marked = settleDisagreement(overlapping, TEXT, { ...request, themeId: 'p', ...at('children wait'), decision: 'mark-agreed' }, options);
    assert.deepEqual(spans(marked.added), ['children wait too long for permanence; plans']);
    assert.equal(marked.added[0]!.anchor.quote.exact, 'children wait too long for permanence; plans');
  });

  it("accepting the coder who left the passage uncoded writes nothing and says so", () => {
    const s = settleDisagreement(base, TEXT, { ...request, themeId: 'stability', ...at('Leaders know'), decision: 'accept-b' }, options);
    assert.deepEqual(s.added, []);
    assert.equal(s.sidecar.tags.length, 3);
    assert.match(s.message, /Ben did not code this passage with STABILITY, so the agreed coding leaves it uncoded; nothing was written/);
  });

  it('settling the same passage twice the same way writes it once; the settlement shows as settled', () => {
    const once = settleDisagreement(base, TEXT, { ...request, decision: 'accept-a' }, options);
    assert.equal(isSettled(once.sidecar.tags, request), true);
    assert.equal(isSettled(base.tags, request), false);
    // Accepting B's shorter tag settles A's rest of the sentence too: the decision covered the whole passage.
    assert.equal(isSettled(settleDisagreement(base, TEXT, { ...request, decision: 'accept-b' }, options).sidecar.tags, request), true);
    const twice = settleDisagreement(once.sidecar, TEXT, { ...request, decision: 'accept-a' }, options);
    assert.deepEqual(twice.added, []);
    assert.match(twice.message, /Already settled/);
  });

  it('undo takes out exactly the agreed tags written, and the disagreements between the coders never change', () => {
    const before = findDisagreements({ id: 'r', text: TEXT, tags: base.tags }, 'Amira', 'Ben');
    const s = settleDisagreement(base, TEXT, { ...request, decision: 'keep-both' }, options);
    assert.deepEqual(findDisagreements({ id: 'r', text: TEXT, tags: s.sidecar.tags }, 'Amira', 'Ben'), before);
    const undone = undoSettlement(s.sidecar, s.added.map((t) => t.id));
    assert.equal(undone.removed, 2);
    assert.deepEqual(undone.sidecar.tags, base.tags);
  });

  it('tags anchored to an older text are found again before settling', () => {
    const older = sidecarOf([amira, ben]);
    const shifted = 'Preface added.\n' + TEXT;
    const s = settleDisagreement(older, shifted, { ...request, start: drift.start + 15, end: drift.end + 15, decision: 'accept-a' }, options);
    assert.equal(shifted.slice(s.added[0]!.anchor.position.start, s.added[0]!.anchor.position.end), SENTENCE);
    assert.equal(s.sidecar.report.textHash, textHash(shifted));
  });

  it('refuses to write as one of the coders compared, or when the passage has no tag any more, with a clear message', () => {
    assert.throws(() => settleDisagreement(base, TEXT, { ...request, coderB: 'agreed', decision: 'accept-a' }, options), /cannot be written as "agreed": that is one of the two coders/);
    assert.throws(() => settleDisagreement(base, TEXT, { ...request, ...at('Café staff'), decision: 'accept-a' }, options), /Neither coder has a tag with this theme on the passage any more/);
  });
});
