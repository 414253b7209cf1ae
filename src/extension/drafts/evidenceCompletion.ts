// Inserting evidence while writing: typing `@ev` in a Markdown file lists the workspace's tagged passages
// (filtered by theme, authority, kind, date or words as the user types on); accepting one inserts the quote and
// its citation link, inline or as a blockquote as the `drafts.quoteStyle` setting says (by default a blockquote
// at the start of a line, inline elsewhere).

import * as vscode from 'vscode';
import { evidenceEntries, type QuoteStyle } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';
import type { WorkspaceTaggedReports } from './taggedReports';

const TRIGGER = /@ev[^\n]{0,80}$/;

export function registerEvidenceCompletion(tagged: WorkspaceTaggedReports): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { language: 'markdown' },
    {
      async provideCompletionItems(document, position) {
        const before = document.lineAt(position.line).text.slice(0, position.character);
        const trigger = TRIGGER.exec(before);
        if (!trigger) return undefined;
        const range = new vscode.Range(position.line, trigger.index, position.line, position.character);
        const style = quoteStyle(document, before.slice(0, trigger.index));
        const draftPath = new VscodeFileSystem(document.uri).pathOf(document.uri);
        const items = evidenceEntries(draftPath, await tagged.get(), style).map((entry) => {
          const item = new vscode.CompletionItem({ label: entry.label, description: entry.detail }, vscode.CompletionItemKind.Reference);
          item.detail = entry.detail;
          item.documentation = new vscode.MarkdownString().appendText(entry.documentation);
          item.filterText = entry.filterText;
          item.insertText = blockquoteAt(before.slice(0, trigger.index), style, entry.insertText);
          item.range = range;
          return item;
        });
        // Incomplete: words typed after `@ev` filter on every keystroke, even across spaces.
        return new vscode.CompletionList(items, true);
      },
    },
    '@',
  );
}

/** The setting's style; `auto` quotes as a blockquote when `@ev` starts the line (or a blockquote line). */
function quoteStyle(document: vscode.TextDocument, beforeTrigger: string): QuoteStyle {
  const setting = vscode.workspace.getConfiguration('inspectionReports', document.uri).get<string>('drafts.quoteStyle', 'auto');
  if (setting === 'inline' || setting === 'blockquote') return setting;
  return /^\s*>?\s*$/.test(beforeTrigger) ? 'blockquote' : 'inline';
}

/** A blockquote continues one the line is in, or starts a paragraph of its own after text on the line. */
function blockquoteAt(beforeTrigger: string, style: QuoteStyle, insertText: string): string {
  if (style !== 'blockquote') return insertText;
  if (beforeTrigger.trimStart().startsWith('>')) return insertText.replace(/^> /, '');
  return beforeTrigger.trim() ? `\n\n${insertText}` : insertText;
}
