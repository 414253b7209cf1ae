// Suggested tags: passages whose words match a theme's cue phrases. A suggestion is only a
// prompt; the user accepts (tags) or dismisses it. Its key is built from the theme and the passage's
// words, not from offsets, so a dismissal survives re-analysis, edits elsewhere and re-wrapping.

import type { Range } from '../../recognition/model';
import type { Codebook } from '../codebook/codebookModel';
import { CueMatcher, type CueEntry } from './codebookCueMatcher';
import type { Tag } from '../sidecar/sidecarModel';

export interface Suggestion {
  /** Stable: `<theme id>:<hash of the passage's folded words>`, plus `#n` for the n-th identical passage. */
  key: string;
  themeId: string;
  /** The sentence (or paragraph) that contains the cue. */
  range: Range;
  /** The first cue found in the passage, as written in the codebook. */
  cue: string;
  /** Where that cue's words are in the text. */
  cueRange: Range;
  /** Every cue of this theme found in the passage, in text order, without repeats. */
  cues: string[];
  /** The passage's text with line breaks and runs of spaces collapsed. */
  quote: string;
}

export interface SuggestOptions {
  /** 'sentence' (default) or 'paragraph'. */
  unit?: 'sentence' | 'paragraph';
  /**
   * Known paragraph ranges (e.g. the report model's numbered paragraphs). With unit 'paragraph' a cue
   * inside one of them is suggested for the whole range; elsewhere paragraphs are blocks between blank lines.
   */
  paragraphs?: readonly Range[];
  /** Keys the user dismissed (Sidecar.dismissedSuggestions). */
  dismissed?: Iterable<string>;
  /** Existing tags: a passage overlapping a tag with the same theme is not suggested. Orphaned tags are ignored. */
  tags?: readonly Tag[];
  /** Themes to leave out. */
  excludeThemes?: Iterable<string>;
  /**
   * Parts of the report not to suggest in, e.g. the report model's "What the inspection judgements
   * mean" descriptors or closing boilerplate: a cue inside one of them is ignored.
   */
  skip?: readonly Range[];
}

/** Longest passage offered; beyond it (a flattened table, say) the passage is cut at line ends. */
const MAX_PASSAGE = 1200;

const matcherCache = new WeakMap<Codebook, CueMatcher>();

/** The combined matcher for a codebook, built once per codebook object. */
export function cueMatcherFor(codebook: Codebook): CueMatcher {
  let matcher = matcherCache.get(codebook);
  if (!matcher) {
    matcher = new CueMatcher(codebookCues(codebook));
    matcherCache.set(codebook, matcher);
  }
  return matcher;
}

function* codebookCues(codebook: Codebook): Iterable<CueEntry> {
  for (const group of codebook.groups) for (const theme of group.themes) for (const cue of theme.cues) yield { themeId: theme.id, cue };
}

export function suggest(text: string, codebook: Codebook, options: SuggestOptions = {}): Suggestion[] {
  const matcher = cueMatcherFor(codebook);
  const matches = matcher.match(text);
  const excluded = new Set(options.excludeThemes ?? []);
  const unit = options.unit ?? 'sentence';
  const paragraphs = unit === 'paragraph' ? [...(options.paragraphs ?? [])].sort((a, b) => a.start - b.start) : [];
  let starts: number[] | undefined;
  const byPassage = new Map<string, Suggestion>();
  const ordered: Suggestion[] = [];
  const skip = options.skip ?? [];
  for (const m of matches) {
    if (excluded.has(m.themeId)) continue;
    if (skip.length > 0 && skip.some((r) => m.start >= r.start && m.end <= r.end)) continue;
    const range = knownParagraph(paragraphs, m.start, m.end) ?? passageAround(text, (starts ??= passageStarts(text, unit)), m.start, m.end);
    if (unit === 'sentence' && isHeadingLike(text, range)) continue;
    const id = `${m.themeId}\u0000${range.start}`;
    const existing = byPassage.get(id);
    if (existing) {
      if (!existing.cues.includes(m.cue)) existing.cues.push(m.cue);
      continue;
    }
    const s: Suggestion = { key: '', themeId: m.themeId, range, cue: m.cue, cueRange: { start: m.start, end: m.end }, cues: [m.cue], quote: collapse(text.slice(range.start, range.end)) };
    byPassage.set(id, s);
    ordered.push(s);
  }
  ordered.sort((a, b) => a.range.start - b.range.start || a.cueRange.start - b.cueRange.start || (a.themeId < b.themeId ? -1 : 1));
  const seen = new Map<string, number>();
  for (const s of ordered) {
    const base = suggestionKey(s.themeId, s.quote);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    s.key = n === 1 ? base : `${base}#${n}`;
  }
  const dismissed = new Set(options.dismissed ?? []);
  const tagged = (options.tags ?? []).filter((t) => !t.orphaned);
  return ordered.filter((s) => !dismissed.has(s.key) && !tagged.some((t) => overlaps(t.anchor.position, s.range) && t.themes.some((th) => th.id === s.themeId)));
}

