// Dragging a tagged passage into a Markdown draft inserts its quote and citation, as `@ev` completion does. What a
// drag carries: PASSAGE_MIME, a JSON list of { reportUri, tagId } (set by passageDragController for a tree view,
// or by a webview), or a `text/uri-list` of report URIs whose fragment is `tag=<id>`, the citation's own form.

import * as vscode from 'vscode';
import { citationForTag, type DraggedPassage, draggedPassagesFrom, fileSystemSources, PASSAGE_MIME, type QuoteStyle } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';

const URI_LIST = 'text/uri-list';
const MAX_PASSAGES = 50;

export function registerPassageDrop(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.languages.registerDocumentDropEditProvider({ language: 'markdown' }, passageDropProvider(log), { dropMimeTypes: [PASSAGE_MIME, URI_LIST] });
}

export function passageDropProvider(log: vscode.LogOutputChannel): vscode.DocumentDropEditProvider {
  return {
    async provideDocumentDropEdits(document, position, dataTransfer) {
      const passages = await draggedPassages(dataTransfer);
      if (passages.length === 0) return undefined;
      const line = document.lineAt(position.line).text;
      const style = dropStyle(document, line.slice(0, position.character));
      const draftPath = new VscodeFileSystem(document.uri).pathOf(document.uri);
      const texts: string[] = [];
      for (const passage of passages.slice(0, MAX_PASSAGES)) {
        const text = await citationText(draftPath, passage, style, log);
        if (text) texts.push(text);
      }
      if (texts.length === 0) return undefined;
      const atLineStart = !line.slice(0, position.character).trim();
      const joined = style === 'blockquote' ? texts.join('\n') : texts.join(' ');
      const edit = new vscode.DocumentDropEdit(style === 'blockquote' && !atLineStart ? `\n\n${joined}` : joined);
      edit.title = texts.length === 1 ? 'Insert the quote and its citation' : `Insert ${texts.length} quotes and their citations`;
      return edit;
    },
  };
}

async function draggedPassages(dataTransfer: vscode.DataTransfer): Promise<DraggedPassage[]> {
  const json = dataTransfer.get(PASSAGE_MIME);
  const uris = json ? undefined : dataTransfer.get(URI_LIST);
  return draggedPassagesFrom(json ? await json.asString() : undefined, uris ? await uris.asString() : undefined);
}

async function citationText(draftPath: string, passage: DraggedPassage, style: QuoteStyle, log: vscode.LogOutputChannel): Promise<string | undefined> {
  const uri = vscode.Uri.parse(passage.reportUri);
  const fs = new VscodeFileSystem(uri);
  const reportPath = fs.pathOf(uri);
  const sidecar = await fileSystemSources(fs).readSidecar(reportPath);
  if (!sidecar.ok || !sidecar.value) {
    log.warn(`Dropping a passage into a draft: ${sidecar.ok ? `${reportPath} has no tags file` : sidecar.message}`);
    return undefined;
  }
  const text = citationForTag(draftPath, reportPath, sidecar.value, passage.tagId, style);
  if (!text) log.warn(`Dropping a passage into a draft: tag '${passage.tagId}' of ${reportPath} is gone or has lost its passage.`);
  return text;
}

/** The quote style setting; `auto` makes a blockquote when dropped at the start of a line, inline elsewhere. */
function dropStyle(document: vscode.TextDocument, beforeDrop: string): QuoteStyle {
  const setting = vscode.workspace.getConfiguration('inspectionReports', document.uri).get<string>('drafts.quoteStyle', 'auto');
  if (setting === 'inline' || setting === 'blockquote') return setting;
  return beforeDrop.trim() ? 'inline' : 'blockquote';
}

/**
 * A drag controller for a tree view whose items are tagged passages: dragging them carries PASSAGE_MIME, so they
 * can be dropped into a draft. The view passes it as `dragAndDropController` when it creates its tree view.
 */
export function passageDragController<T>(passageOf: (item: T) => DraggedPassage | undefined): vscode.TreeDragAndDropController<T> {
  return {
    dragMimeTypes: [PASSAGE_MIME],
    dropMimeTypes: [],
    handleDrag(items, dataTransfer) {
      const passages = items.map(passageOf).filter((p): p is DraggedPassage => p !== undefined);
      if (passages.length > 0) dataTransfer.set(PASSAGE_MIME, new vscode.DataTransferItem(JSON.stringify(passages)));
    },
  };
}
