// Finding a codebook's cue phrases in report text with one combined matcher.
// PDF text wraps lines mid-phrase and hyphenates words across lines, so text and cues are both
// "folded" the same way (lower case, one space for any whitespace run, hyphens inside words and
// at line ends removed, curly quotes straightened) and matched in the folded text; a map takes
// each folded character back to its offset in the original text.

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each folded character, the UTF-16 offset of the original character it came from. */
  map: Int32Array;
}

const HYPHEN = 0x2d;
// Building the folded string from its code units natively: far faster than String.fromCharCode in chunks.
const utf16 = new TextDecoder('utf-16le');
const SOFT_HYPHEN = 0xad;
const nonAsciiWord = new Map<number, boolean>();

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  // General punctuation (curly quotes, dashes) and the private-use bullets of PDF text are common: answer them quickly.
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0xe000 && c <= 0xf8ff)) return false;
  let known = nonAsciiWord.get(c);
  if (known === undefined) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
    nonAsciiWord.set(c, known);
  }
  return known;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && isWordCode(ch.charCodeAt(0));
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 11 || c === 0xa0;
}

function isHyphenCode(c: number): boolean {
  return c === HYPHEN || c === 0x2010 || c === 0x2011;
}

/** Folds text for matching; see the file comment. Cues are folded with the same function. */
export function foldText(source: string): FoldedText {
  const len = source.length;
  const codes = new Uint16Array(len);
  const map = new Int32Array(len + 1);
  let n = 0;
  let lastWord = false;
  let lastSpace = true;
  for (let i = 0; i < len; i++) {
    const c = source.charCodeAt(i);
    if (c === SOFT_HYPHEN) continue;
    if (lastWord && isHyphenCode(c)) {
      // Inside a word ("multi-agency") or broken at a line end ("child-\nren"): join the parts,
      // so "well-being", "well-\nbeing" and "wellbeing" all fold to "wellbeing".
      let j = i + 1;
      let newline = false;
      while (j < len && isSpaceCode(source.charCodeAt(j))) {
        const d = source.charCodeAt(j);
        if (d === 10 || d === 13) newline = true;
        j++;
      }
      if (j < len && isWordCode(source.charCodeAt(j)) && (j === i + 1 || newline)) {
        i = j - 1;
        continue;
      }
      // A dash used as punctuation ("16- and 17-year-olds", "care - and"): a separator.
      if (!lastSpace) {
        codes[n] = 32;
        map[n++] = i;
      }
      lastSpace = true;
      lastWord = false;
      continue;
    }
    if (isSpaceCode(c)) {
      if (!lastSpace) {
        codes[n] = 32;
        map[n++] = i;
      }
      lastSpace = true;
      lastWord = false;
      continue;
    }
    let out = c;
    if (c >= 65 && c <= 90) out = c + 32;
    else if (c === 0x2019 || c === 0x2018 || c === 0x60 || c === 0x2bc) out = 39;
    else if (c === 0x201c || c === 0x201d) out = 34;
    else if (c >= 128) {
      const lower = String.fromCharCode(c).toLowerCase();
      // Lower-casing that changes the length (rare: "İ") keeps the original character.
      out = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
    codes[n] = out;
    map[n++] = i;
    lastSpace = false;
    lastWord = isWordCode(c);
  }
  map[n] = len;
  return { text: utf16.decode(codes.subarray(0, n)), map: map.subarray(0, n + 1) };
}

/** A cue as the matcher knows it. A cue ending in `*` also matches longer words ("safeguard*"). */
export interface CueEntry {
  themeId: string;
  /** The cue as written in the codebook. */
  cue: string;
}

export interface CueMatch extends CueEntry {
  /** Offsets in the original text of the matched words; end exclusive. */
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Cues ending here that must end at a word boundary. */
  whole?: CueEntry[];
  /** Cues ending here that may continue into a longer word. */
  prefix?: CueEntry[];
}

/** Folds a cue; undefined when nothing matchable is left (empty, or punctuation only). */
export function foldCue(cue: string): { folded: string; prefix: boolean } | undefined {
  let text = cue.trim();
  const prefix = text.endsWith('*');
  if (prefix) text = text.slice(0, -1);
  const folded = foldText(text).text.trim();
  if (!isWordChar(folded[0])) return undefined;
  return { folded, prefix };
}

/**
 * All cues of all themes in one trie, walked from each word start of the folded text: the cost
 * grows with the text, not with the number of cues. The trie is built with maps, then flattened
 * into typed arrays (children of a node side by side, sorted by character) for the hot loop.
 */
export class CueMatcher {
  readonly cueCount: number;
  /** Child node of the root for each ASCII code, or -1. */
  private readonly rootAscii = new Int32Array(128).fill(-1);
  private readonly firstChild: Int32Array;
  private readonly childCount: Int32Array;
  private readonly childCode: Uint16Array;
  private readonly childNode: Int32Array;
  private readonly whole: (CueEntry[] | undefined)[] = [];
  private readonly prefix: (CueEntry[] | undefined)[] = [];

  constructor(entries: Iterable<CueEntry>) {
    const root: TrieNode = { next: new Map() };
    let count = 0;
    for (const entry of entries) {
      const f = foldCue(entry.cue);
      if (!f) continue;
      let node = root;
      for (let k = 0; k < f.folded.length; k++) {
        const c = f.folded.charCodeAt(k);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map() };
          node.next.set(c, child);
        }
        node = child;
      }
      const list = f.prefix ? (node.prefix ??= []) : (node.whole ??= []);
      if (!list.some((e) => e.themeId === entry.themeId)) list.push(entry);
      count++;
    }
    this.cueCount = count;
    // Flatten breadth-first: node ids in order, each node's children contiguous.
    const order: TrieNode[] = [root];
    const ids = new Map<TrieNode, number>([[root, 0]]);
    for (let k = 0; k < order.length; k++) {
      for (const code of [...order[k]!.next.keys()].sort((x, y) => x - y)) {
        const child = order[k]!.next.get(code)!;
        ids.set(child, order.length);
        order.push(child);
      }
    }
    const n = order.length;
    this.firstChild = new Int32Array(n);
    this.childCount = new Int32Array(n);
    this.childCode = new Uint16Array(n);
    this.childNode = new Int32Array(n);
    let slot = 0;
    order.forEach((node, id) => {
      this.whole.push(node.whole);
      this.prefix.push(node.prefix);
      this.firstChild[id] = slot;
      this.childCount[id] = node.next.size;
      for (const code of [...node.next.keys()].sort((x, y) => x - y)) {
        this.childCode[slot] = code;
        this.childNode[slot] = ids.get(node.next.get(code)!)!;
        slot++;
      }
    });
    for (let c = 0; c < 128; c++) this.rootAscii[c] = this.child(0, c);
  }

  private child(node: number, code: number): number {
    const from = this.firstChild[node]!;
    const to = from + this.childCount[node]!;
    for (let k = from; k < to; k++) {
      const c = this.childCode[k]!;
      if (c === code) return this.childNode[k]!;
      if (c > code) break;
    }
    return -1;
  }

  /**
   * Every place a cue occurs as whole words. Where cues of one theme overlap at a start ("child
   * protection", "child protection plan") only the longest is kept.
   */
  match(source: string, folded: FoldedText = foldText(source)): CueMatch[] {
    const text = folded.text;
    const out: CueMatch[] = [];
    const len = text.length;
    const foundEntry: CueEntry[] = [];
    const foundEnd: number[] = [];
    for (let i = 0; i < len; i++) {
      if (i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
      const first = text.charCodeAt(i);
      let node = first < 128 ? this.rootAscii[first]! : this.child(0, first);
      if (node < 0) continue;
      let found = 0;
      let j = i + 1;
      while (node >= 0) {
        const whole = this.whole[node];
        if (whole && (j >= len || !isWordCode(text.charCodeAt(j)))) for (const e of whole) found = keepLongest(foundEntry, foundEnd, found, e, j);
        const prefix = this.prefix[node];
        if (prefix) {
          let k = j;
          while (k < len && isWordCode(text.charCodeAt(k))) k++;
          for (const e of prefix) found = keepLongest(foundEntry, foundEnd, found, e, k);
        }
        if (j >= len) break;
        node = this.child(node, text.charCodeAt(j));
        j++;
      }
      for (let f = 0; f < found; f++) {
        const entry = foundEntry[f]!;
        out.push({ themeId: entry.themeId, cue: entry.cue, start: folded.map[i]!, end: folded.map[foundEnd[f]! - 1]! + 1 });
      }
    }
    return out;
  }
}

/** Later (longer) matches of the same theme at one start replace earlier ones; returns the new count. */
function keepLongest(entries: CueEntry[], ends: number[], count: number, entry: CueEntry, end: number): number {
  for (let f = 0; f < count; f++) {
    if (entries[f]!.themeId === entry.themeId) {
      entries[f] = entry;
      ends[f] = end;
      return count;
    }
  }
  entries[count] = entry;
  ends[count] = end;
  return count + 1;
}
