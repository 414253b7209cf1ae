// Where a tagged passage sits in an analysed report. The stored position is trusted only when the
// words there are still the quote; otherwise the quote is looked for once and used only if it occurs
// exactly once (a passage is never moved to the wrong words). Not found: the tag's recorded context.

import type { Grade, JudgementArea, SectionRole } from '../recognition/model';
import type { EvidenceReportModel } from './evidenceReportModel';
import type { Tag } from '../tags/sidecar/sidecarModel';
import { tagContext } from '../tags/anchoring/tagContext';

export interface PassageLocation {
  found: boolean;
  position?: { start: number; end: number };
  section?: string;
  sectionRole?: SectionRole;
  paragraph?: number;
  /** "2.3" where the report numbers paragraphs by section (then `paragraph` is the paragraph's place in the report). */
  paragraphLabel?: string;
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

export function locatePassage(text: string, model: EvidenceReportModel, tag: Tag): PassageLocation {
  return placePassage(model, tag, findPassage(text, tag));
}

/** The passage's place in the report from where its words were found (undefined: not found), as locatePassage gives it. */
export function placePassage(model: EvidenceReportModel, tag: Tag, position: { start: number; end: number } | undefined): PassageLocation {
  const recorded = tag.context ?? {};
  if (!position) return withParagraphLabel(model, { found: false, ...recorded });
  const now = tagContext(model, position);
  // A judgement section whose heading does not repeat the grade takes it from the judgement table.
  const grade = now.grade ?? (now.judgementArea ? model.judgements.find((j) => j.area === now.judgementArea)?.grade : undefined);
  return withParagraphLabel(model, {
    found: true,
    position,
    section: now.section ?? recorded.section,
    sectionRole: now.sectionRole ?? recorded.sectionRole,
    paragraph: now.paragraph ?? recorded.paragraph,
    judgementArea: now.judgementArea ?? recorded.judgementArea,
    grade: grade ?? recorded.grade,
  });
}

/**
 * The paragraph's printed label where it differs from its number (a committee paper's "2.3"), so a citation says
 * "para 2.3". A tag records only the number (the paragraph's place in the paper), read against the report as it is.
 */
function withParagraphLabel(model: EvidenceReportModel, location: PassageLocation): PassageLocation {
  if (location.paragraph === undefined) return location;
  const label = model.paragraphs.find((p) => p.number === location.paragraph)?.label;
  return label === undefined ? location : { ...location, paragraphLabel: label };
}
