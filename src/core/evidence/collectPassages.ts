// Stage 3 of collecting evidence: one report's entry and its tagged passages, each placed in the report
// (section, paragraph, judgement, grade); a tag whose passage is gone is kept, orphaned, as a typed problem.

import type { ListOwner } from '../recognition/model';
import type { EvidenceReportModel } from './evidenceReportModel';
import type { Sidecar, Tag, TagTheme } from '../tags/sidecar/sidecarModel';
import type { EvidenceItem, EvidenceReport, ReportDateKind } from './evidenceModel';
import { locatePassage, placePassage, type PassageLocation } from './passageLocation';
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
  const { path, text, model, stamped } = resolved;
  if (!sidecar && (!model || model.kind === 'unknown')) return undefined;
  // A report known unchanged by its stamp was not read: its tags lie where they were found when it last was.
  const read = text !== undefined || stamped !== undefined;
  const report = reportEntry(resolved, sidecar, sidecarPath);
  const items: EvidenceItem[] = [];
  const problems: CollectionProblem[] = [];
  const located: Array<{ position?: { start: number; end: number }; themeIds: string[] }> = [];
  const tags = sidecar?.tags ?? [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const location = locateTag(resolved, tag, i);
    const orphaned = !location.found;
    if (orphaned) report.orphanedCount++;
    // Without the report text every tag is unplaced; the sidecar or report problem already says so.
    if (orphaned && read) {
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

/** Where the report's `index`th tag lies: found in its text, or where its stamp says; without text or model, only as recorded. */
function locateTag({ text, model, stamped }: ReportStage, tag: Tag, index: number): PassageLocation {
  if (model && text !== undefined) return locatePassage(text, model, tag);
  if (model && stamped) return placePassage(model, tag, stamped.places[index]);
  return { found: false, ...tag.context };
}

/** The report as listed: kind, authority and date from the model, else from the sidecar. */
function reportEntry({ path, text, model, stamped }: ReportStage, sidecar: Sidecar | undefined, sidecarPath: string | undefined): EvidenceReport {
  const kind = model && model.kind !== 'unknown' ? model.kind : (sidecar?.report.kind ?? model?.kind ?? 'unknown');
  const authority = model?.metadata.authority ?? sidecar?.report.authority;
  const dated = reportDate(model, sidecar);
  const source = (text !== undefined ? readProvenance(text) : stamped?.provenance) ?? sidecarSource(sidecar);
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
    ...(text === undefined && !stamped ? { textMissing: true } : {}),
    ...(source ? { source } : {}),
  };
  // Judgements can repeat (table and heading): keep one per area.
  const seenAreas = new Set<string>();
  report.judgements = report.judgements.filter((j) => !seenAreas.has(j.area) && seenAreas.add(j.area));
  return report;
}

/** Whose list the passage lies on: the owner of the first listed item (improvement or strength) it overlaps. */
function listOwnerAt(model: EvidenceReportModel, position: { start: number; end: number }): ListOwner | undefined {
  // The earliest overlapping item; on a tie the improvement, then the first listed (as a stable sort would give).
  let first: { owner: ListOwner; range: { start: number } } | undefined;
  for (const list of [model.improvements, model.strengths]) {
    for (const item of list) if (overlaps(position, item.range) && (!first || item.range.start < first.range.start)) first = item;
  }
  return first?.owner;
}

function evidenceItem(tag: Tag, report: EvidenceReport, location: PassageLocation, orphaned: boolean, listOwner: ListOwner | undefined): EvidenceItem {
  // Fields in the order the set's JSON has always listed them, set one by one: no short-lived object per field.
  const item: EvidenceItem = {
    tagId: tag.id,
    themes: sharedThemes(tag),
    quote: tag.anchor.quote.exact,
    reportPath: report.path,
    reportFileName: report.fileName,
    reportKind: report.kind,
  } as EvidenceItem;
  if (report.authority) item.authority = report.authority;
  if (report.date) {
    item.reportDate = report.date;
    item.reportDateKind = report.dateKind!;
  }
  if (location.section !== undefined) item.section = location.section;
  if (location.sectionRole !== undefined) item.sectionRole = location.sectionRole;
  if (location.paragraph !== undefined) item.paragraph = location.paragraph;
  if (location.paragraphLabel !== undefined) item.paragraphLabel = location.paragraphLabel;
  if (location.judgementArea !== undefined) item.judgementArea = location.judgementArea;
  if (location.grade !== undefined) item.grade = location.grade;
  if (listOwner) item.listOwner = listOwner;
  if (tag.note) item.note = tag.note;
  if (tag.author) item.author = sharedString(tag.author);
  if (tag.created) item.created = tag.created;
  if (tag.modified) item.modified = tag.modified;
  item.orphaned = orphaned;
  if (location.position) item.position = location.position;
  if (report.source) item.source = report.source;
  return item;
}

// A set holds every passage (500,000 at national scale), and each sidecar parsed brings its own copies of the same
// few theme ids, labels and coders' names: passages share one copy of each instead. Bounded, forgotten all at once.
const SHARED_LIMIT = 50_000;
const sharedValues = new Map<string, unknown>();

function shared<T>(key: string, make: () => T): T {
  let value = sharedValues.get(key) as T | undefined;
  if (value === undefined) {
    if (sharedValues.size >= SHARED_LIMIT) sharedValues.clear();
    value = make();
    sharedValues.set(key, value);
  }
  return value;
}

/** The tag's themes as one array shared by every passage with the same themes (read only, like the whole set). */
function sharedThemes(tag: Tag): TagTheme[] {
  let key = 't';
  for (const t of tag.themes) key += `\u0000${t.id}\u0001${t.label}`;
  return shared(key, () => tag.themes.map((t) => ({ id: t.id, label: t.label })));
}

function sharedString(text: string): string {
  return shared(`s\u0000${text}`, () => text);
}

/** The sidecar's record of the PDF (docs/sidecar-format.md, `report.source`), when it is whole. */
function sidecarSource(sidecar: Sidecar | undefined): ImportProvenance | undefined {
  const source = (sidecar?.report as { source?: Partial<ImportProvenance> } | undefined)?.source;
  if (typeof source?.pdf !== 'string' || typeof source.sha256 !== 'string' || typeof source.importer !== 'string') return undefined;
  return { pdf: source.pdf, sha256: source.sha256, importer: source.importer };
}

function reportDate(model: EvidenceReportModel | undefined, sidecar: Sidecar | undefined): { date: string; kind: ReportDateKind } | undefined {
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
