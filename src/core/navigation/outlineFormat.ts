// Turns a ReportModel into what the `outline` command prints: a stable JSON shape (for scripts and
// other tools) and a readable indented outline (for people). Pure: no I/O, so both are unit-tested.

import type {
  EarlierJudgement,
  FrameworkRef,
  Grade,
  Improvement,
  Judgement,
  JudgementArea,
  JudgementSource,
  ListOwner,
  ReportKind,
  ReportMetadata,
  ReportModel,
  Section,
  SectionRole,
} from '../recognition/model';
import { areaLabel, gradeLabel, LIST_ITEM_WORDS, OWNER_WORDS, reportTitle } from '../vocabulary/labels';

export interface OutlineSectionJson {
  title: string;
  role: SectionRole;
  line: number;
  level: number;
  children: OutlineSectionJson[];
  judgementArea?: JudgementArea;
  grade?: Grade;
}

/** The JSON contract of `report outline --json`: exactly these keys, nothing else (offsets are editor detail). */
export interface OutlineJson {
  kind: ReportKind;
  authority: string | null;
  metadata: ReportMetadata;
  judgements: { area: JudgementArea; grade: Grade; line: number; source: JudgementSource }[];
  earlierJudgements: { grade: Grade; area?: JudgementArea; when?: string; line: number }[];
  /** The local authority's and the LSCB's, in document order; `owner` says whose. */
  improvements: { text: string; line: number; owner: ListOwner; priority: boolean; frameworkRefs: FrameworkRef[]; number?: number }[];
  /** Never areas for improvement. */
  strengths: { text: string; line: number; owner: ListOwner; number?: number }[];
  sections: OutlineSectionJson[];
  paragraphs: number;
}

export function outlineJson(model: ReportModel): OutlineJson {
  return {
    kind: model.kind,
    // null rather than a missing key, so consumers can rely on the key being there.
    authority: model.metadata.authority ?? null,
    metadata: model.metadata,
    judgements: model.judgements.map((j) => ({ area: j.area, grade: j.grade, line: j.line, source: j.source })),
    earlierJudgements: model.earlierJudgements.map(earlierJson),
    improvements: model.improvements.map((i) => ({
      text: i.text,
      line: i.line,
      owner: i.owner,
      priority: i.priority,
      frameworkRefs: i.frameworkRefs,
      ...(i.number !== undefined && { number: i.number }),
    })),
    strengths: model.strengths.map((s) => ({ text: s.text, line: s.line, owner: s.owner, ...(s.number !== undefined && { number: s.number }) })),
    sections: model.sections.map(sectionJson),
    paragraphs: model.paragraphs.length,
  };
}

function earlierJson(e: EarlierJudgement): OutlineJson['earlierJudgements'][number] {
  // Optional keys only when present, in the documented order.
  return { grade: e.grade, ...(e.area !== undefined && { area: e.area }), ...(e.when !== undefined && { when: e.when }), line: e.line };
}

function sectionJson(s: Section): OutlineSectionJson {
  const out: OutlineSectionJson = { title: s.title, role: s.role, line: s.line, level: s.level, children: s.children.map(sectionJson) };
  if (s.judgementArea !== undefined) out.judgementArea = s.judgementArea;
  if (s.grade !== undefined) out.grade = s.grade;
  return out;
}

export interface OutlineTextOptions {
  /** Shown in the first line, when given. */
  fileName?: string;
  /** Wrap long improvement items at this width (default 100). */
  width?: number;
}

