// Where a tagged passage sits in the report (section, numbered paragraph, judgement area and grade),
// recorded on the tag so evidence can be grouped and cited without re-reading the report.

import type { Grade, JudgementArea, Range, SectionRole } from '../../recognition/model';
import type { TagContext } from '../sidecar/sidecarModel';

/** The sections placing reads: a ReportModel's, or the fewer fields the evidence cache keeps (evidenceReportModel.ts). */
export interface PlacedSection {
  title: string;
  role: SectionRole;
  range: Range;
  judgementArea?: JudgementArea;
  grade?: Grade;
  children: PlacedSection[];
}

/** What placing a passage reads of a model; any ReportModel is one. */
export interface PlacingModel {
  sections: readonly PlacedSection[];
  paragraphs: ReadonlyArray<{ number: number; range: Range }>;
}

export function tagContext(model: PlacingModel, range: Range): TagContext {
  // Walked level by level without building the chain of sections: evidence places every passage of a collection
  // here (500,000 at national scale).
  const context: TagContext = {};
  let innermost: PlacedSection | undefined;
  // The judgement comes from the nearest enclosing section that judges an area (sub-topics inherit it).
  let judging: PlacedSection | undefined;
  for (let hit = sectionAt(model.sections, range.start); hit; hit = sectionAt(hit.children, range.start)) {
    innermost = hit;
    if (hit.judgementArea) judging = hit;
  }
  if (innermost) {
    context.section = innermost.title;
    context.sectionRole = innermost.role;
  }
  if (judging) {
    context.judgementArea = judging.judgementArea;
    if (judging.grade) context.grade = judging.grade;
  }
  for (const p of model.paragraphs) {
    if (p.range.start <= range.start && range.start < p.range.end) {
      context.paragraph = p.number;
      break;
    }
  }
  return context;
}

/** The section of `sections` containing `offset`, if any. */
function sectionAt(sections: readonly PlacedSection[], offset: number): PlacedSection | undefined {
  for (const s of sections) if (s.range.start <= offset && offset < s.range.end) return s;
  return undefined;
}
