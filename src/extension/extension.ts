// Entry point. Activation is cheap: it registers providers and reads only documents already open;
// a document is analysed when it is opened, and again after edits.

import * as vscode from 'vscode';
import { registerAnalysisWorkers } from './platform/analysisWorkers';
import { ReportDocuments } from './platform/reportDocuments';
import { registerDocumentSymbols } from './outline/documentSymbols';
import { CitingDraftsIndex } from './drafts/citingDraftsIndex';
import { registerDraftCitations } from './drafts/draftFeature';
import { type EvidenceStateRequest, type EvidenceViewState, evidenceViewState, registerEvidence } from './evidence/evidenceCommands';
import { registerExportCommands, writeEvidenceExport } from './exports/exportCommands';
import { registerFoldingRanges } from './outline/foldingRanges';
import { registerGradeHover } from './highlighting/gradeHover';
import { registerImportCommands } from './import/importCommands';
import { moderationState, type ModerationStateRequest, registerModeration } from './moderation/moderationCommands';
import type { ModerationRenderedState } from './moderation/moderationPanel';
import { JudgementDecorations } from './highlighting/judgementDecorations';
import { registerNavigationCommands } from './outline/navigationCommands';
import { ReportStatusBar } from './highlighting/statusBar';
import { type EditorTags, editorTagsFor, registerTagging, type Tagging } from './tagging/tagging';
import { registerTagsView, type TagsViewApi } from './tagsView/tagsViewFeature';
import type { TagsTreeSnapshot } from './tagsView/tagsViewProvider';
import type { ShownSuggestion } from './suggestions/suggestionController';
import { registerWorkspaceSymbols } from './outline/workspaceSymbols';

/**
 * What `activate()` returns, for tests and for other extensions (`vscode.extensions.getExtension(id).exports`).
 * Internals are reached through here rather than through commands, so the product offers no test-only commands.
 */
export interface InspectionReportsApi {
  readonly reports: ReportDocuments;
  /** Tags of the open reports (sidecar service, codebook, decorations). */
  readonly tagging: Tagging;
  /** The Tags side view, tag suggestions and codebook commands. */
  readonly tagsView: TagsViewApi;
  /**
   * The tag suggestions underlined in a report's visible editor (the active editor's report when `uri` is
   * left out), once pending redraws are done. Empty when suggestions are hidden or the report is not visible.
   */
  suggestionsFor(uri?: vscode.Uri | string): Promise<ShownSuggestion[]>;
  /** The Tags view's tree as a user would see it fully expanded, once the workspace index is current. */
  tagsViewTree(): Promise<TagsTreeSnapshot[]>;
  /**
   * A report's tagging status, tags and the decorations drawn for them (`uri` as a URI or its string form);
   * when the report is open, once its tags file has been read.
   */
  tagsFor(uri: vscode.Uri | string): Promise<EditorTags>;
  /**
   * What the open Evidence view drew, after doing what `request` asks through the view as a user would (set a
   * filter, collect again, press a passage's button); undefined when no Evidence view is open.
   */
  evidenceState(request?: EvidenceStateRequest): Promise<EvidenceViewState | undefined>;
  /** What the open Moderation view drew, after choosing coders or following a disagreement through it; undefined when none is open. */
  moderationState(request?: ModerationStateRequest): Promise<ModerationRenderedState | undefined>;
}

export function activate(context: vscode.ExtensionContext): InspectionReportsApi {
  const log = vscode.window.createOutputChannel('Inspection Reports', { log: true });
  const reports = new ReportDocuments(log);
  const citingDrafts = new CitingDraftsIndex(log);
  context.subscriptions.push(
    log,
    reports,
    citingDrafts,
    registerDocumentSymbols(reports, citingDrafts),
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
  context.subscriptions.push(...registerExportCommands(tagging.codebooks, log));
  context.subscriptions.push(...registerImportCommands(log));
  context.subscriptions.push(...registerDraftCitations(log, citingDrafts));
  context.subscriptions.push(
    ...registerEvidence({ extensionUri: context.extensionUri, storageUri: context.globalStorageUri, reports, sidecars: tagging.sidecars, codebooks: tagging.codebooks, log, runExport: (format, evidence) => writeEvidenceExport(format, evidence, tagging.codebooks) }),
  );
  context.subscriptions.push(...registerModeration({ extensionUri: context.extensionUri, log }));
  const { suggestions, provider } = tagsView.api;
  return {
    reports,
    tagging,
    tagsView: tagsView.api,
    suggestionsFor: (uri) => suggestions.shownIn(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri),
    tagsViewTree: async () => {
      await provider.settled();
      return provider.snapshot();
    },
    tagsFor: (uri) => editorTagsFor(tagging, uri),
    evidenceState: evidenceViewState,
    moderationState,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
