// Counterexamples the repeated-phrases property found over seeds 1..200 (issue 17), each named by its cause and
// run on every `npm test`: before anchor.repeats each of them put a tag on other words.

import { strict as assert } from 'node:assert';
import { checkDeletion, checkDuplication, checkOtherEdits } from './repeatedPhrasesChecks';

describe('reanchorTags (repeated phrases: counterexamples found by the property)', () => {
  it('orphans footer words deleted from one of two footers whose context reads alike (seed 104)', () => {
    const r = checkDeletion(364568414, 'words', 'words');
    assert.equal(r.reason, 'repeated');
  });

  it('orphans footer words deleted from one footer, not moving them to the footer before (seed 124)', () => {
    const r = checkDeletion(640901425, 'words', 'words');
    assert.equal(r.reason, 'repeated');
  });

  it('keeps footer words on their own footer, or orphans them, after two short insertions (seed 124)', () => {
    checkOtherEdits(640901425, 'words', [['insert', 0, 0, 1, 0], ['insert', 1233919431, 0, 1, 0]]);
  });

  it('orphans a deleted "The local authority" whose 32 characters either side recur word for word (seed 115)', () => {
    const r = checkDeletion(153235283, 'phrase', 'words');
    assert.equal(r.reason, 'repeated');
  });

  it('keeps "The local authority" off its look-alike when other text is deleted (seed 115)', () => {
    checkOtherEdits(153235283, 'phrase', [['delete', 972692989, 0, 323, 0]]);
  });

  it('orphans "The local authority" when its sentence is deleted and the next one, starting alike, slides into its place (seed 96)', () => {
    const r = checkDeletion(381314437, 'phrase', 'sentence');
    assert.equal(r.reason, 'repeated');
  });

  it('keeps a tagged footer title off the next page footer when its own line was run into the text (seed 81)', () => {
    checkOtherEdits(99585734, 'footer', [['delete', 0, 0, 259, 0], ['delete', 0, 0, 39, 0], ['delete', 226051853, 0, 375, 0]]);
  });

  it('puts a passage that ran into a page footer on the whole copy when its paragraph is copied in between (seeds 15, 136, 158)', () => {
    for (const [seed, n] of [[350802371, 2147483620], [27, 2147483620], [27, 28]] as const) {
      const r = checkDuplication(seed, 'words', 'elsewhere', n);
      assert.notEqual(r.status, 'orphaned', `seed ${seed}: the whole stored quote with its context is still there once`);
    }
  });
});
