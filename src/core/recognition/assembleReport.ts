// One linear pass from classified lines to the ReportModel.
import type { Judgement, JudgementArea, JudgementSource, ReportKind, ReportMetadata, ReportModel, Section } from './model';
import type { DocLine } from './documentLines';
import { markFooters } from './documentLines';
import { detectKind, isVisitLetter } from './reportKind';
import { findTitle, leadInspectorLine, readMetadata } from './metadata';
import type { TitleBlock } from './metadata';
import { findJudgementTables } from './judgementTables';
import { findPlainHeadings } from './headings';
import type { HeadingCandidate } from './headings';
import { findMarkdownHeadings } from './markdownHeadings';
import { buildSectionTree, walkSections } from './sectionTree';
import { searchBlock } from './judgementSentences';
import type { ProseCache, ProseFindings } from './judgementSentences';
import { findImprovements, findIntroducedImprovements } from './improvements';
import { findParagraphs } from './numberedParagraphs';
import { parseArea } from './gradeWords';

const SOURCE_RANK: Record<JudgementSource, number> = { table: 0, heading: 1, 'committee-list': 2, sentence: 3 };

export interface AssembleOptions {
  markdown?: boolean;
  /** Kept between analyses of one document, so unchanged prose is not searched again. */
  proseCache?: ProseCache;
  /** Carried between analyses: the opening's findings, reusable while the edit lies after every line they read. */
  memo?: AssemblyMemo;
  /** How many leading lines are unchanged since the memo was filled. */
  unchangedLines?: number;
}

export interface AssemblyMemo {
  opening?: OpeningFindings;
  /**
   * Lines whose words reach the model (headings, tables, improvements, prose that states grades) or decide
   * a neighbour's role: an edit there needs a full assembly (1), or a check that its prose block still
   * states the same grades (2). Other lines may change words freely.
   */
  sensitive?: Uint8Array;
  /** Lines that are not prose (headings, tables, descriptors, footers, blank). */
  notProse?: Uint8Array;
}

interface OpeningFindings {
  kind: ReportKind;
  title: TitleBlock | undefined;
  metadata: ReportMetadata;
  /** The last line index the opening passes can have read. */
  consulted: number;
}

/** Kind, title and metadata come from the opening lines: at most 120 lines or the first 90 non-blank ones. */
function readOpening(lines: DocLine[]): OpeningFindings {
  const kind = detectKind(lines);
  const title = findTitle(lines, kind);
  const metadata = readMetadata(lines, kind, title);
  let nonBlank = 0;
  let consulted = lines.length - 1;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.info.blank && ++nonBlank >= 95) { consulted = i; break; }
  }
  return { kind, title, metadata, consulted: Math.max(consulted, Math.min(lines.length - 1, 125)) };
}

export function assembleReport(text: string, lines: DocLine[], options: AssembleOptions = {}): ReportModel {
  const footer = markFooters(lines);
  const previous = options.memo?.opening;
  const opening = previous && (options.unchangedLines ?? 0) > previous.consulted + 1 ? previous : readOpening(lines);
  if (options.memo) options.memo.opening = opening;
  const { kind } = opening;
  const metadata: ReportMetadata = { ...opening.metadata, leadInspectors: [...opening.metadata.leadInspectors] };
  const tables = findJudgementTables(lines, footer);
  const leadLines = readLeadInspectors(lines, opening.consulted, metadata);

  // Focused and monitoring visit letters grade nothing themselves: any grade they state is an earlier judgement.
  const letter = isVisitLetter(kind);
  const headings = findHeadings(text, lines, footer, tables, opening, letter, options.markdown);
  const sections = buildSectionTree(headings, lines, footer);
  const marks = markLines(lines.length, headings, sections, tables);

  const sensitive = new Uint8Array(lines.length);
  const candidates = structuralCandidates(lines, tables, headings, marks);
  const prose = searchProse(lines, footer, marks, candidates, sensitive, options.proseCache);
  const { judgements, earlierJudgements } = chooseJudgements(candidates.filter((c) => judgedArea(kind, c.area)), prose, letter);

  const lineOf = (offset: number) => lineAtOffset(lines, offset, 0) + 1;
  const { improvements, strengths } = findImprovements(sections, lines, footer, lineOf);
  if (kind === 'committee-paper' && !improvements.length) improvements.push(...findIntroducedImprovements(lines, footer));
  const paragraphs = findModelParagraphs(lines, footer, marks, headings, improvements, kind === 'committee-paper');

  if (options.memo) {
    markSensitive(sensitive, lines, marks.headingLine, tables, sections, kind === 'committee-paper' ? lines.length : opening.consulted + 2);
    for (const i of leadLines) sensitive[i] = 1;
    options.memo.sensitive = sensitive;
    options.memo.notProse = notProseLines(lines, footer, marks);
  }
  return { kind, metadata, sections, judgements, earlierJudgements, improvements, strengths, paragraphs, lineCount: lines.length };
}

