// What the Evidence webview is sent: the filtered evidence set, plus what the filter controls offer and
// each passage's citation (formatted here, by the core, so the webview never formats a citation itself).
// Plain JSON: it crosses postMessage. No vscode import, so it stays testable on its own.

import type { AuthorityGrades, EvidenceFilter, EvidenceItem, EvidenceProblem, EvidenceReport, EvidenceSet, RecurringImprovement, ThemeSummary } from './evidenceModel';
import { narrowEvidence } from './evidenceFilter';
import { formatCitation, formatQuoteWithCitation, longDate } from './citation';
import { recurringScopeNote } from './recurringImprovements';
import { type AuthorityHeat, buildAuthorityHeat } from './authorityHeat';
import { type Grade, JUDGEMENT_AREAS, type JudgementArea, type ListOwner, type ReportKind } from '../recognition/model';
import { AREA_WORDS, GRADE_DISPLAY_ORDER, gradeCitation, gradeLabel, KIND_WORDS, kindCitation, OWNER_WORDS, type OwnerWords } from '../vocabulary/labels';

export interface EvidenceViewItem extends EvidenceItem {
  citation: string;
}

export interface EvidenceViewReport extends Omit<EvidenceReport, 'improvements'> {
  /** "Harbourside ILACS inspection, 22 March 2024": the column heading of the heat map. */
  label: string;
  shortLabel: string;
}

export interface EvidenceViewModel {
  folders: string[];
  /** The folders as the user knows them (relative to the workspace where possible). */
  folderLabels: string[];
  generated: string;
  filter: EvidenceFilter;
  options: {
    themes: Array<{ id: string; label: string }>;
    authorities: string[];
    kinds: Array<{ id: ReportKind; label: string }>;
    grades: Array<{ id: Grade; label: string }>;
  };
  totals: { reports: number; items: number };
  reports: EvidenceViewReport[];
  /**
   * The first page (VIEW_PAGE_SIZE) of the passages that match, in the columns' order; the view asks for the
   * rest a page at a time (viewItemsPage), so half a million passages never cross postMessage at once.
   */
  items: EvidenceViewItem[];
  /** How many passages match the filter (all pages). */
  itemCount: number;
  /** The reports with at least one matching passage (the heat map's columns when there are many reports). */
  taggedReportPaths: string[];
  themes: ThemeSummary[];
  /** The heat map by authority and by region (counted here: the view never sums passages itself). */
  authorityHeat: AuthorityHeat;
  gradesOverTime: AuthorityGrades[];
  recurringImprovements: RecurringImprovement[];
  /** What the recurring analysis left out (the board's items), when the reports list any. */
  recurringScope?: string;
  problems: EvidenceProblem[];
  /** Whose list a passage lies on (EvidenceItem.listOwner) -> words: the view marks the board's passages with them. */
  ownerLabels: Record<ListOwner, OwnerWords>;
  /** Area id -> label, in the order judgements come (the order of the area columns). */
  areaLabels: Record<string, string>;
  /** Area id -> short form, for narrow columns and chart rows. */
  areaShortLabels: Record<string, string>;
  /** Grade id -> label, for chips, charts and the legend. */
  gradeLabels: Record<Grade, string>;
  /** The grades best first, for the legend. */
  gradeOrder: readonly Grade[];
}

function areaWords(form: 'label' | 'short'): Record<JudgementArea, string> {
  return Object.fromEntries(JUDGEMENT_AREAS.map((a) => [a, AREA_WORDS[a][form]])) as Record<JudgementArea, string>;
}

const GRADE_LABELS = Object.fromEntries(GRADE_DISPLAY_ORDER.map((g) => [g, gradeLabel(g)])) as Record<Grade, string>;

function year(date: string | undefined): string {
  return date ? date.slice(0, 4) : 'undated';
}

/** Passages sent to the Evidence view at a time. */
export const VIEW_PAGE_SIZE = 200;

