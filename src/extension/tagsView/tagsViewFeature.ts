// Wires the Tags side view, the tag suggestions and the codebook commands into the extension.
// extension.ts calls registerTagsView once, with the services the tagging commands also use.

import * as vscode from 'vscode';
import { CodebookCommands } from '../codebook/codebookCommands';
import type { ReportDocuments } from '../platform/reportDocuments';
import type { SidecarService } from '../tagging/sidecarService';
import { SuggestionController } from '../suggestions/suggestionController';
import type { TagCodebook } from '../codebook/tagCodebook';
import { WorkspaceTagIndex } from './tagsViewIndex';
import { passageDragController } from '../drafts/passageDrop';
import { TAGS_VIEW_ID, TagsViewProvider } from './tagsViewProvider';
import type { TagsTreeNode } from '../../core';

export interface TagsViewDependencies {
  readonly reports: ReportDocuments;
  readonly codebooks: TagCodebook;
  /** The open reports' tags; without it the view still lists every sidecar on disk. */
  readonly sidecars?: SidecarService;
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
}

export interface TagsViewApi {
  readonly index: WorkspaceTagIndex;
  readonly provider: TagsViewProvider;
  readonly view: vscode.TreeView<TagsTreeNode>;
  readonly suggestions: SuggestionController;
  readonly codebookCommands: CodebookCommands;
}

const SAMPLE_REPORT = 'samples/westmere-ilacs-2025.txt';

export function registerTagsView(deps: TagsViewDependencies): { api: TagsViewApi; disposables: vscode.Disposable[] } {
  const index = new WorkspaceTagIndex(deps.log);
  const provider = new TagsViewProvider(index, deps.codebooks, deps.sidecars);
  // A passage dragged from the view into a Markdown draft becomes a quote with its citation (drafts/passageDrop.ts).
  const dragAndDropController = passageDragController<TagsTreeNode>((node) => (node.kind === 'passage' ? { reportUri: node.reportUri, tagId: node.tagId } : undefined));
  const view = vscode.window.createTreeView(TAGS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, dragAndDropController });
  const suggestions = new SuggestionController(deps.reports, deps.codebooks, index, deps.sidecars, deps.log);
  const codebookCommands = new CodebookCommands(deps.log, deps.extensionUri);

  const showFilter = () => {
    const filter = provider.filter;
    view.message = filter ? `Showing only ${filter.size === 1 ? 'one theme' : `${filter.size} themes`}. Clear the filter to see every tag.` : undefined;
  };

  const showBadge = () => {
    const { orphans, problems } = provider.attention();
    const parts = [orphans > 0 ? `${orphans} orphaned tag${orphans === 1 ? '' : 's'}` : '', problems > 0 ? `${problems} tags file${problems === 1 ? '' : 's'} that cannot be read` : ''].filter((p) => p !== '');
    view.badge = parts.length > 0 ? { value: orphans + problems, tooltip: parts.join(', ') } : undefined;
  };

  const disposables: vscode.Disposable[] = [
    provider.onDidRebuild(showBadge),
    index,
    provider,
    view,
    suggestions,
    codebookCommands,
    vscode.commands.registerCommand('inspectionReports.tagsView.refresh', async () => {
      await index.rescan();
      await provider.rebuild();
    }),
    vscode.commands.registerCommand('inspectionReports.tagsView.openPassage', (args: { reportUri: string; tagId: string }) => provider.openPassage(args)),
    vscode.commands.registerCommand('inspectionReports.tagsView.filter', async (args?: { themeIds?: string[] }) => {
      let ids = args?.themeIds;
      if (!ids) {
        const themes = provider.taggedThemes();
        if (themes.length === 0) {
          void vscode.window.showInformationMessage('Nothing is tagged yet, so there is nothing to filter.');
          return;
        }
        const current = provider.filter;
        const picked = await vscode.window.showQuickPick(
          themes.map((t) => ({ label: t.label, description: `${t.count} passage${t.count === 1 ? '' : 's'}`, id: t.id, picked: current?.has(t.id) ?? false })),
          { canPickMany: true, title: 'Show only the tags of these themes' },
        );
        if (!picked) return;
        ids = picked.map((p) => p.id);
      }
      await provider.setFilter(ids.length > 0 ? new Set(ids) : undefined);
      showFilter();
    }),
    vscode.commands.registerCommand('inspectionReports.tagsView.clearFilter', async () => {
      await provider.setFilter(undefined);
      showFilter();
    }),
    vscode.commands.registerCommand('inspectionReports.tagsView.openSample', () => openSample(deps.extensionUri)),
  ];
  return { api: { index, provider, view, suggestions, codebookCommands }, disposables };
}

/**
 * Opens the fictional sample report. Tags are kept beside a report and only inside a workspace folder, so
 * the user is offered a copy in the folder to tag (never copied without asking).
 */
async function openSample(extensionUri: vscode.Uri): Promise<void> {
  const sample = vscode.Uri.joinPath(extensionUri, ...SAMPLE_REPORT.split('/'));
  const folder = vscode.workspace.workspaceFolders?.[0];
  await vscode.window.showTextDocument(sample, { preview: false });
  if (!folder) {
    void vscode.window.showInformationMessage('This sample report is fictional. To tag a report, open the folder it is in: its tags are saved beside it.');
    return;
  }
  const copy = 'Copy to Folder and Tag';
  const choice = await vscode.window.showInformationMessage(`This sample report is fictional and sits inside the extension, where tags cannot be saved. Copy it into ${folder.name} to try tagging it?`, copy);
  if (choice !== copy) return;
  const name = SAMPLE_REPORT.slice(SAMPLE_REPORT.lastIndexOf('/') + 1).replace(/\.txt$/, '.sample.txt');
  const target = vscode.Uri.joinPath(folder.uri, name);
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    await vscode.workspace.fs.copy(sample, target, { overwrite: false });
  }
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage('Select a passage, right-click and choose "Tag Selection…" (Ctrl+Alt+T).');
}
