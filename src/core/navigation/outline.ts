// The report as a tree of symbols for the editor's Outline, breadcrumbs and Go to Symbol: sections with
// their sub-sections, and inside them the judgements, areas for improvement, strengths and numbered
// paragraphs they contain. An item on the safeguarding board's list says so in its detail. Plain objects with offsets, so the tree is tested without an editor.

import type { Improvement, Judgement, NumberedParagraph, Range, ReportModel, Section, Strength } from '../recognition/model';
import { paragraphLabel } from '../recognition/model';
import { areaLabel, gradeLabel, listItemLabel } from '../vocabulary/labels';

export type OutlineSymbolKind = 'section' | 'judgement-section' | 'judgement' | 'improvement' | 'priority-improvement' | 'strength' | 'paragraph';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: OutlineSymbolKind;
  /** The whole extent of the symbol (offsets into the analysed text). */
  range: Range;
  /** What is selected when the symbol is chosen: the heading, the grade words, the item's first words. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

export interface OutlineOptions {
  /** Numbered paragraphs as symbols (default true). */
  paragraphs?: boolean;
  /** Longest symbol name before it is cut with an ellipsis (default 80). */
  maxNameLength?: number;
}

/**
 * Builds the symbol tree. Items sit in the deepest section whose range contains them; items before the
 * first section (an ILACS judgement table sits under the title, above any heading) are top-level.
 * `text` is the analysed text, used for the paragraphs' opening words.
 */
export function buildOutline(model: ReportModel, text: string, options: OutlineOptions = {}): OutlineSymbol[] {
  return new OutlineBuilder().build(model, text, options);
}

/**
 * buildOutline for one document asked again and again (the editor asks on every keystroke): a paragraph
 * whose opening words are unchanged reuses the detail worked out last time. Holds only what the last
 * build used, so it stays as small as the document's paragraph list.
 */
export class OutlineBuilder {
  /** Per paragraph, by its place in the list: the opening words read last time and the name and detail made of them. */
  private details: ParagraphEntry[] = [];
  /**
   * Section titles and item texts with their shortened names, in the order the last build asked for them:
   * the same strings come back in the same order on every keystroke, so each is compared with its
   * counterpart of last time (one string comparison) rather than looked up in a map (hashing every text).
   */
  private names: Array<{ full: string; short: string }> = [];
  private detailsMax = -1;

  build(model: ReportModel, text: string, options: OutlineOptions = {}): OutlineSymbol[] {
    const maxName = options.maxNameLength ?? 80;
    if (maxName !== this.detailsMax) {
      this.details = [];
      this.names = [];
      this.detailsMax = maxName;
    }
    const previousNames = this.names;
    const usedNames: Array<{ full: string; short: string }> = [];
    const name = (full: string): string => {
      const last = previousNames[usedNames.length];
      const entry = last !== undefined && last.full === full ? last : { full, short: shorten(full, maxName) };
      usedNames.push(entry);
      return entry.short;
    };
    const previous = this.details;
    const used: ParagraphEntry[] = [];
    const paragraphEntry = (p: NumberedParagraph, index: number): ParagraphEntry => {
      // A committee paper's printed "2.3" (the symbol's name) is left out, as paragraphDetailOf drops a plain "12.".
      const start = p.label === undefined ? p.range.start : Math.min(p.range.end, p.range.start + sectionNumberLength(text, p.range.start));
      const length = Math.min(p.range.end - start, maxName * 3);
      // The same paragraph last time, if its opening is unchanged. A slice is a view, and comparing two
      // strings is a memory comparison: no hashing, unlike a Map keyed by the opening (startsWith measured slower).
      const opening = text.slice(start, start + length);
      let entry = previous[index];
      if (!entry || entry.opening !== opening || entry.number !== p.number || entry.label !== p.label) {
        // "¶ 2.3" where a committee paper numbers its paragraphs by section: the number a reader cites.
        entry = { opening, number: p.number, label: p.label, name: `¶ ${paragraphLabel(p)}`, detail: paragraphDetailOf(opening, maxName) };
      }
      // By the paragraph's place in the model's list, which the items shown in its stead leave gaps in.
      used[index] = entry;
      return entry;
    };
    const tree = assembleOutline(model, name, options.paragraphs === false ? undefined : paragraphEntry);
    this.details = used;
    this.names = usedNames;
    return tree;
  }
}