/** Per-line facts the later passes need: which lines are headings, descriptor text, judgement tables. */
interface LineMarks {
  headingLine: Uint8Array;
  descriptorLine: Uint8Array;
  tableLine: Uint8Array;
}

type Tables = ReturnType<typeof findJudgementTables>;

const LEAD_INSPECTOR = /^(?:lead|reporting) inspector/i;

/** Lines naming a lead inspector after the opening; the first names found fill the metadata when it has none. */
function readLeadInspectors(lines: DocLine[], openingEnd: number, metadata: ReportMetadata): number[] {
  const leadLines: number[] = [];
  // The case-insensitive test on `clean` agrees with one on `lower` for these ASCII words, and spares building `lower`.
  // Its first letter (l or r, either case) rules out nearly every line before the regex is called.
  for (let i = openingEnd + 1; i < lines.length; i++) {
    const clean = lines[i]!.info.clean;
    const first = clean.charCodeAt(0) | 32;
    if ((first === 108 || first === 114) && LEAD_INSPECTOR.test(clean)) leadLines.push(i);
  }
  if (metadata.leadInspectors.length === 0) {
    for (const i of leadLines) {
      const names = leadInspectorLine(lines[i]!);
      if (names.length) {
        metadata.leadInspectors.push(...names);
        break;
      }
    }
  }
  return leadLines;
}

function findHeadings(text: string, lines: DocLine[], footer: boolean[], tables: Tables, opening: OpeningFindings, letter: boolean, markdown: boolean | undefined): HeadingCandidate[] {
  let letterBodyStart = 0;
  if (letter) {
    for (let i = 0; i < Math.min(lines.length, 80); i++) if (/^dear\b/.test(lines[i]!.info.lower)) { letterBodyStart = i + 1; break; }
  }
  const plain = () => findPlainHeadings(lines, footer, tables, opening.title, letterBodyStart, opening.kind === 'committee-paper', !letter);
  if (!markdown) return plain();
  try {
    return findMarkdownHeadings(text, lines);
  } catch {
    return plain();
  }
}

function markLines(n: number, headings: HeadingCandidate[], sections: Section[], tables: Tables): LineMarks {
  const headingLine = new Uint8Array(n);
  const descriptorLine = new Uint8Array(n);
  const tableLine = new Uint8Array(n);
  for (const h of headings) for (let i = h.line; i <= h.lastLine && i < n; i++) headingLine[i] = 1;
  for (const s of walkSections(sections)) {
    if (s.role === 'descriptors') for (let i = s.line - 1; i < s.endLine && i < n; i++) descriptorLine[i] = 1;
  }
  for (const t of tables) for (let i = Math.max(0, t.headerLine); i <= t.lastLine; i++) tableLine[i] = 1;
  return { headingLine, descriptorLine, tableLine };
}

/** Judgements stated by judgement tables (outside descriptor text) and graded headings. */
function structuralCandidates(lines: DocLine[], tables: Tables, headings: HeadingCandidate[], marks: LineMarks): Judgement[] {
  const candidates: Judgement[] = [];
  for (const t of tables) {
    if (marks.descriptorLine[Math.max(0, t.headerLine)]) continue;
    for (const row of t.rows) candidates.push({ area: row.area, grade: row.grade, source: 'table', range: row.gradeRange, line: row.gradeLine + 1 });
  }
  for (const h of headings) {
    if (h.judgementArea && h.grade && h.gradeRange) candidates.push({ area: h.judgementArea, grade: h.grade, source: 'heading', range: h.gradeRange, line: lineAtOffset(lines, h.gradeRange.start, h.line) + 1 });
  }
  return candidates;
}

