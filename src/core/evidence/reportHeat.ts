// The Evidence view's heat map "by report": which reports are its columns, and their counts a window of columns
// at a time. Counts go to the webview as arrays by theme and column, never keyed by report path: keyed by path
// they made 90% of a 5,000-report model (32 MB for one message). A window holds REPORT_COLUMN_PAGE columns at
// most; the view asks for the next window as it asks for the next page of passages.

import type { EvidenceItem, EvidenceReport, ThemeSummary } from './evidenceModel';

/** Up to this many reports, every report is a column (empty ones show the gaps); beyond it, only those with passages. */
export const ALL_REPORT_COLUMNS = 40;
/**
 * Report columns sent, and drawn, at a time: as many as are ever all drawn (a wider table reads no better, and a
 * dense table of 68 themes by 100 reports cost the webview more to draw than all the rest of the page).
 */
export const REPORT_COLUMN_PAGE = 40;

/** One window of the by-report heat map; themes in the order of the view model's `themes`. */
export interface ReportHeatWindow {
  /** Index of the window's first column among all the columns. */
  offset: number;
  /** How many columns there are in all the windows. */
  columns: number;
  /** Columns in a full window (the step of the view's "Next" and "Previous"). */
  pageSize: number;
  /** counts[theme][column]: passages of the theme in the window's column (the column's report is `reports[column]`). */
  counts: number[][];
  /** Each theme's passages summed over all the columns, not only this window's. */
  totals: number[];
  /** The largest count of any cell in any window: the shading means the same in every window. */
  max: number;
}

/** The reports in the heat map's column order: by authority, then date, then path (a timeline within each authority). */
export function compareReportColumns(a: Pick<EvidenceReport, 'authority' | 'date' | 'path'>, b: Pick<EvidenceReport, 'authority' | 'date' | 'path'>): number {
  return (a.authority ?? '').localeCompare(b.authority ?? '') || (a.date ?? '').localeCompare(b.date ?? '') || a.path.localeCompare(b.path);
}

/**
 * The heat map's columns: every report when there are few (ALL_REPORT_COLUMNS), else the reports with at least one
 * matching passage (hundreds of empty columns hide the picture; the view says how many are left out).
 */
export function reportColumns<R extends Pick<EvidenceReport, 'authority' | 'date' | 'path'>>(reports: readonly R[], tagged: ReadonlySet<string>): R[] {
  const ordered = [...reports].sort(compareReportColumns);
  return ordered.length <= ALL_REPORT_COLUMNS ? ordered : ordered.filter((r) => tagged.has(r.path));
}

/** The reports with at least one of these passages. */
export function taggedReports(items: readonly Pick<EvidenceItem, 'reportPath'>[]): Set<string> {
  const tagged = new Set<string>();
  for (const item of items) tagged.add(item.reportPath);
  return tagged;
}

/** Each theme's total and the largest cell over all the columns: made once per filter, shared by every window. */
export function reportHeatScale(themes: readonly ThemeSummary[]): Pick<ReportHeatWindow, 'totals' | 'max'> {
  let max = 0;
  for (const theme of themes) for (const path in theme.perReport) max = Math.max(max, theme.perReport[path]!);
  // Every report with a passage is a column (reportColumns), so a theme's cells over all the windows add up to its total.
  return { totals: themes.map((t) => t.total), max };
}

/** The window of columns from `offset` (clamped to the columns there are), with each theme's counts in them. */
export function reportHeatWindow(columns: readonly Pick<EvidenceReport, 'path'>[], themes: readonly ThemeSummary[], offset: number, scale = reportHeatScale(themes), size = REPORT_COLUMN_PAGE): ReportHeatWindow {
  const start = Math.min(Math.max(0, Math.floor(offset) || 0), Math.max(0, columns.length - 1));
  const shown = columns.slice(start, start + Math.max(1, size));
  return { offset: start, columns: columns.length, pageSize: Math.max(1, size), counts: themes.map((theme) => shown.map((r) => theme.perReport[r.path] ?? 0)), ...scale };
}
