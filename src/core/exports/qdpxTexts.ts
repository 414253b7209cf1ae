// The report texts a .qdpx project holds whole, read when it is exported. A collection does not keep them (the
// corpus's take 31 MB, 5,000 reports several times that), and reports its stamps know unchanged are not even read.
// A text that no longer has a passage's words at the passage's place changed since the collection: it is left
// out, so no coding lands on other words.

import type { IFileSystem } from '../platform/fs/fileSystem';
import type { EvidenceSet } from '../evidence/evidenceModel';
import { readReportFile } from '../evidence/resolveReport';

export interface QdpxTexts {
  texts: Map<string, string>;
  /** Why a report's text is not there, one line each. */
  problems: string[];
}

export async function readQdpxTexts(set: Pick<EvidenceSet, 'reports' | 'items'>, fs: IFileSystem): Promise<QdpxTexts> {
  const texts = new Map<string, string>();
  const problems: string[] = [];
  const placed = new Map<string, Array<{ start: number; end: number; quote: string }>>();
  for (const item of set.items) if (item.position) placed.set(item.reportPath, [...(placed.get(item.reportPath) ?? []), { ...item.position, quote: item.quote }]);
  for (const report of set.reports) {
    if (report.textMissing) continue;
    let text: string;
    try {
      text = await readReportFile(fs, report.path);
    } catch (error) {
      problems.push(`${report.path}: could not be read again for the project (${(error as Error).message}).`);
      continue;
    }
    if ((placed.get(report.path) ?? []).some((p) => text.slice(p.start, p.end) !== p.quote)) {
      problems.push(`${report.path}: changed since the evidence was collected; refresh the evidence and export again.`);
      continue;
    }
    texts.set(report.path, text);
  }
  return { texts, problems };
}
