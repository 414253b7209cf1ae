// Invented reports full of repeated phrases (running page footers, "The local authority", stock sentences), a
// tag on one occurrence of them, and edits that carry every character's identity, for the property tests of
// re-anchoring (repeatedPhrasesProperty.test.ts).

import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { tagAt } from './helpers';

export const PHRASE = 'The local authority';
export const STOCK = ['Leaders know their services well.', 'Caseloads are manageable.', 'Children are seen alone.', 'Plans are reviewed regularly.'];
export const FOOTER_TITLE = 'Inspection of Westmere local authority children\u2019s services';
const SUBJECTS = ['Social workers', 'Managers', 'Personal advisers', 'Foster carers', 'Independent reviewing officers', 'Partners in health', 'Senior leaders', 'Practice supervisors'];
const VERBS = ['review', 'record', 'strengthen', 'oversee', 'challenge', 'update', 'respond to', 'monitor', 'audit', 'explain'];
const OBJECTS = ['the wishes of children', 'pathway plans', 'return home interviews', 'placement stability', 'family time arrangements', 'private fostering visits', 'strategy discussions', 'health assessments', 'life-story work', 'housing for care leavers'];
const MANNERS = ['promptly', 'carefully', 'with too little urgency', 'in plain language', 'every six weeks', 'after each review', 'inconsistently', 'with warmth', 'when risks escalate', 'without delay'];
/** Words of no sentence above: what an editor types in, so inserted words are never the tagged ones. */
export const INSERTS = ['Draft.', 'Revised in March.', 'Appendix follows.', 'See annex two.', 'Figures updated.'];

export interface Doc {
  text: string;
  /** Identity of each character: its offset in the original text, or a negative number when inserted. */
  ids: number[];
}

let fresh = -1;
export function splice(doc: Doc, at: number, remove: number, insert: string): Doc {
  return {
    text: doc.text.slice(0, at) + insert + doc.text.slice(at + remove),
    ids: [...doc.ids.slice(0, at), ...Array.from(insert, () => fresh--), ...doc.ids.slice(at + remove)],
  };
}

/** A report of numbered paragraphs with page footers; repeated sentences are never next to each other. */
export function makeReport(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const used = new Set<string>();
  // No two sentences begin or end alike for 32 characters (the context a tag stores), nor do two phrase
  // sentences after the phrase: else a deleted sentence's successor would carry the very same anchor.
  const distinct = (make: () => string): string => {
    for (;;) {
      const s = make();
      const keys = [`<${s.slice(0, s.startsWith(PHRASE) ? 52 : 32)}`, `>${s.slice(-32)}`];
      if (keys.every((k) => !used.has(k))) return keys.forEach((k) => used.add(k)), s;
    }
  };
  const unique = (): string => distinct(() => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(MANNERS)}.`);
  const paragraphs: string[] = [];
  const count = 6 + Math.floor(random() * 6);
  for (let p = 0; p < count; p++) {
    const sentences: string[] = [];
    const length = 2 + Math.floor(random() * 4);
    let repeatedBefore = true;
    for (let s = 0; s < length; s++) {
      const kind = random();
      if (kind < 0.3) sentences.push(distinct(() => `${PHRASE} ${pick(VERBS)}s ${pick(OBJECTS)} ${pick(MANNERS)}.`));
      else if (kind < 0.55 && !repeatedBefore) sentences.push(pick(STOCK));
      else sentences.push(unique());
      repeatedBefore = STOCK.includes(sentences[sentences.length - 1]!);
    }
    paragraphs.push(`${p + 1}. ${sentences.join(' ')}`);
  }
  let text = `Inspection of Westmere County Council\n\n`;
  paragraphs.forEach((paragraph, i) => {
    text += `${paragraph}\n\n`;
    // The page number within the 32 characters a tag stores after the title: the only words telling footers apart.
    if (i % 3 === 2) text += `${FOOTER_TITLE}\n2 to 13 June 2025${' '.repeat(2)}${1 + Math.floor(i / 3)}\n\n`;
  });
  return text;
}

export type Target = 'phrase' | 'stock' | 'footer' | 'words';

/** A tag on an occurrence of a repeated phrase, a stock sentence, a footer title, or a run of words. */
export function chooseTag(text: string, target: Target, random: () => number): Tag {
  const occurrences = (needle: string): number[] => [...text.matchAll(new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index);
  const choose = (needle: string): Tag | undefined => {
    const at = occurrences(needle);
    if (at.length === 0) return undefined;
    const start = at[Math.floor(random() * at.length)]!;
    return tagAt('t', text, start, start + needle.length);
  };
  const stock = STOCK.filter((s) => occurrences(s).length > 0);
  const tag =
    target === 'phrase' ? choose(PHRASE) : target === 'footer' ? choose(FOOTER_TITLE) : target === 'stock' && stock.length > 0 ? choose(stock[Math.floor(random() * stock.length)]!) : undefined;
  if (tag) return tag;
  const words = [...text.matchAll(/[A-Za-z][\w\u2019-]*/g)].filter((m) => m.index > 40);
  const first = Math.floor(random() * (words.length - 8));
  const last = first + 1 + Math.floor(random() * 6);
  return tagAt('t', text, words[first]!.index, words[last]!.index + words[last]![0].length);
}

/** The sentence (or footer line) holding text[start, end). */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !/[.\n]/.test(text[from - 1]!)) from--;
  while (from < start && text[from] === ' ') from++;
  let to = end;
  while (to < text.length && !/[.\n]/.test(text[to - 1]!)) to++;
  if (text[to] === ' ') to++;
  return { start: from, end: Math.max(to, end) };
}

