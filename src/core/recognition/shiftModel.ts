// A copy of a model with every offset after an edit moved by the edit's length (line numbers unchanged:
// only edits that keep the line count come here).
import type { NumberedParagraph, Range, ReportModel, Section } from './model';

/** Where a range lies after an edit at `at` that changed the length by `delta`. */
export function shiftRange(at: number, delta: number): (r: Range) => Range {
  // A range ending at the edit grows with text typed at its end (the edit keeps the line's shape).
  return (r) => ({
    start: r.start > at ? r.start + delta : r.start,
    end: r.end > at || (r.end === at && delta > 0) ? r.end + delta : r.end,
  });
}

export function shiftModel(model: ReportModel, at: number, delta: number): ReportModel {
  const move = shiftRange(at, delta);
  // Parts wholly before the edit are unchanged and shared with the previous model (models are never
  // mutated); the rest are copied with their ranges moved. Sections and paragraphs are spelled out rather
  // than spread: this runs on every keystroke, and spreading was most of its time.
  const before = (r: Range) => r.end < at;
  const section = (s: Section): Section => {
    if (before(s.range) && before(s.headingRange)) return s;
    const moved: Section = {
      title: s.title, role: s.role, level: s.level, range: move(s.range), headingRange: move(s.headingRange),
      line: s.line, endLine: s.endLine, children: s.children.map(section),
    };
    if (s.judgementArea !== undefined) moved.judgementArea = s.judgementArea;
    if (s.grade !== undefined) moved.grade = s.grade;
    return moved;
  };
  return {
    ...model,
    metadata: { ...model.metadata, leadInspectors: [...model.metadata.leadInspectors] },
    sections: model.sections.map(section),
    judgements: model.judgements.map((j) => (before(j.range) ? j : { ...j, range: move(j.range) })),
    earlierJudgements: model.earlierJudgements.map((e) => (before(e.range) ? e : { ...e, range: move(e.range) })),
    improvements: model.improvements.map((i) => (before(i.range) ? i : { ...i, range: move(i.range), frameworkRefs: i.frameworkRefs.map((f) => ({ ...f })) })),
    paragraphs: model.paragraphs.map((p): NumberedParagraph => (before(p.range) ? p : p.label === undefined ? { number: p.number, range: move(p.range), line: p.line } : { number: p.number, label: p.label, range: move(p.range), line: p.line })),
  };
}