/**
 * Prose blocks: quoted grades in committee lists join the candidates; blocks that mention a grade are searched
 * for judgement sentences, and marked sensitive (2) when they state one.
 */
function searchProse(lines: DocLine[], footer: boolean[], marks: LineMarks, candidates: Judgement[], sensitive: Uint8Array, proseCache: ProseCache | undefined): ProseFindings {
  const { headingLine, tableLine, descriptorLine } = marks;
  const n = lines.length;
  const prose: ProseFindings = { judgements: [], earlier: [] };
  let blockStart = -1;
  let blockHasGrade = false;
  for (let i = 0; i <= n; i++) {
    const line = lines[i];
    const inBlock = !!line && !line.info.blank && !footer[i] && !headingLine[i] && !tableLine[i] && !descriptorLine[i];
    if (inBlock) {
      if (blockStart < 0) { blockStart = i; blockHasGrade = false; }
      if (line.info.gradeWord) blockHasGrade = true;
      const quoted = line.info.quotedGrade;
      if (quoted) {
        const area = quoted.label ? parseArea(quoted.label) ?? parseArea(wrappedLabel(lines, i, quoted.label)) : /[-–—:]$/.test(lines[i - 1]?.info.clean ?? '') ? parseArea(wrappedLabel(lines, i, '')) : undefined;
        if (area) candidates.push({ area, grade: quoted.grade, source: 'committee-list', range: { start: line.start + quoted.start, end: line.start + quoted.end }, line: i + 1 });
      }
      const wrapped = line.info.quotedGradeRest ? wrappedQuotedGrade(lines, i) : undefined;
      if (wrapped) candidates.push(wrapped);
    } else if (blockStart >= 0) {
      if (blockHasGrade) {
        const before = prose.judgements.length + prose.earlier.length;
        searchBlock(lines, blockStart, i - 1, prose, proseCache);
        if (prose.judgements.length + prose.earlier.length > before) for (let k = blockStart; k < i; k++) sensitive[k] = 2;
      }
      blockStart = -1;
    }
  }
  for (const j of prose.judgements) candidates.push({ area: j.area, grade: j.grade, source: 'sentence', range: j.range, line: j.lineIndex + 1 });
  return prose;
}

/**
 * Areas a kind of report judges. A 2013 inspection of looked-after children's services grades its overall
 * effectiveness and its leadership; its "outcomes for looked after children" is not the later framework's
 * children-in-care judgement, so it is not read as one.
 */
function judgedArea(kind: ReportKind, area: JudgementArea): boolean {
  return kind !== 'lac-inspection-2013' || area === 'overall' || area === 'leaders';
}

/** One judgement per area, from the most reliable source; a letter's grades all become earlier judgements. */
function chooseJudgements(candidates: Judgement[], prose: ProseFindings, letter: boolean): Pick<ReportModel, 'judgements' | 'earlierJudgements'> {
  if (letter) {
    // Kept as earlier judgements (unless the prose already gave one there), so nothing the letter states is lost.
    for (const c of candidates) {
      if (prose.earlier.some((e) => e.range.start < c.range.end && c.range.start < e.range.end)) continue;
      prose.earlier.push({ grade: c.grade, area: c.area, range: c.range, line: c.line, lineIndex: c.line - 1 });
    }
    prose.earlier.sort((a, b) => a.range.start - b.range.start);
    candidates.length = 0;
  }
  const best = new Map<string, Judgement>();
  for (const c of candidates) {
    const had = best.get(c.area);
    if (!had || SOURCE_RANK[c.source] < SOURCE_RANK[had.source]) best.set(c.area, c);
  }
  const judgements = [...best.values()].sort((a, b) => a.range.start - b.range.start);
  const earlierJudgements = prose.earlier.map(({ lineIndex: _lineIndex, ...e }) => e);
  return { judgements, earlierJudgements };
}