/** The readable outline: what a reviewer wants before opening the report. */
export function outlineText(model: ReportModel, options: OutlineTextOptions = {}): string {
  const width = options.width ?? 100;
  const md = model.metadata;
  const lines: string[] = [];
  lines.push(options.fileName ? `${options.fileName}: ${reportTitle(model.kind, model.metadata)}` : reportTitle(model.kind, model.metadata));
  if (md.title && md.title !== md.authority) lines.push(`  Title:           ${md.title}`);
  lines.push(`  Authority:       ${md.authority ?? '(not found)'}`);
  if (md.inspectionDates) lines.push(`  Dates:           ${describeDates(md.inspectionDates)}`);
  if (md.publishedDate) lines.push(`  Published:       ${md.publishedDate}`);
  if (md.leadInspectors.length > 0) lines.push(`  ${md.leadInspectors.length > 1 ? 'Lead inspectors: ' : 'Lead inspector:  '}${md.leadInspectors.join('; ')}`);
  if (md.addressee) lines.push(`  Addressed to:    ${md.addressee}`);
  lines.push(`  Paragraphs:      ${numberedParagraphs(model)}, ${model.lineCount} lines`);

  lines.push('');
  lines.push(...judgementLines(model.judgements));
  if (model.earlierJudgements.length > 0) {
    lines.push('', `Earlier grades mentioned (not this report's):`);
    for (const e of model.earlierJudgements) {
      const what = e.area ? `${areaLabel(e.area)}: ` : '';
      lines.push(`  ${what}${gradeLabel(e.grade)}${e.when ? ` (${e.when})` : ''}  line ${e.line}`);
    }
  }

  lines.push('', 'Sections:');
  if (model.sections.length === 0) lines.push('  (none recognised)');
  for (const s of model.sections) sectionLines(s, 1, lines);

  lines.push('', `${capitalised(LIST_ITEM_WORDS.improvement.plural)}:`);
  const councils = model.improvements.filter((i) => i.owner === 'local-authority');
  if (councils.length === 0) lines.push('  (none)');
  improvementLines(councils, width, lines);
  // The board's list only where the report reviews a board: most reports have none, and "(none)" would mislead.
  const boards = model.improvements.filter((i) => i.owner === 'lscb');
  if (boards.length > 0) {
    lines.push('', `${OWNER_WORDS.lscb.label} — ${LIST_ITEM_WORDS.improvement.plural}:`);
    improvementLines(boards, width, lines);
  }
  if (model.strengths.length > 0) {
    lines.push('', `${capitalised(LIST_ITEM_WORDS.strength.plural)}:`);
    model.strengths.forEach((item, i) => {
      const owner = item.owner === 'local-authority' ? '' : `[${OWNER_WORDS[item.owner].short}] `;
      itemLines('  ', `${i + 1}. ${owner}`, `${item.text} (line\u00a0${item.line})`, width, lines);
    });
  }
  return lines.join('\n') + '\n';
}

/** One owner's list, numbered from 1, priority items marked, grouped under their sub-topic where the report groups them. */
function improvementLines(items: Improvement[], width: number, lines: string[]): void {
  let group: string | undefined;
  items.forEach((item, i) => {
    if (item.group !== undefined && item.group !== group) lines.push(`  ${item.group}`);
    group = item.group;
    const indent = item.group !== undefined ? '    ' : '  ';
    const marker = item.priority ? `${i + 1}. [PRIORITY] ` : `${i + 1}. `;
    itemLines(indent, marker, `${item.text} (line\u00a0${item.line})`, width, lines);
  });
}

