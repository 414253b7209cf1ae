// A "matching view" of a report's text, in which two conversions of the same PDF read the same: whitespace runs
// (line wraps, CRLF, indentation, column gaps) become one space, words hyphenated across a line break are joined,
// curly quotes, dashes and ligatures are folded, bullet glyphs count as space, and page-footer lines are dropped.
// Every character of the view remembers the span of the original text it came from, so a match found in the
// view maps back to exact offsets in the original.

export interface NormalisedText {
  /** The matching view. */
  text: string;
  /** text[i] stands for original[starts[i], ends[i]). Both arrays are non-decreasing. */
  starts: Int32Array;
  ends: Int32Array;
}

export interface NormaliseOptions {
  /** Keys (see footerLineKey) of lines to drop, typically repeatedLineKeys(text) of the whole report. */
  dropLineKeys?: ReadonlySet<string>;
  /** Also drop lines that hold only a page number ("12", "Page 3 of 12"). Default true. */
  dropPageNumbers?: boolean;
  /** The first and last lines may be cut mid-line (a quote with its context), so never drop them. */
  partialEdges?: boolean;
}

/** A line repeated this often may be a running footer; headings such as "Areas for improvement" repeat twice. */
const FOOTER_MIN_REPEATS = 3;

/** "<dates>      7": a page number after a wide gap at the end of a line. */
const TRAILING_PAGE_NUMBER = /\S\s{2,}\d{1,4}\s*$/;
const PAGE_NUMBER_LINE = /^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i;

// Bullet glyphs of PDF text (◼, Wingdings U+F06E/U+F02D/U+F0A7/U+F0B7, •, ▪, ●, ■, ◦, ‣, ⁃): layout, not words.
const BULLETS = new Set([0x25fc, 0xf06e, 0xf02d, 0xf0a7, 0xf0b7, 0x2022, 0x25aa, 0x25cf, 0x25a0, 0x25e6, 0x2023, 0x2043]);

