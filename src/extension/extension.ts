// Entry point. Activation is cheap: it registers providers and reads only documents already open;
// a document is analysed when it is opened, and again after edits.

import * as vscode from 'vscode';
import { registerAnalysisWorkers } from './platform/analysisWorkers';
import { ReportDocuments } from './platform/reportDocuments';
import { registerDocumentSymbols } from './outline/documentSymbols';
import { registerEvidence } from './evidence/evidenceCommands';
import { registerFoldingRanges } from './outline/foldingRanges';
import { registerGradeHover } from './highlighting/gradeHover';
import { JudgementDecorations } from './highlighting/judgementDecorations';
import { registerNavigationCommands } from './outline/navigationCommands';
import { ReportStatusBar } from './highlighting/statusBar';
import { registerTagging, type Tagging } from './tagging/tagging';
import { registerTagsView, type TagsViewApi } from './tagsView/tagsViewFeature';
import { registerWorkspaceSymbols } from './outline/workspaceSymbols';

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
