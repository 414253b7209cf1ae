import { strict as assert } from 'node:assert';
import { shiftTags, type TextChange } from '../../../src/core/tags/anchoring/editShifting';
import { applyChanges, slice, tagOn } from './helpers';

const TEXT =
  '7.      Too many older children live in placements a long way from their families. ' +
  'Commissioners are working with neighbouring authorities to increase local sufficiency.';
const PASSAGE = 'live in placements a long way';

function edit(text: string, changes: TextChange[]) {
  const tag = tagOn('t1', text, PASSAGE);
  const newText = applyChanges(text, changes);
  const [shifted] = shiftTags([tag], changes, newText);
  return { tag, shifted: shifted!, newText };
}

function at(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
}

describe('shiftTags', () => {
  it('shifts a tag when text is inserted before it, and refreshes its context', () => {
    const { tag, shifted, newText } = edit(TEXT, [{ rangeOffset: 8, rangeLength: 0, text: 'Far ' }]);
    assert.equal(shifted.anchor.position.start, tag.anchor.position.start + 4);
    assert.equal(slice(newText, shifted), PASSAGE);
    assert.equal(shifted.anchor.quote.exact, PASSAGE);
    assert.ok(shifted.anchor.quote.prefix.endsWith('Far Too many older children '));
    assert.equal(shifted.orphaned, undefined);
  });

  it('leaves a tag alone (same object) when the edit is after it and far from its context', () => {
    const tag = tagOn('t1', TEXT, PASSAGE);
    const offset = TEXT.length - 1;
    const changes = [{ rangeOffset: offset, rangeLength: 1, text: '!' }];
    const [shifted] = shiftTags([tag], changes, applyChanges(TEXT, changes));
    assert.equal(shifted, tag);
  });

  it('grows a tag when text is inserted inside it, and updates the quote', () => {
    const inside = at(TEXT, 'a long way');
    const { tag, shifted, newText } = edit(TEXT, [{ rangeOffset: inside, rangeLength: 0, text: 'far too often ' }]);
    assert.equal(shifted.anchor.position.start, tag.anchor.position.start);
    assert.equal(slice(newText, shifted), 'live in placements far too often a long way');
    assert.equal(shifted.anchor.quote.exact, 'live in placements far too often a long way');
  });

  it('shrinks a tag when words inside it are deleted', () => {
    const { shifted, newText } = edit(TEXT, [{ rangeOffset: at(TEXT, ' a long way'), rangeLength: ' a long'.length, text: '' }]);
    assert.equal(slice(newText, shifted), 'live in placements way');
  });

  it('does not grow when typing exactly at the start: the tag shifts (like a non-growing decoration)', () => {
    const start = at(TEXT, PASSAGE);
    const { shifted, newText } = edit(TEXT, [{ rangeOffset: start, rangeLength: 0, text: 'often ' }]);
    assert.equal(shifted.anchor.position.start, start + 6);
    assert.equal(slice(newText, shifted), PASSAGE);
  });

  it('does not grow when typing exactly at the end', () => {
    const end = at(TEXT, PASSAGE) + PASSAGE.length;
    const { tag, shifted, newText } = edit(TEXT, [{ rangeOffset: end, rangeLength: 0, text: ' indeed' }]);
    assert.deepEqual(shifted.anchor.position, tag.anchor.position);
    assert.equal(slice(newText, shifted), PASSAGE);
    assert.ok(shifted.anchor.quote.suffix.startsWith(' indeed from their'));
  });

  it('keeps the surviving words when an edit crosses the start of the passage', () => {
    // Replaces "children live in" by "young people live in": only "placements a long way" survives of the passage.
    const from = at(TEXT, 'children live in');
    const { shifted, newText } = edit(TEXT, [{ rangeOffset: from, rangeLength: 'children live in'.length, text: 'young people stay in' }]);
    assert.equal(slice(newText, shifted), 'placements a long way');
    assert.equal(shifted.orphaned, undefined);
  });

  it('keeps the surviving words when an edit crosses the end of the passage', () => {
    const from = at(TEXT, 'long way from');
    const { shifted, newText } = edit(TEXT, [{ rangeOffset: from, rangeLength: 'long way from'.length, text: 'distance from' }]);
    assert.equal(slice(newText, shifted), 'live in placements a');
    assert.equal(shifted.anchor.quote.exact, 'live in placements a');
  });

  it('orphans a tag whose whole passage is deleted, keeping its stored quote', () => {
    const from = at(TEXT, PASSAGE);
    const { tag, shifted } = edit(TEXT, [{ rangeOffset: from - 1, rangeLength: PASSAGE.length + 2, text: '' }]);
    assert.equal(shifted.orphaned, true);
    assert.deepEqual(shifted.anchor, tag.anchor);
  });

  it('orphans a tag whose passage is replaced exactly, rather than taking the new words', () => {
    const from = at(TEXT, PASSAGE);
    const { shifted } = edit(TEXT, [{ rangeOffset: from, rangeLength: PASSAGE.length, text: 'are placed far away' }]);
    assert.equal(shifted.orphaned, true);
    assert.equal(shifted.anchor.quote.exact, PASSAGE);
  });

  it('orphans a tag left holding only punctuation and spaces', () => {
    const text = 'Leaders are visible, and approachable.';
    const tag = tagOn('t', text, 'visible, and');
    const changes = [
      { rangeOffset: text.indexOf(' and'), rangeLength: ' and'.length, text: '' },
      { rangeOffset: text.indexOf('visible'), rangeLength: 'visible'.length, text: '' },
    ];
    const [shifted] = shiftTags([tag], changes, applyChanges(text, changes));
    assert.equal(shifted!.orphaned, true);
    assert.equal(shifted!.anchor.quote.exact, 'visible, and');
  });

  it('applies the changes of one event in array order, in descending offsets, like VS Code multi-cursor edits', () => {
    // Two cursors: one before the passage, one inside it. VS Code lists the later offset first.
    const inside = at(TEXT, 'a long way');
    const changes: TextChange[] = [
      { rangeOffset: inside, rangeLength: 0, text: 'very ' },
      { rangeOffset: 0, rangeLength: 0, text: '>> ' },
    ];
    const { shifted, newText } = edit(TEXT, changes);
    assert.equal(newText.slice(0, 3), '>> ');
    assert.equal(slice(newText, shifted), 'live in placements very a long way');
  });

  it('leaves orphaned tags alone', () => {
    const tag = { ...tagOn('t1', TEXT, PASSAGE), orphaned: true };
    const changes = [{ rangeOffset: 0, rangeLength: 0, text: 'x' }];
    assert.equal(shiftTags([tag], changes, applyChanges(TEXT, changes))[0], tag);
  });

  it('keeps the exact quote right without the new text', () => {
    const inside = at(TEXT, 'a long way');
    const tag = tagOn('t1', TEXT, PASSAGE);
    const [shifted] = shiftTags([tag], [{ rangeOffset: 0, rangeLength: 0, text: 'Far ' }, { rangeOffset: inside + 4, rangeLength: 0, text: 'very ' }]);
    assert.equal(shifted!.anchor.quote.exact, 'live in placements very a long way');
    assert.equal(shifted!.anchor.position.start, tag.anchor.position.start + 4);
  });

  it('orphans a tag with an unusable range instead of guessing, and rejects malformed changes with a message', () => {
    const bad = tagOn('t1', TEXT, PASSAGE);
    bad.anchor.position = { start: 40, end: 12, unit: 'utf-16' };
    const [shifted] = shiftTags([bad], [{ rangeOffset: 0, rangeLength: 0, text: 'x' }], 'x' + TEXT);
    assert.equal(shifted!.orphaned, true);
    assert.equal(shifted!.anchor.quote.exact, PASSAGE);
    assert.throws(() => shiftTags([bad], [{ rangeOffset: -1, rangeLength: 0, text: '' }]), /non-negative whole rangeOffset/);
  });
});
