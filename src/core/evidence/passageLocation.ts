// Where a tagged passage sits in an analysed report. The stored position is trusted only when the
// words there are still the quote; otherwise the quote is looked for once and used only if it occurs
// exactly once (a passage is never moved to the wrong words). Not found: the tag's recorded context.

import type { Grade, JudgementArea, ReportModel, SectionRole } from '../recognition/model';
import type { Tag } from '../tags/sidecar/sidecarModel';
import { tagContext } from '../tags/anchoring/tagContext';

export interface PassageLocation {
  found: boolean;
  position?: { start: number; end: number };
  section?: string;
  sectionRole?: SectionRole;
  paragraph?: number;
  judgementArea?: JudgementArea;
  grade?: Grade;
}

export function findPassage(text: string, tag: Tag): { start: number; end: number } | undefined {
  if (tag.orphaned) return undefined;
  const exact = tag.anchor.quote.exact;
  if (!exact) return undefined;
  const { start, end } = tag.anchor.position;
  if (text.slice(start, end) === exact) return { start, end };
  const first = text.indexOf(exact);
  if (first < 0 || text.indexOf(exact, first + 1) >= 0) return undefined;
  return { start: first, end: first + exact.length };
}

export function locatePassage(text: string, model: ReportModel, tag: Tag): PassageLocation {
  const position = findPassage(text, tag);
  const recorded = tag.context ?? {};
  if (!position) return { found: false, ...recorded };
  const now = tagContext(model, position);
  // A judgement section whose heading does not repeat the grade takes it from the judgement table.
  const grade = now.grade ?? (now.judgementArea ? model.judgements.find((j) => j.area === now.judgementArea)?.grade : undefined);
  return {
    found: true,
    position,
    section: now.section ?? recorded.section,
    sectionRole: now.sectionRole ?? recorded.sectionRole,
    paragraph: now.paragraph ?? recorded.paragraph,
    judgementArea: now.judgementArea ?? recorded.judgementArea,
    grade: grade ?? recorded.grade,
  };
}
