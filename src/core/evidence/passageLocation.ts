// Where a tagged passage sits in an analysed report. The stored position is trusted only when the
// words there are still the quote; otherwise the quote is looked for once and used only if it occurs
// exactly once (a passage is never moved to the wrong words). Not found: the tag's recorded context.

import type { Grade, JudgementArea, SectionRole } from '../recognition/model';
import type { EvidenceReportModel } from './evidenceReportModel';
import type { Tag } from '../tags/sidecar/sidecarModel';
import { tagContext } from '../tags/anchoring/tagContext';

export interface PassageLocation extends PassagePlace {
  found: boolean;
  position?: { start: number; end: number };
}

/** Where in the report a passage is, as a citation names it; each field only where known. */
export interface PassagePlace {
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
  if (!position) return withParagraphLabel(model, recordedPlace(tag));
  const location: PassageLocation = { found: true, position };
  writePlace(location, model, tag, position);
  return location;
}

/**
 * Writes where a found passage sits into `target`, field by field in PassagePlace's order and only those known: the
 * report's section, judgement and paragraph there now (tagContext), else what the tag recorded. A judgement section
 * whose heading does not repeat the grade takes it from the judgement table.
 */
export function writePlace(target: PassagePlace, model: EvidenceReportModel, tag: Tag, position: { start: number; end: number }): void {
  const recorded = tag.context;
  const now = tagContext(model, position);
  const section = now.section ?? recorded?.section;
  if (section !== undefined) target.section = section;
  const sectionRole = now.sectionRole ?? recorded?.sectionRole;
  if (sectionRole !== undefined) target.sectionRole = sectionRole;
  const paragraph = now.paragraph ?? recorded?.paragraph;
  if (paragraph !== undefined) {
    target.paragraph = paragraph;
    const label = paragraphLabel(model, paragraph);
    if (label !== undefined) target.paragraphLabel = label;
  }
  const area = now.judgementArea;
  const judgementArea = area ?? recorded?.judgementArea;
  if (judgementArea !== undefined) target.judgementArea = judgementArea;
  const grade = now.grade ?? (area ? model.judgements.find((j) => j.area === area)?.grade : undefined) ?? recorded?.grade;
  if (grade !== undefined) target.grade = grade;
}

/**
 * A passage not found: where its tag recorded it, field by field. The record comes from the sidecar, which a person or
 * a newer version may have given more: nothing else in it (a position, a claim to have been found) is taken up.
 */
export function recordedPlace(tag: Tag): PassageLocation {
  const location: PassageLocation = { found: false };
  const recorded = tag.context;
  if (!recorded) return location;
  if (typeof recorded.section === 'string') location.section = recorded.section;
  if (typeof recorded.sectionRole === 'string') location.sectionRole = recorded.sectionRole;
  if (typeof recorded.paragraph === 'number') location.paragraph = recorded.paragraph;
  if (typeof recorded.judgementArea === 'string') location.judgementArea = recorded.judgementArea;
  if (typeof recorded.grade === 'string') location.grade = recorded.grade;
  return location;
}

/**
 * The paragraph's printed label where it differs from its number (a committee paper's "2.3"), so a citation says
 * "para 2.3". A tag records only the number (the paragraph's place in the paper), read against the report as it is.
 */
function paragraphLabel(model: EvidenceReportModel, paragraph: number): string | undefined {
  for (const p of model.paragraphs) if (p.number === paragraph) return p.label;
  return undefined;
}

function withParagraphLabel(model: EvidenceReportModel, location: PassageLocation): PassageLocation {
  if (location.paragraph === undefined) return location;
  const label = paragraphLabel(model, location.paragraph);
  return label === undefined ? location : { ...location, paragraphLabel: label };
}
