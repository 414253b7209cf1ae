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
  const context: TagContext = {};
  const chain = sectionChain(model.sections, range.start);
  const innermost = chain[chain.length - 1];
  if (innermost) {
    context.section = innermost.title;
    context.sectionRole = innermost.role;
  }
  // The judgement comes from the nearest enclosing section that judges an area (sub-topics inherit it).
  for (let i = chain.length - 1; i >= 0; i--) {
    const section = chain[i]!;
    if (section.judgementArea) {
      context.judgementArea = section.judgementArea;
      if (section.grade) context.grade = section.grade;
      break;
    }
  }
  const paragraph = model.paragraphs.find((p) => p.range.start <= range.start && range.start < p.range.end);
  if (paragraph) context.paragraph = paragraph.number;
  return context;
}

/** Outermost to innermost sections containing `offset`. */
function sectionChain(sections: readonly PlacedSection[], offset: number): PlacedSection[] {
  const chain: PlacedSection[] = [];
  let level = sections;
  for (;;) {
    const hit = level.find((s) => s.range.start <= offset && offset < s.range.end);
    if (!hit) return chain;
    chain.push(hit);
    level = hit.children;
  }
}
