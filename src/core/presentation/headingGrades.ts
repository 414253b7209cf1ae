// The grade words at the end of a judgement section's heading ("… children in care: good"). When the
// judgement table gives the grade, the engine records it once, from the table; the heading's words
// still deserve the grade's colour and hover, so they are found here.

import type { Grade, JudgementArea, Range, ReportModel, Section } from '../recognition/model';
import { GRADE_PATTERN } from '../recognition/gradeWords';

export interface HeadingGrade {
  grade: Grade;
  area?: JudgementArea;
  /** The grade words in the heading. */
  range: Range;
  section: Section;
}

// The grade closes the heading, possibly wrapped onto the heading's second line, and possibly followed
// by a footnote digit. Single spaces of the pattern may be any run of whitespace.
const AT_END = new RegExp(`(${GRADE_PATTERN.replace(/ /g, String.raw`\s+`)})[\\s\\d]*$`, 'i');

export function headingGrades(model: ReportModel, text: string): HeadingGrade[] {
  const out: HeadingGrade[] = [];
  const visit = (sections: Section[]): void => {
    for (const s of sections) {
      if (s.grade) {
        const heading = text.slice(s.headingRange.start, s.headingRange.end);
        const m = AT_END.exec(heading);
        if (m) {
          const start = s.headingRange.start + m.index;
          const hit: HeadingGrade = { grade: s.grade, range: { start, end: start + m[1]!.length }, section: s };
          if (s.judgementArea !== undefined) hit.area = s.judgementArea;
          out.push(hit);
        }
      }
      visit(s.children);
    }
  };
  visit(model.sections);
  return out;
}

export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}
