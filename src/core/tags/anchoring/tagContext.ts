// Where a tagged passage sits in the report (section, numbered paragraph, judgement area and grade),
// recorded on the tag so evidence can be grouped and cited without re-reading the report.

import type { Range, ReportModel, Section } from '../../recognition/model';
import type { TagContext } from '../sidecar/sidecarModel';

export function tagContext(model: ReportModel, range: Range): TagContext {
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
function sectionChain(sections: Section[], offset: number): Section[] {
  const chain: Section[] = [];
  let level = sections;
  for (;;) {
    const hit = level.find((s) => s.range.start <= offset && offset < s.range.end);
    if (!hit) return chain;
    chain.push(hit);
    level = hit.children;
  }
}
