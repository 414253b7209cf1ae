// The end of a report's Outline: the drafts that cite it, as one group ("Cited in 2 drafts") with a line per
// draft naming it and what checking its citations of the report found ("3 citations · 1 misquote"), so a reader
// sees at once which papers rest on the report and whether they still hold.

import { checkCitations } from './citationChecker';
import { CITATION_STATUSES, type CitationStatus, type DraftCitation } from './citationModel';
import { sortCitingDrafts } from './citingDrafts';
import type { DraftSources } from './draftSources';

/** A draft's citations of the report (at least one), in the draft's order. */
export interface CitingDraftCitations {
  draftPath: string;
  citations: readonly DraftCitation[];
}

export interface CheckedCitingDraft {
  draftPath: string;
  citations: number;
  /** How many of them have each status; statuses none has are left out. */
  statuses: Partial<Record<CitationStatus, number>>;
  /** 1-based line of the draft's first citation of the report. */
  firstLine: number;
}

export interface CitedInGroup {
  /** "Cited in 2 drafts". */
  name: string;
  /** Most citations first. */
  drafts: { draftPath: string; name: string; detail: string; firstLine: number }[];
}

const STATUS_WORDS: Record<Exclude<CitationStatus, 'ok'>, [one: string, many: string]> = {
  misquote: ['misquote', 'misquotes'],
  orphaned: ['orphaned', 'orphaned'],
  'missing-tag': ['missing tag', 'missing tags'],
  'missing-report': ['missing report', 'missing reports'],
  'no-quote': ['with no quote', 'with no quote'],
};

/** Checks each draft's citations of the report against the report and its tags as they are now. */
export async function checkCitingDrafts(citing: readonly CitingDraftCitations[], sources: DraftSources): Promise<CheckedCitingDraft[]> {
  // The drafts all cite the same report: it and its tags file are read once, not once per draft.
  const shared = onceEach(sources);
  const checked: CheckedCitingDraft[] = [];
  for (const { draftPath, citations } of citing) {
    if (citations.length === 0) continue;
    const statuses: Partial<Record<CitationStatus, number>> = {};
    for (const check of await checkCitations(citations, draftPath, shared)) statuses[check.status] = (statuses[check.status] ?? 0) + 1;
    checked.push({ draftPath, citations: citations.length, statuses, firstLine: citations[0]!.line });
  }
  return sortCitingDrafts(checked);
}

/** "3 citations · 1 misquote · 1 orphaned", or "2 citations · all ok". */
export function citationStatusText(draft: Pick<CheckedCitingDraft, 'citations' | 'statuses'>): string {
  const count = `${draft.citations} citation${draft.citations === 1 ? '' : 's'}`;
  const problems = CITATION_STATUSES.filter((s): s is Exclude<CitationStatus, 'ok'> => s !== 'ok' && (draft.statuses[s] ?? 0) > 0).map((s) => {
    const n = draft.statuses[s]!;
    return `${n} ${STATUS_WORDS[s][n === 1 ? 0 : 1]}`;
  });
  if (problems.length > 0) return [count, ...problems].join(' · ');
  return draft.citations === 1 ? `${count} · ok` : `${count} · all ok`;
}

/** The Outline's group for the drafts citing a report; undefined when none does. `nameOf` names a draft (e.g. its workspace-relative path). */
export function citedInGroup(drafts: readonly CheckedCitingDraft[], nameOf: (draftPath: string) => string): CitedInGroup | undefined {
  if (drafts.length === 0) return undefined;
  return {
    name: `Cited in ${drafts.length} draft${drafts.length === 1 ? '' : 's'}`,
    drafts: sortCitingDrafts([...drafts]).map((d) => ({ draftPath: d.draftPath, name: nameOf(d.draftPath), detail: citationStatusText(d), firstLine: d.firstLine })),
  };
}

function onceEach(sources: DraftSources): DraftSources {
  const reports = new Map<string, ReturnType<DraftSources['readReport']>>();
  const sidecars = new Map<string, ReturnType<DraftSources['readSidecar']>>();
  return {
    readReport(reportPath) {
      let read = reports.get(reportPath);
      if (!read) reports.set(reportPath, (read = sources.readReport(reportPath)));
      return read;
    },
    readSidecar(reportPath) {
      let read = sidecars.get(reportPath);
      if (!read) sidecars.set(reportPath, (read = sources.readSidecar(reportPath)));
      return read;
    },
  };
}
