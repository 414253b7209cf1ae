// "Which drafts cite this report": a CodeLens on the first line of a report that some Markdown draft in the
// workspace cites ("Cited by 2 drafts: sef.md (3 citations), …"), and the command it runs, which lists those drafts
// and opens the chosen one at its first citation of the report. Reports no draft cites get no lens.

import * as vscode from 'vscode';
import { citingDraftsSummary } from '../../core';
import type { CitingDraftsIndex } from './citingDraftsIndex';

export const SHOW_CITING_DRAFTS_COMMAND = 'inspectionReports.drafts.showCitingDrafts';
const REPORTS: vscode.DocumentSelector = [{ language: 'inspection-report' }, { language: 'plaintext' }];

export function registerCitingDraftsLens(index: CitingDraftsIndex): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeLensProvider(REPORTS, {
      onDidChangeCodeLenses: index.onDidChange,
      async provideCodeLenses(document) {
        // An unsaved new file has no path a draft could cite.
        if (document.uri.scheme === 'untitled') return [];
        const found = await index.citing(document.uri);
        if (found.length === 0) return [];
        return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: citingDraftsSummary(found.map((f) => f.draft)), command: SHOW_CITING_DRAFTS_COMMAND, arguments: [document.uri] })];
      },
    }),
    vscode.commands.registerCommand(SHOW_CITING_DRAFTS_COMMAND, async (given?: unknown) => {
      const report = given instanceof vscode.Uri ? given : vscode.window.activeTextEditor?.document.uri;
      if (!report) return undefined;
      const found = await index.citing(report);
      if (found.length === 0) {
        void vscode.window.showInformationMessage('No Markdown draft in the workspace cites this report (citations are links to it with #tag=<tag id>; see docs/citations.md).');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        found.map(({ uri, draft: d }) => ({ label: vscode.workspace.asRelativePath(uri), description: `${d.citations} citation${d.citations === 1 ? '' : 's'}: tags ${d.tags.join(', ')}`, uri, draft: d })),
        { title: citingDraftsSummary(found.map((f) => f.draft)), placeHolder: 'Open a draft at its first citation of this report' },
      );
      if (!picked) return undefined;
      const line = picked.draft.firstLine - 1;
      return vscode.window.showTextDocument(picked.uri, { selection: new vscode.Range(line, 0, line, 0) });
    }),
  ];
}
