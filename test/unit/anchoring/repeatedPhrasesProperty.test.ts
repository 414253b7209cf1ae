// Property: in reports full of repeated phrases (running page footers, "The local authority", stock sentences),
// re-anchoring never puts a tag on other words. Every character carries an identity through the edits (its
// offset in the original, or a fresh number when inserted), so "its own words" is known exactly:
// - deleting or replacing the tagged occurrence always orphans the tag;
// - inserting, deleting or moving other text leaves it on exactly its own characters, or orphans it;
// - duplicating its paragraph leaves it on one of the two copies, or orphans it.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { reanchorTags } from '../../../src/core/tags/anchoring/reanchoring';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { chooseTag, type Doc, FOOTER_TITLE, INSERTS, makeReport, PHRASE, sentenceAround, splice, STOCK, type Target } from './repeatedPhrasesReport';
import { seededRandom } from './syntheticReport';

const RUNS = Number(process.env.ANCHORING_RUNS ?? 150);
// Fixed, so `npm test` is repeatable; ANCHORING_SEED=random explores (see the lead's notes on footer tags).
const SEED = process.env.ANCHORING_SEED === 'random' ? undefined : Number(process.env.ANCHORING_SEED ?? 17);
// Counterexamples that random seeds found (issue 17), run first on every run: footer text with only two footers,
// a deleted "The local authority" sentence, a stock sentence after a near-identical sentence end, one word of a
// long passage changed beside a word it could take in, a passage running into a page footer.
type Deletion = [number, Target, 'words' | 'sentence' | 'replace' | 'one word'];
const DELETIONS: Deletion[] = [
  [507392079, 'words', 'words'], [860884286, 'footer', 'words'], [45919370, 'words', 'words'], [695861562, 'phrase', 'sentence'],
  [263702536, 'stock', 'words'], [77842508, 'words', 'one word'], [42859015, 'words', 'one word'], [828215550, 'words', 'one word'],
  [252959947, 'words', 'one word'], [219137833, 'phrase', 'sentence'], [450882494, 'phrase', 'sentence'], [833555827, 'words', 'one word'],
];
type Edit = ['insert' | 'delete' | 'move', number, number, number, number];
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
];
const DUPLICATIONS: [number, Target, 'before' | 'after' | 'elsewhere', number][] = [[22, 'words', 'elsewhere', 138609789]];

function found(doc: Doc, tag: Tag): number[] {
  return doc.ids.slice(tag.anchor.position.start, tag.anchor.position.end);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_v, i) => from + i);
const targetArb = fc.constantFrom<Target>('phrase', 'stock', 'footer', 'words');
const runs = <T>(examples: T[]) => ({ numRuns: RUNS, examples, ...(SEED === undefined ? {} : { seed: SEED }) });

function setUp(seed: number, target: Target): { random: () => number; doc: Doc; tag: Tag; own: number[] } {
  const random = seededRandom(seed);
  const text = makeReport(random);
  const tag = chooseTag(text, target, random);
  return { random, doc: { text, ids: range(0, text.length) }, tag, own: range(tag.anchor.position.start, tag.anchor.position.end) };
}

