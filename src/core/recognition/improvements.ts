// Areas for improvement, item by item: bullets or numbered items under the improvement headings, with
// line wrapping, page footers and bullet glyphs taken out, and national-framework references read.
import type { FrameworkRef, Improvement, ListOwner, Section, Strength } from './model';
import type { DocLine } from './documentLines';
import { isImprovementRole } from './sectionTree';
import { isResponsibleBodyHeader, readResponsibleBodyTable } from './responsibleBodyTable';

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

export function parseFrameworkRefs(text: string): FrameworkRef[] {
  const refs: FrameworkRef[] = [];
  const paren = /\(([^()]{3,120})\)/g;
  let m: RegExpExecArray | null;
  while ((m = paren.exec(text))) {
    const inner = m[1]!.toLowerCase();
    if (!/\b(?:outcomes?|enablers?)\b/.test(inner)) continue;
    if (!/national framework/.test(inner) && !/^\s*(?:outcomes?|enablers?)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b[\s\d,and&]*$/.test(inner)) continue;
    const item = /\b(outcome|enabler)s?\s+((?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*(?:,|and|&)\s*)?)+)/g;
    let k: RegExpExecArray | null;
    while ((k = item.exec(inner))) {
      for (const token of k[2]!.split(/\s*(?:,|and|&)\s*/)) {
        const t = token.trim();
        const number = /^\d+$/.test(t) ? Number(t) : NUMBER_WORDS[t];
        if (number) refs.push({ kind: k[1] as 'outcome' | 'enabler', number, text: m[0] });
      }
    }
  }
  return refs;
}

interface Piece {
  text: string;
  start: number;
  end: number;
}

const joinCache = new Map<string, string>();

/** Item text from its lines; cached, since re-analysis after an edit meets the same items again. */
function joinPieces(pieces: Piece[]): string {
  const key = pieces.length === 1 ? pieces[0]!.text : pieces.map((p) => p.text).join('\n');
  let joined = joinCache.get(key);
  if (joined === undefined) {
    joined = unwrap(pieces);
    if (joinCache.size > 20_000) joinCache.clear();
    joinCache.set(key, joined);
  }
  return joined;
}

function unwrap(pieces: Piece[]): string {
  let out = '';
  for (const p of pieces) {
    const t = p.text.trim();
    if (!t) continue;
    // A line broken after a hyphen ("multi-" / "agency") joins without a space.
    if (out && /[A-Za-z]-$/.test(out) && /^[a-z]/.test(t)) out += t;
    else out += (out ? ' ' : '') + t;
  }
  return out.replace(/\s+/g, ' ').replace(/\s+([.,;:])/g, '$1').trim();
}

/** The board's part of a SIF report, or a list its heading gives to the board ("What does the LSCB need to improve?"). */
const BOARD_HEADING = /\b(?:lscb|[a-z]{0,4}scb|safeguarding children (?:board|partnership)|the board)\b/i;

function ownerOf(section: Section, inherited: ListOwner): ListOwner {
  return inherited === 'lscb' || section.role === 'lscb' || BOARD_HEADING.test(section.title) ? 'lscb' : 'local-authority';
}

/** Sections with the owner of the lists in them: everything inside the board's part is the board's. */
function* sectionsWithOwner(sections: Section[], inherited: ListOwner = 'local-authority'): Generator<[Section, ListOwner]> {
  for (const s of sections) {
    const owner = ownerOf(s, inherited);
    yield [s, owner];
    yield* sectionsWithOwner(s.children, owner);
  }
}

export interface ReportLists {
  improvements: Improvement[];
  strengths: Strength[];
}

