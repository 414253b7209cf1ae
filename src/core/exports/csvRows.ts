// One CSV row per tagged passage, formatted the same way for the whole-set export (csvExport.ts) and the streaming
// one (csvStream.ts), so both write the same bytes. UTF-8 with BOM (so Excel reads it as UTF-8), RFC 4180 quoting,
// CRLF rows, and cells that a spreadsheet would run as a formula are prefixed with an apostrophe.

import type { EvidenceItem } from '../evidence/evidenceModel';
import type { TagTheme } from '../tags/sidecar/sidecarModel';
import { formatCitation } from '../evidence/citation';

export const CSV_COLUMNS = [
  'theme_ids',
  'theme_labels',
  'quote',
  'report_file',
  'report_path',
  'report_kind',
  'authority',
  'report_date',
  'section',
  'paragraph',
  'judgement_area',
  'grade',
  'note',
  'author',
  'orphaned',
  'tag_id',
  'citation',
  'source_pdf',
  'source_pdf_sha256',
  'list_owner',
] as const;

/** Ends every line, the last included. */
export const CSV_LINE_END = '\r\n';

/**
 * Neutralises spreadsheet formulas: =, +, -, @, tab and CR start one. A plain number ("-0.500", a kappa below
 * chance) is no formula, and prefixed it would be read as text.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-\d+(?:\.\d+)?$/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote when the cell holds a comma, quote, CR or LF; double the quotes inside. */
export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The byte-order mark and the column names: how every CSV export begins. */
export function csvHead(): string {
  return '\uFEFF' + csvLine(CSV_COLUMNS) + CSV_LINE_END;
}

/** One passage's row, without its line end. */
export function csvRow(item: EvidenceItem): string {
  // The cells a passage shares with others (its themes, its report) are kept as written: an export writes hundreds
  // of passages of one report in a row, 500,000 rows at national scale.
  return `${themeCells(item.themes)},${cell(item.quote)},${reportCells(item)},${csvLine(passageCells(item))}`;
}

function csvLine(cells: readonly string[]): string {
  return cells.map(cell).join(',');
}

function cell(value: string): string {
  return quoteCell(safeCell(value));
}

/** theme_ids and theme_labels; the set shares one themes array among passages with the same themes. */
const writtenThemes = new WeakMap<readonly TagTheme[], string>();
function themeCells(themes: readonly TagTheme[]): string {
  let cells = writtenThemes.get(themes);
  if (cells === undefined) {
    cells = `${cell(themes.map((t) => t.id).join('; '))},${cell(themes.map((t) => t.label).join('; '))}`;
    writtenThemes.set(themes, cells);
  }
  return cells;
}

/** report_file to report_date, for the report written last. */
let lastReport: { fileName: string; path: string; kind: string; authority?: string; date?: string; cells: string } | undefined;
function reportCells(item: EvidenceItem): string {
  const last = lastReport;
  if (last && last.path === item.reportPath && last.fileName === item.reportFileName && last.kind === item.reportKind && last.authority === item.authority && last.date === item.reportDate) return last.cells;
  const cells = csvLine([item.reportFileName, item.reportPath, item.reportKind, item.authority ?? '', item.reportDate ?? '']);
  lastReport = { fileName: item.reportFileName, path: item.reportPath, kind: item.reportKind, authority: item.authority, date: item.reportDate, cells };
  return cells;
}

/** section to list_owner. */
function passageCells(item: EvidenceItem): string[] {
  return [
    item.section ?? '',
    item.paragraph !== undefined ? (item.paragraphLabel ?? String(item.paragraph)) : '',
    item.judgementArea ?? '',
    item.grade ?? '',
    item.note ?? '',
    item.author ?? '',
    item.orphaned ? 'yes' : 'no',
    item.tagId,
    formatCitation(item),
    item.source?.pdf ?? '',
    item.source?.sha256 ?? '',
    // Added last so existing spreadsheets' columns keep their places.
    item.listOwner ?? '',
  ];
}
