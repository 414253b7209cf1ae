// What the Moderation view is sent: coders to choose from, theme rows with kappa bands, named disagreements.

import { strict as assert } from 'node:assert';
import { buildModerationModel } from '../../../src/extension/moderation/moderationModel';
import { coded, report } from './helpers';

const TEN = 'abcdefghij';

describe('Moderation view model', () => {
  const reports = [report(TEN, [coded('Ben', 3, 9, 't1'), coded('Amira', 0, 6, 't1'), coded('Carol', 0, 1, 't2')], { id: '/w/r.txt' })];

  it('compares the first two coders by name until others are chosen, with the band of each kappa', () => {
    const { model } = buildModerationModel(reports, { unit: 'character' }, (id) => id.slice(3));
    assert.deepEqual(model.coders, [{ name: 'Amira', tags: 1 }, { name: 'Ben', tags: 1 }, { name: 'Carol', tags: 1 }]);
    assert.deepEqual([model.coderA, model.coderB], ['Amira', 'Ben']);
    // As worked by hand in handWorked.test.ts: agreement 0.4, kappa -0.25 → the low band.
    assert.deepEqual(model.themes.map((t) => [t.id, t.agreement, t.kappa, t.band]), [['t1', 0.4, -0.25, 'low']]);
    assert.deepEqual(model.disagreements.map((d) => [d.index, d.coder, d.text, d.report]), [[0, 'Amira', 'abc', 'r.txt'], [1, 'Ben', 'ghi', 'r.txt']]);
  });

  it('a coder not in the reports, or the same coder twice, falls back to one that is', () => {
    const { model } = buildModerationModel(reports, { unit: 'character', coderA: 'Carol', coderB: 'Carol' }, (id) => id);
    assert.deepEqual([model.coderA, model.coderB], ['Carol', 'Amira']);
    const gone = buildModerationModel(reports, { unit: 'character', coderA: 'Zed' }, (id) => id).model;
    assert.equal(gone.coderA, 'Amira');
  });

  it('with one coder there is nothing to compare', () => {
    const { model } = buildModerationModel([report(TEN, [coded('Amira', 0, 6, 't1')])], { unit: 'character' }, (id) => id);
    assert.equal(model.coderB, undefined);
    assert.deepEqual([model.themes, model.disagreements], [[], []]);
  });
});

describe('Moderation view model: settled disagreements', () => {
  it('the agreed coder is never chosen by default, and a disagreement it has coded shows as settled', () => {
    const reports = [report(TEN, [coded('Ben', 3, 9, 't1'), coded('Amira', 0, 6, 't1'), coded('agreed', 0, 6, 't1')], { id: '/w/r.txt' })];
    const { model } = buildModerationModel(reports, { unit: 'character' }, (id) => id);
    assert.deepEqual([model.coderA, model.coderB], ['Amira', 'Ben']);
    assert.deepEqual(model.disagreements.map((d) => [d.text, d.settled]), [['abc', true], ['ghi', true]]);
    const unsettled = buildModerationModel([report(TEN, [coded('Ben', 3, 9, 't1'), coded('Amira', 0, 6, 't1')])], { unit: 'character' }, (id) => id).model;
    assert.deepEqual(unsettled.disagreements.map((d) => d.settled), [false, false]);
  });
});
