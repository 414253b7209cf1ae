// What one line of a report is, judged from its own content only. Results are cached by the line's
// text, so re-analysing an edited document pays the regex work only for lines that changed.
import type { Grade, SectionRole } from './model';
import { GRADE_CELL, parseGrade } from './gradeWords';
import { blankMarkup, withoutMarkup } from './markupNoise';

export interface Cell {
  text: string;
  /** Column in the line. */
  start: number;
  end: number;
}

export interface LineInfo {
  /** Same length as the line: BOM, NBSP, tabs and <p> tags blanked, curly quotes straightened. */
  norm: string;
  blank: boolean;
  /** Column of the first and after the last content character. */
  first: number;
  last: number;
  /** norm.slice(first, last) with runs of spaces collapsed. */
  clean: string;
  lower: string;
  /** A page footer on its own: page number, "Page 3 of 12", "<dates>   12". */
  footer: boolean;
  /** Starts with "Inspection of" / "Focused visit to" etc.: the first line of a two-line footer. */
  footerTitle: boolean;
  bullet?: { contentStart: number };
  numbered?: { n: number; contentStart: number };
  /** "7." alone: a paragraph number a conversion put on its own line, its text on the lines after. */
  numberOnly?: number;
  /**
   * A committee paper's paragraph number by section, "2.3 Text" (or "2.3" alone, its text below: no contentStart).
   * Only a running sequence of them makes them paragraphs (numberedParagraphs.ts).
   */
  sectionNumbered?: { major: number; minor: number; contentStart?: number };
  /** A known heading phrase (footnote digits and trailing "?" ignored). */
  heading?: { role: SectionRole; title: string };
  /** Starts like a judgement heading or table label ("The experiences and progress of ..."). */
  judgementLabelStart: boolean;
  /** Ends in ": good" / " is outstanding", as judgement headings do. */
  gradeTail?: { grade: Grade; start: number; end: number; partial: boolean };
  /** The line is the rest of a wrapped grade: "improvement to be good". */
  gradeContinuation: boolean;
  tableHeader: boolean;
  /** Column-separated cells, when the line has a gap of 2+ spaces or a "|". */
  cells?: Cell[];
  /** Contains a grade word: only such lines can take part in judgement sentences. */
  gradeWord: boolean;
  /** Short, capitalised, unpunctuated: could be a heading nothing marks. */
  headingLike: boolean;
  /** A committee paper's re-stated grade: "<label> - 'Outstanding'". */
  quotedGrade?: { grade: Grade; start: number; end: number; label: string };
  /** A restated grade whose quote wraps: "<label> - 'Requires", the grade's first words left open at the line's end. */
  quotedGradeOpen?: { words: string; start: number; label: string };
  /** The rest of such a grade, closing its quote: "improvement to be good'". Only the line above makes it a grade. */
  quotedGradeRest?: { words: string; start: number; end: number };
  /** 2013 looked-after children reports print a judgement's grade under its heading: "Grade 3 (Adequate)". */
  gradeLine?: { grade: Grade; start: number; end: number };
  /** SIF's judgement list without a header: "1. Children who need help and protection   Good". */
  sifFirstRow: boolean;
  /**
   * Everything the assembly pass reads from this line besides its words. Two versions of a line with the
   * same signature (and no grade words) give the same document structure.
   */
  sig: string;
  /** Markdown heading marker length ("## " -> 3), markdown input only uses it. */
  hashes: number;
}

