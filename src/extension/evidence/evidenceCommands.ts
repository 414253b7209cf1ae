// The Evidence feature wired together: "Open Evidence" (the webview panel), "Copy with Citation" from the
// editor, the export/import commands, and a test-only query of what the Evidence view drew.

import * as vscode from 'vscode';
import { citationFieldsFor, type EvidenceFilter, formatQuoteWithCitation, sanitiseFilter, type Tag, tagAtOffset } from '../../core';
import { analysisCounts } from '../platform/analysisWorkers';
import { EvidencePanel, workspaceFolderUris, type EvidenceRenderedState } from './evidencePanel';
import { registerExportCommands, writeEvidenceExport } from '../exports/exportCommands';
import type { ReportDocuments } from '../platform/reportDocuments';
import type { SidecarService } from '../tagging/sidecarService';
import type { TagCodebook } from '../codebook/tagCodebook';

export const OPEN_EVIDENCE_COMMAND = 'inspectionReports.openEvidence';
export const COPY_WITH_CITATION_COMMAND = 'inspectionReports.copyWithCitation';
/** Test-only: applies a filter through the view (optional) and returns what the webview reported it drew. */
export const DEBUG_EVIDENCE_STATE_COMMAND = 'inspectionReports.debug.evidenceState';

export interface EvidenceDependencies {
  extensionUri: vscode.Uri;
  reports: ReportDocuments;
  sidecars: SidecarService;
  codebooks: TagCodebook;
  log: vscode.LogOutputChannel;
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
    log: deps.log,
    runExport: (format: Parameters<typeof writeEvidenceExport>[0], evidence: Parameters<typeof writeEvidenceExport>[1]) => writeEvidenceExport(format, evidence, deps.codebooks),
  };
  return [
    ...registerExportCommands(deps.codebooks, deps.log),
    vscode.commands.registerCommand(OPEN_EVIDENCE_COMMAND, (args?: unknown, selected?: unknown) => {
      const folders = folderArgs(args, selected) ?? workspaceFolderUris();
      if (folders.length === 0) {
        void vscode.window.showErrorMessage('Open a folder of inspection reports first: the Evidence view collects the tagged passages of the workspace folders.');
        return;
      }
      EvidencePanel.show(host, folders);
    }),
    vscode.commands.registerCommand(COPY_WITH_CITATION_COMMAND, () => copyWithCitation(deps)),
    vscode.commands.registerCommand(DEBUG_EVIDENCE_STATE_COMMAND, async (args?: { filter?: EvidenceFilter; refresh?: boolean; press?: { tagId: string; action: 'open' | 'copy' } }): Promise<EvidenceRenderedState | undefined> => {
      const panel = EvidencePanel.open;
      if (!panel) return undefined;
      await panel.settled();
      if (args?.press) {
        panel.press(args.press.tagId, args.press.action);
        return panel.renderedState();
      }
      if (args?.filter) {
        // The state drawn once the webview has sent this filter back and the extension has applied it.
        const wanted = JSON.stringify(sanitiseFilter(args.filter));
        const next = panel.renderedState((s) => JSON.stringify(s.filter) === wanted && JSON.stringify(panel.currentFilter) === wanted);
        panel.applyFilter(args.filter);
        return next;
      }
      if (args?.refresh) {
        const next = panel.renderedState(() => true);
        await panel.collect();
        return next;
      }
      // What the view drew, and where its reports were analysed (the in-editor tests check workers are used).
      return panel.renderedState().then((state) => state && { ...state, analysis: analysisCounts() });
    }),
  ];
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
