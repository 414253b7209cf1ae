// Stage 3 of collecting evidence: one report's entry and its tagged passages, each placed in the report
// (section, paragraph, judgement, grade); a tag whose passage is gone is kept, orphaned, as a typed problem.

import type { ListOwner } from '../recognition/model';
import type { EvidenceReportModel } from './evidenceReportModel';
import type { Sidecar, Tag } from '../tags/sidecar/sidecarModel';
import type { EvidenceItem, EvidenceReport, ReportDateKind } from './evidenceModel';
import { findPassage, placePassage, recordedPlace, writePlace, type PassageLocation } from './passageLocation';
import { baseName } from './evidenceFiles';
import type { CollectionProblem } from './evidenceProblems';
import { readProvenance, type ImportProvenance } from '../import/provenance';
import type { ReportStage } from './resolveReport';
import { sharedString, sharedThemes, writeReportFields } from './passageFields';

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
  const tags = sidecar?.tags ?? [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const found = model ? foundAt(resolved, tag, i) : undefined;
    // A passage found is placed straight into its item; one not found keeps what its tag recorded.
    const item = new PassageItemOf(tag, report, model, found, found ? undefined : model && read ? placePassage(model, tag, undefined) : recordedPlace(tag));
    if (item.orphaned) {
      report.orphanedCount++;
      // Without the report text every tag is unplaced; the sidecar or report problem already says so.
      if (read) problems.push({ kind: 'orphaned-tag', path: sidecarPath ?? path, tagId: tag.id, quote: tag.anchor.quote.exact, reportFileName: baseName(path) });
    }
    items.push(item);
  }
  // The board's items are kept (marked by owner) so exports show them; recurring analysis leaves them out.
  report.improvements = (model?.improvements ?? []).map(({ text, priority, owner, number, line, range }) => {
    const themeIds = themeIdsOver(range, tags, items);
    return number !== undefined ? { text, priority, owner, number, line, themeIds } : { text, priority, owner, line, themeIds };
  });
  return { report, items, problems };
}

/** Where the report's `index`th tag is found: in its text, or where its stamp says; undefined when it is not. */
function foundAt({ text, stamped }: ReportStage, tag: Tag, index: number): { start: number; end: number } | undefined {
  if (text !== undefined) return findPassage(text, tag);
  return stamped?.places[index];
}

/** The themes of the passages over a listed item, sorted, each once. */
function themeIdsOver(range: { start: number; end: number }, tags: readonly Tag[], items: readonly EvidenceItem[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const position = items[i]!.position;
    if (!position || !overlaps(position, range)) continue;
    for (const theme of tags[i]!.themes) if (!ids.includes(theme.id)) ids.push(theme.id);
  }
  return ids.sort();
}

/** The report as listed: kind, authority and date from the model, else from the sidecar. */
function reportEntry({ path, text, model, stamped }: ReportStage, sidecar: Sidecar | undefined, sidecarPath: string | undefined): EvidenceReport {
  const kind = model && model.kind !== 'unknown' ? model.kind : (sidecar?.report.kind ?? model?.kind ?? 'unknown');
  const authority = model?.metadata.authority ?? sidecar?.report.authority;
  const dated = reportDate(model, sidecar);
  const source = (text !== undefined ? readProvenance(text) : stamped?.provenance) ?? sidecarSource(sidecar);
  // Fields set one by one, in the order the set's JSON has always listed them, not spread from a short-lived object
  // each: V8 copies a spread object slowly (about a microsecond).
  const report = { path, fileName: baseName(path), kind } as EvidenceReport;
  if (authority) report.authority = authority;
  if (dated) {
    report.date = dated.date;
    report.dateKind = dated.kind;
  }
  if (model?.metadata.title) report.title = model.metadata.title;
  // Judgements can repeat (table and heading): keep one per area.
  const seenAreas = new Set<string>();
  report.judgements = [];
  for (const { area, grade } of model?.judgements ?? []) if (!seenAreas.has(area) && seenAreas.add(area)) report.judgements.push({ area, grade });
  report.improvements = [];
  if (sidecarPath) report.sidecarPath = sidecarPath;
  report.tagCount = sidecar?.tags.length ?? 0;
  report.orphanedCount = 0;
  if (text === undefined && !stamped) report.textMissing = true;
  if (source) report.source = source;
  return report;
}

/** Whose list the passage lies on: the owner of the first listed item (improvement or strength) it overlaps. */
function listOwnerAt(model: EvidenceReportModel, position: { start: number; end: number }): ListOwner | undefined {
  // The earliest overlapping item; on a tie the improvement, then the first listed (as a stable sort would give).
  const improvement = earliestOver(model.improvements, position);
  const strength = earliestOver(model.strengths, position);
  return (strength && (!improvement || strength.range.start < improvement.range.start) ? strength : improvement)?.owner;
}

function earliestOver<T extends { range: { start: number; end: number } }>(list: readonly T[], position: { start: number; end: number }): T | undefined {
  let first: T | undefined;
  for (const item of list) if (overlaps(position, item.range) && (!first || item.range.start < first.range.start)) first = item;
  return first;
}

/**
 * One passage's item, its fields set one by one in the order the set's JSON has always listed them, each only when
 * known. Found, it is placed straight from the model; not found, it keeps what `location` says (its tag's record).
 * Made with `new` so that V8 sizes the object for every field assigned here (slack tracking) instead of growing a
 * property store field by field, 500,000 times at national scale; still a plain object (Object's prototype).
 */
function PassageItem(this: EvidenceItem, tag: Tag, report: EvidenceReport, model: EvidenceReportModel | undefined, found: { start: number; end: number } | undefined, location: PassageLocation | undefined): void {
  this.tagId = tag.id;
  this.themes = sharedThemes(tag.themes);
  this.quote = tag.anchor.quote.exact;
  writeReportFields(this, report);
  if (found) writePlace(this, model!, tag, found);
  else {
    if (location!.section !== undefined) this.section = location!.section;
    if (location!.sectionRole !== undefined) this.sectionRole = location!.sectionRole;
    if (location!.paragraph !== undefined) this.paragraph = location!.paragraph;
    if (location!.paragraphLabel !== undefined) this.paragraphLabel = location!.paragraphLabel;
    if (location!.judgementArea !== undefined) this.judgementArea = location!.judgementArea;
    if (location!.grade !== undefined) this.grade = location!.grade;
  }
  const position = found ?? location!.position;
  const listOwner = model && position ? listOwnerAt(model, position) : undefined;
  if (listOwner) this.listOwner = listOwner;
  if (tag.note) this.note = tag.note;
  if (tag.author) this.author = sharedString(tag.author);
  if (tag.created) this.created = tag.created;
  if (tag.modified) this.modified = tag.modified;
  this.orphaned = found ? false : !location!.found;
  if (position) this.position = position;
  if (report.source) this.source = report.source;
}
PassageItem.prototype = Object.prototype;
const PassageItemOf = PassageItem as unknown as new (...args: Parameters<typeof PassageItem>) => EvidenceItem;


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
