// What an import did, in the sentences both the CLI and the editor show.

import { basename } from 'node:path';
import type { ImportPdfOutcome } from './importPdfFile';
import type { FolderImportResult } from './importPdfFolder';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One imported PDF: where the text went, and what became of its tags. */
export function importOutcomeText(outcome: ImportPdfOutcome): string {
  const pdf = basename(outcome.pdfPath);
  const lines = [
    outcome.status === 'unchanged'
      ? `${pdf}: ${outcome.targetPath} already holds this import; nothing was changed.`
      : `${pdf}: ${outcome.status === 'replaced' ? 'replaced' : 'wrote'} ${outcome.targetPath} (${plural(outcome.pageCount, 'page')}).`,
  ];
  if (outcome.tags) {
    const { stayed, moved, orphaned } = outcome.tags.summary;
    lines.push(`  tags re-anchored: ${stayed} stayed, ${moved} moved, ${orphaned} orphaned.`);
    for (const o of outcome.tags.orphanedQuotes) lines.push(`  orphaned ${o.id}: "${o.quote.length > 60 ? `${o.quote.slice(0, 57)}...` : o.quote}"`);
  }
  if (outcome.tagsProblem) lines.push(`  ${outcome.tagsProblem}`);
  return lines.join('\n');
}

/** A folder import: one line per PDF done, then the files that could not be imported and why. */
export function folderImportText(result: FolderImportResult): string {
  const lines = result.imported.map(importOutcomeText);
  const done = result.imported.length + result.failed.length;
  lines.push(
    `Imported ${result.imported.length} of ${plural(result.total, 'PDF')}` +
      (result.failed.length ? `; ${result.failed.length} could not be imported:` : '.') +
      (result.cancelled ? ` Cancelled after ${done}.` : ''),
  );
  for (const f of result.failed) lines.push(`  ${f.message}`);
  return lines.join('\n');
}
