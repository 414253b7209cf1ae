// Areas for improvement, item by item: bullets or numbered items under the improvement headings, with
// line wrapping, page footers and bullet glyphs taken out, and national-framework references read.
import type { FrameworkRef, Improvement, Section } from './model';
import type { DocLine } from './documentLines';
import { isImprovementRole, walkSections } from './sectionTree';

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

export function findImprovements(sections: Section[], lines: DocLine[], footer: boolean[], /** 1-based line of an offset. */ lineOf: (offset: number) => number): Improvement[] {
  const out: Improvement[] = [];
  for (const section of walkSections(sections)) {
    if (!isImprovementRole(section.role)) continue;
    const priority = section.role === 'priority-action';
    // Lines of child sections that are themselves improvement sections are read with those sections.
    const skip = new Set<number>();
    for (const child of section.children) if (isImprovementRole(child.role)) for (let l = child.line; l <= child.endLine; l++) skip.add(l - 1);
    const groups = new Map<number, string>();
    for (const child of section.children) if (child.role === 'subtopic') groups.set(child.line - 1, child.title);
    const headingLast = lineOf(Math.max(section.headingRange.end - 1, section.headingRange.start)) - 1;
    const items = readItems(lines, footer, headingLast + 1, section.endLine - 1, skip, groups);
    for (const item of items) {
      const text = joinPieces(item.pieces);
      if (!text || /^there (?:are|were) no\b/i.test(text)) continue;
      const improvement: Improvement = {
        text, priority, range: { start: item.pieces[0]!.start, end: item.pieces[item.pieces.length - 1]!.end },
        line: item.line + 1, frameworkRefs: parseFrameworkRefs(text),
      };
      if (item.group) improvement.group = item.group;
      out.push(improvement);
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

interface Item {
  pieces: Piece[];
  line: number;
  group?: string;
}

/** Items in line indexes [from, to]. */
function readItems(lines: DocLine[], footer: boolean[], from: number, to: number, skip: Set<number>, groups: Map<number, string>): Item[] {
  const items: Item[] = [];
  let current: Item | undefined;
  let group: string | undefined;
  let sawBreak = false;
  let sawFooter = false;
  let marked = false;
  for (let i = from; i <= to; i++) {
    const line = lines[i];
    if (!line) break;
    if (skip.has(i)) { current = undefined; continue; }
    const g = groups.get(i);
    if (g !== undefined) { group = g; current = undefined; continue; }
    const info = line.info;
    if (info.blank) { sawBreak = true; continue; }
    if (footer[i]) { sawFooter = true; continue; }
    const starts = info.bullet ?? info.numbered;
    if (starts) {
      marked = true;
      current = { pieces: [{ text: info.norm.slice(starts.contentStart, info.last), start: line.start + starts.contentStart, end: line.start + info.last }], line: i };
      if (group) current.group = group;
      items.push(current);
    } else if (current && (!sawBreak || (sawFooter && /^[a-z(]/.test(info.clean)))) {
      current.pieces.push({ text: info.norm.slice(info.first, info.last), start: line.start + info.first, end: line.start + info.last });
    } else if (!marked || !current) {
      // Unmarked items (plain paragraphs) are items too, until a marked list shows how this report lists them.
      current = { pieces: [{ text: info.norm.slice(info.first, info.last), start: line.start + info.first, end: line.start + info.last }], line: i };
      if (group) current.group = group;
      items.push(current);
    } else {
      current = undefined;
    }
    sawBreak = false;
    sawFooter = false;
  }
  // If the list is marked, unmarked paragraphs before it were an introduction, not items.
  return marked ? items.filter((it) => lines[it.line]!.info.bullet || lines[it.line]!.info.numbered) : items;
}
