// Which drafts cite a report: for a report's reader, the self-evaluations and papers that rest on it, with how
// many citations and which tags, and the line of the first citation to open the draft at.

import * as path from 'node:path';
import type { DraftCitation } from './citationModel';
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
    const ours = reportsCitedBy(draftPath, text).get(report);
    if (ours) found.push(citingDraft(draftPath, ours));
  }
  return sortCitingDrafts(found);
}

/** A draft's citations grouped by the report they cite (its normalised absolute path), each group in the draft's order. */
export function reportsCitedBy(draftPath: string, text: string): Map<string, DraftCitation[]> {
  const byReport = new Map<string, DraftCitation[]>();
  // Most Markdown files cite nothing: no parse for them.
  if (!text.includes('#tag=')) return byReport;
  for (const citation of parseCitations(text)) {
    if (!citation.reportPath) continue;
    const report = path.normalize(citedReportPath(draftPath, citation.reportPath));
    const list = byReport.get(report);
    if (list) list.push(citation);
    else byReport.set(report, [citation]);
  }
  return byReport;
}

/** What a draft's citations of one report (at least one, in the draft's order) come to. */
export function citingDraft(draftPath: string, citations: readonly DraftCitation[]): CitingDraft {
  return { draftPath, citations: citations.length, tags: [...new Set(citations.map((c) => c.tag).filter(Boolean))], firstLine: citations[0]!.line };
}

/** Most citations first, then by path. */
export function sortCitingDrafts<T extends { draftPath: string; citations: number }>(drafts: T[]): T[] {
  return drafts.sort((a, b) => b.citations - a.citations || a.draftPath.localeCompare(b.draftPath));
}

/** "Cited by 2 drafts: sef.md (3 citations), committee.md (1 citation)". */
export function citingDraftsSummary(drafts: readonly CitingDraft[]): string {
  if (drafts.length === 0) return 'Cited by no draft';
  const each = drafts.map((d) => `${path.basename(d.draftPath)} (${d.citations} citation${d.citations === 1 ? '' : 's'})`);
  return `Cited by ${drafts.length} draft${drafts.length === 1 ? '' : 's'}: ${each.join(', ')}`;
}
