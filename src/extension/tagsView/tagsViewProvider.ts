// The Tags view: every tagged passage in the workspace, by theme and report; the orphaned tags; the
// tags files that cannot be read. Built by core/tags/tagsTree.ts from the workspace index; this adapter
// makes TreeItems, opens passages and keeps the welcome content's context key current.

import * as vscode from 'vscode';
import { buildTagsTree, childrenOf, type Codebook, escapeMarkdown, findPassage, nodeId, passageDescription, shortenQuote, type Tag, type TagsTreeNode, type TagsTreeRoot } from '../../core';
import type { SidecarService } from '../tagging/sidecarService';
import type { TagCodebook } from '../codebook/tagCodebook';
import type { WorkspaceTagIndex } from './tagsViewIndex';
import { onDidChangeCodeBlind, visibleWhileCoding } from '../coders/codeBlind';

export const TAGS_VIEW_ID = 'inspectionReports.tags';
/** True when the view has something to list (else its welcome content shows). */
const HAS_CONTENT_KEY = 'inspectionReports.tags.hasContent';
const FILTERED_KEY = 'inspectionReports.tags.filtered';

/** A plain picture of the tree, for tests and other extensions (through the API activate() returns). */
export interface TagsTreeSnapshot {
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  children?: TagsTreeSnapshot[];
}

export class TagsViewProvider implements vscode.TreeDataProvider<TagsTreeNode>, vscode.Disposable {
  private roots: TagsTreeRoot[] = [];
  private codebookValue: Codebook | undefined;
  private filterIds: ReadonlySet<string> | undefined;
  private readonly changed = new vscode.EventEmitter<TagsTreeNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private rebuilding: Promise<void> = Promise.resolve();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly rebuilt = new vscode.EventEmitter<void>();
  /** After each rebuild of the tree (for the view's badge). */
  readonly onDidRebuild = this.rebuilt.event;

  constructor(
    private readonly index: WorkspaceTagIndex,
    private readonly codebooks: TagCodebook,
    private readonly sidecars: SidecarService | undefined,
  ) {
    this.disposables.push(
      this.rebuilt,
      index.onDidChange(() => void this.rebuild()),
      codebooks.onDidChange(() => void this.rebuild()),
      onDidChangeCodeBlind(() => void this.rebuild()),
    );
    void this.rebuild();
  }

