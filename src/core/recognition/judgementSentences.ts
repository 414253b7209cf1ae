// Grades stated in prose ("The overall judgement is that children's services are good") and mentions of
// earlier inspections' grades ("was judged inadequate in October 2021"), found in blocks of prose.
// Only blocks containing a grade word are joined and searched, so most prose costs nothing.
import type { EarlierJudgement, Grade, JudgementArea, Range } from './model';
import type { DocLine } from './documentLines';
import type { LineInfo } from './lineClassifier';
import { GRADE_PATTERN, GRADE_PATTERN_ANY_CASE, parseArea, parseGrade } from './gradeWords';

export interface SentenceJudgement {
  area: JudgementArea;
  grade: Grade;
  range: Range;
  lineIndex: number;
}

/** A block of prose lines joined with spaces, with a map back to offsets in the text. */
interface JoinedBlock {
  text: string;
  /** Start of each line's piece in `text`, its offset in the document, and its line index. */
  pieces: { at: number; offset: number; line: number }[];
}

const G = GRADE_PATTERN;
/** This report's own grade may be capitalised ("The overall judgement is Inadequate", "require improvement to be Good"). */
const GC = GRADE_PATTERN_ANY_CASE;
const NAME = String.raw`[A-Z][\w'-]*(?:(?: and| upon| on| of| the| with|,)? [A-Z][\w'-]*){0,5}`;
/**
 * `needles`: words each regex cannot match without (any one of them). Most blocks contain none, and one pass for
 * them all (NEEDLES) is far faster than each regex trying every "the".
 */
const PRESENT: { re: RegExp; needles: string[]; area?: JudgementArea; areaGroup?: number }[] = [
  { re: new RegExp(String.raw`\b[Tt]he overall judge?ment is that (?:the )?(?:[\w' ]{0,40}?)(?:services?|children's social care)(?: for [\w' ]{0,60}?)? (?:(?:are|is) )?(?:judged )?(?:to be )?(${GC})`, 'g'), needles: ['he overall judg'], area: 'overall' },
  // The authority may be named with "the" ("the Royal Borough of …") and end in "Council area".
  { re: new RegExp(String.raw`\b[Cc]hildren's (?:social care )?services in (?:the )?${NAME}(?: area)? (?:(?:are|is) )?(${GC})\b`, 'g'), needles: ["hildren's "], area: 'overall' },
  { re: new RegExp(String.raw`\b[Tt]he graded judge?ment for ([a-z ,'-]{3,80}?) is that (?:it|they|this|these|services) (?:(?:is|are) )?(${G})`, 'g'), needles: ['he graded judg'], areaGroup: 1 },
  { re: new RegExp(String.raw`\b[Tt]he (?:[Ll]ocal [Ss]afeguarding [Cc]hildren [Bb]oard|LSCB)(?: \(LSCB\))?(?: in ${NAME})? (?:(?:is|are) )?(${G})(?=\s*(?:[.,:;]|because\b|$)|\s+An? (?:LSCB|[Ll]ocal [Ss]afeguarding [Cc]hildren [Bb]oard) that\b)`, 'g'), needles: ['afeguarding ', 'SCB'], area: 'lscb' },
  { re: new RegExp(String.raw`\b[Tt]he overall judge?ment (?:for overall effectiveness )?is (?!that)(?:judged )?(${GC})`, 'g'), needles: ['he overall judg'], area: 'overall' },
  { re: new RegExp(String.raw`\b[Tt]he judge?ment for overall effectiveness is (${G})`, 'g'), needles: ['ffectiveness'], area: 'overall' },
  // A committee paper restates the grade: "grading the Overall Effectiveness in Lincolnshire as 'Outstanding'".
  { re: new RegExp(String.raw`\b(?:grading|graded|rating|rated) (?:the )?[Oo]verall [Ee]ffectiveness(?: (?:in|of|for) (?:the )?${NAME})? (?:as|to be) ['"]?\s*(${GC})\b`, 'g'), needles: ['ffectiveness'], area: 'overall' },
  { re: new RegExp(String.raw`\b[Tt]he effectiveness of the (?:[Ll]ocal [Ss]afeguarding [Cc]hildren [Bb]oard|LSCB)(?: \(LSCB\))? (?:(?:is|are) )?(${G})`, 'g'), needles: ['ffectiveness'], area: 'lscb' },
  { re: new RegExp(String.raw`\b[Tt]he arrangements in place to evaluate the effectiveness of what is done by the authority and board partners[^.]{0,140}? (?:(?:are|is) )?(${G})`, 'g'), needles: ['ffectiveness'], area: 'lscb' },
];
/**
 * Every needle, in one alternation. No needle overlaps another (none is part of another, and none ends as another
 * begins), so the scan, resuming after each match, finds every needle the text holds.
 */