/**
 * The key of a suggestion for this theme and passage. Only the letters and digits count (lower-cased),
 * so the same words give the same key however they are wrapped, hyphenated or punctuated.
 */
export function suggestionKey(themeId: string, passage: string): string {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  for (let i = 0; i < passage.length; i++) {
    let c = passage.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      if (c < 128 || !/[\p{L}\p{N}]/u.test(passage[i]!)) continue;
      c = passage[i]!.toLowerCase().charCodeAt(0);
    }
    // Two 32-bit FNV-1a style hashes with different multipliers: 64 bits, plenty within one report.
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${themeId}:${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Headings, table rows and labels ("2.1 Adoption performance Good", "Quality assurance manager: …")
 * are not evidence: short, without closing punctuation, and not an item of a bulleted list.
 */
function isHeadingLike(text: string, range: Range): boolean {
  let end = range.end;
  while (end > range.start && CLOSERS.has(text[end - 1]!)) end--;
  const last = text[end - 1];
  if (last === '.' || last === '!' || last === '?' || last === ';') return false;
  let b = range.start - 1;
  while (b >= 0 && (text[b] === ' ' || text[b] === '\t')) b--;
  if (b >= 0 && BULLETS.has(text[b]!)) return false;
  let words = 0;
  for (const _ of text.slice(range.start, range.end).matchAll(/[\p{L}\p{N}]+/gu)) if (++words >= 10) return false;
  return true;
}

function knownParagraph(paragraphs: readonly Range[], start: number, end: number): Range | undefined {
  for (const p of paragraphs) {
    if (p.start > start) return undefined;
    if (p.end >= end) return { start: p.start, end: p.end };
  }
  return undefined;
}

function overlaps(a: { start: number; end: number }, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f\u00A0]{2,}|[\t\r\n\f\u00A0]/g, ' ').trim();
}

const BULLETS = new Set(['\u25FC', '\u25AA', '\u25CF', '\u2022', '\uF06E', '\uF02D', '\uF0B7', '\u25A0', '\u2013']);
const CLOSERS = new Set([')', '"', '\u201D', '\u2019', "'"]);

/**
 * Where passages begin, found in one pass. Sentences end at . ! or ? followed by a space and a
 * capital, digit, quote or bullet (not after e.g./i.e./etc.); a blank line or a bullet at a line
 * start ends both sentences and paragraphs.
 */
export function passageStarts(text: string, unit: 'sentence' | 'paragraph'): number[] {
  const starts = [0];
  const push = (at: number): void => {
    if (at > starts[starts.length - 1]!) starts.push(at);
  };
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (isBlankLineAt(text, i) || isBlankLineBefore(text, i)) push(i + 1);
    } else if (unit === 'sentence') {
      if (c === 46 || c === 33 || c === 63) {
        let j = i + 1;
        if (CLOSERS.has(text[j] ?? '')) j++;
        if (j < len && isSpace(text[j]!)) {
          const k = skipSpace(text, j);
          if (startsSentence(text, k) && !isAbbreviation(text, i)) push(j);
        }
      } else if (c >= 0x2000 && BULLETS.has(text[i]!) && lineStartBefore(text, i)) push(i + 1);
    }
  }
  return starts;
}

/** The passage around [start, end), given the passage starts; long ones are cut to the nearby lines. */
function passageAround(text: string, starts: readonly number[], start: number, end: number): Range {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= start) lo = mid;
    else hi = mid - 1;
  }
  let s = starts[lo]!;
  let k = lo + 1;
  while (k < starts.length && starts[k]! < end) k++;
  let e = k < starts.length ? starts[k]! : text.length;
  if (e - s > MAX_PASSAGE) {
    // A flattened table or a page of text without full stops: the cue's line and its neighbours.
    s = Math.max(s, lineStart(text, lineStart(text, start) - 1));
    e = Math.min(e, lineEnd(text, lineEnd(text, end) + 1));
  }
  while (s < e && isSpace(text[s]!)) s++;
  while (e > s && isSpace(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function lineStart(text: string, i: number): number {
  if (i <= 0) return 0;
  return text.lastIndexOf('\n', i - 1) + 1;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\f' || ch === '\u00A0';
}

function isBlankLineAt(text: string, nl: number): boolean {
  // text[nl] is a newline: is the line after it blank?
  let j = nl + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || text[j] === '\f')) j++;
  return j >= text.length || text[j] === '\n';
}

function isBlankLineBefore(text: string, nl: number): boolean {
  // text[nl] is a newline: is the line before it blank?
  let j = nl - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || text[j] === '\f')) j--;
  return j < 0 || text[j] === '\n';
}

function lineStartBefore(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || text[j] === '\n';
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text[i]!)) i++;
  return i;
}

function startsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return true;
  return /[\p{Lu}\p{N}"'\u201C\u2018(]/u.test(ch) || BULLETS.has(ch);
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = text.slice(Math.max(0, dot - 4), dot + 1).toLowerCase();
  return /(?:^|[^a-z])(?:e\.g|i\.e|etc|no|dr|mr|mrs|ms|st)\.$/.test(before);
}
