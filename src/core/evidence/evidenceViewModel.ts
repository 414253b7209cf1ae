// What the Evidence webview is sent: the filtered evidence set, plus what the filter controls offer and
// each passage's citation (formatted here, by the core, so the webview never formats a citation itself).
// Plain JSON: it crosses postMessage. No vscode import, so it stays testable on its own.

import type { AuthorityGrades, EvidenceFilter, EvidenceItem, EvidenceProblem, EvidenceReport, EvidenceSet, RecurringImprovement, ThemeSummary } from './evidenceModel';
import { narrowEvidence } from './evidenceFilter';
import { formatCitation, formatQuoteWithCitation, longDate } from './citation';
import { recurringScopeNote } from './recurringImprovements';
import { type AuthorityHeat, buildAuthorityHeat } from './authorityHeat';
import { REPORT_COLUMN_PAGE, type ReportHeatWindow, reportColumns, reportHeatScale, reportHeatWindow, taggedReports } from './reportHeat';
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

/** A theme's counts as the view gets them: its counts per report are in `reportHeat`, a window of columns at a time. */
export type EvidenceViewTheme = Omit<ThemeSummary, 'perReport'>;

/** One window of the heat map "by report": its column reports and their counts (see reportHeat.ts). */
export interface ReportColumnsPage {
  reports: EvidenceViewReport[];
  reportHeat: ReportHeatWindow;
}

export interface EvidenceViewModel extends ReportColumnsPage {
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
  /** How many reports match the filter (the columns of the heat map by report are among them). */
  reportCount: number;
  /**
   * The heat map's report columns in this window (reportHeat.offset on): a window at a time, so a national set's
   * thousands of reports never cross postMessage at once; the view asks for the others (reportColumnsPage).
   */
  reports: EvidenceViewReport[];
  /**
   * The first page (VIEW_PAGE_SIZE) of the passages that match, in the columns' order; the view asks for the
   * rest a page at a time (viewItemsPage), so half a million passages never cross postMessage at once.
   */
  items: EvidenceViewItem[];
  /** How many passages match the filter (all pages). */
  itemCount: number;
  /** How many reports have at least one matching passage. */
  taggedReportCount: number;
  themes: EvidenceViewTheme[];
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
  const tagged = taggedReports(set.items);
  const columns = reportColumns(set.reports, tagged);
  // Every theme of a passage is among the set's themes (themeCounts.ts), labelled as first met: no walk of every passage.
  const themes = new Map<string, string>(full.themes.map((t) => [t.themeId, t.label]));
  const authorities = [...new Set(full.reports.flatMap((r) => (r.authority ? [r.authority] : [])))].sort();
  const kinds = [...new Set(full.reports.map((r) => r.kind))].sort();
  const grades = new Set<Grade>();
  for (const item of full.items) if (item.grade) grades.add(item.grade);
  for (const report of full.reports) for (const j of report.judgements) grades.add(j.grade);
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
    reportCount: set.reports.length,
    ...reportColumnsPage(columns, set.themes, 0),
    items: viewItemsPage(ordered, 0),
    itemCount: ordered.length,
    taggedReportCount: tagged.size,
    themes: set.themes.map(({ perReport: _perReport, ...theme }) => theme),
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
 * The window of the heat map's report columns from `offset`, labelled, with their counts. `columns` come from
 * reportColumns (reportHeat.ts) over the filtered set, `themes` are that set's, in the order the model sends them;
 * `scale` (reportHeatScale of those themes) can be kept from one window to the next.
 */
export function reportColumnsPage(columns: readonly EvidenceReport[], themes: readonly ThemeSummary[], offset: number, scale = reportHeatScale(themes)): ReportColumnsPage {
  const reportHeat = reportHeatWindow(columns, themes, offset, scale);
  // Each report's areas for improvement stay here (the recurring ones are sent on their own).
  const reports = columns.slice(reportHeat.offset, reportHeat.offset + REPORT_COLUMN_PAGE).map(({ improvements: _improvements, ...r }) => ({
    ...r,
    label: [r.authority ?? r.fileName, kindCitation(r.kind), r.date ? longDate(r.date) : undefined].filter(Boolean).join(', '),
    shortLabel: `${r.authority ?? r.fileName} ${year(r.date)}${KIND_WORDS[r.kind].column ? ` ${KIND_WORDS[r.kind].column}` : ''}`,
  }));
  return { reports, reportHeat };
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