const KNOWN_HEADINGS: [RegExp, SectionRole][] = [
  [/^what needs to improve(?: in this area of social work practice)?$/, 'what-needs-to-improve'],
  [/^what does the (?:local authority|lscb|la) need to improve$/, 'what-needs-to-improve'],
  [/^what (?:needs|does the local authority need) to (?:improve|do)(?: in this area of social work practice)?$/, 'what-needs-to-improve'],
  [/^(?:areas for priority action|priority and immediate action|priority action|areas for priority improvement)$/, 'priority-action'],
  [/^areas for (?:improvement|development)$/, 'areas-for-improvement'],
  [/^recommendations$/, 'recommendations'],
  [/^overview$/, 'overview'],
  [/^headline findings$/, 'headline-findings'],
  [/^main findings$/, 'main-findings'],
  [/^(?:findings|inspection findings|findings and evaluation of progress|evaluation of progress|findings and evaluation)$|^inspection findings [-–—] the (?:local safeguarding children board|lscb)$/, 'findings'],
  [/^(?:summary|summary of findings|summary of key findings)$/, 'summary'],
  [/^executive summary$/, 'executive-summary'],
  [/^inspection outcome$/, 'summary'],
  [/^information about the local area partnership$|^local area partnership details$/, 'information-about-area'],
  [/^areas covered(?: by the visit| by this visit)?$/, 'areas-covered'],
  [/^(?:the local authority's strengths|strengths|the local authority has the following strengths|the (?:lscb|board)'s strengths)$/, 'strengths'],
  [/^progress since the (?:last|previous) inspection$/, 'progress-since-last-inspection'],
  [/^summary for children and young people$/, 'summary-for-children'],
  [/^information about (?:this|the) local authority area$/, 'information-about-area'],
  [/^information about this (?:inspection|review|visit)$/, 'information-about-inspection'],
  [/^what the inspection judge?ments mean$|^the inspection judge?ments and what they mean$/, 'descriptors'],
  [/^(?:the )?local safeguarding children board(?: \(lscb\))?$|^inspection judge?ment about the lscb$|^review of the effectiveness of the local safeguarding children board$|^the lscb$/, 'lscb'],
  // SIF 2014-15 open the board's review as "Section 2" (wrapped after "Safeguarding" in some), then name it again.
  [/^section 2: the effectiveness of the local safeguarding(?: children board)?(?: \(lscb\))?$|^key strengths and weaknesses of the (?:[a-z]{0,4}scb|board|local safeguarding children board(?: \(lscb\))?)$/, 'lscb'],
  [/^(?:the local authority|inspection judge?ments about the local authority|contents|background|context|introduction|purpose of (?:the )?report|executive summary|key findings|next steps|the inspection judge?ments)$/, 'other'],
  [/^(?:yours sincerely|yours faithfully)$/, 'closing'],
];

