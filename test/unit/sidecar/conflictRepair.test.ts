import assert from 'node:assert/strict';
import { repairConflict } from '../../../src/core/tags/sidecar/conflictRepair';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { conflicted, makeSidecar, makeTag } from './helpers';

const t1 = makeTag('t1', 'visit children regularly');
const later = '2026-02-01T09:00:00.000Z';

describe('repairConflict', () => {
  it('keeps the union of both sides, one copy per id, the newer copy winning', () => {
    const ours = makeSidecar([t1, makeTag('t2', 'Leaders have recently', { note: 'ours, older' })], { dismissedSuggestions: ['s-ours'] });
    const theirs = makeSidecar([t1, makeTag('t2', 'Leaders have recently', { note: 'theirs, newer', modified: later }), makeTag('t3', 'plans drift after review')], {
      dismissedSuggestions: ['s-theirs'],
    });
    const text = conflicted(serialiseSidecar(ours), serialiseSidecar(theirs));
    assert.equal(parseSidecar(text, 'f.tags.json').ok, false);
    const repaired = repairConflict(text, 'f.tags.json');
    assert.ok(repaired.ok, !repaired.ok ? repaired.message : '');
    assert.deepEqual(repaired.sidecar.tags.map((t) => t.id).sort(), ['t1', 't2', 't3']);
    assert.equal(repaired.sidecar.tags.find((t) => t.id === 't2')?.note, 'theirs, newer');
    assert.deepEqual(repaired.sidecar.dismissedSuggestions, ['s-ours', 's-theirs']);
    assert.deepEqual(repaired.summary, { ours: 2, theirs: 3, merged: 3 });
    // The repaired sidecar is a valid file again.
    assert.ok(parseSidecar(serialiseSidecar(repaired.sidecar), 'f.tags.json').ok);
  });

  it('takes the report fields from the side edited last', () => {
    const ours = makeSidecar([makeTag('t1', 'visit children regularly', { modified: later })]);
    ours.report.textHash = 'a'.repeat(64);
    const theirs = makeSidecar([makeTag('t9', 'plans drift after review')]);
    theirs.report.textHash = 'b'.repeat(64);
    const repaired = repairConflict(conflicted(serialiseSidecar(ours), serialiseSidecar(theirs)));
    assert.ok(repaired.ok);
    assert.equal(repaired.sidecar.report.textHash, 'a'.repeat(64));
    const swapped = repairConflict(conflicted(serialiseSidecar(theirs), serialiseSidecar(ours)));
    assert.ok(swapped.ok);
    assert.equal(swapped.sidecar.report.textHash, 'a'.repeat(64));
  });

  it('with diff3 markers, a tag deleted on one side and untouched on the other stays deleted', () => {
    const base = makeSidecar([t1, makeTag('t2', 'Leaders have recently')]);
    const ours = makeSidecar([t1]); // deleted t2
    const theirs = makeSidecar([t1, makeTag('t2', 'Leaders have recently'), makeTag('t3', 'plans drift after review')]);
    const repaired = repairConflict(conflicted(serialiseSidecar(ours), serialiseSidecar(theirs), serialiseSidecar(base)));
    assert.ok(repaired.ok);
    assert.deepEqual(repaired.sidecar.tags.map((t) => t.id).sort(), ['t1', 't3']);
  });

  it('refuses, saying why, when a side does not parse', () => {
    const ours = serialiseSidecar(makeSidecar([t1]));
    const broken = ours.replace('"version": 1,', '"version": "one",');
    const result = repairConflict(conflicted(ours, broken), 'f.tags.json');
    assert.equal(result.ok, false);
    assert.match((result as { message: string }).message, /^f\.tags\.json cannot be repaired automatically: their side: .*Resolve the conflict by hand\.$/s);
  });

  it('says so when there is nothing to repair', () => {
    const result = repairConflict(serialiseSidecar(makeSidecar([t1])), 'f.tags.json');
    assert.deepEqual(result, { ok: false, message: 'f.tags.json has no conflict markers to repair.' });
  });
});