describe('reanchorTags (property, repeated phrases)', () => {
  it('orphans a tag whose own occurrence was deleted or replaced, however often its words occur elsewhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), targetArb, fc.constantFrom<Deletion[2]>('words', 'sentence', 'replace', 'one word'), (seed, target, how) => {
        const { random, doc, tag } = setUp(seed, target);
        const { start, end } = tag.anchor.position;
        const quote = tag.anchor.quote.exact;
        let edited: Doc;
        if (how === 'words') edited = splice(doc, start, end - start + (doc.text[end] === ' ' ? 1 : 0), '');
        else if (how === 'sentence') {
          const s = sentenceAround(doc.text, start, end);
          edited = splice(doc, s.start, s.end - s.start, '');
        } else if (how === 'replace') edited = splice(doc, start, end - start, INSERTS[Math.floor(random() * INSERTS.length)]!.slice(0, -1));
        else {
          // One word of the passage changed: for a short phrase, another phrase (a longer passage may follow it).
          const words = [...quote.matchAll(/\S+/g)];
          const word = words[Math.floor(random() * words.length)]!;
          edited = splice(doc, start + word.index, word[0].length, 'county');
        }
        const result = reanchorTags([tag], edited.text);
        const r = result.results[0]!;
        const ids = found(edited, result.tags[0]!);
        if (how === 'one word' && quote.length >= 20 && r.status !== 'orphaned') {
          // Followed with the change: on its own surviving words and the new word, nothing else.
          assert.ok(ids.every((id) => id < 0 || (id >= start && id < end)), `moved onto other words: "${edited.text.slice(result.tags[0]!.anchor.position.start, result.tags[0]!.anchor.position.end)}"`);
          return;
        }
        assert.equal(r.status, 'orphaned', `${how} of "${quote}" at ${start}: put on "${edited.text.slice(result.tags[0]!.anchor.position.start, result.tags[0]!.anchor.position.end)}" at ${result.tags[0]!.anchor.position.start}`);
        assert.ok(r.explanation && r.explanation.length > 20, 'an orphan says why');
        assert.deepEqual(result.tags[0]!.anchor, tag.anchor, 'the orphan keeps its stored quote');
      }),
      runs(DELETIONS),
    );
  });

  it('keeps a tag on exactly its own words, or orphans it, when other text is inserted, deleted or moved', () => {
    const editArb = fc.tuple(fc.constantFrom<Edit[0]>('insert', 'delete', 'move'), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 400 }), fc.nat());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), targetArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), (seed, target, edits) => {
        const { doc, tag, own } = setUp(seed, target);
        let edited = doc;
        for (const [kind, a, b, length, pick] of edits) {
          const mine = (): [number, number] => [edited.ids.indexOf(own[0]!), edited.ids.indexOf(own[own.length - 1]!) + 1];
          // Offsets outside the tag's own characters (its edges included: text may be typed right beside it).
          const outside = (n: number): number => {
            const [s, e] = mine();
            const at = n % (edited.text.length + 1);
            return at > s && at < e ? (n % 2 === 0 ? s : e) : at;
          };
          // A new page footer anywhere, except beside a tagged footer: a copy of a footer right next to it is a
          // duplicate of the tagged words (see the duplication property), not other text.
          const footer = target === 'footer' ? INSERTS[0]! : `\n\n${FOOTER_TITLE}\n2 to 13 June 2025  9\n\n`;
          const insert = [`${PHRASE} ${INSERTS[pick % INSERTS.length]!.toLowerCase()}`, INSERTS[pick % INSERTS.length]!, footer, STOCK[pick % STOCK.length]!][pick % 4]!;
          const from = outside(a);
          const [s, e] = mine();
          // A span that ends before the tag or starts after it.
          const to = from <= s ? Math.min(s, from + length) : Math.min(edited.text.length, from + length);
          if (kind === 'insert') edited = splice(edited, from, 0, ` ${insert} `);
          else if (kind === 'delete') edited = splice(edited, from, to - from, '');
          else {
            const moved = edited.text.slice(from, to);
            const movedIds = edited.ids.slice(from, to);
            const cut = splice(edited, from, to - from, '');
            const [s2, e2] = [cut.ids.indexOf(own[0]!), cut.ids.indexOf(own[own.length - 1]!) + 1];
            let at = b % (cut.text.length + 1);
            if (at > s2 && at < e2) at = e2;
            edited = { text: cut.text.slice(0, at) + moved + cut.text.slice(at), ids: [...cut.ids.slice(0, at), ...movedIds, ...cut.ids.slice(at)] };
          }
          assert.ok(e > s);
        }
        const result = reanchorTags([tag], edited.text);
        if (result.results[0]!.status === 'orphaned') return;
        const { start, end } = result.tags[0]!.anchor.position;
        // Its own characters and no others; a passage that ran into a page footer may come back without the footer.
        const ids = found(edited, result.tags[0]!);
        const message = `tag on "${tag.anchor.quote.exact}" put on "${edited.text.slice(start, end)}"`;
        if (/\n/.test(tag.anchor.quote.exact)) assert.ok(ids.every((id) => own.includes(id)) && ids.length * 2 >= own.length, message);
        else assert.deepEqual(ids, own, message);
      }),
      runs(OTHER_EDITS),
    );
  });

  it('leaves a tag on one of the two copies of its duplicated paragraph, or orphans it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), targetArb, fc.constantFrom<'before' | 'after' | 'elsewhere'>('before', 'after', 'elsewhere'), fc.nat(), (seed, target, where, n) => {
        const { doc, tag, own } = setUp(seed, target);
        const { start, end } = tag.anchor.position;
        const from = doc.text.lastIndexOf('\n\n', start) + 2;
        const to = doc.text.indexOf('\n\n', end) + 2;
        const copyAt = where === 'before' ? from : where === 'after' ? to : [0, ...[...doc.text.matchAll(/\n\n/g)].map((m) => m.index + 2)][n % 8] ?? to;
        const edited = splice(doc, copyAt, 0, doc.text.slice(from, to));
        const copy = edited.ids.slice(copyAt + start - from, copyAt + end - from);
        const result = reanchorTags([tag], edited.text);
        if (result.results[0]!.status === 'orphaned') return;
        const ids = found(edited, result.tags[0]!);
        const onOne = JSON.stringify(ids) === JSON.stringify(own) || JSON.stringify(ids) === JSON.stringify(copy);
        assert.ok(onOne, `tag on "${tag.anchor.quote.exact}" put on "${edited.text.slice(result.tags[0]!.anchor.position.start, result.tags[0]!.anchor.position.end)}"`);
      }),
      runs(DUPLICATIONS),
    );
  });
});
