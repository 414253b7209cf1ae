import assert from 'node:assert/strict';
import { planTagDecorations, withAlpha } from '../../../src/core/presentation/tagDecorationPlan';
import { fallbackColour } from '../../../src/core/tags/codebook/codebookColours';
import { reanchorSummaryMessage } from '../../../src/core/tags/tagMessages';
import { smallCodebook, tag } from '../codebook/helpers';

describe('tag decoration plan', () => {
  it('colours each theme’s passages with the theme colour; a tag with two themes shows in both', () => {
    const plan = planTagDecorations(
      [tag('a', 0, 10, [{ id: 'lm.oversight', label: 'x' }, { id: 'hp.missing', label: 'y' }]), tag('b', 5, 20, [{ id: 'hp.missing', label: 'y' }])],
      smallCodebook(),
      100,
    );
    assert.deepEqual(plan, [
      { themeId: 'hp.missing', colour: '#3f7fbf', ranges: [{ start: 0, end: 10 }, { start: 5, end: 20 }] },
      { themeId: 'lm.oversight', colour: '#4a9a4a', ranges: [{ start: 0, end: 10 }] },
    ]);
  });

  it('does not show orphans or positions past the end of the text; unknown themes get their fallback colour', () => {
    const plan = planTagDecorations(
      [tag('o', 0, 10, [{ id: 'hp.missing', label: 'y' }], { orphaned: true }), tag('far', 90, 120, [{ id: 'hp.missing', label: 'y' }]), tag('u', 1, 2, [{ id: 'gone', label: 'Gone' }])],
      smallCodebook(),
      100,
    );
    assert.deepEqual(plan, [{ themeId: 'gone', colour: fallbackColour('gone'), ranges: [{ start: 1, end: 2 }] }]);
  });

  it('adds an alpha byte', () => {
    assert.equal(withAlpha('#3f7fbf', 0.2), '#3f7fbf33');
    assert.equal(withAlpha('#3f7fbf', 1), '#3f7fbfff');
  });
});

describe('re-anchoring message', () => {
  it('says how many tags moved and how many were orphaned', () => {
    assert.equal(reanchorSummaryMessage('r.txt', { stayed: 2, moved: 3, orphaned: 1 }), 'r.txt changed since it was last tagged: 3 tags moved, 1 orphaned. Orphaned tags keep their quote; re-attach or delete them from the Tags view.');
    assert.equal(reanchorSummaryMessage('r.txt', { stayed: 0, moved: 1, orphaned: 0 }), 'r.txt changed since it was last tagged: 1 tag moved.');
    assert.equal(reanchorSummaryMessage('r.txt', { stayed: 6, moved: 1, orphaned: 0 }, false), 'r.txt is as it was tagged, but its tags file placed some tags on other words; found again by their own words: 1 tag moved.');
    assert.match(reanchorSummaryMessage('r.txt', { stayed: 0, moved: 0, orphaned: 2 })!, /: 2 tags orphaned\./);
    assert.equal(reanchorSummaryMessage('r.txt', { stayed: 4, moved: 0, orphaned: 0 }), undefined);
  });
});
