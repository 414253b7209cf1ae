// Headings in plain text, where nothing marks them: known phrases per kind, judgement headings that
// end in their grade (possibly wrapped over two lines), SIF "Key judgement" tables, and short
// capitalised lines followed by body text.
import type { Grade, JudgementArea, Range, SectionRole } from './model';
import type { DocLine } from './documentLines';
import type { JudgementTable } from './judgementTables';
import type { TitleBlock } from './metadata';
import { GRADE_COMPLETE, parseArea, parseGrade } from './gradeWords';

export interface HeadingCandidate {
  /** First and last line index of the heading. */
  line: number;
  lastLine: number;
  title: string;
  role: SectionRole;
  headingRange: Range;
  judgementArea?: JudgementArea;
  grade?: Grade;
  /** The grade's words in the heading, for the judgement it gives. */
  gradeRange?: Range;
  /** Nesting depth from markdown (# = 1); plain text leaves it to the roles. */
  depth?: number;
  /** Found by shape only (short capitalised line), not by a known phrase. */
  generic?: boolean;
}

function stripFootnote(title: string): string {
  return title.replace(/(?<=[A-Za-z?):])\d{1,2}$/, '').trim();
}

export function titleHeading(lines: DocLine[], title: TitleBlock): HeadingCandidate {
  const first = lines[title.from]!;
  const last = lines[title.to]!;
  return {
    line: title.from, lastLine: title.to, title: title.text, role: 'title',
    headingRange: { start: first.start + first.info.first, end: last.start + last.info.last },
  };
}

