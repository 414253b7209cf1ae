// Wording similarity for areas for improvement: token Jaccard over normalised content words.
// Improvements are short (10-40 words) and reworded between inspections ("The quality of plans" /
// "Plans for children in need are not specific"), so we compare sets of content words, not sequences.

/** Two improvements with at least this Jaccard index over content words are "the same improvement".
 *  Measured on the "What needs to improve?" lists of the real ILACS reports (2,034 cross-report pairs
 *  within 142 authorities): all 11 pairs at 0.4 or more were one issue reworded; 0.3-0.4 was mixed
 *  (shared words like "children in care and care leavers"); so 0.4 favours precision, and rewordings
 *  that share fewer words are linked by a shared theme instead. */
export const WORDING_SIMILARITY_THRESHOLD = 0.4;

// Words that carry no subject in this genre: function words and the boilerplate of improvement lists.
const STOP_WORDS = new Set(
  (
    'a an and are as at be been being by for from has have in into is it its of on or so such that the their them ' +
    'they this those to was were which who with within when where whether how what all any more most also ' +
    'including ensure ensuring ensured improve improving improved improvement quality consistency consistent ' +
    'consistently effective effectiveness timely timeliness there these not no well both other own each ' +
    'outcome enabler national framework one two three four five six'
  ).split(' '),
);

// Every aggregation compares the same improvement texts again (the Evidence view re-collects when a tags file
// changes): their word sets are kept, keyed by the exact text, and forgotten all at once when there are many.
const MEMO_LIMIT = 20000;
const memo = new Map<string, ReadonlySet<string>>();

/** Lower case, curly quotes folded, framework cross-references dropped, crude plural stripping. */
export function contentWords(text: string): ReadonlySet<string> {
  let words = memo.get(text);
  if (!words) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    words = computeContentWords(text);
    memo.set(text, words);
  }
  return words;
}

// Words numbered in order of first sight, for comparing word sets as sorted number arrays (contentWordIds); and each
// word as the text's scan finds it, before plurals are stripped, to its number (-1 when it is not a content word),
// so a fresh process (a new window, a `report aggregate`) pays one lookup per word instead of building word sets.
const wordIds = new Map<string, number>();
const scannedWordIds = new Map<string, number>();
const idMemo = new Map<string, Int32Array>();

/**
 * Starts the word numbering again when it has grown large (a long session over many folders). Only between
 * comparisons: numbers from before and after a restart must never meet.
 */
export function renumberWordsIfLarge(): void {
  if (wordIds.size < MEMO_LIMIT * 8 && scannedWordIds.size < MEMO_LIMIT * 8) return;
  wordIds.clear();
  scannedWordIds.clear();
  idMemo.clear();
}

/** contentWords() as ascending word numbers, kept per text like the words themselves. */
export function contentWordIds(text: string): Int32Array {
  let ids = idMemo.get(text);
  if (!ids) {
    if (idMemo.size >= MEMO_LIMIT) idMemo.clear();
    ids = computeContentWordIds(text);
    idMemo.set(text, ids);
  }
  return ids;
}

function computeContentWordIds(text: string): Int32Array {
  const found: number[] = [];
  const cleaned = cleanedText(text);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(cleaned); match !== null; match = WORD.exec(cleaned)) {
    const scanned = match[0];
    let id = scannedWordIds.get(scanned);
    if (id === undefined) {
      const word = contentWord(scanned);
      if (word === undefined) id = -1;
      else {
        id = wordIds.get(word);
        if (id === undefined) wordIds.set(word, (id = wordIds.size));
      }
      scannedWordIds.set(scanned, id);
    }
    // Improvements are a few dozen words: a scan of the ids so far is cheaper than a set.
    if (id >= 0 && !found.includes(id)) found.push(id);
  }
  return Int32Array.from(found).sort();
}

/** How many words are numbered: every number contentWordIds has given is below it. */
export function numberedWordCount(): number {
  return wordIds.size;
}

/** jaccard() over two ascending number arrays (contentWordIds): the same value, without hashing words. */
export function sortedJaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

const FRAMEWORK_REFERENCE = /\((?:[^()]*national framework[^()]*|outcome [^()]*|enabler [^()]*)\)/g;
const WORD = /[\p{L}\p{N}]+/gu;

function computeContentWords(text: string): Set<string> {
  const words = new Set<string>();
  const cleaned = cleanedText(text);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(cleaned); match !== null; match = WORD.exec(cleaned)) {
    const word = contentWord(match[0]);
    if (word !== undefined) words.add(word);
  }
  return words;
}

/** Lower case, framework references dropped, curly apostrophes folded, possessive 's dropped. */
function cleanedText(text: string): string {
  // Each rewrite only when its characters occur: a fresh process meets thousands of texts, and most have none.
  let cleaned = text.toLowerCase();
  if (cleaned.includes('(')) cleaned = cleaned.replace(FRAMEWORK_REFERENCE, ' ');
  if (cleaned.includes('\u2019') || cleaned.includes('\u2018')) cleaned = cleaned.replace(/[’‘]/g, "'");
  if (cleaned.includes("'s")) cleaned = cleaned.replace(/'s\b/g, '');
  return cleaned;
}

/** A word as the scan finds it, as compared (crude plural stripping); undefined for a stop word or a single letter. */
function contentWord(word: string): string | undefined {
  if (word.length < 2 || STOP_WORDS.has(word)) return undefined;
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