const BULLET = /^(?:[◼■▪•●◦·\-–*\uF06E\uF02D\uF0B7\uF0A7\uF0D8\uF076\uF0FC]|o(?=\s))\s*/;
const FOOTER_PAGE = /^(?:page \d{1,3}(?: of \d{1,3})?|\d{1,3}|- \d{1,3} -)$/i;
const FOOTER_TAIL = /(?:\s{3,}|\t)(?:page )?\d{1,3}(?: of \d{1,3})?$/i;
const FOOTER_TITLE = /^(?:inspection of .{3,}|re-inspection of .{3,}|(?:area send )?inspection report: .{3,}|focused visit to .{3,}|monitoring visit to .{3,}|.{3,} (?:local authority children's services|children's social care services))$/i;
const DATE_WORD = /\b(?:\d{4}|january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
/**
 * Case-insensitive tests on `clean` stand for tests on its lower-case form, so most lines never build that: for
 * these ASCII words they agree (no character outside ASCII lower-cases into one of them without breaking it).
 */
const JUDGEMENT_LABEL = /^(?:\d(?:\.\d)?\.?\s+)?(?:the )?(?:impact of leaders|experiences and progress of|overall effectiveness|leadership, management and governance|adoption performance)/i;
/** Only lines with a grade word can take part in judgement sentences. */
const GRADE_WORD = /good|adequate|improvement|outstanding/i;
/** How a running title's footer line starts ("Inspection of …"); it may also end in " services". */
const FOOTER_TITLE_START = /^(?:inspection of |re-inspection of |inspection report: |area send inspection report: |focused visit to |monitoring visit to )/i;
const GRADE_TAIL = /(?::\s*|\s+(?:is|are)\s+|\s+[-–]\s+|\s+(?=requires? improvement))(outstanding|good|inadequate|adequate|requires? improvement(?: to be good)?|requires?(?: improvement to be)?)\.?$/i;
const TABLE_HEADER = /^(?:key )?judge?ment\s+(?:judge?ment )?grade$|^the judge?ments on areas of the service that contribute to overall effectiveness are:?$/i;
const QUOTED_GRADE = /^(.{8,}?)\s*[-–—:]\s*['"]\s*(outstanding|good|inadequate|adequate|requires? improvement(?: to be good)?)\s*['"]\.?$/i;

const QUOTED_ALONE = /^()['"]\s*(outstanding|good|inadequate|adequate|requires? improvement(?: to be good)?)\s*['"]\.?$/i;
/** Only "Requires improvement to be good" is long enough to wrap inside its quotes. */
const QUOTED_OPEN = /^(.{8,}?)\s*[-–—:]\s*['"]\s*(requires?(?: improvement(?: to(?: be)?)?)?)$/i;
const QUOTED_REST = /^((?:improvement )?(?:to )?(?:be )?good|improvement)\s*['"]\.?$/i;

/** Characters normalise() replaces: most lines have none, and one test spares them three passes. */
const NEEDS_NORMALISING = /[\uFEFF\u00A0\t\u2002\u2003\u2009\f\v‘’‛′“”<]/;
/**
 * Anything outside printable ASCII, or "&", "*", "<": a line without any of them needs no normalising. This one
 * range test is cheaper than NEEDS_NORMALISING's list of characters, so the exact tests run only behind it.
 */
const MAY_NEED_NORMALISING = /[^ -%'-)+-;=-~]/;

/** Same-length normalisation, so columns in `norm` are columns in the original line; `mask` marks blanked markup. */
function normalise(raw: string): { norm: string; mask?: Uint8Array } {
  if (!MAY_NEED_NORMALISING.test(raw) || (!NEEDS_NORMALISING.test(raw) && !raw.includes('**') && !raw.includes('&'))) return { norm: raw };
  const s = raw.replace(/[\uFEFF\u00A0\t\u2002\u2003\u2009\f\v]/g, ' ').replace(/[‘’‛′]/g, "'").replace(/[“”]/g, '"');
  const unmarked = blankMarkup(s);
  return unmarked.mask ? { norm: unmarked.text.replace(/[‘’‛′]/g, "'").replace(/[“”]/g, '"'), mask: unmarked.mask } : { norm: s };
}

/**
 * Where the line's columns part: a gap of two real spaces, a tab (however the converter separated the
 * columns) or a "|". Blanked markup is no gap: "'**Good**'" is one cell.
 */
function isGap(raw: string, norm: string, mask: Uint8Array | undefined, j: number, last: number): boolean {
  if (raw.charCodeAt(j) === 9) return true;
  if (norm[j] !== ' ' || mask?.[j]) return false;
  return j + 1 >= last || (norm[j + 1] === ' ' && !mask?.[j + 1]) || norm[j + 1] === '|' || raw.charCodeAt(j + 1) === 9;
}

function splitCells(raw: string, norm: string, mask: Uint8Array | undefined, first: number, last: number): Cell[] {
  const cells: Cell[] = [];
  let i = first;
  while (i < last) {
    while (i < last && (norm[i] === ' ' || norm[i] === '|')) i++;
    if (i >= last) break;
    let j = i;
    // A cell runs until a column gap, a "|" or the end of the line.
    while (j < last && norm[j] !== '|' && !isGap(raw, norm, mask, j, last)) j++;
    let end = j;
    while (end > i && norm[end - 1] === ' ') end--;
    cells.push({ text: withoutMarkup(norm, mask, i, end).replace(/ +/g, ' ').trim(), start: i, end });
    i = j;
  }
  return cells;
}

/** The line's content with each column gap as two spaces and blanked markup as no space: for shape tests. */
function gapProbe(raw: string, norm: string, mask: Uint8Array | undefined, first: number, last: number): string {
  if (!mask && !raw.includes('\t')) return norm.slice(first, last);
  let out = '';
  for (let k = first; k < last; k++) out += raw.charCodeAt(k) === 9 ? '  ' : mask?.[k] ? '' : norm[k];
  return out;
}

/** One alternation of every known heading: a body line fails it at its first word, in one call instead of one per heading. */
// The outer ^ lets the engine try position 0 only.
const ANY_KNOWN_HEADING = new RegExp(`^(?:${KNOWN_HEADINGS.map(([re]) => `(?:${re.source})`).join('|')})`);

/** Last words a grade tail (GRADE_TAIL) can end with, before an optional full stop. */
const GRADE_TAIL_ENDINGS = ['outstanding', 'good', 'adequate', 'improvement', 'require', 'requires', ' be'];

/** Ends in " services", in any case; the last letter is checked first, as an end-anchored regex tries every position. */
function endsInServices(clean: string): boolean {
  const z = clean.charCodeAt(clean.length - 1);
  return (z === 115 || z === 83) && / services$/i.test(clean);
}

/** The last character's code with an ASCII letter lower-cased (101 "e", 115 "s", 116 "t", 111 "o"); no other character gives those. */
function lastLetterLowered(text: string): number {
  return text.charCodeAt(text.length - 1) | 0x20;
}

/** The first character's code, an ASCII letter lower-cased (103 "g"). */
function firstLetterLowered(text: string): number {
  return text.charCodeAt(0) | 0x20;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The heading phrase of a line: markdown markers, bold, footnote digits and trailing "?"/":"/"." dropped. */
function headingPhrase(lower: string): string {
  // Each replacement runs only when its pattern can match (the cheap checks are necessary conditions).
  let p = lower;
  if (p.charCodeAt(0) === 35) p = p.replace(/^#{1,6}\s+/, '');
  if (p.includes('**')) p = p.replace(/^\*\*|\*\*$/g, '');
  if (isDigit(p.charCodeAt(p.length - 1))) p = p.replace(/(?<=[a-z?):])\d{1,2}$/, '');
  const end = p.charCodeAt(p.length - 1);
  if (end === 63 || end === 58 || end === 46) p = p.replace(/[?:.]+$/, '');
  return p.trim();
}

/** A line's facts; `sig` is worked out only when an incremental re-analysis compares two versions of a line. */
class LineRecord implements LineInfo {
  footer = false;
  footerTitle = false;
  bullet: LineInfo['bullet'] = undefined;
  numbered: LineInfo['numbered'] = undefined;
  numberOnly: LineInfo['numberOnly'] = undefined;
  sectionNumbered: LineInfo['sectionNumbered'] = undefined;
  heading: LineInfo['heading'] = undefined;
  judgementLabelStart = false;
  gradeTail: LineInfo['gradeTail'] = undefined;
  gradeContinuation = false;
  tableHeader = false;
  cells: LineInfo['cells'] = undefined;
  gradeWord = false;
  headingLike = false;
  quotedGrade: LineInfo['quotedGrade'] = undefined;
  quotedGradeOpen: LineInfo['quotedGradeOpen'] = undefined;
  quotedGradeRest: LineInfo['quotedGradeRest'] = undefined;
  gradeLine: LineInfo['gradeLine'] = undefined;
  sifFirstRow = false;
  hashes = 0;
  #sig: string | undefined;
  #lower: string | undefined;

  constructor(
    public norm: string,
    public blank: boolean,
    public first: number,
    public last: number,
    public clean: string,
  ) {}

  /** Worked out on first use: classification tests `clean` case-insensitively, so most lines never need it. */
  get lower(): string {
    this.#lower ??= this.clean.toLowerCase();
    return this.#lower;
  }

  get sig(): string {
    this.#sig ??= this.blank ? 'blank' : signature(this);
    return this.#sig;
  }
}

export function classifyLine(raw: string): LineInfo {
  const { norm, mask } = normalise(raw);
  let first = 0;
  while (first < norm.length && norm.charCodeAt(first) === 32) first++;
  let last = norm.length;
  while (last > first && norm.charCodeAt(last - 1) === 32) last--;
  const blank = first >= last;
  const content = blank ? '' : first === 0 && last === norm.length ? norm : norm.slice(first, last);
  const words = mask ? withoutMarkup(norm, mask, first, last).trim() : content;
  const spaced = words.includes('  ');
  const clean = spaced ? words.replace(/ {2,}/g, ' ') : words;
  // An untouched line's probe is its content (what gapProbe would slice again).
  const probe = blank ? '' : !mask && norm === raw ? content : gapProbe(raw, norm, mask, first, last);
  const info = new LineRecord(norm, blank, first, last, clean);
  if (blank) return info;

  const head = content.charCodeAt(0);
  markFooter(info, content);

  if (head === 35) {
    const hashMatch = /^(#{1,6})\s+/.exec(content);
    if (hashMatch) info.hashes = hashMatch[0].length;
  }

  // Letters, digits and most punctuation cannot start a bullet ("o" and the glyphs can).
  if (head === 111 || head > 122 || head === 45 || head === 42 || head === 183) {
    const bullet = BULLET.exec(content);
    if (bullet && content.length > bullet[0].length && (bullet[0].length > 1 || !/^[-–]\d/.test(content))) {
      info.bullet = { contentStart: first + bullet[0].length };
    }
  }
  if (isDigit(head)) {
    const numbered = /^(\d{1,3})[.)](?:\s+|(?=[A-Z]))(?=\S)/.exec(content);
    if (numbered) info.numbered = { n: Number(numbered[1]), contentStart: first + numbered[0].length };
    else if (clean.length <= 4 && /^\d{1,3}\.$/.test(clean)) info.numberOnly = Number(clean.slice(0, -1));
    else markSectionNumber(info, content);
  }

  markKnownHeading(info);
  info.judgementLabelStart = JUDGEMENT_LABEL.test(head === 35 ? clean.replace(/^#{1,6}\s+/, '') : clean);
  info.gradeWord = GRADE_WORD.test(clean);
  // End-anchored regexes try every position: the last letter rules most lines out first.
  const end = lastLetterLowered(clean);
  if (info.gradeWord || ((end === 101 || end === 115) && /requires?$/i.test(clean))) markGradeEnding(info, content, probe);
  if ((end === 101 || end === 115 || end === 116 || end === 111) && /(?:requires?|improvement| to| be)$/i.test(clean) && /['"]/.test(content)) markOpenQuotedGrade(info, content);
  if (clean.length <= 40 || head === 35) info.gradeContinuation = /^(?:#{1,6}\s+)?(?:improvement(?: to be good)?|to be good|good)\.?$/i.test(clean);
  // A table header ends in "grade", "are", "are:" or a closing "|" (which the test drops), so most lines skip the scan.
  if ((end === 101 || end === 58 || end === 124) && /judg/i.test(clean)) info.tableHeader = TABLE_HEADER.test(clean.replace(/^\|\s*|\s*\|$/g, '').replace(/\s*\|\s*/g, ' '));
  const piped = content.includes('|');
  if ((piped || (probe === words ? spaced : probe.includes('  '))) && (/\S(?: {2,}|\s*\|\s*)\S/.test(probe) || /^\|/.test(probe))) info.cells = splitCells(raw, norm, mask, first, last);
  const cells = info.cells;
  const firstCell = cells ? cells[0]!.text : clean;
  info.sifFirstRow = firstCell.startsWith('1.') && /^1\.\s+children who need help and protection$/i.test(firstCell) && (!cells || (cells.length === 2 && isGradeCell(cells[1]!.text)));
  if (firstLetterLowered(clean) === 103 && /^grade /i.test(clean)) {
    const gradeLine = /^grade [1-4] \((outstanding|good|adequate|inadequate)\)$/i.exec(clean);
    if (gradeLine) {
      const at = first + content.indexOf(gradeLine[1]!);
      info.gradeLine = { grade: parseGrade(gradeLine[1]!)!, start: at, end: at + gradeLine[1]!.length };
    }
  }

  info.headingLike =
    clean.length <= 80 && head >= 65 && head <= 90 && !/[.,;]$/.test(clean) && !info.bullet && !info.numbered && !info.footer &&
    spacesAtMost(clean, 11) && !/\s{2,}/.test(probe) && !/^(?:Dear|Yours|Tel|Email|www\.|T \d)/.test(clean) && !/:\s*\S|@|www\./.test(clean);
  return info;
}

/** A known heading phrase (only a line that does not start in lower case can be one). */
function markKnownHeading(info: LineRecord): void {
  const { clean } = info;
  // A heading starts with a capital: "recommendations." ending a wrapped sentence is prose. Tested first, as most lines fail it.
  const c0 = clean.charCodeAt(0);
  if ((c0 >= 97 && c0 <= 122) || ((c0 === 35 || c0 === 42) && /^[a-z]/.test(clean.replace(/^#{1,6}\s+|^\*\*/g, '')))) return;
  const phrase = headingPhrase(info.lower);
  if (phrase.length > 90 || !ANY_KNOWN_HEADING.test(phrase)) return;
  for (const [re, role] of KNOWN_HEADINGS) {
    if (re.test(phrase)) {
      const title = clean.replace(/^#{1,6}\s+/, '').replace(/^\*\*|\*\*$/g, '').replace(/(?<=[a-zA-Z?):])\d{1,2}$/, '').trim();
      info.heading = { role, title };
      break;
    }
  }
}

/** `text.split(' ').length <= max + 1`, without building the words. */
function spacesAtMost(text: string, max: number): boolean {
  let count = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) if (++count > max) return false;
  return true;
}

/** Footer lines: a page number at the end (or "- 12 -"), or the report's running title. */
function markFooter(info: LineRecord, content: string): void {
  const { clean } = info;
  const tail = content.charCodeAt(content.length - 1);
  if (isDigit(tail) || tail === 45) {
    if (FOOTER_PAGE.test(clean)) info.footer = true;
    else if (FOOTER_TAIL.test(content)) {
      const left = content.replace(FOOTER_TAIL, '').trim();
      if (/page \d/i.test(content) || (DATE_WORD.test(left) && left.length < 90 && !/[.;]$/.test(left))) info.footer = true;
    }
  }
  if (!info.footer && clean.length < 140 && (FOOTER_TITLE_START.test(clean) || endsInServices(clean)) && FOOTER_TITLE.test(clean)) info.footerTitle = true;
}

/** A line that ends in a grade: a heading's grade tail ("...: good") or a quoted grade ('... "requires improvement"'). */
function markGradeEnding(info: LineRecord, content: string, probe: string): void {
  const { first, lower } = info;
  const ending = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (GRADE_TAIL_ENDINGS.some((e) => ending.endsWith(e))) {
    const tail = GRADE_TAIL.exec(content);
    if (tail && !/\s{3,}/.test(probe)) {
      const gradeStart = first + tail.index + tail[0].indexOf(tail[1]!);
      const grade = parseGrade(tail[1]!);
      if (grade || /^requires?/i.test(tail[1]!)) info.gradeTail = { grade: grade ?? 'requires-improvement', start: gradeStart, end: gradeStart + tail[1]!.length, partial: /^requires?(?: improvement(?: to be)?)?$/i.test(tail[1]!) };
    }
  }
  // A quoted grade ends in its closing quote, perhaps then a full stop.
  const closing = ending.charCodeAt(ending.length - 1);
  if (closing === 39 || closing === 34) {
    // The label may have wrapped onto the line above ("… care leavers –" / "'Outstanding'"): the label is left empty.
    const quoted = QUOTED_GRADE.exec(content) ?? QUOTED_ALONE.exec(content);
    if (quoted) {
      const grade = parseGrade(quoted[2]!);
      const at = first + content.lastIndexOf(quoted[2]!);
      if (grade) info.quotedGrade = { grade, start: at, end: at + quoted[2]!.length, label: quoted[1]!.trim() };
    } else {
      const rest = QUOTED_REST.exec(content);
      if (rest) info.quotedGradeRest = { words: rest[1]!, start: first, end: first + rest[1]!.length };
    }
  }
}

/** "2.3 The service …", "2.3. The service …" or "2.3" alone: text starts with a capital, quote or bracket, not "1.5 million". */
function markSectionNumber(info: LineRecord, content: string): void {
  const m = /^(\d{1,2})\.(\d{1,2})\.?(?:(\s+)(?=[A-Z'"(])|$)/.exec(content);
  if (!m) return;
  const sectionNumber: NonNullable<LineInfo['sectionNumbered']> = { major: Number(m[1]), minor: Number(m[2]) };
  if (m[3]) sectionNumber.contentStart = info.first + m[0].length;
  info.sectionNumbered = sectionNumber;
}

/** The first words of a restated grade whose closing quote is on the next line (a converter wrapped inside the quotes). */
function markOpenQuotedGrade(info: LineRecord, content: string): void {
  const open = QUOTED_OPEN.exec(content);
  if (!open) return;
  const words = open[2]!;
  info.quotedGradeOpen = { words, start: info.first + content.length - words.length, label: open[1]!.trim() };
}

function signature(i: LineInfo): string {
  return [
    i.blank, i.footer, i.footerTitle, i.first, i.norm.length - i.last, i.bullet?.contentStart, i.numbered?.n, i.numbered?.contentStart, i.numberOnly,
    i.sectionNumbered?.major, i.sectionNumbered?.minor, i.sectionNumbered?.contentStart,
    i.heading?.role, i.heading?.title, i.judgementLabelStart, i.gradeTail?.grade, i.gradeTail?.start, i.tableHeader, i.cells?.length,
    i.headingLike, i.quotedGrade?.grade, i.quotedGradeOpen?.words, i.quotedGradeRest?.words, i.gradeLine?.grade, i.sifFirstRow, i.gradeContinuation, i.hashes,
    /^[a-z(]/.test(i.clean), /^[A-Z"']/.test(i.clean), /^(?:lead|reporting) inspector/i.test(i.clean), i.clean.length >= 45, i.clean.length > 75, i.clean.length < 80, /[.;,:]$/.test(i.clean),
    // A paragraph number whose dot the conversion lost ("34     Most children …"), read by numberedParagraphs.
    !i.numbered && /^\d{1,3} {2,}[A-Z][a-z]/.test(i.norm.slice(i.first)),
  ].join('|');
}

export function isGradeCell(text: string): boolean {
  return GRADE_CELL.test(text.replace(/\*\*/g, '').trim());
}

/** Cached classification: a Map from line text to LineInfo. */
export class LineClassifier {
  private cache = new Map<string, LineInfo>();

  classify(raw: string): LineInfo {
    let info = this.cache.get(raw);
    if (!info) {
      info = classifyLine(raw);
      this.store(raw, info);
    }
    return info;
  }

  /**
   * Fills the cache from a document classified without it (a first analysis, where hashing every line costs more
   * than its few repeated lines save), so equal lines share one LineInfo as if classify() had read them.
   */
  remember(text: string, lines: Array<{ start: number; end: number; info: LineInfo }>): void {
    for (const line of lines) {
      const raw = text.slice(line.start, line.end);
      const had = this.cache.get(raw);
      if (had) line.info = had;
      else this.store(raw, line.info);
    }
  }

  private store(raw: string, info: LineInfo): void {
    // A pathological input (10 MB of distinct lines) must not grow memory without bound.
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(raw, info);
  }
}

/** Classification without the cache, for a first analysis; empty lines (a fifth of a report) share one LineInfo. */
export function uncachedClassifier(): (raw: string) => LineInfo {
  let empty: LineInfo | undefined;
  return (raw) => (raw === '' ? (empty ??= classifyLine('')) : classifyLine(raw));
}
