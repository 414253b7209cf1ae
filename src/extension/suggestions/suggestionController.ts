// Tag suggestions in the editor: passages of the active report whose words match a theme's cue phrases
// (core suggestions.ts), shown only when the user asks (setting `inspectionReports.suggestions.enabled`,
// toggled by "Show Tag Suggestions") as a dotted underline in the theme's colour, with code actions to
// accept (tag it) or dismiss, one by one or in bulk.
//
// A dismissal is stored in the report's sidecar (`dismissedSuggestions`), so it stays dismissed in
// every window and after re-opening. Dismissing in a report that has no tags yet creates its sidecar:
// dismissing is something the user chose to do, and keeping it is the point.

import * as vscode from 'vscode';
import { type Codebook, dismissSuggestion, type IndexedSidecar, type Range, type ReportModel, SidecarStore, suggest, type Suggestion, tagContext, type Theme } from '../../core';
import type { ReportDocuments, ReportState } from '../platform/reportDocuments';
import { REPORT_SELECTOR } from '../platform/reportDocuments';
import { sidecarUriFor, type SidecarService } from '../tagging/sidecarService';
import type { TagCodebook } from '../codebook/tagCodebook';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';
import { isCodingBlind, onDidChangeCodeBlind } from '../coders/codeBlind';

export const SUGGESTIONS_SETTING = 'suggestions.enabled';
const ENABLED_KEY = 'inspectionReports.suggestions.enabled';
/** Parts of a report that describe the framework, not the authority: cues there are not evidence. */
const SKIPPED_ROLES = new Set(['descriptors', 'closing']);

interface DocumentSuggestions {
  version: number;
  suggestions: Suggestion[];
  themes: Map<string, Theme>;
}

/** What suggestions read from the workspace's index of tags files (the Tags view's WorkspaceTagIndex provides it). */
export interface TagsFileIndex {
  readonly onDidChange: vscode.Event<void>;
  refreshSidecar(sidecarUri: vscode.Uri): Promise<void>;
  forReport(reportUri: vscode.Uri): IndexedSidecar | undefined;
}

