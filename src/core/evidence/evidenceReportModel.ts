// The part of a ReportModel that collecting evidence reads: kind, the metadata a report is listed and dated by, its
// grades, its listed items and where they lie, and the sections and numbered paragraphs that place a tag. The
// persistent analysis cache keeps only this (about half a whole model's JSON: no heading ranges, line numbers,
// earlier judgements or framework references), so a warm collection reads, parses, checks and frees less.
// Any ReportModel is an EvidenceReportModel; evidenceModelOf copies out exactly these fields.

import type { Grade, JudgementArea, ListOwner, Range, ReportKind } from '../recognition/model';
import type { PlacedSection } from '../tags/anchoring/tagContext';

export interface EvidenceListItem {
  text: string;
  owner: ListOwner;
  range: Range;
  line: number;
  number?: number;
}

export interface EvidenceReportModel {
  kind: ReportKind;
  metadata: { title?: string; authority?: string; publishedDate?: string; inspectionDates?: { start?: string; end?: string } };
  sections: PlacedSection[];
  judgements: Array<{ area: JudgementArea; grade: Grade }>;
  improvements: Array<EvidenceListItem & { priority: boolean }>;
  /** Where the report's strengths lie and whose they are (a passage on one takes its owner); their words are not read. */
  strengths: Array<{ owner: ListOwner; range: Range }>;
  paragraphs: Array<{ number: number; label?: string; range: Range }>;
}

/** Exactly the fields above, copied out of a whole model (or of one already reduced), so its JSON holds nothing more. */
export function evidenceModelOf(model: EvidenceReportModel): EvidenceReportModel {
  const { title, authority, publishedDate, inspectionDates } = model.metadata;
  const dates = inspectionDates ? { ...(inspectionDates.start !== undefined ? { start: inspectionDates.start } : {}), ...(inspectionDates.end !== undefined ? { end: inspectionDates.end } : {}) } : undefined;
  return {
    kind: model.kind,
    metadata: {
      ...(title !== undefined ? { title } : {}),
      ...(authority !== undefined ? { authority } : {}),
      ...(publishedDate !== undefined ? { publishedDate } : {}),
      ...(dates ? { inspectionDates: dates } : {}),
    },
    sections: model.sections.map(placedSection),
    judgements: model.judgements.map((j) => ({ area: j.area, grade: j.grade })),
    improvements: model.improvements.map((i) => ({ text: i.text, priority: i.priority, owner: i.owner, range: rangeOf(i.range), line: i.line, ...(i.number !== undefined ? { number: i.number } : {}) })),
    strengths: model.strengths.map((s) => ({ owner: s.owner, range: rangeOf(s.range) })),
    paragraphs: model.paragraphs.map((p) => ({ number: p.number, ...(p.label !== undefined ? { label: p.label } : {}), range: rangeOf(p.range) })),
  };
}

function placedSection(s: PlacedSection): PlacedSection {
  return {
    title: s.title,
    role: s.role,
    range: rangeOf(s.range),
    ...(s.judgementArea !== undefined ? { judgementArea: s.judgementArea } : {}),
    ...(s.grade !== undefined ? { grade: s.grade } : {}),
    children: s.children.map(placedSection),
  };
}

const rangeOf = (r: Range): Range => ({ start: r.start, end: r.end });
