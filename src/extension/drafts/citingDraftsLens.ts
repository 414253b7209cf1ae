// "Which drafts cite this report": a CodeLens on the first line of a report that some Markdown draft in the
// workspace cites ("Cited by 2 drafts: sef.md (3 citations), …"), and the command it runs, which lists those drafts
// and opens the chosen one at its first citation of the report. Reports no draft cites get no lens.

import * as vscode from 'vscode';
import { type CitingDraft, citingDrafts, citingDraftsSummary } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';

export const SHOW_CITING_DRAFTS_COMMAND = 'inspectionReports.drafts.showCitingDrafts';
const MAX_DRAFTS = 2000;
const CACHE_MS = 5000;
const REFRESH_DELAY_MS = 1000;
const REPORTS: vscode.DocumentSelector = [{ language: 'inspection-report' }, { language: 'plaintext' }];

/** The workspace's Markdown files and their text (open editors' text as it stands), cached briefly. */
class WorkspaceDrafts {
  private cache: { at: number; drafts: Promise<{ uri: vscode.Uri; draftPath: string; text: string }[]> } | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get(): Promise<{ uri: vscode.Uri; draftPath: string; text: string }[]> {
    if (!this.cache || Date.now() - this.cache.at >= CACHE_MS) this.cache = { at: Date.now(), drafts: this.read() };
    return this.cache.drafts;
  }

  invalidate(): void {
    this.cache = undefined;
  }

  private async read(): Promise<{ uri: vscode.Uri; draftPath: string; text: string }[]> {
    const drafts = [];
    for (const uri of await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', MAX_DRAFTS)) {
      const fs = new VscodeFileSystem(uri);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      try {
        drafts.push({ uri, draftPath: fs.pathOf(uri), text: open ? open.getText() : await fs.readFile(fs.pathOf(uri)) });
      } catch (error) {
        this.log.warn(`Drafts citing a report: ${uri.toString()} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return drafts;
  }
}

export function registerCitingDraftsLens(log: vscode.LogOutputChannel): vscode.Disposable[] {
  const drafts = new WorkspaceDrafts(log);
  const changed = new vscode.EventEmitter<void>();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Typing in a draft changes it on every keystroke: the lenses are worked out again once the typing pauses.
  const onDraft = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      drafts.invalidate();
      changed.fire();
    }, REFRESH_DELAY_MS);
  };
  const citing = async (report: vscode.Uri): Promise<{ found: CitingDraft[]; uris: Map<string, vscode.Uri> }> => {
    const all = await drafts.get();
    const found = citingDrafts(all, new VscodeFileSystem(report).pathOf(report));
    return { found, uris: new Map(all.map((d) => [d.draftPath, d.uri])) };
  };
  return [
    changed,
    watcher,
    { dispose: () => clearTimeout(timer) },
    watcher.onDidChange(onDraft),
    watcher.onDidCreate(onDraft),
    watcher.onDidDelete(onDraft),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === 'markdown' && e.contentChanges.length > 0) onDraft();
    }),
    vscode.languages.registerCodeLensProvider(REPORTS, {
      onDidChangeCodeLenses: changed.event,
      async provideCodeLenses(document) {
        // An unsaved new file has no path a draft could cite.
        if (document.uri.scheme === 'untitled') return [];
        const { found } = await citing(document.uri);
        if (found.length === 0) return [];
        return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: citingDraftsSummary(found), command: SHOW_CITING_DRAFTS_COMMAND, arguments: [document.uri] })];
      },
    }),
    vscode.commands.registerCommand(SHOW_CITING_DRAFTS_COMMAND, async (given?: unknown) => {
      const report = given instanceof vscode.Uri ? given : vscode.window.activeTextEditor?.document.uri;
      if (!report) return undefined;
      const { found, uris } = await citing(report);
      if (found.length === 0) {
        void vscode.window.showInformationMessage('No Markdown draft in the workspace cites this report (citations are links to it with #tag=<tag id>; see docs/citations.md).');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(
        found.map((d) => ({ label: vscode.workspace.asRelativePath(uris.get(d.draftPath)!), description: `${d.citations} citation${d.citations === 1 ? '' : 's'}: tags ${d.tags.join(', ')}`, draft: d })),
        { title: citingDraftsSummary(found), placeHolder: 'Open a draft at its first citation of this report' },
      );
      if (!picked) return undefined;
      const line = picked.draft.firstLine - 1;
      return vscode.window.showTextDocument(uris.get(picked.draft.draftPath)!, { selection: new vscode.Range(line, 0, line, 0) });
    }),
  ];
}
