// The Draft Coverage view: for the Markdown draft in the active editor, each heading with its citations and their
// themes, each theme with how many of its tagged passages the draft cites (the uncited ones listed, a click opening
// the passage), and each tagged report cited or not. Follows the active editor; refreshed as the draft is edited
// and when a tags file changes.

import * as vscode from 'vscode';
import { type DraftCoverage, draftCoverage, parseCitations, SIDECAR_SUFFIX } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';
import type { WorkspaceTaggedReports } from './taggedReports';

export const COVERAGE_VIEW = 'inspectionReports.draftCoverage';
const HAS_DRAFT_CONTEXT = 'inspectionReports.draftCoverage.hasDraft';
const REFRESH_DELAY_MS = 500;
const QUOTE_CHARS = 70;

type Node =
  | { kind: 'group'; group: 'sections' | 'themes' | 'reports'; label: string; description: string }
  | { kind: 'section'; label: string; description: string; line: number }
  | { kind: 'theme'; index: number; label: string; description: string; complete: boolean }
  | { kind: 'uncited'; label: string; description: string; quote: string; reportPath: string; tagId: string }
  | { kind: 'report'; label: string; description: string; reportPath: string; cited: boolean };

export class DraftCoverageProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private draft: vscode.Uri | undefined;
  private coverage: Promise<DraftCoverage | undefined> = Promise.resolve(undefined);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly tagged: WorkspaceTaggedReports) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onTags = () => {
      tagged.invalidate();
      this.schedule();
    };
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidChange(onTags),
      watcher.onDidCreate(onTags),
      watcher.onDidDelete(onTags),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'markdown') this.follow(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.draft && e.document.uri.toString() === this.draft.toString()) this.schedule();
      }),
    );
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'markdown') this.follow(active.uri);
    else void vscode.commands.executeCommand('setContext', HAS_DRAFT_CONTEXT, false);
  }

  /** Shows the coverage of this draft from now on. */
  follow(draft: vscode.Uri): void {
    this.draft = draft;
    void vscode.commands.executeCommand('setContext', HAS_DRAFT_CONTEXT, true);
    this.refresh();
  }

  /** The coverage as the view shows it (for the view's own tests). */
  current(): Promise<DraftCoverage | undefined> {
    return this.coverage;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  private refresh(): void {
    const draft = this.draft;
    this.coverage = draft ? this.compute(draft) : Promise.resolve(undefined);
    this.changed.fire();
  }

  private async compute(draft: vscode.Uri): Promise<DraftCoverage | undefined> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === draft.toString());
    if (!document) return undefined;
    const text = document.getText();
    const fs = new VscodeFileSystem(draft);
    const citations = text.includes('#tag=') ? parseCitations(text) : [];
    return draftCoverage(text, fs.pathOf(draft), citations, await this.tagged.get());
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const coverage = await this.coverage;
    if (!coverage) return [];
    if (!node) return groups(coverage);
    if (node.kind === 'group') return childrenOf(coverage, node.group);
    if (node.kind === 'theme') {
      return coverage.themes[node.index]!.uncited.map((u) => ({ kind: 'uncited', label: shorten(u.quote), description: baseName(u.reportPath), quote: u.quote, reportPath: u.reportPath, tagId: u.tagId }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const expandable = node.kind === 'group' || (node.kind === 'theme' && !node.complete);
    const item = new vscode.TreeItem(node.label, expandable ? (node.kind === 'group' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    const fs = this.draft ? new VscodeFileSystem(this.draft) : undefined;
    if (node.kind === 'section' && this.draft && node.line > 0) {
      item.command = { command: 'vscode.open', title: 'Go to Heading', arguments: [this.draft, { selection: new vscode.Range(node.line - 1, 0, node.line - 1, 0) }] };
    }
    if (node.kind === 'uncited' && fs) {
      item.tooltip = `${node.quote}\n\nNot cited in this draft: click to open the passage.`;
      item.command = { command: 'inspectionReports.tagsView.openPassage', title: 'Open Passage', arguments: [{ reportUri: fs.uriOf(node.reportPath).toString(), tagId: node.tagId }] };
    }
    if (node.kind === 'report' && fs) {
      item.iconPath = new vscode.ThemeIcon(node.cited ? 'pass' : 'circle-large-outline');
      item.command = { command: 'vscode.open', title: 'Open Report', arguments: [fs.uriOf(node.reportPath)] };
    }
    if (node.kind === 'theme') item.iconPath = new vscode.ThemeIcon(node.complete ? 'pass' : 'warning');
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function groups(coverage: DraftCoverage): Node[] {
  const citations = coverage.sections.reduce((n, s) => n + s.citations, 0);
  const gaps = coverage.themes.filter((t) => t.uncited.length > 0).length;
  const uncitedReports = coverage.reports.filter((r) => r.cited === 0).length;
  return [
    { kind: 'group', group: 'sections', label: 'Sections', description: `${plural(citations, 'citation')}${coverage.unmatched ? `, ${coverage.unmatched} to no known tag` : ''}` },
    { kind: 'group', group: 'themes', label: 'Themes', description: coverage.themes.length === 0 ? 'nothing tagged in the workspace' : `${gaps} of ${coverage.themes.length} with uncited evidence` },
    { kind: 'group', group: 'reports', label: 'Reports', description: `${uncitedReports} of ${coverage.reports.length} not cited` },
  ];
}

function childrenOf(coverage: DraftCoverage, group: 'sections' | 'themes' | 'reports'): Node[] {
  if (group === 'sections') {
    return coverage.sections.map((s) => ({
      kind: 'section',
      label: `${'  '.repeat(Math.max(0, s.depth - 1))}${s.heading}`,
      description: s.citations === 0 ? 'no citations' : [plural(s.citations, 'citation'), ...[...s.themes].map(([theme, n]) => `${theme} ${n}`)].join(' · '),
      line: s.line,
    }));
  }
  if (group === 'themes') {
    return coverage.themes.map((t, index) => ({ kind: 'theme', index, label: t.label, complete: t.uncited.length === 0, description: `${t.cited} of ${plural(t.tagged, 'passage')} cited` }));
  }
  return coverage.reports.map((r) => ({ kind: 'report', label: r.label, description: r.cited === 0 ? `not cited (${plural(r.tagged, 'tagged passage')})` : `${r.cited} of ${plural(r.tagged, 'tagged passage')} cited`, reportPath: r.reportPath, cited: r.cited > 0 }));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function shorten(text: string): string {
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS - 1)}…` : text;
}

function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

export function registerCoverageView(tagged: WorkspaceTaggedReports): { provider: DraftCoverageProvider; disposables: vscode.Disposable[] } {
  const provider = new DraftCoverageProvider(tagged);
  return { provider, disposables: [provider, vscode.window.createTreeView(COVERAGE_VIEW, { treeDataProvider: provider, showCollapseAll: true })] };
}
