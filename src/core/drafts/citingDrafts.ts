// Which drafts cite a report: for a report's reader, the self-evaluations and papers that rest on it, with how
// many citations and which tags, and the line of the first citation to open the draft at.

import * as path from 'node:path';
import { parseCitations } from './citationParser';
import { citedReportPath } from './draftSources';

export interface CitingDraft {
  draftPath: string;
  citations: number;
  /** Tag ids cited, in first-cited order, each once. */
  tags: string[];
  /** 1-based line of the draft's first citation of the report. */
  firstLine: number;
}

/** The drafts among those given that cite the report, most citations first. */
export function citingDrafts(drafts: readonly { draftPath: string; text: string }[], reportPath: string): CitingDraft[] {
  const report = path.normalize(reportPath);
  const found: CitingDraft[] = [];
  for (const { draftPath, text } of drafts) {
    // Most Markdown files cite nothing: no parse for them.
    if (!text.includes('#tag=')) continue;
    const ours = parseCitations(text).filter((c) => c.reportPath && path.normalize(citedReportPath(draftPath, c.reportPath)) === report);
    if (ours.length === 0) continue;
    found.push({ draftPath, citations: ours.length, tags: [...new Set(ours.map((c) => c.tag).filter(Boolean))], firstLine: ours[0]!.line });
  }
  return found.sort((a, b) => b.citations - a.citations || a.draftPath.localeCompare(b.draftPath));
}

/** "Cited by 2 drafts: sef.md (3 citations), committee.md (1 citation)". */
export function citingDraftsSummary(drafts: readonly CitingDraft[]): string {
  if (drafts.length === 0) return 'Cited by no draft';
  const each = drafts.map((d) => `${path.basename(d.draftPath)} (${d.citations} citation${d.citations === 1 ? '' : 's'})`);
  return `Cited by ${drafts.length} draft${drafts.length === 1 ? '' : 's'}: ${each.join(', ')}`;
}
