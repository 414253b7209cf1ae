// The Evidence feature wired together: "Open Evidence" (the webview panel), "Copy with Citation" from the
// editor, the export/import commands, and a test-only query of what the Evidence view drew.

import * as vscode from 'vscode';
import type { EvidenceFilter } from '../core/evidence/evidenceModel';
import { locatePassage } from '../core/evidence/passageLocation';
import { formatQuoteWithCitation, type CitationFields } from '../core/exports/citation';
import type { Tag } from '../core/tags/sidecarModel';
import { EvidencePanel, sanitiseFilter, workspaceFolderUris, type EvidenceRenderedState } from './evidencePanel';
import { registerExportCommands, writeEvidenceExport } from './exportCommands';
import type { ReportDocuments, ReportState } from './reportDocuments';
import type { SidecarService } from './sidecarService';
import type { TagCodebook } from './tagCodebook';

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
      return panel.renderedState();
    }),
  ];
}

/** The tagged passage under the cursor: the shortest one containing it (tags can nest). */
export function tagAtOffset(tags: readonly Tag[], offset: number): Tag | undefined {
  return tags
    .filter((t) => !t.orphaned && t.anchor.position.start <= offset && offset <= t.anchor.position.end)
    .sort((a, b) => a.anchor.position.end - a.anchor.position.start - (b.anchor.position.end - b.anchor.position.start))[0];
}

export function citationFieldsFor(state: Pick<ReportState, 'text' | 'model'>, tag: Tag, fileName: string): CitationFields & { quote: string } {
  const location = locatePassage(state.text, state.model, tag);
  const meta = state.model.metadata;
  const inspected = meta.inspectionDates?.end ?? meta.inspectionDates?.start;
  const date = meta.publishedDate ? { reportDate: meta.publishedDate, reportDateKind: 'published' as const } : inspected ? { reportDate: inspected, reportDateKind: 'inspection' as const } : {};
  return {
    quote: location.position ? state.text.slice(location.position.start, location.position.end) : tag.anchor.quote.exact,
    reportKind: state.model.kind,
    ...(meta.authority ? { authority: meta.authority } : {}),
    ...date,
    reportFileName: fileName,
    ...(location.paragraph !== undefined ? { paragraph: location.paragraph } : {}),
    ...(location.section !== undefined ? { section: location.section } : {}),
    ...(location.sectionRole !== undefined ? { sectionRole: location.sectionRole } : {}),
    ...(location.grade !== undefined ? { grade: location.grade } : {}),
    orphaned: !location.found,
  };
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
