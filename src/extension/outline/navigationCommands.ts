// Commands that move the cursor to the next / previous area for improvement or judgement, to a numbered
// paragraph ("Go to Paragraph…"), and the one that shows the Outline. The choice of target is core/reportNavigation.ts; this file moves the
// cursor, reveals the line and says when the search wrapped or found nothing.

import * as vscode from 'vscode';
import { findParagraph, LIST_ITEM_WORDS, navigate, type NavigationDirection, type NavigationTarget } from '../../core';
import type { ReportDocuments } from '../platform/reportDocuments';
import { toRange } from './documentSymbols';

export const NAVIGATION_COMMANDS: { id: string; target: NavigationTarget; direction: NavigationDirection }[] = [
  { id: 'inspectionReports.nextImprovement', target: 'improvement', direction: 'next' },
  { id: 'inspectionReports.previousImprovement', target: 'improvement', direction: 'previous' },
  { id: 'inspectionReports.nextJudgement', target: 'judgement', direction: 'next' },
  { id: 'inspectionReports.previousJudgement', target: 'judgement', direction: 'previous' },
];

const TARGET_NAMES: Record<NavigationTarget, { one: string; none: string }> = {
  improvement: { one: LIST_ITEM_WORDS.improvement.phrase, none: 'No areas for improvement were recognised in this report.' },
  judgement: { one: 'judgement', none: 'This document gives no judgements (grades).' },
};

export function registerNavigationCommands(reports: ReportDocuments): vscode.Disposable[] {
  const out = NAVIGATION_COMMANDS.map(({ id, target, direction }) =>
    vscode.commands.registerTextEditorCommand(id, (editor) => {
      const state = reports.get(editor.document);
      if (!state) {
        void vscode.window.showInformationMessage('The active editor does not show a recognised inspection report.');
        return;
      }
      const found = navigate(state.model, target, direction, editor.document.offsetAt(editor.selection.active));
      if (!found) {
        vscode.window.setStatusBarMessage(TARGET_NAMES[target].none, 4000);
        return;
      }
      const range = toRange(editor.document, found.range);
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      const where = `${found.label ?? TARGET_NAMES[target].one} ${found.index} of ${found.count}`;
      const wrap = found.wrapped ? (direction === 'next' ? ' (wrapped to the start)' : ' (wrapped to the end)') : '';
      vscode.window.setStatusBarMessage(`Inspection report: ${where}${wrap}`, 3000);
    }),
  );
  out.push(
    vscode.commands.registerTextEditorCommand('inspectionReports.goToParagraph', (editor) => void goToParagraph(reports, editor)),
    vscode.commands.registerCommand('inspectionReports.showOutline', () => vscode.commands.executeCommand('outline.focus')),
    // From the editor (the active document) or the Explorer's context menu (the clicked file, opened first).
    vscode.commands.registerCommand('inspectionReports.openAsReport', async (resource?: unknown) => {
      const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage('Open a report (a .txt or .md file) first, or choose one in the Explorer.');
        return;
      }
      const document = await vscode.workspace.openTextDocument(uri);
      const shown = await vscode.window.showTextDocument(document, { preview: false });
      await vscode.languages.setTextDocumentLanguage(shown.document, 'inspection-report');
    }),
  );
  return out;
}

/** Asks for a paragraph number as the report prints it ("87", "2.3"), says at once whether there is one, and goes there. */
async function goToParagraph(reports: ReportDocuments, editor: vscode.TextEditor): Promise<void> {
  const state = reports.get(editor.document);
  if (!state) {
    void vscode.window.showInformationMessage('The active editor does not show a recognised inspection report.');
    return;
  }
  const { model } = state;
  const typed = await vscode.window.showInputBox({
    title: 'Go to Paragraph',
    prompt: 'The paragraph number as the report prints it (for example 87, or 2.3 in a committee paper)',
    validateInput: (value) => {
      if (value.trim() === '') return undefined;
      const lookup = findParagraph(model, value);
      return 'problem' in lookup ? lookup.problem : { message: `¶ ${lookup.found.label}, line ${lookup.found.line}`, severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (typed === undefined || typed.trim() === '') return;
  // The report may have changed while the box was open: look again in its current model.
  const lookup = findParagraph(reports.get(editor.document)?.model ?? model, typed);
  if ('problem' in lookup) {
    void vscode.window.showInformationMessage(lookup.problem);
    return;
  }
  const range = toRange(editor.document, lookup.found.range);
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