export function buildEvidenceViewModel(full: EvidenceSet, filter: EvidenceFilter, folderLabels: string[] = full.folders): EvidenceViewModel {
  const set = narrowEvidence(full, filter);
  const ordered = orderedViewItems(set.items);
  const themes = new Map<string, string>();
  for (const item of full.items) for (const t of item.themes) if (!themes.has(t.id)) themes.set(t.id, t.label);
  const authorities = [...new Set(full.reports.flatMap((r) => (r.authority ? [r.authority] : [])))].sort();
  const kinds = [...new Set(full.reports.map((r) => r.kind))].sort();
  const grades = new Set<Grade>([...full.items.flatMap((i) => (i.grade ? [i.grade] : [])), ...full.reports.flatMap((r) => r.judgements.map((j) => j.grade))]);
  return {
    folders: set.folders,
    folderLabels,
    generated: set.generated,
    filter,
    options: {
      themes: [...themes].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label)),
      authorities,
      kinds: kinds.map((id) => ({ id, label: kindCitation(id) })),
      grades: GRADE_DISPLAY_ORDER.filter((g) => grades.has(g)).map((id) => ({ id, label: gradeCitation(id) })),
    },
    totals: { reports: full.reports.length, items: full.items.length },
    // Each report's areas for improvement stay here (the recurring ones are sent on their own): a large folder's
    // model crosses postMessage on every filter change.
    reports: set.reports.map(({ improvements: _improvements, ...r }) => ({
      ...r,
      label: [r.authority ?? r.fileName, kindCitation(r.kind), r.date ? longDate(r.date) : undefined].filter(Boolean).join(', '),
      shortLabel: `${r.authority ?? r.fileName} ${year(r.date)}${KIND_WORDS[r.kind].column ? ` ${KIND_WORDS[r.kind].column}` : ''}`,
    }))
      // Columns read as a timeline within each authority.
      .sort((a, b) => (a.authority ?? '').localeCompare(b.authority ?? '') || (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path)),
    items: viewItemsPage(ordered, 0),
    itemCount: ordered.length,
    taggedReportPaths: [...new Set(ordered.map((i) => i.reportPath))],
    themes: set.themes,
    authorityHeat: buildAuthorityHeat(set.reports, set.themes),
    gradesOverTime: set.gradesOverTime,
    recurringImprovements: set.recurringImprovements,
    ...withScope(recurringScopeNote(set.reports)),
    problems: set.problems,
    ownerLabels: OWNER_WORDS,
    areaLabels: areaWords('label'),
    areaShortLabels: areaWords('short'),
    gradeLabels: GRADE_LABELS,
    gradeOrder: GRADE_DISPLAY_ORDER,
  };
}

/**
 * The passages in the columns' order: by authority, then date, then report, then where they sit in the report.
 * Reports are ordered once and the passages by their report's place (a stable sort keeps each report's passages
 * in the order the set has them), so ordering half a million passages costs a few comparisons of text per report.
 */
export function orderedViewItems(items: readonly EvidenceItem[]): EvidenceItem[] {
  const firstOf = new Map<string, EvidenceItem>();
  for (const item of items) if (!firstOf.has(item.reportPath)) firstOf.set(item.reportPath, item);
  const reports = [...firstOf.values()].sort((a, b) => (a.authority ?? '').localeCompare(b.authority ?? '') || (a.reportDate ?? '').localeCompare(b.reportDate ?? '') || a.reportPath.localeCompare(b.reportPath));
  const place = new Map(reports.map((item, i) => [item.reportPath, i]));
  return [...items].sort((a, b) => place.get(a.reportPath)! - place.get(b.reportPath)! || (a.position?.start ?? Infinity) - (b.position?.start ?? Infinity));
}

/** One page of ordered passages, each with its citation; an offset past the end gives an empty page. */
export function viewItemsPage(ordered: readonly EvidenceItem[], offset: number, size = VIEW_PAGE_SIZE): EvidenceViewItem[] {
  return ordered.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, size)).map((i) => ({ ...i, citation: formatCitation(i) }));
}

function withScope(note: string | undefined): { recurringScope?: string } {
  return note ? { recurringScope: note } : {};
}

/** Quote and citation, as "copy with citation" puts them on the clipboard. */
export function clipboardText(item: EvidenceItem): string {
  return formatQuoteWithCitation(item);
}
