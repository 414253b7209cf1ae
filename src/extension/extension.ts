// Entry point. Activation is cheap: it registers providers and reads only documents already open;
// a document is analysed when it is opened, and again after edits.

import * as vscode from 'vscode';
import { ReportDocuments } from './reportDocuments';
import { registerDocumentSymbols } from './documentSymbols';
import { registerFoldingRanges } from './foldingRanges';
import { registerGradeHover } from './gradeHover';
import { JudgementDecorations } from './judgementDecorations';
import { registerNavigationCommands } from './navigationCommands';
import { ReportStatusBar } from './statusBar';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/** What the extension hands to other extensions and to its own tests. */
export interface InspectionReportsApi {
  readonly reports: ReportDocuments;
}

export function activate(context: vscode.ExtensionContext): InspectionReportsApi {
  const log = vscode.window.createOutputChannel('Inspection Reports', { log: true });
  const reports = new ReportDocuments(log);
  context.subscriptions.push(
    log,
    reports,
    registerDocumentSymbols(reports),
    registerWorkspaceSymbols(reports),
    registerFoldingRanges(reports),
    registerGradeHover(reports),
    new JudgementDecorations(reports),
    new ReportStatusBar(reports),
    ...registerNavigationCommands(reports),
  );
  return { reports };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
