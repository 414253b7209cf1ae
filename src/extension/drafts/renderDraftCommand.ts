// "Render Draft with Footnotes" (Markdown) and "… as HTML": the active Markdown draft with each citation as a
// numbered footnote, opened beside it as a new unsaved document, so nothing the author wrote is touched. Citations
// that do not hold are rendered too, their notes saying what is wrong, with a warning pointing at the problems.

import * as vscode from 'vscode';
import { type CitationStatus, draftHtml, type FootnoteQuote, renderDraft } from '../../core';
import { editorSources } from './editorSources';

export const RENDER_DRAFT_COMMAND = 'inspectionReports.drafts.render';
export const RENDER_DRAFT_HTML_COMMAND = 'inspectionReports.drafts.renderHtml';

type Format = 'markdown' | 'html';

export function registerRenderDraftCommands(log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RENDER_DRAFT_COMMAND, (uri?: unknown) => renderActiveDraft('markdown', uri, log)),
    vscode.commands.registerCommand(RENDER_DRAFT_HTML_COMMAND, (uri?: unknown) => renderActiveDraft('html', uri, log)),
  ];
}

/** Renders the draft (the one given, e.g. from the Explorer, or the active editor's) and returns the opened result. */
async function renderActiveDraft(format: Format, uri: unknown, log: vscode.LogOutputChannel): Promise<vscode.TextDocument | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Render Draft with Footnotes: open a Markdown draft that cites tagged passages first.');
    return undefined;
  }
  const { sources, fs } = editorSources(document.uri);
  const quote: FootnoteQuote = vscode.workspace.getConfiguration('inspectionReports', document.uri).get<boolean>('drafts.footnoteQuote', true) ? 'passage' : 'none';
  let rendered;
  try {
    rendered = await renderDraft(document.getText(), fs.pathOf(document.uri), sources, quote);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`Rendering ${document.uri.toString()} failed: ${reason}`);
    void vscode.window.showErrorMessage(`The draft could not be rendered: ${reason}`);
    return undefined;
  }
  if (rendered.checks.length === 0) {
    void vscode.window.showInformationMessage('This draft has no citations to render as footnotes (links to a report with #tag=<tag id>; see docs/citations.md).');
    return undefined;
  }
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  const content = format === 'html' ? draftHtml(rendered.markdown, name) : rendered.markdown;
  const result = await vscode.workspace.openTextDocument({ language: format, content });
  await vscode.window.showTextDocument(result, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  warnOfBroken(rendered.checks.map((c) => c.status));
  return result;
}

/** Not awaited: the author sees the rendering at once, and the warning says which notes are not evidence. */
function warnOfBroken(statuses: CitationStatus[]): void {
  const broken = statuses.filter((s) => s !== 'ok');
  if (broken.length === 0) return;
  const kinds = [...new Set(broken)].join(', ');
  const message = `${broken.length} of ${statuses.length} citations do not hold (${kinds}): their footnotes say what is wrong instead of citing. Fix them before publishing.`;
  void vscode.window.showWarningMessage(message, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
