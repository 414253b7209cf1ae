// The Evidence feature wired together: "Open Evidence" (the webview panel), "Copy with Citation" from the
// editor, the export/import commands, and a query of what the Evidence view drew (for the API activate() returns).

import * as vscode from 'vscode';
import { citationFieldsFor, type EvidenceFilter, formatQuoteWithCitation, sanitiseFilter, type Tag, tagAtOffset } from '../../core';
import { analysisCounts } from '../platform/analysisWorkers';
import { EvidencePanel, workspaceFolderUris, type CollectedEvidence, type EvidenceRenderedState, type ExportFormat } from './evidencePanel';
import type { ReportDocuments } from '../platform/reportDocuments';
import type { SidecarService } from '../tagging/sidecarService';
import type { TagCodebook } from '../codebook/tagCodebook';

export const OPEN_EVIDENCE_COMMAND = 'inspectionReports.openEvidence';
export const COPY_WITH_CITATION_COMMAND = 'inspectionReports.copyWithCitation';

/** What to do through the open Evidence view before reading what it drew; at most one is acted on. */
export interface EvidenceStateRequest {
  /** Set this filter as the user would, through the view's controls. */
  filter?: EvidenceFilter;
  /** Collect the evidence again. */
  refresh?: boolean;
  /** Press a passage's "open" or "copy" button. */
  press?: { tagId: string; action: 'open' | 'copy' };
  /** Press the view's Cancel once this many reports are read (collecting again if nothing is under way). */
  cancelAfter?: number;
  /**
   * Press the heat map's switch, then these headers in turn (a header's sort key or its title), then scroll it; with
   * `columns`, then press "Next" or "Previous" over the report columns and give the state once that window is drawn.
   */
  heatMap?: { by: 'report' | 'authority' | 'region'; sortBy?: string[]; scrollTo?: number; columns?: 'next' | 'previous' };
}

/** What the Evidence view drew; with no request, also where its reports were analysed (workers or this thread). */
export type EvidenceViewState = EvidenceRenderedState & { analysis?: ReturnType<typeof analysisCounts>; saved?: EvidencePanel['savedCounts'] };

export interface EvidenceDependencies {
  extensionUri: vscode.Uri;
  /** context.globalStorageUri: where the Evidence view saves analyses between windows. */
  storageUri?: vscode.Uri;
  reports: ReportDocuments;
  sidecars: SidecarService;
  codebooks: TagCodebook;
  log: vscode.LogOutputChannel;
  /** Writes an export of what the view shows (the exports feature, which builds on this one). */
  runExport(format: ExportFormat, evidence: CollectedEvidence): Promise<unknown>;
}

function folderArgs(args: unknown, selected: unknown): vscode.Uri[] | undefined {
  // From the Explorer's context menu: (clicked, selected[]); from code: { folders }.
  if (Array.isArray(selected) && selected.length > 0 && selected.every((u) => u instanceof vscode.Uri)) return selected as vscode.Uri[];
  if (args instanceof vscode.Uri) return [args];
  const list = (args as { folders?: unknown } | undefined)?.folders;
  if (Array.isArray(list)) return list.map((f) => (typeof f === 'string' ? vscode.Uri.file(f) : (f as vscode.Uri)));
  return undefined;
}

export function registerEvidence(deps: EvidenceDependencies): vscode.Disposable[] {
  const host = {
    extensionUri: deps.extensionUri,
    ...(deps.storageUri ? { storageUri: deps.storageUri } : {}),
    log: deps.log,
    runExport: deps.runExport,
  };
  return [
    vscode.commands.registerCommand(OPEN_EVIDENCE_COMMAND, (args?: unknown, selected?: unknown) => {
      const folders = folderArgs(args, selected) ?? workspaceFolderUris();
      if (folders.length === 0) {
        void vscode.window.showErrorMessage('Open a folder of inspection reports first: the Evidence view collects the tagged passages of the workspace folders.');
        return;
      }
      EvidencePanel.show(host, folders);
    }),
    vscode.commands.registerCommand(COPY_WITH_CITATION_COMMAND, () => copyWithCitation(deps)),
  ];
}

/**
 * Acts on the open Evidence view as `request` says, then returns what the webview reported it drew once it has
 * drawn the result; undefined when no Evidence view is open.
 */
export async function evidenceViewState(request: EvidenceStateRequest = {}): Promise<EvidenceViewState | undefined> {
  const panel = EvidencePanel.open;
  if (!panel) return undefined;
  if (request.cancelAfter !== undefined) {
    // Before waiting for the collection under way: it is the one to cancel.
    const cancelled = panel.renderedState((s) => s.cancelled === true);
    panel.pressCancelAfter(request.cancelAfter);
    if (!panel.isCollecting) void panel.collect();
    return cancelled;
  }
  await panel.settled();
  if (request.press) {
    panel.press(request.press.tagId, request.press.action);
    return panel.renderedState();
  }
  if (request.heatMap) {
    const { by, sortBy = [], scrollTo, columns } = request.heatMap;
    // The webview reports once more after its last click, so the state wanted is the last one it sends (or, when
    // another window of report columns is asked for, the one drawn when it arrives).
    const next = panel.renderedState((s) => s.heatBy === by && (columns ? s.columnsArrived === true : s.heatClicks === sortBy.length));
    panel.showHeatMap(by, sortBy, scrollTo, columns);
    return next;
  }
  if (request.filter) {
    // The state drawn once the webview has sent this filter back and the extension has applied it.
    const wanted = JSON.stringify(sanitiseFilter(request.filter));
    const next = panel.renderedState((s) => JSON.stringify(s.filter) === wanted && JSON.stringify(panel.currentFilter) === wanted);
    panel.applyFilter(request.filter);
    return next;
  }
  if (request.refresh) {
    const next = panel.renderedState(() => true);
    await panel.collect();
    return next;
  }
  const state = await panel.renderedState();
  return { ...state, analysis: analysisCounts(), saved: panel.savedCounts };
}

async function copyWithCitation(deps: EvidenceDependencies): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const state = editor && deps.reports.get(editor.document);
  if (!editor || !state) {
    void vscode.window.showInformationMessage('Put the cursor in a tagged passage of an inspection report to copy it with its citation.');
    return undefined;
  }
  let tags: readonly Tag[];
  try {
    tags = (await deps.sidecars.sessionFor(editor.document)).session.tags;
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return undefined;
  }
  const tag = tagAtOffset(tags, editor.document.offsetAt(editor.selection.active));
  if (!tag) {
    void vscode.window.showInformationMessage('There is no tagged passage at the cursor. Tag the passage first, or put the cursor inside a tagged one.');
    return undefined;
  }
  const fileName = editor.document.uri.path.slice(editor.document.uri.path.lastIndexOf('/') + 1);
  const text = formatQuoteWithCitation(citationFieldsFor(state, tag, fileName));
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage('Passage and citation copied', 3000);
  return text;
}