/** What a paragraph's symbol shows, kept between keystrokes with the opening words it was made of. */
interface ParagraphEntry {
  opening: string;
  number: number;
  label: string | undefined;
  name: string;
  detail: string;
}

type Shorten = (full: string) => string;

function assembleOutline(model: ReportModel, name: Shorten, paragraphEntry: ((p: NumberedParagraph, index: number) => ParagraphEntry) | undefined): OutlineSymbol[] {
  const roots = sectionSymbols(model.sections, name);
  const top = placeItems(roots, itemSymbols(model, name, paragraphEntry));
  sortTree(top);
  return top;
}

/** The symbols placed inside sections: judgements, list items and paragraphs, list by list. */
function itemSymbols(model: ReportModel, name: Shorten, paragraphEntry: ((p: NumberedParagraph, index: number) => ParagraphEntry) | undefined): OutlineSymbol[] {
  const items: OutlineSymbol[] = [];
  for (const j of model.judgements) {
    // A heading that ends in its grade already shows the grade on the section itself.
    if (j.source === 'heading' && isRepeatedByHeading(j, model.sections)) continue;
    items.push(judgementSymbol(j));
  }
  for (const i of model.improvements) items.push(improvementSymbol(i, name));
  for (const s of model.strengths) items.push(strengthSymbol(s, name));
  if (paragraphEntry) paragraphSymbols(model, paragraphEntry, items);
  return items;
}

function paragraphSymbols(model: ReportModel, paragraphEntry: (p: NumberedParagraph, index: number) => ParagraphEntry, out: OutlineSymbol[]): void {
  // A numbered list item is also a paragraph of the running sequence (SIF): shown once, as the item.
  const itemLines = new Set<number>();
  for (const i of model.improvements) if (i.number !== undefined) itemLines.add(i.line);
  for (const s of model.strengths) if (s.number !== undefined) itemLines.add(s.line);
  const list = model.paragraphs;
  for (let index = 0; index < list.length; index++) {
    const p = list[index]!;
    if (!itemLines.has(p.line)) out.push(paragraphSymbol(p, paragraphEntry(p, index)));
  }
}

/** Each item into the deepest section containing it, or at the top level. */
function placeItems(roots: OutlineSymbol[], items: OutlineSymbol[]): OutlineSymbol[] {
  // Every home is found before any item is added, so the search walks sections only, not the items placed.
  const homes = items.map((item) => deepestContaining(roots, item.range.start));
  const top: OutlineSymbol[] = [...roots];
  for (let k = 0; k < items.length; k++) (homes[k]?.children ?? top).push(items[k]!);
  return top;
}

/** Document order: by start, the wider first; sortTree's order. */
function before(a: OutlineSymbol, b: OutlineSymbol): boolean {
  return a.range.start < b.range.start || (a.range.start === b.range.start && a.range.end > b.range.end);
}

function isSorted(symbols: OutlineSymbol[]): boolean {
  for (let k = 1; k < symbols.length; k++) if (before(symbols[k]!, symbols[k - 1]!)) return false;
  return true;
}

function sectionSymbol(s: Section, name: Shorten): OutlineSymbol {
  const judged = s.judgementArea !== undefined || s.grade !== undefined;
  const detail = s.grade ? gradeLabel(s.grade) : s.judgementArea ? areaLabel(s.judgementArea) : '';
  // The editor rejects a selection outside the symbol's range and an empty name.
  const range = { start: Math.min(s.range.start, s.headingRange.start), end: Math.max(s.range.end, s.headingRange.end) };
  return {
    name: name(s.title) || '(untitled section)',
    detail,
    kind: judged ? 'judgement-section' : 'section',
    range,
    selectionRange: s.headingRange,
    children: sectionSymbols(s.children, name),
  };
}

function sectionSymbols(sections: Section[], name: Shorten): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const s of sections) out.push(sectionSymbol(s, name));
  return out;
}

function judgementSymbol(j: Judgement): OutlineSymbol {
  return { name: areaLabel(j.area), detail: gradeLabel(j.grade), kind: 'judgement', range: j.range, selectionRange: j.range, children: [] };
}

