// The text of the hover over a grade: which judgement area, which grade, what the grade means, and
// whether it is this report's grade or one from an earlier inspection. Markdown built here is later
// rendered untrusted, and every piece of report text in it is escaped.

import type { Grade, JudgementArea, JudgementSource, Range, ReportModel } from '../recognition/model';
import { AREA_WORDS, GRADE_WORDS, SOURCE_DESCRIPTIONS } from '../vocabulary/labels';
import { headingGrades } from './headingGrades';
import { gradePieces } from './decorationPlan';
import { escapeMarkdown } from '../platform/text/markdownEscape';

export interface GradeHit {
  earlier: boolean;
  grade: Grade;
  area?: JudgementArea;
  source?: JudgementSource;
  /** For earlier grades, when the sentence says (e.g. "October 2021"). */
  when?: string;
  range: Range;
}

/**
 * The grade whose printed words contain `offset` (the end counts, so hovering just after works):
 * one of the report's judgements, the grade closing a judgement heading, or an earlier inspection's.
 */
export function gradeAt(model: ReportModel, text: string, offset: number): GradeHit | undefined {
  const inside = (r: Range): boolean => offset >= r.start && offset <= r.end && r.end > r.start;
  const j = model.judgements.find((x) => inside(x.range));
  if (j) return { earlier: false, grade: j.grade, area: j.area, source: j.source, range: j.range };
  const h = headingGrades(model, text).find((x) => inside(x.range));
  if (h) {
    const hit: GradeHit = { earlier: false, grade: h.grade, source: 'heading', range: h.range };
    if (h.area !== undefined) hit.area = h.area;
    return hit;
  }
  const e = model.earlierJudgements.find((x) => inside(x.range));
  if (e) {
    const hit: GradeHit = { earlier: true, grade: e.grade, range: e.range };
    if (e.area !== undefined) hit.area = e.area;
    if (e.when !== undefined) hit.when = e.when;
    return hit;
  }
  return undefined;
}

export function gradeHoverMarkdown(hit: GradeHit, text: string): string {
  const grade = GRADE_WORDS[hit.grade].label;
  const area = hit.area ? AREA_WORDS[hit.area].fullName : undefined;
  const lines: string[] = [];
  if (hit.earlier) {
    const when = hit.when ? ` (${escapeMarkdown(hit.when)})` : '';
    lines.push(`**Earlier inspection${when}: ${grade}**${area ? ` — ${area}` : ''}`);
    lines.push('');
    lines.push("A grade from an earlier inspection, mentioned in this report. It is not one of this report's judgements.");
  } else {
    lines.push(`**${grade}** — ${area ?? 'judgement'}`);
    lines.push('');
    lines.push(`This report's judgement, read from ${hit.source ? SOURCE_DESCRIPTIONS[hit.source] : 'the report'}.`);
  }
  lines.push('');
  lines.push(`*${grade}:* ${GRADE_WORDS[hit.grade].meaning}`);
  // Only the grade's own words: a wrapped table grade can straddle its row label.
  const printed = gradePieces(hit.range, text)
    .map((r) => text.slice(r.start, r.end))
    .join(' ');
  if (printed.trim() !== '') {
    lines.push('');
    lines.push(`Printed as: “${escapeMarkdown(printed.trim())}”`);
  }
  return lines.join('\n');
}