const FOLDS = new Map<number, string>(
  Object.entries({
    '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '`': "'", '\u00B4': "'",
    '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
    '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
    '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl',
    '\u2026': '...',
  }).map(([from, to]) => [from.charCodeAt(0), to]),
);

const SOFT_HYPHEN = 0xad;

/** Hyphens that may split a word at a line break (en/em dashes never do). */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 12;
}

const LETTER = /\p{L}/u;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && LETTER.test(String.fromCharCode(c)));
}

/** The key under which a line counts as a repeated footer (spaces collapsed, digits as #), or undefined for lines too bare to judge. */
export function footerLineKey(line: string): string | undefined {
  let key = '';
  let letters = 0;
  let space = false;
  let digits = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isSpace(c)) {
      space = key.length > 0;
      digits = false;
      continue;
    }
    if (space) key += ' ';
    space = false;
    if (c >= 48 && c <= 57) {
      if (!digits) key += '#';
      digits = true;
      continue;
    }
    digits = false;
    if (c === 0x2018 || c === 0x2019) {
      key += "'";
      continue;
    }
    if (isLetter(c)) letters++;
    key += line[i];
  }
  return letters >= 4 ? key : undefined;
}

interface LineSpan {
  start: number;
  /** End of the line's text. */
  end: number;
  /** End including its line break. */
  next: number;
}

function lineSpans(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  eachLine(text, (start, end, next) => lines.push({ start, end, next }));
  return lines;
}

/** Each line as lineSpans lists them, in order, without building the list (a quote's, for every tag); `last` for the final one. */
function eachLine(text: string, visit: (start: number, end: number, next: number, last: boolean) => void): void {
  let start = 0;
  if (text.indexOf('\r') < 0 && text.indexOf('\f') < 0) {
    // Only '\n' breaks (nearly every text): found by the native search rather than character by character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      visit(start, i, i + 1, false);
      start = i + 1;
    }
    visit(start, text.length, text.length, true);
    return;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isBreak(c)) continue;
    const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    visit(start, i, next, false);
    start = next;
    i = next - 1;
  }
  visit(start, text.length, text.length, true);
}

/** Whether text[start, end) ends with a digit, spaces after it aside. */
function endsWithDigit(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return i >= start && c >= 48 && c <= 57;
}

function isPageNumbered(text: string, span: LineSpan | undefined): boolean {
  if (span === undefined || !endsWithDigit(text, span.start, span.end)) return false;
  const line = text.slice(span.start, span.end);
  return PAGE_NUMBER_LINE.test(line) || TRAILING_PAGE_NUMBER.test(line);
}

/**
 * Keys of running footer lines: lines repeated at least three times that carry a page number or sit next to a
 * line that does ("<title>" over "<dates>      7"). Repeated lines of prose are left alone.
 */
export function repeatedLineKeys(text: string, minRepeats = FOOTER_MIN_REPEATS): Set<string> {
  return keysRepeated(footerLineCounts(text), minRepeats);
}

/** The keys counted at least `minRepeats` times. */
export function keysRepeated(counts: ReadonlyMap<string, number>, minRepeats = FOOTER_MIN_REPEATS): Set<string> {
  const footers = new Set<string>();
  for (const [key, n] of counts) if (n >= minRepeats) footers.add(key);
  return footers;
}

/** How often each line that carries a page number, or sits next to one, occurs (by footerLineKey). */
export function footerLineCounts(text: string): Map<string, number> {
  const lines = lineSpans(text);
  const numbered = lines.map((span) => isPageNumbered(text, span));
  const counts = new Map<string, number>();
  lines.forEach((span, i) => {
    if (!(numbered[i] || numbered[i - 1] === true || numbered[i + 1] === true)) return;
    const key = footerLineKey(text.slice(span.start, span.end));
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

/** The matching view with the original span of every character (see MatchingView for a whole report's). */
export function normaliseForMatching(text: string, options: NormaliseOptions = {}): NormalisedText {
  return matchingView(text, options).withSpans();
}

/** The matching view of a whole text, as PassageFinder searches it. */
export function matchingView(text: string, options: NormaliseOptions = {}): MatchingView {
  const view = new SegmentedView(text);
  walk(text, options, view);
  return view.finish();
}

/**
 * The matching view's text, and for each original offset the index of the first view character that starts at
 * or after it (as toNormalisedOffset): for a quote with its context, normalised for every tag on every
 * re-anchoring, without keeping the spans of its characters.
 */
export function normaliseAt(text: string, options: NormaliseOptions, offsets: readonly number[]): { text: string; at: number[] } {
  const view = new QuoteView(text, offsets);
  walk(text, options, view);
  return view.finish();
}

/** What the walk builds: runs of the original kept as they are, and characters put in place of others. */
interface ViewSink {
  readonly length: number;
  /** The view's last character so far (length > 0). */
  lastCode(): number;
  /** Original [from, to) as it is, each character standing for itself. */
  keep(from: number, to: number): void;
  /** `chars`, each standing for original [start, end). */
  add(chars: string, start: number, end: number): void;
}

/** The walk over the text that makes the matching view, character by character save runs of plain text. */
function walk(text: string, options: NormaliseOptions, view: ViewSink): void {
  const dropped = droppedLineMask(text, options);
  const n = text.length;
  let wsStart = -1;
  let wsEnd = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isBlankCode(c, dropped, i)) {
      if (wsStart < 0) wsStart = i;
      wsEnd = i + 1;
      continue;
    }
    if (c === SOFT_HYPHEN) continue;
    // Join words split by a hyphen: "well-\norganised", "well-organised" and "wellorganised" all read
    // "wellorganised", since conversions disagree about which hyphens are real.
    if (isHyphen(c) && wsStart < 0 && view.length > 0 && isLetter(view.lastCode())) {
      const next = afterJoiningHyphen(text, dropped, i);
      if (next >= 0) {
        i = next - 1;
        continue;
      }
    }
    if (wsStart >= 0) {
      if (view.length > 0) view.add(' ', wsStart, wsEnd);
      wsStart = -1;
    }
    if (isPlain(c)) {
      const end = plainRunEnd(text, dropped, i + 1);
      view.keep(i, end);
      i = end - 1;
      continue;
    }
    const fold = c >= 0x60 && (c === 0x60 || c >= 0xab) ? FOLDS.get(c) : undefined;
    if (fold === undefined) view.keep(i, i + 1);
    else view.add(fold, i, i + 1);
  }
}

/**
 * normaliseAt's view: its text, built from slices of the original and the characters put in their place (a quote
 * is mostly runs kept as they are, and copying them character by character was most of a re-anchoring), and for
 * each offset asked for the index of the first view character starting at or after it.
 */
class QuoteView implements ViewSink {
  private out = '';
  /** Original [runStart, runEnd) is kept as it is, next in the view, not yet copied into `out`. */
  private runStart = -1;
  private runEnd = -1;
  private lastAdded = -1;
  private readonly at: number[];
  length = 0;

  constructor(
    private readonly source: string,
    private readonly offsets: readonly number[],
  ) {
    this.at = offsets.map(() => -1);
  }

  keep(from: number, to: number): void {
    if (this.runEnd !== from) {
      this.flush();
      this.runStart = from;
    }
    this.runEnd = to;
    this.length += to - from;
  }

  /** `chars`, all standing for original text from `start` (where they end is no matter here). */
  add(chars: string, start: number, _end: number): void {
    this.flush();
    this.reach(start, this.length);
    this.out += chars;
    this.length += chars.length;
    this.lastAdded = chars.charCodeAt(chars.length - 1);
  }

  lastCode(): number {
    return this.runStart >= 0 ? this.source.charCodeAt(this.runEnd - 1) : this.lastAdded;
  }

  finish(): { text: string; at: number[] } {
    this.flush();
    for (let k = 0; k < this.at.length; k++) if (this.at[k]! < 0) this.at[k] = this.length;
    return { text: this.out, at: this.at };
  }

  /** The offsets not yet placed that a view character at `index`, starting at `start`, is the first to reach. */
  private reach(start: number, index: number): void {
    for (let k = 0; k < this.at.length; k++) if (this.at[k]! < 0 && this.offsets[k]! <= start) this.at[k] = index;
  }

  private flush(): void {
    if (this.runStart < 0) return;
    const first = this.length - (this.runEnd - this.runStart);
    for (let k = 0; k < this.at.length; k++) {
      const offset = this.offsets[k]!;
      if (this.at[k]! < 0 && offset < this.runEnd) this.at[k] = first + Math.max(0, offset - this.runStart);
    }
    this.out += this.source.slice(this.runStart, this.runEnd);
    this.lastAdded = this.source.charCodeAt(this.runEnd - 1);
    this.runStart = -1;
    this.runEnd = -1;
  }
}

/** Reads a Uint16Array's code units as they are (little-endian machines, and a BOM kept), if it can. */
const UTF16_DECODER = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

/** Reports up to this long share one buffer for their view's characters; a longer one gets its own, not kept. */
const SHARED_CODES_LIMIT = 1 << 20;
let sharedCodes: Uint16Array | undefined;

/**
 * A whole report's view: its characters written into a buffer (one decode of it is far cheaper than joining a
 * report's thousands of slices), their original spans kept as segments rather than two numbers per character:
 * a segment is either a run whose characters stand for successive original characters (nearly all of a report:
 * words, single spaces, a line break between two words), or characters that all stand for one original span
 * (a run of spaces, a ligature's letters).
 */
class SegmentedView implements ViewSink {
  private codes: Uint16Array;
  /** Whether a surrogate was written: TextDecoder would replace a lone one, String.fromCharCode keeps it. */
  private surrogates = false;
  length = 0;
  /** Each segment's first view index, the original start of its first character, and -1 for a run or its end. */
  private readonly segView: number[] = [];
  private readonly segStart: number[] = [];
  private readonly segEnd: number[] = [];
  /** The original offset the last segment, a run, goes on with; -1 after one that is not a run. */
  private next = -1;

  constructor(private readonly source: string) {
    // The view is never longer than the text but for folds ("ﬃ" reads "ffi"), which grow it.
    const capacity = source.length + 16;
    if (capacity > SHARED_CODES_LIMIT) this.codes = new Uint16Array(capacity);
    else this.codes = sharedCodes !== undefined && sharedCodes.length >= capacity ? sharedCodes : (sharedCodes = new Uint16Array(Math.max(capacity, 2 * (sharedCodes?.length ?? 0))));
  }

  lastCode(): number {
    return this.codes[this.length - 1]!;
  }

  keep(from: number, to: number): void {
    this.runOf(this.length, from, to);
    if (this.length + (to - from) > this.codes.length) this.grow(to - from);
    const { codes, source } = this;
    let k = this.length;
    for (let i = from; i < to; i++, k++) {
      const c = source.charCodeAt(i);
      codes[k] = c;
      if ((c & 0xf800) === 0xd800) this.surrogates = true;
    }
    this.length = k;
  }

  add(chars: string, start: number, end: number): void {
    if (this.length + chars.length > this.codes.length) this.grow(chars.length);
    for (let k = 0; k < chars.length; k++) {
      if (end === start + 1) this.runOf(this.length, start, end);
      else if (this.next >= 0 || this.segStart[this.segStart.length - 1] !== start || this.segEnd[this.segEnd.length - 1] !== end) {
        this.segment(this.length, start, end);
        this.next = -1;
      }
      this.codes[this.length++] = chars.charCodeAt(k);
    }
  }

  finish(): MatchingView {
    return new MatchingView(this.text(), this.segView, this.segStart, this.segEnd);
  }

  private text(): string {
    const codes = this.codes.subarray(0, this.length);
    // Decoding the code units as they lie in memory is several times faster than fromCharCode on a long view.
    if (!this.surrogates && UTF16_DECODER !== undefined) return UTF16_DECODER.decode(codes);
    let text = '';
    // apply() takes the typed array as it is; a spread would walk it through the iterator protocol, far slower.
    for (let k = 0; k < codes.length; k += 4096) text += String.fromCharCode.apply(null, codes.subarray(k, Math.min(codes.length, k + 4096)) as unknown as number[]);
    return text;
  }

  private grow(more: number): void {
    const codes = new Uint16Array(2 * (this.codes.length + more));
    codes.set(this.codes.subarray(0, this.length));
    this.codes = codes;
  }

  /** View characters from `view` on standing for original [from, to), one each. */
  private runOf(view: number, from: number, to: number): void {
    if (this.next !== from) this.segment(view, from, -1);
    this.next = to;
  }

  private segment(view: number, start: number, end: number): void {
    this.segView.push(view);
    this.segStart.push(start);
    this.segEnd.push(end);
  }
}

/** A whole text's matching view: its text, and the original span of each of its characters, looked up by segment. */
export class MatchingView {
  constructor(
    readonly text: string,
    private readonly segView: readonly number[],
    private readonly segStart: readonly number[],
    private readonly segEnd: readonly number[],
  ) {}

  /** Where view character k starts in the original; undefined outside the view (as an array's index). */
  startOf(k: number): number | undefined {
    if (!(k >= 0 && k < this.text.length)) return undefined;
    const s = this.segmentOf(k);
    return this.segEnd[s]! < 0 ? this.segStart[s]! + (k - this.segView[s]!) : this.segStart[s]!;
  }

  /** Where view character k ends in the original; undefined outside the view. */
  endOf(k: number): number | undefined {
    if (!(k >= 0 && k < this.text.length)) return undefined;
    const s = this.segmentOf(k);
    const end = this.segEnd[s]!;
    return end < 0 ? this.segStart[s]! + (k - this.segView[s]!) + 1 : end;
  }

  /** Original range covered by view[nStart, nEnd) (nEnd > nStart), as toOriginalRange. */
  toOriginal(nStart: number, nEnd: number): { start: number; end: number } {
    return { start: this.startOf(nStart)!, end: this.endOf(nEnd - 1)! };
  }

  /** Index of the first view character that starts at or after the original offset, as toNormalisedOffset. */
  toView(offset: number): number {
    // The first segment whose last character starts at or after the offset: starts never decrease.
    let lo = 0;
    let hi = this.segView.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lastStart(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.segView.length) return this.text.length;
    return this.segEnd[lo]! < 0 ? this.segView[lo]! + Math.max(0, offset - this.segStart[lo]!) : this.segView[lo]!;
  }

  /** The view with every character's span spelled out. */
  withSpans(): NormalisedText {
    const n = this.text.length;
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let s = 0; s < this.segView.length; s++) {
      const to = s + 1 < this.segView.length ? this.segView[s + 1]! : n;
      const start = this.segStart[s]!;
      const end = this.segEnd[s]!;
      for (let k = this.segView[s]!; k < to; k++) {
        starts[k] = end < 0 ? start + (k - this.segView[s]!) : start;
        ends[k] = end < 0 ? starts[k]! + 1 : end;
      }
    }
    return { text: this.text, starts, ends };
  }

  private lastStart(s: number): number {
    if (this.segEnd[s]! >= 0) return this.segStart[s]!;
    const to = s + 1 < this.segView.length ? this.segView[s + 1]! : this.text.length;
    return this.segStart[s]! + (to - 1 - this.segView[s]!);
  }

  /** The segment holding view character k: the last one starting at or before it. */
  private segmentOf(k: number): number {
    let lo = 0;
    let hi = this.segView.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segView[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/**
 * Printable ASCII that is kept as it is whatever its neighbours: not space, not a hyphen (which may join a word),
 * not the backquote (folded). Most of a report is runs of these, taken in one tight loop.
 */
function isPlain(c: number): boolean {
  return c > 32 && c < 127 && c !== 0x2d && c !== 0x60;
}

/** Plain characters (isPlain) and single spaces each followed by one: plainRunEnd's run, matched natively. */
const PLAIN_RUN = /(?:[\x21-\x2c\x2e-\x5f\x61-\x7e]|\x20[\x21-\x2c\x2e-\x5f\x61-\x7e])*/y;

/**
 * The end of the run from `i` of plain characters and single spaces between them, none on a dropped line: all of
 * it reads in the view as it is (a single space stands for itself), so it is taken as one piece.
 */
function plainRunEnd(text: string, dropped: Uint8Array | undefined, i: number): number {
  PLAIN_RUN.lastIndex = i;
  PLAIN_RUN.test(text);
  const end = PLAIN_RUN.lastIndex;
  if (dropped === undefined) return end;
  // A dropped line ends the run where it begins, or at the space before it (a space is taken only with the
  // character after it).
  for (let j = i; j < end; j++) if (dropped[j] === 1) return j > i && text.charCodeAt(j - 1) === 32 ? j - 1 : j;
  return end;
}

/**
 * For a hyphen at `i` right after a letter: where the view goes on when it joins the parts of a word (the letter
 * after it, straight after or past a line break), or -1 when the hyphen is kept.
 */
function afterJoiningHyphen(text: string, dropped: Uint8Array | undefined, i: number): number {
  const n = text.length;
  if (i + 1 < n && !isBlank(text, dropped, i + 1) && isLetter(text.charCodeAt(i + 1))) return i + 1;
  let j = i + 1;
  let sawBreak = false;
  while (j < n && isBlank(text, dropped, j)) {
    if (isBreak(text.charCodeAt(j)) || (dropped !== undefined && dropped[j] === 1)) sawBreak = true;
    j++;
  }
  return sawBreak && j < n && isLetter(text.charCodeAt(j)) ? j : -1;
}

function isBlank(text: string, dropped: Uint8Array | undefined, i: number): boolean {
  return isBlankCode(text.charCodeAt(i), dropped, i);
}

/** Whether the character `c` at `i` reads as space: a space, a bullet, or on a dropped line. */
function isBlankCode(c: number, dropped: Uint8Array | undefined, i: number): boolean {
  // Printable ASCII is never space (the common case, tested first); dropped lines are, whatever they hold.
  if (c > 32 && c < 127) return dropped !== undefined && dropped[i] === 1;
  return (dropped !== undefined && dropped[i] === 1) || isSpace(c) || (c >= 0x2000 && BULLETS.has(c));
}


/** Original range covered by view[nStart, nEnd) (nEnd > nStart). */
export function toOriginalRange(view: NormalisedText, nStart: number, nEnd: number): { start: number; end: number } {
  return { start: view.starts[nStart]!, end: view.ends[nEnd - 1]! };
}

/** Index of the first view character that starts at or after the original offset. */
export function toNormalisedOffset(view: NormalisedText, offset: number): number {
  let lo = 0;
  let hi = view.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (view.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 1 for every character of a line to drop (whole line, including its line break), or undefined if none. */
function droppedLineMask(text: string, options: NormaliseOptions): Uint8Array | undefined {
  const keys = options.dropLineKeys !== undefined && options.dropLineKeys.size > 0 ? options.dropLineKeys : undefined;
  const pageNumbers = options.dropPageNumbers ?? true;
  if (keys === undefined && !pageNumbers) return undefined;
  let mask: Uint8Array | undefined;
  let first = true;
  eachLine(text, (start, end, next, last) => {
    const edge = first || last;
    first = false;
    if (options.partialEdges === true && edge) return;
    const drop =
      (pageNumbers && endsWithDigit(text, start, end) && PAGE_NUMBER_LINE.test(text.slice(start, end))) ||
      (keys !== undefined && end - start >= 4 && keys.has(footerLineKey(text.slice(start, end)) ?? ''));
    if (drop) {
      mask ??= sharedMask(text.length);
      mask.fill(1, start, next);
    }
  });
  return mask;
}

let maskBuffer: Uint8Array | undefined;

/**
 * A mask of `length` zeros. Every view built (a report's on each re-anchoring, a quote's for each tag) is walked
 * to its end before the next one is begun, so one buffer serves them all: a fresh one each time was a large
 * allocation for every report.
 */
function sharedMask(length: number): Uint8Array {
  if (length > SHARED_CODES_LIMIT) return new Uint8Array(length);
  if (maskBuffer === undefined || maskBuffer.length < length) maskBuffer = new Uint8Array(Math.max(length, 2 * (maskBuffer?.length ?? 0), 4096));
  const mask = maskBuffer.subarray(0, length);
  mask.fill(0);
  return mask;
}