function improvementSymbol(i: Improvement, name: Shorten): OutlineSymbol {
  const label = listItemLabel(i.priority ? 'priority-action' : 'improvement', i.owner);
  // The label and the group, whichever are not empty, joined (no array built: this runs on every keystroke).
  const detail = label && i.group ? `${label} · ${i.group}` : label || i.group || '';
  return {
    name: name(i.text) || '(empty item)',
    detail,
    kind: i.priority ? 'priority-improvement' : 'improvement',
    range: i.range,
    selectionRange: i.range,
    children: [],
  };
}

function strengthSymbol(s: Strength, name: Shorten): OutlineSymbol {
  return { name: name(s.text) || '(empty item)', detail: listItemLabel('strength', s.owner), kind: 'strength', range: s.range, selectionRange: s.range, children: [] };
}

function paragraphSymbol(p: NumberedParagraph, shown: ParagraphEntry): OutlineSymbol {
  return { name: shown.name, detail: shown.detail, kind: 'paragraph', range: p.range, selectionRange: p.range, children: [] };
}

/** The detail shown for a paragraph: its opening words, the printed number ("12." / "12") dropped. */
function paragraphDetailOf(opening: string, maxName: number): string {
  const words = collapsedOpening(opening, 0, opening.length, maxName).replace(/^\d+\.?\s*/, '');
  return cutAt(words, maxName);
}

const SECTION_NUMBER = /\d{1,2}\.\d{1,2}\.?/y;

/** Length of the "2.3" / "2.3." printed at `at`, or 0. */
function sectionNumberLength(text: string, at: number): number {
  SECTION_NUMBER.lastIndex = at;
  return SECTION_NUMBER.exec(text)?.[0].length ?? 0;
}

/** Whitespace as `\s` and String.prototype.trim count it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 160 && (c === 160 || c === 5760 || (c >= 8192 && c <= 8202) || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279));
}

/**
 * collapse(text.slice(from, to)), cut short once it holds more than `max` characters after its leading
 * number: the paragraph's detail never shows more. Runs on every keystroke for every paragraph, so it
 * walks only the characters it keeps instead of collapsing the whole slice with a regex.
 */
function collapsedOpening(text: string, from: number, to: number, max: number): string {
  let out = '';
  let lead = -1; // where the words after the leading "12." start, once known
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    let j = i;
    while (j < to && !isSpace(text.charCodeAt(j))) j++;
    // Whole words are appended, so the result is always a prefix of the fully collapsed text.
    if (out.length > 0) out += ' ';
    if (lead < 0) {
      for (let k = i; k < j; k++) {
        const c = text.charCodeAt(k);
        if (!(c >= 48 && c <= 57) && c !== 46) {
          lead = out.length + (k - i);
          break;
        }
      }
    }
    out += text.slice(i, j);
    if (lead >= 0 && out.length - lead > max + 1) break;
    i = j;
  }
  return out;
}

function isRepeatedByHeading(j: Judgement, sections: Section[]): boolean {
  for (const s of sections) {
    if (s.grade === j.grade && j.range.start >= s.headingRange.start && j.range.start < s.headingRange.end) return true;
    if (isRepeatedByHeading(j, s.children)) return true;
  }
  return false;
}

/** Called before any item is placed, so every symbol it walks is a section. */
function deepestContaining(symbols: OutlineSymbol[], offset: number): OutlineSymbol | undefined {
  for (const s of symbols) {
    if (offset >= s.range.start && offset < s.range.end) return deepestContaining(s.children, offset) ?? s;
  }
  return undefined;
}

function sortTree(symbols: OutlineSymbol[]): void {
  // A stable sort leaves a sorted list as it is, so the check (no comparator calls) gives the same tree.
  if (!isSorted(symbols)) symbols.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  // Most symbols are leaves (paragraphs, items): no call for their empty lists.
  for (const s of symbols) if (s.children.length > 0) sortTree(s.children);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Collapses wrapping whitespace and cuts at a word boundary. */
export function shorten(s: string, max: number): string {
  return cutAt(collapse(s), max);
}

/** shorten() of a string already collapsed (single spaces, trimmed). */
function cutAt(flat: string, max: number): string {
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}