export class SuggestionController implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  private readonly disposables: vscode.Disposable[] = [];
  private readonly decorationTypes = new Map<string, vscode.TextEditorDecorationType>();
  private readonly current = new Map<string, DocumentSuggestions>();
  /** Keys dismissed here and not yet seen in the sidecar on disk: hidden at once. */
  private readonly pendingDismissals = new Map<string, Set<string>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private updating: Promise<void> = Promise.resolve();

  constructor(
    private readonly reports: ReportDocuments,
    private readonly codebooks: TagCodebook,
    private readonly index: TagsFileIndex,
    private readonly sidecars: SidecarService | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const later = () => this.schedule();
    this.disposables.push(
      vscode.languages.registerCodeActionsProvider(REPORT_SELECTOR, this, { providedCodeActionKinds: SuggestionController.providedCodeActionKinds }),
      vscode.window.onDidChangeVisibleTextEditors(later),
      vscode.window.onDidChangeActiveTextEditor(later),
      reports.onDidChangeReport(later),
      index.onDidChange(later),
      codebooks.onDidChange(later),
      onDidChangeCodeBlind(later),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`inspectionReports.${SUGGESTIONS_SETTING}`)) later();
      }),
      vscode.commands.registerCommand('inspectionReports.suggestions.toggle', () => this.toggle()),
      vscode.commands.registerCommand('inspectionReports.suggestions.accept', (args: SuggestionArgs) => this.accept(args)),
      vscode.commands.registerCommand('inspectionReports.suggestions.dismiss', (args: SuggestionArgs) => this.dismiss(args)),
      vscode.commands.registerCommand('inspectionReports.suggestions.acceptAll', (args?: BulkArgs) => this.acceptAll(args)),
      vscode.commands.registerCommand('inspectionReports.suggestions.dismissAll', (args?: BulkArgs) => this.dismissAll(args)),
    );
    if (sidecars) this.disposables.push(sidecars.onDidChangeTags(later));
    this.schedule();
  }

  /**
   * What is underlined in a report's visible editor now, once pending updates are drawn (empty when the report
   * is not visible or suggestions are hidden). `uri` defaults to the active editor's document.
   */
  async shownIn(uri?: vscode.Uri): Promise<ShownSuggestion[]> {
    await this.update();
    const key = (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString() ?? '';
    return (this.current.get(key)?.suggestions ?? []).map((s) => ({ key: s.key, themeId: s.themeId, quote: s.quote, cue: s.cue, start: s.range.start, end: s.range.end }));
  }

  enabled(scope?: vscode.TextDocument): boolean {
    return vscode.workspace.getConfiguration('inspectionReports', scope).get<boolean>(SUGGESTIONS_SETTING, false);
  }

  /**
   * Shows the suggestions if hidden, hides them if shown. Saved in the user settings, so toggling does not
   * create a .vscode folder among shared reports; where the folder's settings already decide, they are changed.
   */
  async toggle(): Promise<boolean> {
    const scope = vscode.window.activeTextEditor?.document;
    const on = !this.enabled(scope);
    const config = vscode.workspace.getConfiguration('inspectionReports', scope);
    const inspected = config.inspect<boolean>(SUGGESTIONS_SETTING);
    const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await config.update(SUGGESTIONS_SETTING, on, target);
    await this.update();
    const editor = vscode.window.activeTextEditor;
    if (on && editor && this.reports.get(editor.document)) {
      const n = this.current.get(editor.document.uri.toString())?.suggestions.length ?? 0;
      void vscode.window.showInformationMessage(n === 0
        ? 'No tag suggestions in this report: no passage that is not yet tagged matches a theme\'s cue phrases.'
        : `${n} suggested passage${n === 1 ? '' : 's'} underlined. Put the cursor on one and press Ctrl+. (Cmd+. on a Mac) to accept or dismiss it.`);
    }
    return on;
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const found = this.current.get(document.uri.toString());
    if (!found || found.version !== document.version) return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const here = found.suggestions.filter((s) => s.range.start <= end && start <= s.range.end);
    const actions: vscode.CodeAction[] = [];
    const reportUri = document.uri.toString();
    for (const s of here) {
      const label = found.themes.get(s.themeId)?.label ?? s.themeId;
      const accept = new vscode.CodeAction(`Accept suggestion: ${label}`, vscode.CodeActionKind.QuickFix);
      accept.command = { command: 'inspectionReports.suggestions.accept', title: accept.title, arguments: [{ reportUri, key: s.key }] };
      accept.isPreferred = here.length === 1;
      const dismiss = new vscode.CodeAction(`Dismiss suggestion: ${label}`, vscode.CodeActionKind.QuickFix);
      dismiss.command = { command: 'inspectionReports.suggestions.dismiss', title: dismiss.title, arguments: [{ reportUri, key: s.key }] };
      actions.push(accept, dismiss);
    }
    for (const themeId of new Set(here.map((s) => s.themeId))) {
      const n = found.suggestions.filter((s) => s.themeId === themeId).length;
      if (n < 2) continue;
      const label = found.themes.get(themeId)?.label ?? themeId;
      const all = new vscode.CodeAction(`Accept all ${n} suggestions: ${label}`, vscode.CodeActionKind.QuickFix);
      all.command = { command: 'inspectionReports.suggestions.acceptAll', title: all.title, arguments: [{ reportUri, themeId }] };
      const none = new vscode.CodeAction(`Dismiss all ${n} suggestions: ${label}`, vscode.CodeActionKind.QuickFix);
      none.command = { command: 'inspectionReports.suggestions.dismissAll', title: none.title, arguments: [{ reportUri, themeId }] };
      actions.push(all, none);
    }
    return actions;
  }

  // ---- accepting and dismissing ----

  async accept(args: SuggestionArgs): Promise<number> {
    const target = await this.resolve(args.reportUri);
    if (!target) return 0;
    const s = target.found.suggestions.find((x) => x.key === args.key);
    if (!s) {
      void vscode.window.showWarningMessage('That suggestion is no longer offered (the passage changed, was tagged or was dismissed).');
      return 0;
    }
    return this.tagAll(target, [s]);
  }

  async dismiss(args: SuggestionArgs): Promise<number> {
    const target = await this.resolve(args.reportUri);
    if (!target) return 0;
    return this.dismissKeys(target.state.document, [args.key]);
  }

  async acceptAll(args: BulkArgs = {}): Promise<number> {
    const target = await this.resolve(args.reportUri);
    if (!target) return 0;
    const chosen = await this.chooseBulk(target.found, args, 'accept');
    if (!chosen || chosen.length === 0) return 0;
    return this.tagAll(target, chosen);
  }

  async dismissAll(args: BulkArgs = {}): Promise<number> {
    const target = await this.resolve(args.reportUri);
    if (!target) return 0;
    const chosen = await this.chooseBulk(target.found, args, 'dismiss');
    if (!chosen || chosen.length === 0) return 0;
    return this.dismissKeys(target.state.document, chosen.map((s) => s.key));
  }

  private async chooseBulk(found: DocumentSuggestions, args: BulkArgs, verb: 'accept' | 'dismiss'): Promise<Suggestion[] | undefined> {
    if (args.themeId !== undefined || args.all) return found.suggestions.filter((s) => args.all || s.themeId === args.themeId);
    if (found.suggestions.length === 0) {
      void vscode.window.showInformationMessage('There are no tag suggestions in this report to ' + verb + '.');
      return undefined;
    }
    const counts = new Map<string, number>();
    for (const s of found.suggestions) counts.set(s.themeId, (counts.get(s.themeId) ?? 0) + 1);
    type Item = vscode.QuickPickItem & { themeId?: string };
    const items: Item[] = [
      { label: `All themes`, description: `${found.suggestions.length} suggestions` },
      ...[...counts].map(([themeId, n]) => ({ label: found.themes.get(themeId)?.label ?? themeId, description: `${n} suggestion${n === 1 ? '' : 's'}`, themeId })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: verb === 'accept' ? 'Accept suggestions: tag every suggested passage of…' : 'Dismiss suggestions of…', placeHolder: 'Choose a theme, or all of them' });
    if (!picked) return undefined;
    if (verb === 'accept' && picked.themeId === undefined && found.suggestions.length > 20) {
      const ok = await vscode.window.showWarningMessage(`Tag all ${found.suggestions.length} suggested passages? Suggestions are only cue-phrase matches; each becomes a tag you may need to review.`, { modal: true }, 'Tag All');
      if (ok !== 'Tag All') return undefined;
    }
    return found.suggestions.filter((s) => picked.themeId === undefined || s.themeId === picked.themeId);
  }

  private async tagAll(target: Target, chosen: Suggestion[]): Promise<number> {
    const { state, found } = target;
    const document = state.document;
    if (!this.sidecars) {
      void vscode.window.showErrorMessage('Tagging is not available in this window.');
      return 0;
    }
    let done = 0;
    try {
      await this.sidecars.operate(document, 'accept tag suggestions', async (session) => {
        for (const s of chosen) {
          const label = found.themes.get(s.themeId)?.label ?? s.themeId;
          const model = this.reports.get(document)?.model ?? state.model;
          await session.addTag(() => document.getText(), s.range, [{ id: s.themeId, label }], undefined, (start, end) => tagContext(model, { start, end }));
          done++;
        }
      });
    } catch (error) {
      void vscode.window.showErrorMessage(`${done > 0 ? `${done} suggestion(s) were tagged, then: ` : ''}${message(error)}`);
    }
    await this.update();
    return done;
  }

  private async dismissKeys(document: vscode.TextDocument, keys: string[]): Promise<number> {
    const uri = document.uri;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      void vscode.window.showErrorMessage('Dismissed suggestions are kept in the report\'s tags file, which is only written inside a workspace folder: open the report\'s folder first.');
      return 0;
    }
    const status = this.sidecars?.statusFor(uri);
    if (status?.kind === 'paused') {
      void vscode.window.showErrorMessage(status.message);
      return 0;
    }
    const pending = this.pendingDismissals.get(uri.toString()) ?? new Set<string>();
    try {
      // A store of its own, fresh each time: it takes the file as it is now as the base, and merges with
      // whatever the tagging service writes meanwhile (which re-reads the file when it changes).
      const fs = new VscodeFileSystem(folder.uri);
      const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => VscodeFileSystem.keyOf(f.uri) === VscodeFileSystem.keyOf(folder.uri)).map((f) => fs.pathOf(f.uri));
      await new SidecarStore(fs, { allowedRoots: roots }).save(fs.pathOf(uri), (s) => keys.reduce(dismissSuggestion, s));
      for (const k of keys) pending.add(k);
      this.pendingDismissals.set(uri.toString(), pending);
      await this.index.refreshSidecar(sidecarUriFor(uri));
    } catch (error) {
      void vscode.window.showErrorMessage(message(error));
      return 0;
    }
    await this.update();
    return keys.length;
  }

  private async resolve(reportUri: string | undefined): Promise<Target | undefined> {
    const uri = reportUri ? vscode.Uri.parse(reportUri) : vscode.window.activeTextEditor?.document.uri;
    const document = uri ? (vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri))) : undefined;
    const state = document ? this.reports.get(document) : undefined;
    if (!state) {
      void vscode.window.showWarningMessage('Open an inspection report first: suggestions are made for the report in the active editor.');
      return undefined;
    }
    return { state, found: await this.compute(state) };
  }

  // ---- computing and showing ----

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update();
    }, 100);
  }

  /** Recomputes and redraws the suggestions of every visible report editor. */
  update(): Promise<void> {
    this.updating = this.updating.then(() => this.redraw()).catch((err: unknown) => this.log.error(`Could not show tag suggestions: ${message(err)}`));
    return this.updating;
  }

  private async redraw(): Promise<void> {
    const shown = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      const state = this.reports.get(editor.document);
      const key = editor.document.uri.toString();
      // Hidden while coding blind: a suggestion would steer a coding meant to be made independently.
      if (!state || !this.enabled(editor.document) || isCodingBlind()) {
        this.clear(editor);
        continue;
      }
      const found = await this.compute(state);
      this.current.set(key, found);
      shown.add(key);
      this.draw(editor, found);
    }
    for (const key of [...this.current.keys()]) if (!shown.has(key)) this.current.delete(key);
    await vscode.commands.executeCommand('setContext', ENABLED_KEY, this.enabled());
  }

  private async compute(state: ReportState): Promise<DocumentSuggestions> {
    const document = state.document;
    const codebook = await this.codebooks.codebookFor(document.uri);
    const entry = this.index.forReport(document.uri);
    const onDisk = new Set(entry?.sidecar?.dismissedSuggestions ?? []);
    const pending = this.pendingDismissals.get(document.uri.toString());
    if (pending) for (const k of [...pending]) if (onDisk.has(k)) pending.delete(k);
    const dismissed = [...onDisk, ...(pending ?? [])];
    const tags = this.sidecars?.tagsFor(document.uri) ?? entry?.sidecar?.tags ?? [];
    const suggestions = suggest(state.text, codebook, { dismissed, tags, skip: skippedRanges(state.model) });
    return { version: state.version, suggestions, themes: themeMap(codebook) };
  }

  private draw(editor: vscode.TextEditor, found: DocumentSuggestions): void {
    const byColour = new Map<string, vscode.DecorationOptions[]>();
    for (const s of found.suggestions) {
      const theme = found.themes.get(s.themeId);
      const colour = theme?.colour ?? '#808080';
      const args = encodeURIComponent(JSON.stringify([{ reportUri: editor.document.uri.toString(), key: s.key }]));
      // Trusted for these two commands only: the hover's text comes from the codebook and is escaped.
      const hover = new vscode.MarkdownString(undefined, true);
      hover.isTrusted = { enabledCommands: ['inspectionReports.suggestions.accept', 'inspectionReports.suggestions.dismiss'] };
      hover.appendText(`Suggested theme: ${theme?.label ?? s.themeId} (the words "${s.cues.join('", "')}")\n\n`);
      hover.appendMarkdown(`[Accept](command:inspectionReports.suggestions.accept?${args}) · [Dismiss](command:inspectionReports.suggestions.dismiss?${args}) · or Ctrl+. (Cmd+. on a Mac)`);
      const list = byColour.get(colour) ?? [];
      list.push({ range: new vscode.Range(editor.document.positionAt(s.range.start), editor.document.positionAt(s.range.end)), hoverMessage: hover });
      byColour.set(colour, list);
    }
    for (const [colour, type] of this.decorationTypes) editor.setDecorations(type, byColour.get(colour) ?? []);
    for (const [colour, options] of byColour) {
      if (this.decorationTypes.has(colour)) continue;
      const type = vscode.window.createTextEditorDecorationType({ textDecoration: `underline dotted ${colour}`, rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed });
      this.decorationTypes.set(colour, type);
      editor.setDecorations(type, options);
    }
  }

  private clear(editor: vscode.TextEditor): void {
    for (const type of this.decorationTypes.values()) editor.setDecorations(type, []);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const t of this.decorationTypes.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A suggestion as drawn: its passage by UTF-16 offsets into the report's text. */
export interface ShownSuggestion {
  /** Stable across sessions; what a dismissal stores. */
  readonly key: string;
  readonly themeId: string;
  readonly quote: string;
  /** The cue phrase that matched first. */
  readonly cue: string;
  readonly start: number;
  readonly end: number;
}

interface SuggestionArgs {
  reportUri?: string;
  key: string;
}

interface BulkArgs {
  reportUri?: string;
  /** Only this theme's suggestions; without it (and without `all`) the user picks. */
  themeId?: string;
  all?: boolean;
}

interface Target {
  state: ReportState;
  found: DocumentSuggestions;
}

function skippedRanges(model: ReportModel): Range[] {
  return model.sections.filter((s) => SKIPPED_ROLES.has(s.role)).map((s) => s.range);
}

function themeMap(codebook: Codebook): Map<string, Theme> {
  const map = new Map<string, Theme>();
  for (const g of codebook.groups) for (const t of g.themes) map.set(t.id, t);
  return map;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
