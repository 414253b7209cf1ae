// Stage 3 of collecting evidence: one report's entry and its tagged passages, each placed in the report
// (section, paragraph, judgement, grade); a tag whose passage is gone is kept, orphaned, as a typed problem.

import type { ListOwner, ReportModel } from '../recognition/model';
import type { Sidecar, Tag } from '../tags/sidecar/sidecarModel';
import type { EvidenceItem, EvidenceReport, ReportDateKind } from './evidenceModel';
import { locatePassage, type PassageLocation } from './passageLocation';
import { baseName } from './evidenceFiles';
import type { CollectionProblem } from './evidenceProblems';
import { readProvenance, type ImportProvenance } from '../import/provenance';
import type { ReportStage } from './resolveReport';

export interface PairPassages {
  report: EvidenceReport;
  items: EvidenceItem[];
  problems: CollectionProblem[];
}

/** Undefined for a text file that is neither a recognised report nor tagged (a README, notes): not evidence. */
export function collectPassages(resolved: ReportStage, sidecar: Sidecar | undefined, sidecarPath: string | undefined): PairPassages | undefined {
  const { path, text, model } = resolved;
  if (!sidecar && (!model || model.kind === 'unknown')) return undefined;
  const report = reportEntry(resolved, sidecar, sidecarPath);
  const items: EvidenceItem[] = [];
  const problems: CollectionProblem[] = [];
  const located: Array<{ position?: { start: number; end: number }; themeIds: string[] }> = [];
  for (const tag of sidecar?.tags ?? []) {
    const location: PassageLocation = model && text !== undefined ? locatePassage(text, model, tag) : { found: false, ...tag.context };
    const orphaned = !location.found;
    if (orphaned) report.orphanedCount++;
    // Without the report text every tag is unplaced; the sidecar or report problem already says so.
    if (orphaned && text !== undefined) {
      problems.push({ kind: 'orphaned-tag', path: sidecarPath ?? path, tagId: tag.id, quote: tag.anchor.quote.exact, reportFileName: baseName(path) });
    }
    located.push({ ...(location.position ? { position: location.position } : {}), themeIds: tag.themes.map((t) => t.id) });
    const listOwner = model && location.position ? listOwnerAt(model, location.position) : undefined;
    items.push(evidenceItem(tag, report, location, orphaned, listOwner));
  }
  // The board's items are kept (marked by owner) so exports show them; recurring analysis leaves them out.
  report.improvements = (model?.improvements ?? []).map((improvement) => ({
    text: improvement.text,
    priority: improvement.priority,
    owner: improvement.owner,
    ...(improvement.number !== undefined ? { number: improvement.number } : {}),
    line: improvement.line,
    themeIds: [...new Set(located.filter((l) => l.position && overlaps(l.position, improvement.range)).flatMap((l) => l.themeIds))].sort(),
  }));
  return { report, items, problems };
}

/** The report as listed: kind, authority and date from the model, else from the sidecar. */
function reportEntry({ path, text, model }: ReportStage, sidecar: Sidecar | undefined, sidecarPath: string | undefined): EvidenceReport {
  const kind = model && model.kind !== 'unknown' ? model.kind : (sidecar?.report.kind ?? model?.kind ?? 'unknown');
  const authority = model?.metadata.authority ?? sidecar?.report.authority;
  const dated = reportDate(model, sidecar);
  const source = (text !== undefined ? readProvenance(text) : undefined) ?? sidecarSource(sidecar);
  const report: EvidenceReport = {
    path,
    fileName: baseName(path),
    kind,
    ...(authority ? { authority } : {}),
    ...(dated ? { date: dated.date, dateKind: dated.kind } : {}),
    ...(model?.metadata.title ? { title: model.metadata.title } : {}),
    judgements: (model?.judgements ?? []).map((j) => ({ area: j.area, grade: j.grade })),
    improvements: [],
    ...(sidecarPath ? { sidecarPath } : {}),
    tagCount: sidecar?.tags.length ?? 0,
    orphanedCount: 0,
    ...(text === undefined ? { textMissing: true } : {}),
    ...(source ? { source } : {}),
  };
  // Judgements can repeat (table and heading): keep one per area.
  const seenAreas = new Set<string>();
  report.judgements = report.judgements.filter((j) => !seenAreas.has(j.area) && seenAreas.add(j.area));
  return report;
}

/** Whose list the passage lies on: the owner of the first listed item (improvement or strength) it overlaps. */
function listOwnerAt(model: ReportModel, position: { start: number; end: number }): ListOwner | undefined {
  const listed = [...model.improvements, ...model.strengths].filter((item) => overlaps(position, item.range));
  listed.sort((a, b) => a.range.start - b.range.start);
  return listed[0]?.owner;
}

function evidenceItem(tag: Tag, report: EvidenceReport, location: PassageLocation, orphaned: boolean, listOwner: ListOwner | undefined): EvidenceItem {
  return {
    tagId: tag.id,
    themes: tag.themes.map((t) => ({ id: t.id, label: t.label })),
    quote: tag.anchor.quote.exact,
    reportPath: report.path,
    reportFileName: report.fileName,
    reportKind: report.kind,
    ...(report.authority ? { authority: report.authority } : {}),
    ...(report.date ? { reportDate: report.date, reportDateKind: report.dateKind } : {}),
    ...(location.section !== undefined ? { section: location.section } : {}),
    ...(location.sectionRole !== undefined ? { sectionRole: location.sectionRole } : {}),
    ...(location.paragraph !== undefined ? { paragraph: location.paragraph } : {}),
    ...(location.paragraphLabel !== undefined ? { paragraphLabel: location.paragraphLabel } : {}),
    ...(location.judgementArea !== undefined ? { judgementArea: location.judgementArea } : {}),
    ...(location.grade !== undefined ? { grade: location.grade } : {}),
    ...(listOwner ? { listOwner } : {}),
    ...(tag.note ? { note: tag.note } : {}),
    ...(tag.author ? { author: tag.author } : {}),
    ...(tag.created ? { created: tag.created } : {}),
    ...(tag.modified ? { modified: tag.modified } : {}),
    orphaned,
    ...(location.position ? { position: location.position } : {}),
    ...(report.source ? { source: report.source } : {}),
  };
}

/** The sidecar's record of the PDF (docs/sidecar-format.md, `report.source`), when it is whole. */
function sidecarSource(sidecar: Sidecar | undefined): ImportProvenance | undefined {
  const source = (sidecar?.report as { source?: Partial<ImportProvenance> } | undefined)?.source;
  if (typeof source?.pdf !== 'string' || typeof source.sha256 !== 'string' || typeof source.importer !== 'string') return undefined;
  return { pdf: source.pdf, sha256: source.sha256, importer: source.importer };
}

function reportDate(model: ReportModel | undefined, sidecar: Sidecar | undefined): { date: string; kind: ReportDateKind } | undefined {
  const meta = model?.metadata;
  if (meta?.publishedDate) return { date: meta.publishedDate, kind: 'published' };
  const inspected = meta?.inspectionDates?.end ?? meta?.inspectionDates?.start;
  if (inspected) return { date: inspected, kind: 'inspection' };
  // The sidecar records the publication or letter date (schemas/tags.schema.json).
  return sidecar?.report.date ? { date: sidecar.report.date, kind: 'published' } : undefined;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
