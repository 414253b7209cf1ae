// Citations in Markdown drafts, in the editor: the checked drafts (diagnostics) and what a citation offers
// (links, hover, quick fixes), and `@ev` completion to insert one. One line in extension.ts registers it all.

import type * as vscode from 'vscode';
import { registerCitationProviders } from './citationProviders';
import { DraftCitations } from './draftCitations';
import { registerEvidenceCompletion } from './evidenceCompletion';

export function registerDraftCitations(log: vscode.LogOutputChannel): vscode.Disposable[] {
  const drafts = new DraftCitations(log);
  return [drafts, ...registerCitationProviders(drafts), registerEvidenceCompletion(log)];
}
