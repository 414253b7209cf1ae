// Whether an author's quotation is true to a tagged passage. Whitespace and quote styles do not matter; an
// ellipsis ("…", "...", "[…]") stands for omitted words and "[square brackets]" for the author's own insertions,
// so a quote is a sequence of literal pieces that must occur in the passage in order. Case and words count.

import type { QuoteDifference } from './citationModel';

/** An insertion in brackets stands for at most this many characters of the passage ("[the council's]"). */
const MAX_BRACKET_SPAN = 80;
/** Occurrences of one piece tried before giving up (keeps a pathological quote from running away). */
const MAX_TRIES = 200;
const MAX_DIFF_WORDS = 2000;
const MAX_DIFFERENCES = 3;

const FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '`': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\u2010': '-', '\u2011': '-',
  '\u2026': '...',
};

/** The text as matched: folded quotes, dashes and ellipses, one space for any run of whitespace, trimmed. */
export function matchingText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B`\u201C-\u201F\u00AB\u00BB\u2010-\u2015\u2212\u2026]/g, (c) => FOLDS[c] ?? c)
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

type Gap = 'start' | 'ellipsis' | 'bracket';

interface Piece {
  text: string;
  /** What stands between this piece and the one before it (or the quote's start). */
  before: Gap;
  /** True when an insertion in brackets follows it directly (no word boundary needed at its end). */
  bracketAfter: boolean;
}

/** The quote's literal pieces, in order, with what separates them. */
export function quotePieces(quote: string): Piece[] {
  const text = matchingText(quote);
  const pieces: Piece[] = [];
  let gap: Gap = 'start';
  // Ellipses, bracketed ellipses and bracketed insertions, in one pass.
  const separator = /\[\s*\.\.\.\s*\]|\.\.\.|\[[^\]]*\]/g;
  let last = 0;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    const kind: Gap = m[0].includes('...') ? 'ellipsis' : 'bracket';
    const added = push(text.slice(last, m.index), kind === 'bracket');
    // Two separators with nothing between them: the looser one (an ellipsis) counts.
    gap = !added && (gap as Gap) === 'ellipsis' ? 'ellipsis' : kind;
    last = m.index + m[0].length;
  }
  push(text.slice(last), false);
  // Punctuation closing the quote is often the author's sentence, not the report's.
  const final = pieces[pieces.length - 1];
  if (final && !final.bracketAfter) {
    final.text = final.text.replace(/[.,;:!?]+$/, '').trimEnd();
    if (!final.text) pieces.pop();
  }
  return pieces;

  function push(raw: string, bracketAfter: boolean): boolean {
    const piece = raw.trim();
    if (!piece) return false;
    pieces.push({ text: piece, before: gap, bracketAfter });
    gap = 'start';
    return true;
  }
}

/** True when the quote has words to check (not only ellipses and brackets). */
export function hasQuotedWords(quote: string): boolean {
  return quotePieces(quote).length > 0;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A word character, or an apostrophe or hyphen inside a word ("people's", "well-being"). */
function inWord(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (WORD_CHAR.test(c)) return true;
  return (c === "'" || c === '-') && WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i + 1] ?? '');
}

/** False when the match would start inside a word. */
function boundaryBefore(text: string, index: number): boolean {
  return index === 0 || !(inWord(text, index - 1) && inWord(text, index));
}

/** False when the match would end inside a word (including just before the "s" of "people's"). */
function boundaryAfter(text: string, end: number): boolean {
  return end >= text.length || !(inWord(text, end - 1) && inWord(text, end));
}

/** True when every piece of the quote occurs in the passage, in order, with the gaps its separators allow. */
export function quoteMatches(quote: string, passage: string): boolean {
  const pieces = quotePieces(quote);
  if (pieces.length === 0) return false;
  const text = matchingText(passage);
  return matchFrom(pieces, 0, text, 0, text.length);
}

function matchFrom(pieces: Piece[], i: number, text: string, from: number, latestStart: number): boolean {
  const piece = pieces[i];
  if (!piece) return true;
  const next = pieces[i + 1];
  let tries = 0;
  for (let at = text.indexOf(piece.text, from); at >= 0 && at <= latestStart && tries < MAX_TRIES; at = text.indexOf(piece.text, at + 1), tries++) {
    const end = at + piece.text.length;
    // Word boundaries where the quote starts, ends or skips words; not next to an insertion ("[t]he").
    if (piece.before !== 'bracket' && !boundaryBefore(text, at)) continue;
    if (!piece.bracketAfter && !boundaryAfter(text, end)) continue;
    const nextLatest = next?.before === 'bracket' ? end + MAX_BRACKET_SPAN : text.length;
    if (matchFrom(pieces, i + 1, text, end, nextLatest)) return true;
  }
  return false;
}

/** Where the quote's words part from the passage's: the first few differing stretches, by words. */
export function quoteDifferences(quote: string, passage: string): QuoteDifference[] {
  const quoted = quotePieces(quote).map((p) => p.text).join(' ').split(' ').filter(Boolean).slice(0, MAX_DIFF_WORDS);
  const words = matchingText(passage).split(' ').filter(Boolean).slice(0, MAX_DIFF_WORDS);
  // Words compare without the punctuation after them ("well" is "well."); the differences show them as written.
  const pairs = commonWords(quoted.map(wordKey), words.map(wordKey));
  if (pairs.length === 0) return [{ quoted: quoted.join(' '), passage: '' }];
  // Passage words before the first common word and after the last are simply not quoted, except those facing
  // quoted words there (a changed first or last word).
  const [firstQ, firstP] = pairs[0]!;
  const [lastQ, lastP] = pairs[pairs.length - 1]!;
  const sentinel: [number, number] = [quoted.length, Math.min(words.length, lastP + 1 + (quoted.length - lastQ - 1))];
  const differences: QuoteDifference[] = [];
  const omitted: string[] = [];
  let q = 0;
  let p = Math.max(0, firstP - firstQ);
  for (const [qi, pi] of [...pairs, sentinel]) {
    if (qi > q) differences.push({ quoted: quoted.slice(q, qi).join(' '), passage: words.slice(p, Math.max(p, pi)).join(' ') });
    else if (pi > p && q > 0) omitted.push(...words.slice(p, pi));
    q = qi + 1;
    p = pi + 1;
  }
  // Every quoted word is there, but words between them were left out without an ellipsis.
  if (differences.length === 0 && omitted.length > 0) differences.push({ quoted: '', passage: omitted.join(' ') });
  return differences.slice(0, MAX_DIFFERENCES);
}

function wordKey(word: string): string {
  return word.replace(/[.,;:!?]+$/, '');
}

/** Pairs [quote index, passage index] of a longest common subsequence of words. */
function commonWords(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return pairs;
}