/** Numbered paragraphs, leaving out tables, headings and the items of improvement sections. */
function findModelParagraphs(lines: DocLine[], footer: boolean[], marks: LineMarks, headings: HeadingCandidate[], improvements: ReportModel['improvements'], bySection: boolean): ReportModel['paragraphs'] {
  const n = lines.length;
  const excluded = new Uint8Array(n);
  for (let i = 0; i < n; i++) excluded[i] = marks.tableLine[i]! | marks.headingLine[i]!;
  for (const imp of improvements) excluded[imp.line - 1] = 1;
  // Only the items' own lines: a numbered lead-in ("28. … should take the following action.") or "26. The inspection
  // did not find any areas for priority action." is a paragraph of the running sequence, not an item.
  for (const imp of improvements) for (let i = imp.line - 1; i < n && lines[i]!.start < imp.range.end; i++) excluded[i] = 1;
  const boundaries = new Uint8Array(n);
  for (const h of headings) boundaries[h.line] = 1;
  return findParagraphs(lines, footer, excluded, boundaries, bySection);
}

function notProseLines(lines: DocLine[], footer: boolean[], marks: LineMarks): Uint8Array {
  const n = lines.length;
  const notProse = new Uint8Array(n);
  for (let i = 0; i < n; i++) notProse[i] = marks.headingLine[i]! | marks.tableLine[i]! | marks.descriptorLine[i]! | (footer[i] ? 1 : 0) | (lines[i]!.info.blank ? 1 : 0);
  return notProse;
}

function markSensitive(sensitive: Uint8Array, lines: DocLine[], headingLine: Uint8Array, tables: Tables, sections: Section[], openingEnd: number): void {
  const n = lines.length;
  const mark = (from: number, to: number) => {
    for (let i = Math.max(0, from); i <= to && i < n; i++) sensitive[i] = 1;
  };
  mark(0, openingEnd);
  for (const t of tables) mark(t.headerLine - 2, Math.min(t.headerLine + 60, t.lastLine + 6));
  for (let i = 0; i < n; i++) {
    const info = lines[i]!.info;
    if (headingLine[i] || info.quotedGrade || info.quotedGradeOpen || info.quotedGradeRest) sensitive[i] = 1;
    // Heading detection looks ahead two lines, and at the lines above a grade line or a SIF table row.
    if (info.headingLike || info.judgementLabelStart || info.gradeTail || headingLine[i]) mark(i, i + 2);
    if (info.gradeLine || info.sifFirstRow) mark(i - 2, i);
  }
  for (const s of walkSections(sections)) {
    if (s.role === 'what-needs-to-improve' || s.role === 'priority-action' || s.role === 'areas-for-improvement' || s.role === 'recommendations' || s.role === 'subtopic') mark(s.line - 1, s.endLine);
  }
}

/** Line index holding an offset, searching from a hint (offsets are sorted by line). */
function lineAtOffset(lines: DocLine[], offset: number, hint: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  if (hint >= 0 && hint < lines.length && lines[hint]!.start <= offset && (hint + 1 >= lines.length || lines[hint + 1]!.start > offset)) return hint;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A restated grade's label that wrapped: the list item's earlier lines (at most two) joined before this one's. */
function wrappedLabel(lines: DocLine[], i: number, label: string): string {
  let text = label;
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const info = lines[k]!.info;
    if (info.blank || info.quotedGrade || info.quotedGradeRest || /[.:;]$/.test(info.clean)) break;
    text = `${info.bullet ? info.norm.slice(info.bullet.contentStart, info.last).trim() : info.clean} ${text}`;
    if (info.bullet) break;
  }
  return text;
}

/**
 * A restated grade wrapped inside its quotes: "- … care leavers - 'Requires" over "improvement to be good'". The
 * line above opens the quote and names the area (its label may itself have wrapped onto the lines above it).
 */
function wrappedQuotedGrade(lines: DocLine[], i: number): Judgement | undefined {
  const rest = lines[i]!.info.quotedGradeRest!;
  const above = lines[i - 1];
  const open = above?.info.quotedGradeOpen;
  if (!above || !open) return undefined;
  const words = `${open.words} ${rest.words}`.replace(/\s+/g, ' ');
  if (!/^requires? improvement(?: to be good)?$/i.test(words)) return undefined;
  const area = parseArea(open.label) ?? parseArea(wrappedLabel(lines, i - 1, open.label));
  if (!area) return undefined;
  return { area, grade: 'requires-improvement', source: 'committee-list', range: { start: above.start + open.start, end: lines[i]!.start + rest.end }, line: i };
}