const NEEDLES = new RegExp([...new Set(PRESENT.flatMap((p) => p.needles))].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

function needlesIn(text: string): Set<string> {
  const found = new Set<string>();
  NEEDLES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEEDLES.exec(text))) found.add(m[0]);
  return found;
}

const EARLIER = new RegExp(
  String.raw`\b(?:was|were|had|has|have|being|been)\s+(?:previously\s+|last\s+|most recently\s+|also\s+)?(?:been\s+)?(?:previously\s+)?(?:judged|found|graded|rated|assessed)(?:\s+(?:overall\s+)?(?:to be|as|to))?\s+['"]?(${G}|requires improvement|require improvement)['"]?`,
  'gi',
);
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const WHEN_AFTER = new RegExp(String.raw`^['"]?\s*(?:overall\s*)?,?\s*(?:in|at|during|\()\s*((?:${MONTH}\s+)?(?:19|20)\d{2})`);
const WHEN_BEFORE = new RegExp(String.raw`\b(?:in|since|from)\s+((?:${MONTH}\s+)?(?:19|20)\d{2})\b`, 'g');
const BUT_ALSO = new RegExp(String.raw`^\s*(?:overall\s*)?,?\s*(?:but|and)\s+(${G})\s+for\s+(?:the\s+)?([^.,;]{3,90})`, 'i');

/** The block's joined text (only when it must be searched) and the map from its positions to offsets. */
function joinBlock(lines: DocLine[], from: number, to: number, withText: boolean): JoinedBlock {
  let text = '';
  let at = 0;
  const pieces: JoinedBlock['pieces'] = [];
  for (let i = from; i <= to; i++) {
    const line = lines[i]!;
    if (i > from) at++;
    pieces.push({ at, offset: line.start + line.info.first, line: i });
    if (withText) text += (i > from ? ' ' : '') + line.info.norm.slice(line.info.first, line.info.last);
    at += line.info.last - line.info.first;
  }
  return { text, pieces };
}

function locate(block: JoinedBlock, at: number): { offset: number; line: number } {
  let k = 0;
  while (k + 1 < block.pieces.length && block.pieces[k + 1]!.at <= at) k++;
  const p = block.pieces[k]!;
  return { offset: p.offset + (at - p.at), line: p.line };
}

function rangeOf(block: JoinedBlock, from: number, to: number): { range: Range; line: number } {
  const a = locate(block, from);
  const b = locate(block, Math.max(from, to - 1));
  return { range: { start: a.offset, end: b.offset + 1 }, line: a.line };
}

export interface ProseFindings {
  judgements: SentenceJudgement[];
  earlier: (EarlierJudgement & { lineIndex: number })[];
}

/** What a block's text says, in positions within the joined text: cacheable by that text. */
interface RawFinding {
  earlier: boolean;
  area?: JudgementArea;
  grade: Grade;
  from: number;
  to: number;
  when?: string;
}

/**
 * Findings per block, keyed by the block's line classifications: equal line texts share one LineInfo,
 * so a block whose lines are the same objects has the same joined text and the same findings.
 */
export type ProseCache = Map<LineInfo, { infos: LineInfo[]; found: RawFinding[] }[]>;

function cached(cache: ProseCache, lines: DocLine[], from: number, to: number): RawFinding[] | undefined {
  const entries = cache.get(lines[from]!.info);
  if (!entries) return undefined;
  for (const e of entries) {
    if (e.infos.length !== to - from + 1) continue;
    let same = true;
    for (let k = 0; k < e.infos.length && same; k++) same = e.infos[k] === lines[from + k]!.info;
    if (same) return e.found;
  }
  return undefined;
}