export function findImprovements(sections: Section[], lines: DocLine[], footer: boolean[], /** 1-based line of an offset. */ lineOf: (offset: number) => number): ReportLists {
  const improvements: Improvement[] = [];
  const strengths: Strength[] = [];
  for (const [section, owner] of sectionsWithOwner(sections)) {
    const strengthList = section.role === 'strengths';
    if (!strengthList && !isImprovementRole(section.role)) continue;
    const priority = section.role === 'priority-action';
    // Lines of child sections that are themselves lists are read with those sections.
    const skip = new Set<number>();
    for (const child of section.children) if (isImprovementRole(child.role) || child.role === 'strengths') for (let l = child.line; l <= child.endLine; l++) skip.add(l - 1);
    const groups = new Map<number, string>();
    for (const child of section.children) if (child.role === 'subtopic') groups.set(child.line - 1, child.title);
    const headingLast = lineOf(Math.max(section.headingRange.end - 1, section.headingRange.start)) - 1;
    const table = firstContentLine(lines, footer, headingLast + 1, section.endLine - 1);
    const read = table >= 0 && isResponsibleBodyHeader(lines[table]!.info) ? readResponsibleBodyTable(lines, footer, table + 1, section.endLine - 1) : readItems(lines, footer, headingLast + 1, section.endLine - 1, skip, groups);
    for (const item of read as Item[]) {
      const text = joinPieces(item.pieces);
      if (!text || /^(?:there (?:are|were) no|the inspection did not find any)\b/i.test(text)) continue;
      const range = { start: item.pieces[0]!.start, end: item.pieces[item.pieces.length - 1]!.end };
      const line = item.line + 1;
      if (strengthList) {
        const strength: Strength = { text, owner, range, line };
        if (item.number !== undefined) strength.number = item.number;
        strengths.push(strength);
        continue;
      }
      // Built whole, fields in the list item's order: spreading a list item into it was the loop's main cost.
      const frameworkRefs = parseFrameworkRefs(text);
      const improvement: Improvement = item.number === undefined
        ? { text, owner, range, line, priority, frameworkRefs }
        : { text, owner, range, line, number: item.number, priority, frameworkRefs };
      if (item.group) improvement.group = item.group;
      improvements.push(improvement);
    }
  }
  return { improvements: improvements.sort((a, b) => a.range.start - b.range.start), strengths: strengths.sort((a, b) => a.range.start - b.range.start) };
}

function firstContentLine(lines: DocLine[], footer: boolean[], from: number, to: number): number {
  for (let i = from; i <= to && i < lines.length; i++) if (!lines[i]!.info.blank && !footer[i]) return i;
  return -1;
}

/** Length of the longest line in [from, to]: the measure of a full line of prose. */
function widestLine(lines: DocLine[], from: number, to: number): number {
  let widest = 0;
  for (let i = from; i <= to && i < lines.length; i++) widest = Math.max(widest, lines[i]!.info.clean.length);
  return widest;
}

/**
 * A line that ends a sentence well short of a full line ends its paragraph: reading-order text keeps no
 * blank line between paragraphs, so this is how an unmarked item's end shows.
 */