export function findPlainHeadings(
  lines: DocLine[], footer: boolean[], tables: JudgementTable[], title: TitleBlock | undefined, letterBodyStart: number, numberedHeading = false,
  gradedHeadings = true,
): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  const tableLine = new Uint8Array(lines.length);
  for (const t of tables) for (let i = Math.max(0, t.headerLine); i <= t.lastLine; i++) tableLine[i] = 1;
  const keyTables = new Map<number, JudgementTable>();
  for (const t of tables) if (t.keyJudgement && t.rows.length) { keyTables.set(t.headerLine, t); tableLine[t.headerLine] = 2; }
  if (title) out.push(titleHeading(lines, title));
  const bodyFrom = Math.max(title ? title.to + 1 : 0, letterBodyStart);
  let closed = false;
  const gradeNear = gradeLineWithin8(lines);
  for (let i = bodyFrom; i < lines.length; i++) {
    const line = lines[i]!;
    const info = line.info;
    if (info.blank || footer[i]) continue;
    const keyTable = tableLine[i] === 2 ? keyTables.get(i) : undefined;
    if (keyTable) {
      const row = keyTable.rows[0]!;
      const last = lines[keyTable.lastLine]!;
      out.push({
        line: i, lastLine: keyTable.lastLine, title: row.label, role: 'judgement',
        headingRange: { start: line.start + info.first, end: last.start + last.info.last },
        judgementArea: row.area, grade: row.grade,
      });
      i = keyTable.lastLine;
      continue;
    }
    if (tableLine[i]) continue;
    const acrossBreak = gradeNear(i) ? gradeAcrossPageBreak(lines, footer, i) : -1;
    const gradeAt = lines[i + 1]?.info.gradeLine ? i + 1 : lines[i + 2]?.info.gradeLine && !lines[i + 1]!.info.blank ? i + 2 : acrossBreak;
    if (gradedHeadings && gradeAt > 0 && !info.gradeLine && !/[.;,]$/.test(info.clean)) {
      const gradeLine = lines[gradeAt]!;
      const g = gradeLine.info.gradeLine!;
      const label = gradeAt === i + 2 && acrossBreak < 0 ? `${info.clean} ${lines[i + 1]!.info.clean}` : info.clean;
      const area = parseArea(label);
      const candidate: HeadingCandidate = {
        line: i, lastLine: gradeAt, title: label, role: 'judgement',
        headingRange: { start: line.start + info.first, end: gradeLine.start + gradeLine.info.last },
        grade: g.grade, gradeRange: { start: gradeLine.start + g.start, end: gradeLine.start + g.end },
      };
      if (area) candidate.judgementArea = area;
      out.push(candidate);
      i = gradeAt;
      continue;
    }
    if (info.heading && !info.bullet && !info.numbered) {
      out.push({ line: i, lastLine: i, title: info.heading.title, role: info.heading.role, headingRange: { start: line.start + info.first, end: line.start + info.last } });
      if (info.heading.role === 'closing') closed = true;
      if (/^contents$/i.test(info.heading.title)) i = contentsEnd(lines, i);
      continue;
    }
    // Letters grade nothing ("… was judged to require improvement" is prose). The colon may be missing (2018).
    const colonHeading = gradedHeadings && info.judgementLabelStart && !info.cells && !info.gradeTail && !/[.;,]$/.test(info.clean) ? colonWrappedHeading(lines, i) : undefined;
    if (colonHeading) {
      out.push(colonHeading);
      i = colonHeading.lastLine;
      continue;
    }
    if (gradedHeadings && info.judgementLabelStart && !info.cells && !/[.;,]$/.test(info.clean)) {
      let lastLine = -1;
      if (info.gradeTail) lastLine = i;
      else {
        const next = lines[i + 1];
        if (next && next.info.gradeTail && !next.info.blank && next.info.clean.length < 80 && !next.info.cells) lastLine = i + 1;
      }
      if (lastLine >= 0) {
        let gradeEndLine = lastLine;
        const wrapped = lines[lastLine + 1];
        if (lines[lastLine]!.info.gradeTail!.partial && wrapped && wrapped.info.gradeContinuation) gradeEndLine = lastLine + 1;
        const tail = lines[lastLine]!;
        const gradeEnd = lines[gradeEndLine]!;
        const text = lastLine === i ? info.clean : `${info.clean} ${tail.info.clean}`;
        const gradeTail = tail.info.gradeTail!;
        const label = text.slice(0, text.length - (tail.info.last - gradeTail.start));
        const area = parseArea(label);
        if (area) {
          out.push({
            line: i, lastLine: gradeEndLine, title: stripFootnote(`${text}${gradeEndLine > lastLine ? ` ${gradeEnd.info.clean}` : ''}`.replace(/^#{1,6}\s+/, '')), role: 'judgement',
            headingRange: { start: line.start + info.first, end: gradeEnd.start + gradeEnd.info.last },
            judgementArea: area, grade: gradeTail.grade,
            gradeRange: { start: tail.start + gradeTail.start, end: gradeEndLine > lastLine ? gradeEnd.start + gradeEnd.info.last : tail.start + gradeTail.end },
          });
          i = gradeEndLine;
          continue;
        }
      }
    }
    // Committee papers number their headings ("3. Recommendation").
    if (numberedHeading && info.numbered && info.clean.length < 70 && !/[.,;:]$/.test(info.clean) && /^[A-Z]/.test(info.norm.slice(info.numbered.contentStart)) && isGenericHeading(lines, footer, i, true)) {
      out.push({ line: i, lastLine: i, title: info.norm.slice(info.numbered.contentStart, info.last).trim(), role: 'other', headingRange: { start: line.start + info.first, end: line.start + info.last } });
      continue;
    }
    if (!closed && info.headingLike && !info.gradeTail && isGenericHeading(lines, footer, i) && !tableLine[i + (lines[i + 1]?.info.blank ? 2 : 1)]) {
      out.push({ line: i, lastLine: i, title: stripFootnote(info.clean), role: 'other', headingRange: { start: line.start + info.first, end: line.start + info.last }, generic: true });
    }
  }
  return out;
}

/**
 * A judgement heading that wraps right after its colon: "The experiences and progress of children in care:" then
 * "requires improvement to be good" (perhaps itself wrapped: "requires improvement to be" / "good").
 */
function colonWrappedHeading(lines: DocLine[], i: number): HeadingCandidate | undefined {
  const line = lines[i]!;
  const next = lines[i + 1];
  if (!next || next.info.blank || next.info.cells) return undefined;
  const gradeText = (t: string) => t.replace(/^#{1,6}\s+/, '').replace(/\.$/, '');
  let gradeEnd = i + 1;
  let words = gradeText(next.info.clean);
  if (!GRADE_COMPLETE.test(words)) {
    const after = lines[i + 2];
    if (!/^requires? improvement(?: to be)?$/i.test(words) || !after || !after.info.gradeContinuation) return undefined;
    words = `${words} ${gradeText(after.info.clean)}`;
    gradeEnd = i + 2;
    if (!GRADE_COMPLETE.test(words)) return undefined;
  }
  const label = line.info.clean.replace(/^#{1,6}\s+/, '').replace(/:$/, '').trim();
  const area = parseArea(label);
  const grade = parseGrade(words);
  if (!area || !grade) return undefined;
  const last = lines[gradeEnd]!;
  // The grade's words, without a closing full stop.
  const lastEnd = last.start + last.info.last - (last.info.clean.endsWith('.') ? 1 : 0);
  return {
    line: i, lastLine: gradeEnd, title: `${stripFootnote(label)}: ${words}`, role: 'judgement',
    headingRange: { start: line.start + line.info.first, end: last.start + last.info.last },
    judgementArea: area, grade,
    gradeRange: { start: next.start + next.info.first, end: lastEnd },
  };
}

/** A heading whose "Grade 4 (Inadequate)" line a page break (blank lines and the page's footer) pushed away from it. */
function gradeAcrossPageBreak(lines: DocLine[], footer: boolean[], i: number): number {
  let sawFooter = false;
  for (let k = i + 1; k < lines.length && k <= i + 8; k++) {
    const info = lines[k]!.info;
    // The running footer: a marked footer, or the report's title with the page number in its own column.
    if (footer[k] || (info.cells && info.cells.length === 2 && /^\d{1,3}$/.test(info.cells[1]!.text))) { sawFooter = true; continue; }
    if (info.blank) continue;
    // Reading order puts the running title on its own line above the page number.
    if (!sawFooter && !info.gradeLine && footer[nextNonBlankLine(lines, k + 1)]) continue;
    return sawFooter && info.gradeLine ? k : -1;
  }
  return -1;
}

/**
 * Whether a grade line lies within 8 lines below line i (asked for rising i), as any a heading takes does. Grade
 * lines are rare: one look ahead to the next serves every line before it.
 */
function gradeLineWithin8(lines: DocLine[]): (i: number) => boolean {
  let next = -1;
  return (i) => {
    if (next <= i) {
      next = i + 1;
      while (next < lines.length && !lines[next]!.info.gradeLine) next++;
    }
    return next <= i + 8;
  };
}

function nextNonBlankLine(lines: DocLine[], k: number): number {
  while (k < lines.length && lines[k]!.info.blank) k++;
  return k;
}

/**
 * The last line of a table of contents: entries are titles with their page number, at the line's end
 * ("Summary of findings   3") or, in reading-order text, on a line of its own below the title.
 */
function contentsEnd(lines: DocLine[], heading: number): number {
  let end = heading;
  // Titles since the last page number: an entry wraps over at most three lines, one may lack its number.
  let pending = 0;
  for (let j = heading + 1; j < lines.length; j++) {
    const info = lines[j]!.info;
    if (info.blank) continue;
    if (/^\d{1,3}$/.test(info.clean) || /\D\s+\d{1,3}$/.test(info.clean)) {
      end = j;
      pending = 0;
      continue;
    }
    if (info.clean.length > 90 || ++pending > 3) break;
  }
  return end;
}

/** A short capitalised line on its own, followed by body text (a paragraph or a list). */
function isGenericHeading(lines: DocLine[], footer: boolean[], i: number, numbered = false): boolean {
  const prev = lines[i - 1];
  if (prev && !prev.info.blank && !footer[i - 1]) return false;
  const info = lines[i]!.info;
  if (info.clean.length < 3 || !/[a-z]/.test(info.clean) || /\d{4}$/.test(info.clean)) return false;
  if (numbered) {
    const next = lines[i + 1];
    return !next || next.info.blank;
  }
  let j = i + 1;
  if (j < lines.length && lines[j]!.info.blank) j++;
  const next = lines[j];
  if (!next || next.info.blank || footer[j]) return false;
  if (next.info.bullet || next.info.numbered) return true;
  if (next.info.headingLike || next.info.cells) return false;
  return next.info.clean.length >= 45 && /^[A-Z"']/.test(next.info.clean) && next.info.clean.length > info.clean.length * 1.3;
}
