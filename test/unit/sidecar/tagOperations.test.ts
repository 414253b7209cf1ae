import assert from 'node:assert/strict';
import { addTag, dismissSuggestion, editTag, mergeSidecars, reattachTag, removeTag, TagOperationError } from '../../../src/core/tags/tagOperations';
import { anchorFor, makeSidecar, makeTag, REPORT_TEXT } from './helpers';

const T0 = '2026-01-05T10:00:00.000Z';
const T1 = '2026-01-06T10:00:00.000Z';
const T2 = '2026-01-07T10:00:00.000Z';

describe('tag operations', () => {
  it('adds a tag with a random id, themes, note, author and timestamps, leaving the input untouched', () => {
    const before = makeSidecar();
    const { sidecar, tag } = addTag(before, { anchor: anchorFor(REPORT_TEXT, 'plans drift'), themes: [{ id: 'permanence', label: 'Permanence' }, { id: 'permanence', label: 'dup' }], note: 'Drift' }, { now: T1, author: 'QA officer' });
    assert.equal(before.tags.length, 0);
    assert.equal(sidecar.tags.length, 1);
    assert.match(tag.id, /^[0-9a-f-]{36}$/);
    assert.notEqual(addTag(before, { anchor: tag.anchor, themes: tag.themes }).tag.id, tag.id);
    assert.deepEqual(tag.themes, [{ id: 'permanence', label: 'Permanence' }]);
    assert.equal(tag.note, 'Drift');
    assert.equal(tag.author, 'QA officer');
    assert.equal(tag.created, T1);
    assert.equal(tag.modified, T1);
  });

  it('refuses a tag with no theme or an empty range, saying why', () => {
    assert.throws(() => addTag(makeSidecar(), { anchor: anchorFor(REPORT_TEXT, 'plans'), themes: [] }), (e: Error) => e instanceof TagOperationError && e.message === 'A tag needs at least one theme.');
    const empty = anchorFor(REPORT_TEXT, 'plans');
    empty.position.end = empty.position.start;
    assert.throws(() => addTag(makeSidecar(), { anchor: empty, themes: [{ id: 'x', label: 'X' }] }), /do not make a non-empty range/);
  });

  it('edits themes and note, bumping modified only on the edited tag', () => {
    const sidecar = makeSidecar([makeTag('a', 'visit children regularly', { note: 'old' }), makeTag('b', 'plans drift')]);
    const edited = editTag(sidecar, 'a', { themes: [{ id: 'visits', label: 'Visits' }], note: null }, { now: T2 });
    const a = edited.tags.find((t) => t.id === 'a')!;
    assert.deepEqual(a.themes, [{ id: 'visits', label: 'Visits' }]);
    assert.equal(a.note, undefined);
    assert.equal(a.modified, T2);
    assert.equal(a.created, T0);
    assert.equal(edited.tags.find((t) => t.id === 'b')!.modified, T0);
    assert.equal(sidecar.tags[0]!.note, 'old');
  });

  it('removes a tag, and names a missing id', () => {
    const sidecar = makeSidecar([makeTag('a', 'visit children regularly'), makeTag('b', 'plans drift')]);
    assert.deepEqual(removeTag(sidecar, 'a').tags.map((t) => t.id), ['b']);
    assert.throws(() => removeTag(sidecar, 'zzz'), /No tag with id "zzz"/);
  });

  it('re-attaches an orphan to a new passage and clears the orphaned flag', () => {
    const sidecar = makeSidecar([makeTag('a', 'visit children regularly', { orphaned: true })]);
    const anchor = anchorFor(REPORT_TEXT, 'know them well');
    const tag = reattachTag(sidecar, 'a', anchor, { paragraph: 1 }, { now: T1 }).tags[0]!;
    assert.equal(tag.orphaned, undefined);
    assert.deepEqual(tag.anchor, anchor);
    assert.deepEqual(tag.context, { paragraph: 1 });
    assert.equal(tag.modified, T1);
  });

  it('dismisses a suggestion once', () => {
    const once = dismissSuggestion(makeSidecar(), 'p2:permanence');
    assert.deepEqual(dismissSuggestion(once, 'p2:permanence').dismissedSuggestions, ['p2:permanence']);
  });
});

describe('mergeSidecars (three-way)', () => {
  const a = makeTag('a', 'visit children regularly');
  const b = makeTag('b', 'plans drift');
  const c = makeTag('c', 'Leaders have recently');

  it('keeps tags added on either side', () => {
    const base = makeSidecar([a]);
    const merged = mergeSidecars(base, makeSidecar([a, b]), makeSidecar([a, c]));
    assert.deepEqual(merged.tags.map((t) => t.id).sort(), ['a', 'b', 'c']);
  });

  it('a tag deleted on one side and unchanged on the other stays deleted (either side)', () => {
    const base = makeSidecar([a, b]);
    assert.deepEqual(mergeSidecars(base, makeSidecar([b]), makeSidecar([a, b, c])).tags.map((t) => t.id).sort(), ['b', 'c']);
    assert.deepEqual(mergeSidecars(base, makeSidecar([a, b, c]), makeSidecar([b])).tags.map((t) => t.id).sort(), ['b', 'c']);
  });

  it('a tag deleted on one side but edited on the other is kept with the edit', () => {
    const base = makeSidecar([a]);
    const editedA = { ...a, note: 'important', modified: T1 };
    assert.deepEqual(mergeSidecars(base, makeSidecar([]), makeSidecar([editedA])).tags, [editedA]);
  });

  it('an edit on one side wins over the unchanged copy, even if the unchanged copy looks newer', () => {
    const base = makeSidecar([{ ...a, modified: T2 }]);
    const edited = { ...a, note: 'n', modified: T1 };
    assert.equal(mergeSidecars(base, makeSidecar([{ ...a, modified: T2 }]), makeSidecar([edited])).tags[0]!.note, 'n');
  });

  it('both sides edited: the newer modified wins', () => {
    const base = makeSidecar([a]);
    const ours = makeSidecar([{ ...a, note: 'ours', modified: T2 }]);
    const theirs = makeSidecar([{ ...a, note: 'theirs', modified: T1 }]);
    assert.equal(mergeSidecars(base, ours, theirs).tags[0]!.note, 'ours');
    assert.equal(mergeSidecars(base, theirs, ours).tags[0]!.note, 'ours');
  });

  it('without a base, is a union (nothing deleted)', () => {
    const merged = mergeSidecars(undefined, makeSidecar([a]), makeSidecar([b]));
    assert.deepEqual(merged.tags.map((t) => t.id).sort(), ['a', 'b']);
  });

  it('merges dismissed suggestions as sets and report fields per field', () => {
    const base = makeSidecar([], { dismissedSuggestions: ['x', 'y'] });
    const ours = makeSidecar([], { dismissedSuggestions: ['x', 'y', 'ours'] });
    const theirs = makeSidecar([], { dismissedSuggestions: ['y', 'theirs'] }); // un-dismissed x
    theirs.report.textHash = 'c'.repeat(64);
    const merged = mergeSidecars(base, ours, theirs);
    assert.deepEqual(merged.dismissedSuggestions, ['ours', 'theirs', 'y']);
    assert.equal(merged.report.textHash, 'c'.repeat(64));
  });
});
