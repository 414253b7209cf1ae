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
  let start = 0;
  if (text.indexOf('\r') < 0 && text.indexOf('\f') < 0) {
    // Only '\n' breaks (nearly every text): found by the native search rather than character by character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ start, end: i, next: i + 1 });
      start = i + 1;
    }
    lines.push({ start, end: text.length, next: text.length });
    return lines;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isBreak(c)) continue;
    const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    lines.push({ start, end: i, next });
    start = next;
    i = next - 1;
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

function endsWithDigit(text: string, span: LineSpan): boolean {
  let i = span.end - 1;
  while (i >= span.start && isSpace(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  return i >= span.start && c >= 48 && c <= 57;
}

function isPageNumbered(text: string, span: LineSpan | undefined): boolean {
  if (span === undefined || !endsWithDigit(text, span)) return false;
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

export function normaliseForMatching(text: string, options: NormaliseOptions = {}): NormalisedText {
  return buildView(text, options).build();
}

/**
 * The matching view's text, and for each original offset the index of the first view character that starts at
 * or after it (as toNormalisedOffset): for a quote with its context, normalised for every tag on every
 * re-anchoring, without copying out the spans of every character.
 */
export function normaliseAt(text: string, options: NormaliseOptions, offsets: readonly number[]): { text: string; at: number[] } {
  // The same walk as buildView, but runs of characters kept as they are go into the text as slices: a quote is
  // mostly such runs, and copying them character by character into typed arrays was most of a re-anchoring.
  const dropped = droppedLineMask(text, options);
  const n = text.length;
  const view = new QuoteView(text, offsets);
  let wsStart = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isBlankCode(c, dropped, i)) {
      if (wsStart < 0) wsStart = i;
      continue;
    }
    if (c === SOFT_HYPHEN) continue;
    if (isHyphen(c) && wsStart < 0 && view.length > 0 && isLetter(view.lastCode())) {
      const next = afterJoiningHyphen(text, dropped, i);
      if (next >= 0) {
        i = next - 1;
        continue;
      }
    }
    if (wsStart >= 0) {
      if (view.length > 0) view.add(' ', wsStart);
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
    else view.add(fold, i);
  }
  return view.finish();
}

/**
 * normaliseAt's view: its text, built from slices of the original and the characters put in their place, and
 * for each offset asked for the index of the first view character starting at or after it.
 */
class QuoteView {
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

  /** Original [from, to) as it is. */
  keep(from: number, to: number): void {
    if (this.runEnd !== from) {
      this.flush();
      this.runStart = from;
    }
    this.runEnd = to;
    this.length += to - from;
  }

  /** `chars`, all standing for original text from `start`. */
  add(chars: string, start: number): void {
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

function buildView(text: string, options: NormaliseOptions): ViewBuilder {
  const dropped = droppedLineMask(text, options);
  const n = text.length;
  const view = ViewBuilder.for(n + 16);
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
      if (view.length > 0) view.push(32, wsStart, wsEnd);
      wsStart = -1;
    }
    if (isPlain(c)) {
      const end = plainRunEnd(text, dropped, i + 1);
      view.pushRun(text, i, end);
      i = end - 1;
      continue;
    }
    const fold = c >= 0x60 && (c === 0x60 || c >= 0xab) ? FOLDS.get(c) : undefined;
    if (fold === undefined) view.push(c, i, i + 1);
    else for (let k = 0; k < fold.length; k++) view.push(fold.charCodeAt(k), i, i + 1);
  }
  return view;
}

/**
 * Printable ASCII that is kept as it is whatever its neighbours: not space, not a hyphen (which may join a word),
 * not the backquote (folded). Most of a report is runs of these, taken in one tight loop.
 */
function isPlain(c: number): boolean {
  return c > 32 && c < 127 && c !== 0x2d && c !== 0x60;
}

/**
 * The end of the run from `i` of plain characters and single spaces between them, none on a dropped line: all of
 * it reads in the view as it is (a single space stands for itself), so it is taken as one piece.
 */
function plainRunEnd(text: string, dropped: Uint8Array | undefined, i: number): number {
  const n = text.length;
  for (;;) {
    if (i < n && isPlain(text.charCodeAt(i)) && (dropped === undefined || dropped[i] === 0)) i++;
    else if (i + 1 < n && text.charCodeAt(i) === 32 && isPlain(text.charCodeAt(i + 1)) && (dropped === undefined || (dropped[i] === 0 && dropped[i + 1] === 0))) i += 2;
    else return i;
  }
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

/** Reads a Uint16Array's code units as they are (little-endian machines, and a BOM kept), if it can. */
const UTF16_DECODER = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

/** Inputs up to this long (a quote with its context) are built in one shared scratch builder. */
const SCRATCH_LIMIT = 4096;

/**
 * The view's characters and their original spans, grown as needed. A class with fields rather than closures over
 * reassigned arrays: the view of a whole report is built on every re-anchoring, and this keeps it a tight loop.
 */
class ViewBuilder {
  private static scratch: ViewBuilder | undefined;
  private codes: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  /** Whether a surrogate was pushed: TextDecoder would replace a lone one, String.fromCharCode keeps it. */
  private surrogates = false;
  length = 0;

  private constructor(private capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /**
   * A builder for about `capacity` characters. Every quote of every tag is normalised on each re-anchoring, and
   * three fresh typed arrays per quote cost more than the normalising: short inputs share one builder (the calls
   * are synchronous and build() copies out), while a whole report gets its own, not kept afterwards.
   */
  static for(capacity: number): ViewBuilder {
    if (capacity > SCRATCH_LIMIT) return new ViewBuilder(capacity);
    ViewBuilder.scratch ??= new ViewBuilder(SCRATCH_LIMIT);
    ViewBuilder.scratch.length = 0;
    ViewBuilder.scratch.surrogates = false;
    return ViewBuilder.scratch;
  }

  lastCode(): number {
    return this.codes[this.length - 1]!;
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.capacity) this.grow();
    if ((code & 0xf800) === 0xd800) this.surrogates = true;
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  /** Original [from, to) of plain characters (see isPlain), each as it is. */
  pushRun(text: string, from: number, to: number): void {
    while (this.length + (to - from) > this.capacity) this.grow();
    const { codes, starts, ends } = this;
    let k = this.length;
    for (let i = from; i < to; i++, k++) {
      codes[k] = text.charCodeAt(i);
      starts[k] = i;
      ends[k] = i + 1;
    }
    this.length = k;
  }

  private grow(): void {
    this.capacity *= 2;
    const codes = new Uint16Array(this.capacity);
    const starts = new Int32Array(this.capacity);
    const ends = new Int32Array(this.capacity);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  text(): string {
    // Decoding the code units as they lie in memory is several times faster than fromCharCode on a long view.
    if (!this.surrogates && UTF16_DECODER !== undefined) return UTF16_DECODER.decode(this.codes.subarray(0, this.length));
    let text = '';
    // apply() takes the typed array as it is; a spread would walk it through the iterator protocol, far slower.
    for (let k = 0; k < this.length; k += 4096) text += String.fromCharCode.apply(null, this.codes.subarray(k, Math.min(this.length, k + 4096)) as unknown as number[]);
    return text;
  }

  build(): NormalisedText {
    // The shared scratch is copied out; a builder of its own is dropped afterwards, so its arrays are kept as they are.
    const own = this !== ViewBuilder.scratch;
    const spans = (a: Int32Array): Int32Array => (own ? a.subarray(0, this.length) : a.slice(0, this.length));
    return { text: this.text(), starts: spans(this.starts), ends: spans(this.ends) };
  }
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
  const lines = lineSpans(text);
  lines.forEach((span, i) => {
    if (options.partialEdges === true && (i === 0 || i === lines.length - 1)) return;
    const drop =
      (pageNumbers && endsWithDigit(text, span) && PAGE_NUMBER_LINE.test(text.slice(span.start, span.end))) ||
      (keys !== undefined && span.end - span.start >= 4 && keys.has(footerLineKey(text.slice(span.start, span.end)) ?? ''));
    if (drop) {
      mask ??= new Uint8Array(text.length);
      mask.fill(1, span.start, span.next);
    }
  });
  return mask;
}
