// Inserting evidence while writing: typing `@ev` in a Markdown file lists the workspace's tagged passages
// (filtered by theme, authority, kind, date or words as the user types on); accepting one inserts the quote and
// its citation link. At the start of a line it is inserted as a blockquote, elsewhere inline.

import * as vscode from 'vscode';
import { evidenceEntries, parseSidecar, type Sidecar, SIDECAR_SUFFIX } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';

const TRIGGER = /@ev[^\n]{0,80}$/;
const MAX_SIDECARS = 2000;
/** Tags files are read again at most this often while the user keeps typing. */
const CACHE_MS = 5000;

interface Found {
  at: number;
  reports: { reportPath: string; sidecar: Sidecar }[];
}

export function registerEvidenceCompletion(log: vscode.LogOutputChannel): vscode.Disposable {
  let cache: Found | undefined;
  const reports = async (): Promise<Found['reports']> => {
    if (cache && Date.now() - cache.at < CACHE_MS) return cache.reports;
    const found: Found['reports'] = [];
    for (const uri of await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', MAX_SIDECARS)) {
      const fs = new VscodeFileSystem(uri);
      try {
        const parsed = parseSidecar(await fs.readFile(fs.pathOf(uri)), uri.path.slice(uri.path.lastIndexOf('/') + 1));
        if (parsed.ok) found.push({ reportPath: fs.pathOf(uri).slice(0, -SIDECAR_SUFFIX.length), sidecar: parsed.sidecar });
      } catch (error) {
        log.warn(`Evidence completion: ${uri.toString()} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    cache = { at: Date.now(), reports: found };
    return found;
  };
  return vscode.languages.registerCompletionItemProvider(
    { language: 'markdown' },
    {
      async provideCompletionItems(document, position) {
        const before = document.lineAt(position.line).text.slice(0, position.character);
        const trigger = TRIGGER.exec(before);
        if (!trigger) return undefined;
        const range = new vscode.Range(position.line, trigger.index, position.line, position.character);
        const style = /^\s*>?\s*$/.test(before.slice(0, trigger.index)) ? 'blockquote' : 'inline';
        const draftPath = new VscodeFileSystem(document.uri).pathOf(document.uri);
        const items = evidenceEntries(draftPath, await reports(), style).map((entry) => {
          const item = new vscode.CompletionItem({ label: entry.label, description: entry.detail }, vscode.CompletionItemKind.Reference);
          item.detail = entry.detail;
          item.documentation = new vscode.MarkdownString().appendText(entry.documentation);
          item.filterText = entry.filterText;
          item.insertText = before.slice(0, trigger.index).trimStart().startsWith('>') ? entry.insertText.replace(/^> /, '') : entry.insertText;
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