/** An item wrapped under its marker. The line reference is one unbreakable unit: "(line" alone at a line end reads badly. */
function itemLines(indent: string, marker: string, text: string, width: number, lines: string[]): void {
  const wrapped = wrap(text, width - indent.length - marker.length).map((l) => l.replace('\u00a0', ' '));
  lines.push(indent + marker + wrapped[0]);
  for (const rest of wrapped.slice(1)) lines.push(indent + ' '.repeat(marker.length) + rest);
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeDates(d: NonNullable<ReportMetadata['inspectionDates']>): string {
  const iso = d.start ? (d.end && d.end !== d.start ? `${d.start} to ${d.end}` : d.start) : undefined;
  return iso && iso !== d.text ? `${d.text} (${iso})` : d.text;
}

function judgementLines(judgements: Judgement[]): string[] {
  if (judgements.length === 0) return ['Judgements: none (this document gives no grades)'];
  const labelWidth = Math.max(...judgements.map((j) => areaLabel(j.area).length));
  const gradeWidth = Math.max(...judgements.map((j) => gradeLabel(j.grade).length));
  const out = ['Judgements:'];
  for (const j of judgements) {
    out.push(`  ${areaLabel(j.area).padEnd(labelWidth)}  ${gradeLabel(j.grade).padEnd(gradeWidth)}  line ${j.line} (${j.source})`);
  }
  return out;
}

function sectionLines(s: Section, depth: number, out: string[]): void {
  const grade = s.grade ? ` [${gradeLabel(s.grade)}]` : '';
  out.push(`${'  '.repeat(depth)}${s.title}${grade}  (line ${s.line})`);
  for (const c of s.children) sectionLines(c, depth + 1, out);
}

/** Greedy word wrap; a word longer than the width gets a line of its own rather than being cut. */
export function wrap(text: string, width: number): string[] {
  const words = text.split(/[ \t\r\n]+/).filter((w) => w.length > 0);
  const out: string[] = [];
  let current = '';
  for (const w of words) {
    if (current.length === 0) current = w;
    else if (current.length + 1 + w.length <= Math.max(width, 20)) current += ' ' + w;
    else {
      out.push(current);
      current = w;
    }
  }
  out.push(current);
  return out;
}

/** One line for lists of many reports (demo, corpus runs). */
export function outlineSummary(model: ReportModel): string {
  const parts = [reportTitle(model.kind, model.metadata)];
  if (model.metadata.authority) parts.push(model.metadata.authority);
  const overall = model.judgements.find((j) => j.area === 'overall');
  if (model.judgements.length > 0) {
    parts.push(`${model.judgements.length} grade${model.judgements.length === 1 ? '' : 's'}${overall ? ` (overall ${gradeLabel(overall.grade).toLowerCase()})` : ''}`);
  } else parts.push('no grades');
  // The local authority's items are the count a reader compares across reports; the board's are added apart.
  const councils = model.improvements.filter((i) => i.owner === 'local-authority');
  const priority = councils.filter((i) => i.priority).length;
  const boards = model.improvements.length - councils.length;
  const words = LIST_ITEM_WORDS.improvement;
  parts.push(`${councils.length} ${councils.length === 1 ? words.phrase : words.plural}${priority ? ` (${priority} priority)` : ''}${boards ? ` + ${boards} for the ${OWNER_WORDS.lscb.short}` : ''}`);
  if (model.strengths.length > 0) parts.push(`${model.strengths.length} ${model.strengths.length === 1 ? LIST_ITEM_WORDS.strength.phrase : LIST_ITEM_WORDS.strength.plural}`);
  parts.push(`${countSections(model.sections)} sections`);
  parts.push(`${numberedTotal(model)} numbered paragraphs`);
  return parts.join(' · ');
}

function countSections(sections: Section[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

/**
 * "173 numbered (155 paragraphs, 18 numbered items)": a SIF report numbers its areas for improvement and strengths
 * in the same running sequence as its paragraphs, and a reader counts (and cites) both. An item the engine also
 * lists as a paragraph is counted once.
 */
function numberedParagraphs(model: ReportModel): string {
  const items = numberedItems(model);
  if (items === 0) return `${model.paragraphs.length} numbered`;
  return `${numberedTotal(model)} numbered (${model.paragraphs.length} paragraphs, ${items} numbered item${items === 1 ? '' : 's'})`;
}

/** Paragraphs plus the items numbered in their running sequence; with no such sequence, list numbers are not paragraphs. */
function numberedTotal(model: ReportModel): number {
  return model.paragraphs.length + numberedItems(model);
}

/** Numbered items whose number is not already one of the paragraphs' (none when the report has no running sequence). */
function numberedItems(model: ReportModel): number {
  if (model.paragraphs.length === 0) return 0;
  const paragraphs = new Set(model.paragraphs.map((p) => p.number));
  return [...model.improvements, ...model.strengths].filter((i) => i.number !== undefined && !paragraphs.has(i.number)).length;
}
