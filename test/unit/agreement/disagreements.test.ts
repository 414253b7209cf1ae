// The list of disagreements the Moderation view shows: passage, theme, who coded it.

import { strict as assert } from 'node:assert';
import { codersOf, findDisagreements, kappaBand } from '../../../src/core';
import { coded, report } from './helpers';

describe('agreement: disagreements', () => {
  it('lists the words one coder coded and the other did not, per theme', () => {
    const text = 'Leaders know children well. Plans drift after review.';
    const drift = text.indexOf('Plans');
    const r = report(text, [coded('A', 0, text.length, 't1'), coded('B', 0, drift, 't1'), coded('B', drift, text.length, 't2')]);
    const found = findDisagreements(r, 'A', 'B').map((d) => [d.themeLabel, d.coder, d.text]);
    // The space before "Plans" is A's alone too, but whitespace alone is no visible disagreement; it rides with the passage.
    assert.deepEqual(found, [
      ['T1', 'A', 'Plans drift after review.'],
      ['T2', 'B', 'Plans drift after review.'],
    ]);
  });

  it('names the coders and counts their tags', () => {
    const tags = [coded('A', 0, 1, 't1'), coded('A', 1, 2, 't1'), coded('B', 0, 1, 't1'), { ...coded('x', 0, 1, 't1'), author: undefined }];
    assert.deepEqual([...codersOf([tags])], [['A', 2], ['B', 1]]);
  });
});

describe('agreement: kappa bands', () => {
  it('below 0.4, 0.4 to 0.75, above 0.75, and none for an undefined kappa', () => {
    assert.deepEqual([-0.2, 0.399, 0.4, 0.75, 0.751, 1, 'undefined' as const].map(kappaBand), ['low', 'low', 'fair', 'fair', 'high', 'high', 'none']);
  });
});
