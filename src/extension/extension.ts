// Entry point. Activation is cheap: it registers providers and reads only documents already open;
// a document is analysed when it is opened, and again after edits.

import * as vscode from 'vscode';
import { registerAnalysisWorkers } from './analysisWorkers';
import { ReportDocuments } from './reportDocuments';
import { registerDocumentSymbols } from './documentSymbols';
import { registerEvidence } from './evidenceCommands';
import { registerFoldingRanges } from './foldingRanges';
import { registerGradeHover } from './gradeHover';
import { JudgementDecorations } from './judgementDecorations';
import { registerNavigationCommands } from './navigationCommands';
import { ReportStatusBar } from './statusBar';
import { registerTagging, type Tagging } from './tagging';
import { registerTagsView, type TagsViewApi } from './tagsViewFeature';
import { registerWorkspaceSymbols } from './workspaceSymbols';

/** What the extension hands to other extensions and to its own tests. */
export interface InspectionReportsApi {
  readonly reports: ReportDocuments;
  /** Tags of the open reports (sidecar service, codebook, decorations). */
  readonly tagging: Tagging;
  /** The Tags side view, tag suggestions and codebook commands. */
  readonly tagsView: TagsViewApi;
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
  const tagging = registerTagging(context, reports, log);
  const tagsView = registerTagsView({ reports, codebooks: tagging.codebooks, sidecars: tagging.sidecars, log, extensionUri: context.extensionUri });
  context.subscriptions.push(...tagsView.disposables);
  context.subscriptions.push(registerAnalysisWorkers(context.extensionUri, log));
  context.subscriptions.push(...registerEvidence({ extensionUri: context.extensionUri, reports, sidecars: tagging.sidecars, codebooks: tagging.codebooks, log }));
  return { reports, tagging, tagsView: tagsView.api };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
