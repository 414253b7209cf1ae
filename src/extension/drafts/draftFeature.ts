// Citations in Markdown drafts, in the editor: the checked drafts (diagnostics) and what a citation offers
// (links, hover, quick fixes), `@ev` completion to insert one, rendering a draft with
// footnotes, the Draft Coverage view, on a report the drafts that cite it,
// and dropping a dragged tagged passage into a draft. One line in extension.ts registers it all.

import type * as vscode from 'vscode';
import { registerCitationProviders } from './citationProviders';
import type { CitingDraftsIndex } from './citingDraftsIndex';
import { registerCitingDraftsLens } from './citingDraftsLens';
import { registerCoverageView } from './coverageView';
import { DraftCitations } from './draftCitations';
import { registerEvidenceCompletion } from './evidenceCompletion';
import { registerPassageDrop } from './passageDrop';
import { registerRenderDraftCommands } from './renderDraftCommand';
import { WorkspaceTaggedReports } from './taggedReports';

/** `citing` is shared with the reports' Outline, which ends with the drafts citing the report. */
export function registerDraftCitations(log: vscode.LogOutputChannel, citing: CitingDraftsIndex): vscode.Disposable[] {
  const drafts = new DraftCitations(log);
  const tagged = new WorkspaceTaggedReports(log);
  const coverage = registerCoverageView(tagged);
  return [drafts, ...registerCitationProviders(drafts), registerEvidenceCompletion(tagged), ...registerRenderDraftCommands(log), ...coverage.disposables, ...registerCitingDraftsLens(citing), registerPassageDrop(log)];
}