function endsParagraph(info: DocLine['info'], widest: number): boolean {
  return /[.!?]["'’”)]?$/.test(info.clean) && info.clean.length < widest * 0.8;
}

/**
 * An unmarked item is a sentence of advice: it ends like a sentence or says what someone should do. Table
 * cells naming the responsible body (area SEND), running headers, names and addresses after the list are not.
 */
function readsAsRecommendation(pieces: Piece[]): boolean {
  const text = joinPieces(pieces);
  return /[.!?;:)'"’”]$/.test(text) || /\b(?:should|must|ensure|improve|strengthen|review|develop|increase|reduce)\b/i.test(text);
}

/** Who a recommendation asks to act, opening an unmarked item ("The partnership should ensure …" after "Leaders should …"). */
const ACTOR = /^(?:Leaders|The (?:local )?(?:area )?partnership|The local authority|Partners)\b(?! (?:and|of)\b)/;

/** The words an unmarked item opens with: its subject ("Leaders", "The local partnership"), or nothing for a sentence of another shape. */
function openingWords(clean: string): string | undefined {
  const m = /^(?:(?:The|This|A|An) \S+ \S+|[A-Z][a-z]+)(?= )/.exec(clean);
  return m && /\b(?:should|must|need|leaders|partnership|area|authority)\b/i.test(clean.slice(0, 60)) ? m[0] : undefined;
}

/** A lower-case bullet under an unmarked item that ends with a colon (or already has such bullets). */
function introducesSubList(current: Item, info: DocLine['info']): boolean {
  const content = info.norm.slice(info.bullet!.contentStart, info.last).trim();
  return /^[a-z]/.test(content) && (current.subList === true || /:\s*$/.test(current.pieces[current.pieces.length - 1]!.text));
}

interface Item {
  /** Lower-case bullets after a colon, read as the item's own parts. */
  subList?: boolean;
  pieces: Piece[];
  line: number;
  group?: string;
  /** Started by a bullet or a number (on its line, or alone on the line above). */
  marked: boolean;
  /** The number the report gives the item, when it numbers it on the item's first line. */
  number?: number;
}

/** A bullet glyph or an item number alone on its line: reading-order text puts the item's words below it. */
function bareMarker(info: DocLine['info']): boolean {
  return info.numberOnly !== undefined || (!info.bullet && info.clean.length <= 2 && /^(?:[◼■▪•●◦·\-–*\uF06E\uF02D\uF0B7\uF0A7\uF0D8\uF076\uF0FC]|o)$/.test(info.clean));
}

// Reading-order text may run the first timing heading ("Immediately:") on after it.
const LEAD_IN = /\b(?:the following (?:actions?|areas?|recommendations?)|as follows)\b[^.]{0,40}[.:](?:\s+[A-Z][a-z ]{2,30}:)?$/i;

/** Items in line indexes [from, to]. */
function readItems(lines: DocLine[], footer: boolean[], from: number, to: number, skip: Set<number>, groups: Map<number, string>): Item[] {
  const items: Item[] = [];
  let current: Item | undefined;
  let group: string | undefined;
  let sawBreak = false;
  let sawFooter = false;
  let marked = false;
  let pendingMarker = false;
  /** How the first unmarked item opens, when it opens like a recommendation's subject. */
  let opener: string | undefined;
  const widest = widestLine(lines, from, to);
  for (let i = from; i <= to; i++) {
    const line = lines[i];
    if (!line) break;
    // A focused-visit letter's closing sentence follows its list directly in reading-order text.
    if (/^ofsted will take the findings from this/.test(line.info.lower)) break;
    if (skip.has(i)) { current = undefined; continue; }
    const g = groups.get(i);
    if (g !== undefined) { group = g; current = undefined; continue; }
    const info = line.info;
    if (info.blank) { sawBreak = true; continue; }
    if (footer[i]) { sawFooter = true; continue; }
    if (bareMarker(info)) { pendingMarker = true; marked = true; current = undefined; continue; }
    const starts = info.bullet ?? info.numbered ?? (pendingMarker ? { contentStart: info.first } : undefined);
    pendingMarker = false;
    if (current && !current.marked && info.bullet && introducesSubList(current, info)) {
      // "… This includes ensuring that:" then lower-case bullets: the bullets are the item's own parts.
      current.pieces.push({ text: info.norm.slice(info.bullet.contentStart, info.last), start: line.start + info.bullet.contentStart, end: line.start + info.last });
      current.subList = true;
    } else if (current && !current.marked && opener && lines[i - 1] && /[.!?]["'’”)]?$/.test(lines[i - 1]!.info.clean) && (info.clean.startsWith(opener) || ACTOR.test(info.clean))) {
      // An unmarked list whose items all open alike ("Leaders should …", "Leaders must …"): a sentence that opens so starts the next.
      current = { pieces: [{ text: info.norm.slice(info.first, info.last), start: line.start + info.first, end: line.start + info.last }], line: i, marked: false };
      if (group) current.group = group;
      items.push(current);
    } else if (starts) {
      marked = true;
      current = { pieces: [{ text: info.norm.slice(starts.contentStart, info.last), start: line.start + starts.contentStart, end: line.start + info.last }], line: i, marked: true };
      if (group) current.group = group;
      if (info.numbered && starts === info.numbered) current.number = info.numbered.n;
      items.push(current);
    } else if (current && (!sawBreak || (sawFooter && /^[a-z(]/.test(info.clean))) && !(!current.marked && endsParagraph(lines[i - 1]!.info, widest))) {
      current.pieces.push({ text: info.norm.slice(info.first, info.last), start: line.start + info.first, end: line.start + info.last });
    } else if (!marked || !current) {
      // Unmarked items (plain paragraphs) are items too, until a marked list shows how this report lists them.
      current = { pieces: [{ text: info.norm.slice(info.first, info.last), start: line.start + info.first, end: line.start + info.last }], line: i, marked: false };
      if (group) current.group = group;
      items.push(current);
      opener ??= openingWords(info.clean);
    } else {
      current = undefined;
    }
    sawBreak = false;
    sawFooter = false;
  }
  // If the list is marked, unmarked paragraphs before it were an introduction, not items.
  const listed = marked ? items.filter((it) => it.marked) : items.filter((it) => readsAsRecommendation(it.pieces));
  // 2013 reports number their lead-in like a paragraph: "28. … the local authority should take the following action."
  if (listed.length > 1 && LEAD_IN.test(joinPieces(listed[0]!.pieces))) listed.shift();
  return listed;
}

/** A sentence that introduces a list of the report's improvements: "The report sets out two areas for improvement which are as follows:". */
const INTRODUCES_IMPROVEMENTS = /\b(?:areas? (?:for|of) (?:improvement|development|priority action)|recommendations|what needs to improve|needs? to improve)\b[^.]*:$/i;

/**
 * A committee paper restates the inspection's areas for improvement in its own prose: the bulleted or
 * numbered list right after a sentence introducing them, up to the first line that is not part of it.
 */
export function findIntroducedImprovements(lines: DocLine[], footer: boolean[]): Improvement[] {
  const out: Improvement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i]!.info;
    if (info.blank || info.bullet || !info.clean.endsWith(':') || !INTRODUCES_IMPROVEMENTS.test(sentenceEndingAt(lines, i))) continue;
    const end = listEnd(lines, footer, i + 1);
    if (end < 0) continue;
    const priority = /priority/i.test(info.clean);
    for (const item of readItems(lines, footer, i + 1, end, new Set(), new Map())) {
      const text = joinPieces(item.pieces);
      if (!text) continue;
      out.push({ text, owner: 'local-authority', priority, range: { start: item.pieces[0]!.start, end: item.pieces[item.pieces.length - 1]!.end }, line: item.line + 1, frameworkRefs: parseFrameworkRefs(text) });
    }
  }
  return out;
}

/** The last line of the list starting after `from` (blank lines and footers aside), or -1 when no list follows. */
function listEnd(lines: DocLine[], footer: boolean[], from: number): number {
  let end = -1;
  let gap = false;
  for (let j = from; j < lines.length; j++) {
    const info = lines[j]!.info;
    if (info.blank || footer[j]) { gap = true; continue; }
    // A paper's next numbered heading ("4.    Next steps": short, no full stop, nothing below it) ends the list.
    if (info.numbered && !info.bullet && isNumberedHeading(lines, info, j)) break;
    const marked = !!(info.bullet ?? info.numbered);
    // A list item, or the wrapped rest of one; after a gap, only a new item continues the list.
    if (marked || (end >= 0 && !gap)) end = j;
    else break;
    gap = false;
  }
  return end;
}

function isNumberedHeading(lines: DocLine[], info: DocLine['info'], j: number): boolean {
  const words = info.norm.slice(info.numbered!.contentStart, info.last).trim();
  return words.length < 60 && /^[A-Z]/.test(words) && !/[.,;:]$/.test(words) && (lines[j + 1]?.info.blank ?? true);
}

/** The line with the wrapped lines of its paragraph above it (at most two): an introducing sentence may wrap. */
function sentenceEndingAt(lines: DocLine[], i: number): string {
  let text = lines[i]!.info.clean;
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const info = lines[k]!.info;
    if (info.blank || info.bullet || /[.:;]$/.test(info.clean)) break;
    text = `${info.clean} ${text}`;
  }
  return text;
}
