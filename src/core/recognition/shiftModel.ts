// A copy of a model with every offset after an edit moved by the edit's length (line numbers unchanged:
// only edits that keep the line count come here).
import type { Range, ReportModel, Section } from '../model';

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
  const section = (s: Section): Section => ({ ...s, range: move(s.range), headingRange: move(s.headingRange), children: s.children.map(section) });
  return {
    ...model,
    metadata: { ...model.metadata, leadInspectors: [...model.metadata.leadInspectors] },
    sections: model.sections.map(section),
    judgements: model.judgements.map((j) => ({ ...j, range: move(j.range) })),
    earlierJudgements: model.earlierJudgements.map((e) => ({ ...e, range: move(e.range) })),
    improvements: model.improvements.map((i) => ({ ...i, range: move(i.range), frameworkRefs: i.frameworkRefs.map((f) => ({ ...f })) })),
    paragraphs: model.paragraphs.map((p) => ({ ...p, range: move(p.range) })),
  };
}
