// Judgement tables ("Judgement  Grade", "Key judgement  Judgement grade", SIF's numbered list), as PDF
// text flattens them: label and grade in columns, labels wrapping over two lines with the grade beside
// either line, grades wrapping themselves ("Requires" / "improvement to be good").
import type { Grade, JudgementArea, Range } from './model';
import type { DocLine } from './documentLines';
import { GRADE_COMPLETE, parseArea, parseGrade } from './gradeWords';
import { isGradeCell } from './lineClassifier';

export interface TableRow {
  area: JudgementArea;
  grade: Grade;
  label: string;
  gradeRange: Range;
  gradeLine: number;
  firstLine: number;
  lastLine: number;
}

export interface JudgementTable {
  headerLine: number;
  /** Header is "Key judgement  Judgement grade": one per SIF judgement section. */
  keyJudgement: boolean;
  rows: TableRow[];
  lastLine: number;
}

interface Piece {
  text: string;
  start: number;
  end: number;
  line: number;
}

const MD_SEPARATOR = /^\|?[\s:|-]+\|?$/;

export function findJudgementTables(lines: DocLine[], footer: boolean[]): JudgementTable[] {
  const tables: JudgementTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const info = lines[i]!.info;
    const splitHeaderEnd = info.tableHeader ? -1 : splitHeader(lines, i);
    if (info.tableHeader || splitHeaderEnd > 0) {
      const table = parseTable(lines, footer, Math.max(i, splitHeaderEnd) + 1, i, /key judge?ment/i.test(info.clean));
      tables.push(table);
      i = Math.max(i, splitHeaderEnd, table.lastLine);
    } else if (info.sifFirstRow) {
      // The grade may sit on the line above the label ("Requires" / "1. Children who …" / "improvement").
      let from = i;
      let k = i - 1;
      while (k >= 0 && lines[k]!.info.blank) k--;
      // It sits in the grade column: a grade word at the margin ends the headline above ("… are" / "inadequate").
      if (k >= 0 && k < i && i - k <= 2 && isGradeCell(lines[k]!.info.clean) && lines[k]!.info.first > lines[i]!.info.first + 20) from = k;
      const table = parseTable(lines, footer, from, from, false);
      if (table.rows.length) {
        tables.push(table);
        i = Math.max(i, table.lastLine);
      }
    }
  }
  return tables;
}

/**
 * A header whose two columns a conversion put on lines of their own ("Judgement" / "Grade", "Key Judgement" /
 * "Judgement Grade"), perhaps with a blank line between: the line index of its second half, or -1.
 */
function splitHeader(lines: DocLine[], i: number): number {
  // Lower-casing never shortens a line, so a long `clean` rules the line out before `lower` is built.
  if (lines[i]!.info.clean.length > 14) return -1;
  const lower = lines[i]!.info.lower;
  if (lower.length > 14 || !/^(?:key )?judge?ment$/.test(lower)) return -1;
  for (let k = i + 1; k < lines.length && k <= i + 2; k++) {
    const next = lines[k]!.info;
    if (next.blank) continue;
    return /^(?:judge?ment )?grade$/.test(next.lower) ? k : -1;
  }
  return -1;
}

/** A line that is only a grade (or the first word of a wrapped one): the grade column of the row above. */
function gradeOnly(pieces: readonly Piece[]): boolean {
  return pieces.length > 0 && pieces.every((p) => isGradeCell(p.text));
}

function parseTable(lines: DocLine[], footer: boolean[], from: number, headerLine: number, keyJudgement: boolean): JudgementTable {
  const rows: TableRow[] = [];
  let labels: Piece[] = [];
  let grades: Piece[] = [];
  let rowFirst = -1;
  let lastLine = headerLine;
  let blankRun = 0;

  const flush = (): boolean => {
    if (rowFirst < 0) return true;
    const label = labels.map((p) => p.text).join(' ').replace(/^\|/, '').replace(/^\d+(?:\.\d+)*\.?\s*/, '').replace(/\*\*/g, '').trim();
    const gradeText = grades.map((p) => p.text).join(' ');
    const area = parseArea(label);
    const grade = parseGrade(gradeText);
    const ok = !!area && !!grade;
    if (ok) {
      rows.push({
        area: area!, grade: grade!, label,
        gradeRange: { start: grades[0]!.start, end: grades[grades.length - 1]!.end },
        gradeLine: grades[0]!.line, firstLine: rowFirst, lastLine: lastLine,
      });
    }
    labels = [];
    grades = [];
    rowFirst = -1;
    return ok;
  };

  for (let i = from; i < lines.length && i < from + 60; i++) {
    const line = lines[i]!;
    const info = line.info;
    if (info.blank || footer[i]) {
      blankRun++;
      if (blankRun > 4 && rowFirst < 0) break;
      continue;
    }
    if (MD_SEPARATOR.test(info.clean)) continue;
    const pieces: Piece[] = info.cells
      ? info.cells.map((c) => ({ text: c.text, start: line.start + c.start, end: line.start + c.end, line: i }))
      : [{ text: info.clean, start: line.start + info.first, end: line.start + info.last, line: i }];
    const lineGrades = pieces.filter((p) => isGradeCell(p.text));
    const lineLabels = pieces.filter((p) => !isGradeCell(p.text));
    // Prose after the table: a long line with no column gap, or a sentence.
    if (!info.cells && (info.clean.length > 75 || /[.;]$/.test(info.clean)) && lineGrades.length === 0) break;
    if (info.heading || info.tableHeader) break;
    const startsRow = lineLabels.length > 0 && /^(?:\|\s*)?(?:\d|[A-Z])/.test(lineLabels[0]!.text);
    const rowComplete = rowFirst >= 0 && !!parseArea(labels.map((p) => p.text).join(' ')) && !!parseGrade(grades.map((p) => p.text).join(' '));
    // A second full grade (not the rest of a wrapped one) belongs to the next row, whose label may follow it.
    const newGrade = rowComplete && lineGrades.length > 0 && /^[A-Z]/.test(lineGrades[0]!.text) && GRADE_COMPLETE.test(grades.map((p) => p.text).join(' '));
    // Reading-order text puts a blank line between a label and its grade: the grade still closes that row.
    const gradeAfterGap = blankRun > 0 && !rowComplete && grades.length === 0 && labels.length > 0 && gradeOnly(pieces);
    if (rowFirst >= 0 && ((blankRun > 0 && !gradeAfterGap) || (rowComplete && (startsRow || newGrade)))) {
      if (!flush() && rows.length > 0) break;
    }
    blankRun = 0;
    if (rowFirst < 0) rowFirst = i;
    labels.push(...lineLabels);
    grades.push(...lineGrades);
    lastLine = i;
    if (i - rowFirst > 5) break;
  }
  flush();
  const last = rows.length ? rows[rows.length - 1]!.lastLine : headerLine;
  return { headerLine, keyJudgement, rows, lastLine: Math.max(last, headerLine) };
}
