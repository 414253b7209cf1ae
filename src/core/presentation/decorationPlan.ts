// Which ranges the editor colours: this report's grades by grade, earlier inspections' grades apart
// (they are not this report's findings), and the areas for improvement. Ranges that wrap over a line
// break are split into one piece per line without the indentation, so only the words are coloured; in
// a table, where a wrapped grade shares its lines with the row label, only the grade column is kept.

import type { Grade, Range, ReportModel } from '../recognition/model';
import { headingGrades, overlaps } from './headingGrades';
import { GRADE_CELL } from '../recognition/gradeWords';

export type DecorationStyle = `grade-${Grade}` | 'earlier-grade' | 'improvement' | 'priority-improvement';

export const DECORATION_STYLES: readonly DecorationStyle[] = [
  'grade-outstanding',
  'grade-good',
  'grade-requires-improvement',
  'grade-inadequate',
  'grade-adequate',
  'earlier-grade',
  'improvement',
  'priority-improvement',
];

export type DecorationPlan = Record<DecorationStyle, Range[]>;

export function planDecorations(model: ReportModel, text: string): DecorationPlan {
  const plan = Object.fromEntries(DECORATION_STYLES.map((s) => [s, [] as Range[]])) as DecorationPlan;
  for (const j of model.judgements) plan[`grade-${j.grade}`].push(...gradePieces(j.range, text));
  for (const h of headingGrades(model, text)) {
    if (!model.judgements.some((j) => overlaps(j.range, h.range))) plan[`grade-${h.grade}`].push(...splitByLine(h.range, text));
  }
  for (const e of model.earlierJudgements) plan['earlier-grade'].push(...splitByLine(e.range, text));
  // Improvements are marked as whole lines by the editor, so their full range is kept. The board's are marked as the
  // council's (the Outline and hover say whose); strengths are never marked: they are not areas for improvement.
  for (const i of model.improvements) plan[i.priority ? 'priority-improvement' : 'improvement'].push(i.range);
  return plan;
}

/** One range per line of `range`, trimmed of surrounding whitespace; blank lines give none. */
export function splitByLine(range: Range, text: string): Range[] {
  const out: Range[] = [];
  let start = range.start;
  while (start < range.end) {
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 || nl >= range.end ? range.end : nl;
    let s = start;
    let e = lineEnd;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = lineEnd + 1;
  }
  return out;
}

/**
 * The words of a grade, line by line. A grade wrapped in a table can straddle its row label
 * ("Requires" / "Overall effectiveness" / "to be good"): of such a range only the grade column's
 * words are kept, never the label.
 */
export function gradePieces(range: Range, text: string): Range[] {
  const pieces = splitByLine(range, text).map((r) => lastColumn(r, text));
  if (pieces.length < 2) return pieces;
  return pieces.filter((r) => GRADE_CELL.test(text.slice(r.start, r.end)));
}

/** The part of a one-line range after its last gap of two or more spaces or a tab: the table's last column. */
export function lastColumn(range: Range, text: string): Range {
  const piece = text.slice(range.start, range.end);
  let after = 0;
  for (const m of piece.matchAll(/ {2,}|\t+/g)) after = m.index + m[0].length;
  return after > 0 && after < piece.length ? { start: range.start + after, end: range.end } : range;
}
