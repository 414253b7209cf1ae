// Property: in reports full of repeated phrases (running page footers, "The local authority", stock sentences),
// re-anchoring never puts a tag on other words. Every character carries an identity through the edits (its
// offset in the original, or a fresh number when inserted), so "its own words" is known exactly:
// - deleting or replacing the tagged occurrence always orphans the tag;
// - inserting, deleting or moving other text leaves it on exactly its own characters, or orphans it;
// - duplicating its paragraph leaves it on one of the two copies, or orphans it.

import fc from 'fast-check';
import { checkDeletion, checkDuplication, checkOtherEdits, type CopyPlace, type DeletionKind, type Edit } from './repeatedPhrasesChecks';
import type { Target } from './repeatedPhrasesReport';

const RUNS = Number(process.env.ANCHORING_RUNS ?? 150);
// Fixed, so `npm test` is repeatable; ANCHORING_SEED=random explores (see the lead's notes on footer tags).
const SEED = process.env.ANCHORING_SEED === 'random' ? undefined : Number(process.env.ANCHORING_SEED ?? 17);
// Counterexamples that random seeds found (issue 17), run first on every run: footer text with only two footers,
// a deleted "The local authority" sentence, a stock sentence after a near-identical sentence end, one word of a
// long passage changed beside a word it could take in, a passage running into a page footer.
type Deletion = [number, Target, DeletionKind];
const DELETIONS: Deletion[] = [
  [507392079, 'words', 'words'], [860884286, 'footer', 'words'], [45919370, 'words', 'words'], [695861562, 'phrase', 'sentence'],
  [263702536, 'stock', 'words'], [77842508, 'words', 'one word'], [42859015, 'words', 'one word'], [828215550, 'words', 'one word'],
  [252959947, 'words', 'one word'], [219137833, 'phrase', 'sentence'], [450882494, 'phrase', 'sentence'], [833555827, 'words', 'one word'],
  // Seeds 96, 104, 115, 124 of 1..200 (see repeatedPhrasesExamples.test.ts).
  [381314437, 'phrase', 'sentence'], [364568414, 'words', 'words'], [153235283, 'phrase', 'words'], [640901425, 'words', 'words'],
];
const OTHER_EDITS: [number, Target, Edit[]][] = [
  [271192272, 'words', [['insert', 0, 0, 1, 26]]],
  [724540115, 'words', [['delete', 0, 0, 65, 0]]],
  [507391959, 'words', [['delete', 0, 0, 93, 0], ['insert', 0, 0, 1, 0]]],
  [507392079, 'words', [['delete', 0, 0, 232, 0], ['delete', 0, 0, 344, 0], ['insert', 60695177, 0, 1, 1321132914]]],
  [507392079, 'words', [['delete', 0, 0, 232, 0], ['delete', 0, 0, 344, 0], ['insert', 60695179, 0, 1, 1321132914]]],
  [507392079, 'words', [['delete', 0, 0, 232, 0], ['delete', 0, 0, 344, 0], ['insert', 60695191, 0, 1, 0]]],
  [21, 'words', [['insert', 0, 0, 1, 19829366]]],
  [35449734, 'words', [['delete', 0, 0, 283, 0], ['delete', 0, 0, 310, 0], ['insert', 0, 0, 1, 0]]],
  [45919370, 'words', [['insert', 445342217, 0, 1, 2026846758]]],
  [403623579, 'words', [['move', 0, 56195529, 204, 0], ['insert', 399747257, 0, 1, 1329036002], ['insert', 0, 0, 1, 0]]],
  [306018077, 'words', [['insert', 0, 0, 1, 607374114]]],
  [9, 'footer', [['move', 877935299, 1297864966, 161, 0], ['insert', 0, 0, 1, 0]]],
  [540002774, 'words', [['insert', 0, 0, 1, 197748302], ['insert', 0, 0, 1, 0]]],
  // Seeds 81, 115, 124 of 1..200.
  [99585734, 'footer', [['delete', 0, 0, 259, 0], ['delete', 0, 0, 39, 0], ['delete', 226051853, 0, 375, 0]]],
  [153235283, 'phrase', [['delete', 972692989, 0, 323, 0]]],
  [640901425, 'words', [['insert', 0, 0, 1, 0], ['insert', 1233919431, 0, 1, 0]]],
];
// Seeds 15, 136, 158 of 1..200: a passage that ran into a page footer, its paragraph copied in between.
const DUPLICATIONS: [number, Target, CopyPlace, number][] = [[22, 'words', 'elsewhere', 138609789], [350802371, 'words', 'elsewhere', 2147483620], [27, 'words', 'elsewhere', 2147483620], [27, 'words', 'elsewhere', 28]];

const targetArb = fc.constantFrom<Target>('phrase', 'stock', 'footer', 'words');
const runs = <T>(examples: T[]) => ({ numRuns: RUNS, examples, ...(SEED === undefined ? {} : { seed: SEED }) });

describe('reanchorTags (property, repeated phrases)', () => {
  it('orphans a tag whose own occurrence was deleted or replaced, however often its words occur elsewhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), targetArb, fc.constantFrom<DeletionKind>('words', 'sentence', 'replace', 'one word'), (seed, target, how) => {
        checkDeletion(seed, target, how);
      }),
      runs(DELETIONS),
    );
  });

  it('keeps a tag on exactly its own words, or orphans it, when other text is inserted, deleted or moved', () => {
    const editArb = fc.tuple(fc.constantFrom<Edit[0]>('insert', 'delete', 'move'), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 400 }), fc.nat());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), targetArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), (seed, target, edits) => {
        checkOtherEdits(seed, target, edits);
      }),
      runs(OTHER_EDITS),
    );
  });

  it('leaves a tag on one of the two copies of its duplicated paragraph, or orphans it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), targetArb, fc.constantFrom<CopyPlace>('before', 'after', 'elsewhere'), fc.nat(), (seed, target, where, n) => {
        checkDuplication(seed, target, where, n);
      }),
      runs(DUPLICATIONS),
    );
  });
});