/** Search one block of prose lines [from, to]. */
export function searchBlock(lines: DocLine[], from: number, to: number, out: ProseFindings, cache?: ProseCache): void {
  let found = cache ? cached(cache, lines, from, to) : undefined;
  const block = joinBlock(lines, from, to, !found);
  if (!found) {
    found = searchText(block.text);
    if (cache) {
      if (cache.size > 50_000) cache.clear();
      const infos: LineInfo[] = [];
      for (let i = from; i <= to; i++) infos.push(lines[i]!.info);
      const list = cache.get(infos[0]!) ?? [];
      // Keep a few variants per first line; older ones are simply dropped.
      if (list.length > 8) list.shift();
      list.push({ infos, found });
      cache.set(infos[0]!, list);
    }
  }
  for (const f of found) {
    const { range, line } = rangeOf(block, f.from, f.to);
    if (!f.earlier) {
      out.judgements.push({ area: f.area!, grade: f.grade, range, lineIndex: line });
    } else {
      const e: EarlierJudgement & { lineIndex: number } = { grade: f.grade, range, line: line + 1, lineIndex: line };
      if (f.area) e.area = f.area;
      if (f.when) e.when = f.when;
      out.earlier.push(e);
    }
  }
}

export function searchText(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const present = needlesIn(text);
  for (const { re, needles, area, areaGroup } of PRESENT) {
    if (!needles.some((needle) => present.has(needle))) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const gradeText = m[m.length - 1]!;
      const grade = parseGrade(gradeText);
      const judgedArea = area ?? parseArea(m[areaGroup!] ?? '');
      if (!grade || !judgedArea) continue;
      const gStart = m.index + m[0].lastIndexOf(gradeText);
      found.push({ earlier: false, area: judgedArea, grade, from: gStart, to: gStart + gradeText.length });
    }
  }
  EARLIER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EARLIER.exec(text))) {
    const gradeText = m[1]!;
    const grade = parseGrade(gradeText);
    if (!grade) continue;
    const gStart = m.index + m[0].lastIndexOf(gradeText);
    const gEnd = gStart + gradeText.length;
    const after = text.slice(gEnd, gEnd + 160);
    const sentenceStart = Math.max(text.lastIndexOf('. ', m.index) + 2, 0);
    const before = text.slice(sentenceStart, m.index);
    const when = whenOf(after, before);
    let area: JudgementArea | undefined;
    if (/^['"]?\s*overall\b/i.test(after) || /overall|children's services|services for children|children's social care|local authority|council|services in\b/i.test(before)) area = 'overall';
    else area = parseArea(before);
    const f: RawFinding = { earlier: true, grade, from: gStart, to: gEnd };
    if (area) f.area = area;
    if (when) f.when = when;
    found.push(f);
    const also = BUT_ALSO.exec(after);
    if (also) {
      const alsoGrade = parseGrade(also[1]!);
      const alsoArea = parseArea(also[2]!);
      const at = gEnd + also[0].indexOf(also[1]!, also[0].search(/\b(?:but|and)\b/));
      if (alsoGrade) {
        const g: RawFinding = { earlier: true, grade: alsoGrade, from: at, to: at + also[1]!.length };
        if (alsoArea) g.area = alsoArea;
        if (when) g.when = when;
        found.push(g);
      }
    }
  }
  return found;
}

function whenOf(after: string, before: string): string | undefined {
  const a = WHEN_AFTER.exec(after);
  if (a) return a[1];
  let last: string | undefined;
  WHEN_BEFORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WHEN_BEFORE.exec(before))) last = m[1];
  return last;
}

/** Does the prose block [from, to] state any grade (this report's or an earlier one)? */
export function blockHasFindings(lines: DocLine[], from: number, to: number): boolean {
  return searchText(joinBlock(lines, from, to, true).text).length > 0;
}

/** A block's findings as comparable keys with absolute offsets, from its lines' classifications and starts. */
export function blockFindings(infos: LineInfo[], starts: number[]): { key: string; start: number; end: number }[] {
  const pieces: JoinedBlock['pieces'] = [];
  let text = '';
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k]!;
    if (k > 0) text += ' ';
    pieces.push({ at: text.length, offset: starts[k]! + info.first, line: k });
    text += info.norm.slice(info.first, info.last);
  }
  const block: JoinedBlock = { text, pieces };
  return searchText(text).map((f) => {
    const { range, line } = rangeOf(block, f.from, f.to);
    return { key: `${f.earlier}|${f.area}|${f.grade}|${f.when}|${line}`, start: range.start, end: range.end };
  });
}
