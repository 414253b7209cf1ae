// One CSV row per tagged passage, formatted the same way for the whole-set export (csvExport.ts) and the streaming
// one (csvStream.ts), so both write the same bytes. UTF-8 with BOM (so Excel reads it as UTF-8), RFC 4180 quoting,
// CRLF rows, and cells that a spreadsheet would run as a formula are prefixed with an apostrophe.

import type { EvidenceItem } from '../evidence/evidenceModel';
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

/** Neutralises spreadsheet formulas: =, +, -, @, tab and CR start one. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
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
  return csvLine(rowCells(item));
}

function csvLine(cells: readonly string[]): string {
  return cells.map((c) => quoteCell(safeCell(c))).join(',');
}

function rowCells(item: EvidenceItem): string[] {
  return [
    item.themes.map((t) => t.id).join('; '),
    item.themes.map((t) => t.label).join('; '),
    item.quote,
    item.reportFileName,
    item.reportPath,
    item.reportKind,
    item.authority ?? '',
    item.reportDate ?? '',
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
