// The three properties of re-anchoring in reports full of repeated phrases, one generated case at a time, shared
// by the property test (repeatedPhrasesProperty.test.ts) and the named counterexamples it once found
// (repeatedPhrasesExamples.test.ts). Each asserts and returns what re-anchoring said of the tag.

import { strict as assert } from 'node:assert';
import { reanchorTags, type ReanchorTagResult } from '../../../src/core/tags/anchoring/reanchoring';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { chooseTag, type Doc, FOOTER_TITLE, INSERTS, makeReport, PHRASE, sentenceAround, splice, STOCK, type Target } from './repeatedPhrasesReport';
import { seededRandom } from './syntheticReport';

export type DeletionKind = 'words' | 'sentence' | 'replace' | 'one word';
export type Edit = ['insert' | 'delete' | 'move', number, number, number, number];
export type CopyPlace = 'before' | 'after' | 'elsewhere';

function found(doc: Doc, tag: Tag): number[] {
  return doc.ids.slice(tag.anchor.position.start, tag.anchor.position.end);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_v, i) => from + i);

function setUp(seed: number, target: Target): { random: () => number; doc: Doc; tag: Tag; own: number[] } {
  const random = seededRandom(seed);
  const text = makeReport(random);
  const tag = chooseTag(text, target, random);
  return { random, doc: { text, ids: range(0, text.length) }, tag, own: range(tag.anchor.position.start, tag.anchor.position.end) };
}

/** Deleting or replacing the tagged occurrence always orphans the tag, keeping its stored anchor. */
export function checkDeletion(seed: number, target: Target, how: DeletionKind): ReanchorTagResult {
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
    return r;
  }
  assert.equal(r.status, 'orphaned', `${how} of "${quote}" at ${start}: put on "${edited.text.slice(result.tags[0]!.anchor.position.start, result.tags[0]!.anchor.position.end)}" at ${result.tags[0]!.anchor.position.start}`);
  assert.ok(r.explanation && r.explanation.length > 20, 'an orphan says why');
  assert.deepEqual(result.tags[0]!.anchor, tag.anchor, 'the orphan keeps its stored quote');
  return r;
}

/** Inserting, deleting or moving other text leaves the tag on exactly its own characters, or orphans it. */
export function checkOtherEdits(seed: number, target: Target, edits: readonly Edit[]): ReanchorTagResult {
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
  if (result.results[0]!.status === 'orphaned') return result.results[0]!;
  const { start, end } = result.tags[0]!.anchor.position;
  // Its own characters and no others; a passage that ran into a page footer may come back without the footer.
  const ids = found(edited, result.tags[0]!);
  const message = `tag on "${tag.anchor.quote.exact}" put on "${edited.text.slice(start, end)}"`;
  if (/\n/.test(tag.anchor.quote.exact)) assert.ok(ids.every((id) => own.includes(id)) && ids.length * 2 >= own.length, message);
  else assert.deepEqual(ids, own, message);
  return result.results[0]!;
}

/** Duplicating its paragraph leaves the tag on one of the two copies, or orphans it. */
export function checkDuplication(seed: number, target: Target, where: CopyPlace, n: number): ReanchorTagResult {
  const { doc, tag, own } = setUp(seed, target);
  const { start, end } = tag.anchor.position;
  const from = doc.text.lastIndexOf('\n\n', start) + 2;
  const to = doc.text.indexOf('\n\n', end) + 2;
  const copyAt = where === 'before' ? from : where === 'after' ? to : [0, ...[...doc.text.matchAll(/\n\n/g)].map((m) => m.index + 2)][n % 8] ?? to;
  const edited = splice(doc, copyAt, 0, doc.text.slice(from, to));
  const copy = edited.ids.slice(copyAt + start - from, copyAt + end - from);
  const result = reanchorTags([tag], edited.text);
  if (result.results[0]!.status === 'orphaned') return result.results[0]!;
  const ids = found(edited, result.tags[0]!);
  const onOne = JSON.stringify(ids) === JSON.stringify(own) || JSON.stringify(ids) === JSON.stringify(copy);
  assert.ok(onOne, `tag on "${tag.anchor.quote.exact}" put on "${edited.text.slice(result.tags[0]!.anchor.position.start, result.tags[0]!.anchor.position.end)}"`);
  return result.results[0]!;
}
