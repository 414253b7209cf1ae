// CSV: one row per tagged passage, the whole set at once (rows formatted by csvRows.ts; csvStream.ts writes the
// same bytes as the passages come).

import type { EvidenceSet } from '../evidence/evidenceModel';
import { csvHead, csvRow, CSV_LINE_END } from './csvRows';

export { CSV_COLUMNS, quoteCell, safeCell } from './csvRows';

export function exportCsv(set: Pick<EvidenceSet, 'items'>): string {
  return csvHead() + set.items.map((item) => csvRow(item) + CSV_LINE_END).join('');
}