  /** The codebook the view groups by: the first workspace folder's. */
  async codebook(): Promise<Codebook> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return this.codebooks.codebookFor(folder?.uri ?? vscode.Uri.file('/'));
  }

  rebuild(): Promise<void> {
    this.rebuilding = this.rebuilding.then(async () => {
      this.codebookValue = await this.codebook();
      // While coding blind, only the coder's own tags.
      const sidecars = this.index.all().map((e) => (e.sidecar ? { ...e, sidecar: { ...e.sidecar, tags: [...visibleWhileCoding(e.sidecar.tags, vscode.Uri.parse(e.reportUri))] } } : e));
      this.roots = buildTagsTree(sidecars, this.codebookValue, this.filterIds ? { themeIds: this.filterIds } : {});
      await vscode.commands.executeCommand('setContext', HAS_CONTENT_KEY, this.roots.length > 0 || this.filterIds !== undefined);
      await vscode.commands.executeCommand('setContext', FILTERED_KEY, this.filterIds !== undefined);
      this.changed.fire(undefined);
      this.rebuilt.fire();
    });
    return this.rebuilding;
  }

  /** Waits for the index and the tree to be current (tests, and the Refresh button). */
  async settled(): Promise<void> {
    await this.index.ready();
    await this.rebuilding;
  }

  setFilter(themeIds: ReadonlySet<string> | undefined): Promise<void> {
    this.filterIds = themeIds;
    return this.rebuild();
  }

  get filter(): ReadonlySet<string> | undefined {
    return this.filterIds;
  }

  getChildren(node?: TagsTreeNode): TagsTreeNode[] {
    return node ? childrenOf(node) : this.roots;
  }

  getTreeItem(node: TagsTreeNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(labelOf(node), childrenOf(node).length > 0 ? collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = nodeId(node);
    switch (node.kind) {
      case 'group':
        item.description = countText(node.count);
        item.contextValue = 'tagsGroup';
        item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        break;
      case 'theme':
        item.description = countText(node.count) + (node.unknown ? ' · not in the codebook' : '');
        item.iconPath = node.colour ? colourSwatch(node.colour) : new vscode.ThemeIcon('tag');
        item.tooltip = node.unknown ? `${node.label} (${node.themeId}) is not in the codebook in use; its tags keep their stored label.` : `${node.label} (${node.themeId})`;
        item.contextValue = node.unknown ? 'tagsThemeUnknown' : 'tagsTheme';
        break;
      case 'report':
        item.description = countText(node.passages.length);
        item.resourceUri = vscode.Uri.parse(node.reportUri);
        item.iconPath = vscode.ThemeIcon.File;
        item.tooltip = node.reportPath;
        item.contextValue = 'tagsReport';
        break;
      case 'passage':
        item.description = passageDescription(node);
        item.tooltip = passageTooltip(node.quote, node.tagNote, node.reportName);
        item.iconPath = new vscode.ThemeIcon('quote');
        item.contextValue = node.readOnly ? 'tagsPassageReadOnly' : 'tagsPassage';
        item.command = { command: 'inspectionReports.tagsView.openPassage', title: 'Open Passage', arguments: [{ reportUri: node.reportUri, tagId: node.tagId }] };
        break;
      case 'orphans':
        item.description = countText(node.orphans.length);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.tooltip = 'Tags whose words could not be found in their report any more. Each keeps its stored quote: re-attach it to a passage you select, or delete it.';
        item.contextValue = 'tagsOrphans';
        break;
      case 'orphan':
        item.description = `${node.reportName} · ${node.themeLabels.join(', ')}`;
        item.tooltip = passageTooltip(node.quote, node.tagNote, node.reportName, `Orphaned: ${node.reason ?? 'this passage is no longer in the report.'} Select the passage it belongs to in the report, then choose Re-attach; or delete the tag.`);
        item.iconPath = new vscode.ThemeIcon('debug-disconnect');
        item.contextValue = node.readOnly ? 'tagsOrphanReadOnly' : 'tagsOrphan';
        item.command = { command: 'vscode.open', title: 'Open Report', arguments: [vscode.Uri.parse(node.reportUri)] };
        break;
      case 'problems':
        item.description = countText(node.problems.length, 'file');
        item.iconPath = new vscode.ThemeIcon('error');
        item.tooltip = 'Tags files that cannot be used as they are. They are never overwritten; open one to fix it.';
        item.contextValue = 'tagsProblems';
        item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        break;
      case 'problem':
        item.description = node.message;
        item.tooltip = node.message;
        item.iconPath = new vscode.ThemeIcon(node.severity === 'error' ? 'error' : 'warning');
        item.contextValue = 'tagsProblem';
        item.command = { command: 'vscode.open', title: 'Open Tags File', arguments: [vscode.Uri.parse(node.sidecarUri)] };
        break;
    }
    return item;
  }

  /** The tree as plain labels and descriptions, every node expanded. */
  snapshot(): TagsTreeSnapshot[] {
    const walk = (node: TagsTreeNode): TagsTreeSnapshot => {
      const item = this.getTreeItem(node);
      const children = childrenOf(node);
      return {
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        ...(typeof item.description === 'string' && item.description !== '' ? { description: item.description } : {}),
        ...(typeof item.tooltip === 'string' ? { tooltip: item.tooltip } : item.tooltip ? { tooltip: item.tooltip.value } : {}),
        ...(item.contextValue ? { contextValue: item.contextValue } : {}),
        ...(children.length > 0 ? { children: children.map(walk) } : {}),
      };
    };
    return this.roots.map(walk);
  }

  /** Opens the report and selects the passage (the tree's click). */
  async openPassage(args: { reportUri: string; tagId: string }): Promise<vscode.TextEditor | undefined> {
    const uri = vscode.Uri.parse(args.reportUri);
    const document = await vscode.workspace.openTextDocument(uri);
    const text = document.getText();
    // An open report's tags follow unsaved edits in the sidecar service; the file's are as last saved.
    let position: { start: number; end: number } | undefined;
    let live: Tag | undefined;
    try {
      // Waits for the report's tags to be read (and re-anchored, if the report changed since).
      live = this.sidecars ? (await this.sidecars.sessionForUri(uri)).session.tag(args.tagId) : undefined;
    } catch {
      live = undefined; // not a report the service can hold: fall back on the file's tags
    }
    if (live) position = live.orphaned ? undefined : live.anchor.position;
    else {
      const stored = this.index.forReport(uri)?.sidecar?.tags.find((t) => t.id === args.tagId);
      if (stored) position = findPassage(text, stored);
    }
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    if (!position || position.end > text.length) {
      void vscode.window.showWarningMessage(`This tag's passage could not be found in ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}: its words have changed. It is listed under "Orphaned tags", with its stored quote.`);
      return editor;
    }
    const range = new vscode.Range(document.positionAt(position.start), document.positionAt(position.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** Orphaned tags and unreadable tags files: what needs the user's attention. */
  attention(): { orphans: number; problems: number } {
    let orphans = 0;
    let problems = 0;
    for (const r of this.roots) {
      if (r.kind === 'orphans') orphans = r.orphans.length;
      if (r.kind === 'problems') problems = r.problems.filter((p) => p.severity === 'error').length;
    }
    return { orphans, problems };
  }

  /** Themes that have tags, for the filter picker. */
  taggedThemes(): { id: string; label: string; count: number }[] {
    const all = buildTagsTree(this.index.all(), this.codebookValue ?? { groups: [] });
    return all.flatMap((r) => (r.kind === 'group' ? r.themes.map((t) => ({ id: t.themeId, label: t.label, count: t.count })) : []));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function labelOf(node: TagsTreeNode): string {
  switch (node.kind) {
    case 'group':
      return node.label;
    case 'theme':
      return node.label;
    case 'report':
      return node.reportName;
    case 'passage':
    case 'orphan':
      return shortenQuote(node.quote);
    case 'orphans':
      return 'Orphaned tags';
    case 'problems':
      return 'Problems';
    case 'problem':
      return node.fileName;
  }
}

function countText(n: number, noun = 'passage'): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function passageTooltip(quote: string, note: string | undefined, reportName: string, extra?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(reportName)}**\n\n`);
  md.appendMarkdown(quote.split(/\r?\n/).map((l) => `> ${escapeMarkdown(l.trim())}`).join('\n') + '\n\n');
  if (note) md.appendMarkdown(`*Note:* ${escapeMarkdown(note)}\n\n`);
  if (extra) md.appendMarkdown(escapeMarkdown(extra));
  return md;
}

/** A small filled circle in the theme's colour (no colour contribution can be dynamic, a data: SVG can). */
function colourSwatch(hex: string): vscode.Uri {
  const n = Number.parseInt(hex.slice(1), 16);
  const rgb = `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
  return vscode.Uri.from({ scheme: 'data', path: `image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5" fill="${rgb}"/></svg>` });
}
