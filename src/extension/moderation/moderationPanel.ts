// The Moderation view: a webview panel over the core's agreement figures for two coders of the workspace's reports.
// The extension reads the reports and tags files (through vscode.workspace.fs) and computes; the webview draws
// what it is sent and posts back the coders chosen and the disagreement to follow. It reads again when tags change.

import * as vscode from 'vscode';
import { type AgreementReport, type AgreementUnit, AGREEMENT_UNITS, analyseReport, type Disagreement, readAgreementReports, SETTLE_DECISIONS, type SettleDecision, SIDECAR_SUFFIX } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';
import { DisagreementHighlight } from './followDisagreement';
import { buildModerationModel, type ModerationChoice, type ModerationModel } from './moderationModel';
import { moderationHtml } from './moderationHtml';
import { RenderedStates } from '../platform/renderedStates';
import { Settlements } from './settlements';

export const MODERATION_VIEW_TYPE = 'inspectionReports.moderation';

/** What the webview reports after each render (given out by the API activate() returns). */
export interface ModerationRenderedState {
  coderA?: string;
  coderB?: string;
  unit: AgreementUnit;
  themes: { id: string; label: string; agreement: string; kappa: string; band: string; aOnly: number; bOnly: number; both: number }[];
  disagreements: { index: number; theme: string; coder: string; text: string; settled: boolean }[];
  /** Settlements that "Undo last settlement" can take back. */
  undoable: number;
  /** The last settlement's or undo's message, shown in the view. */
  notice: string;
  /** How many settlements and undos have finished, so a caller can wait for the one it pressed. */
  actionsDone: number;
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'choose'; choice: ModerationChoice }
  | { type: 'open'; index: number }
  | { type: 'refresh' }
  | { type: 'settle'; index: number; decision: SettleDecision }
  | { type: 'undo' }
  | { type: 'rendered'; state: ModerationRenderedState };

export interface ModerationHost {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
}

export class ModerationPanel implements vscode.Disposable {
  private static current: ModerationPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly highlight = new DisagreementHighlight();
  private fs: VscodeFileSystem;
  private reports: AgreementReport[] = [];
  private readonly paragraphs = new Map<string, { text: string; numbered: { start: number; end: number }[] }>();
  private choice: ModerationChoice = { unit: 'character' };
  private model: ModerationModel | undefined;
  private disagreements: Disagreement[] = [];
  private ready = false;
  private reading: Promise<void> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly followWaiters: Array<(editor: vscode.TextEditor) => void> = [];
  private readonly states = new RenderedStates<ModerationRenderedState>();
  private readonly settlements = new Settlements();
  private notice = '';
  private actionsDone = 0;

  static get open(): ModerationPanel | undefined {
    return ModerationPanel.current;
  }

  static show(host: ModerationHost, folders: vscode.Uri[]): ModerationPanel {
    const existing = ModerationPanel.current;
    if (existing) {
      existing.panel.reveal();
      if (existing.folders.map(String).join('\n') !== folders.map(String).join('\n')) {
        existing.folders = folders;
        void existing.read();
      }
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(MODERATION_VIEW_TYPE, 'Moderation', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(host.extensionUri, 'media')],
    });
    ModerationPanel.current = new ModerationPanel(panel, host, folders);
    // Offers "Undo Last Settlement" in the Command Palette while there is a view to undo in.
    void vscode.commands.executeCommand('setContext', 'inspectionReports.moderationOpen', true);
    return ModerationPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: ModerationHost,
    private folders: vscode.Uri[],
  ) {
    this.fs = new VscodeFileSystem(folders[0]!);
    panel.webview.html = moderationHtml(panel.webview, host.extensionUri);
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.disposables.push(
      watcher,
      watcher.onDidChange(() => this.scheduleRead()),
      watcher.onDidCreate(() => this.scheduleRead()),
      watcher.onDidDelete(() => this.scheduleRead()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      this.highlight,
    );
    void this.read();
  }

  /** Finishes the current reading, if any. */
  async settled(): Promise<void> {
    while (this.reading) await this.reading;
  }

  /** Chooses coders and units through the webview's controls, as the user would (it posts the choice back). */
  choose(choice: Partial<ModerationChoice>): void {
    void this.panel.webview.postMessage({ type: 'setChoice', choice });
  }

  /** Presses a disagreement's "open" button in the webview, as the user would. */
  press(index: number): void {
    void this.panel.webview.postMessage({ type: 'press', index });
  }

  /** Presses a disagreement's settle button (or, without one, "Undo last settlement") in the webview, as the user would; resolves with what the view drew after it. */
  pressSettle(settle: { index: number; decision: SettleDecision } | 'undo'): Promise<ModerationRenderedState> {
    const done = this.actionsDone;
    const next = this.states.next((s) => s.actionsDone > done);
    void this.panel.webview.postMessage(settle === 'undo' ? { type: 'pressUndo' } : { type: 'pressSettle', ...settle });
    return next;
  }

  /** Resolves with the editor once the next disagreement followed is shown in its report. */
  nextFollow(): Promise<vscode.TextEditor> {
    return new Promise((resolve) => this.followWaiters.push(resolve));
  }

  renderedState(accept?: (s: ModerationRenderedState) => boolean): Promise<ModerationRenderedState> {
    return this.states.next(accept);
  }

  async read(): Promise<void> {
    this.fs = new VscodeFileSystem(this.folders[0]!);
    const run = (async () => {
      try {
        const reading = await readAgreementReports(this.folders.map((f) => this.fs.pathOf(f)), this.fs);
        for (const problem of reading.problems) this.host.log.warn(`Moderation: ${problem}`);
        this.reports = reading.reports;
      } catch (error) {
        this.host.log.error(`Moderation: ${(error as Error).message}`);
        void vscode.window.showErrorMessage(`Could not read the tags for moderation: ${(error as Error).message}`);
      }
      this.compute();
    })();
    this.reading = run;
    await run;
    if (this.reading === run) this.reading = undefined;
  }

  private scheduleRead(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.read(), 300);
  }

  /** The reports with their numbered paragraphs (as `report agreement --unit paragraph` reads them), analysed once per text. */
  private withParagraphs(): AgreementReport[] {
    return this.reports.map((r) => {
      let cached = this.paragraphs.get(r.id);
      if (!cached || cached.text !== r.text) {
        const numbered = analyseReport(r.text, { markdown: /\.(md|markdown)$/i.test(r.id) }).paragraphs.map((p) => p.range);
        this.paragraphs.set(r.id, (cached = { text: r.text, numbered }));
      }
      return { ...r, numberedParagraphs: cached.numbered };
    });
  }

  private compute(): void {
    const reports = this.choice.unit === 'paragraph' ? this.withParagraphs() : this.reports;
    const built = buildModerationModel(reports, this.choice, (id) => vscode.workspace.asRelativePath(this.fs.uriOf(id), (vscode.workspace.workspaceFolders?.length ?? 0) > 1));
    this.model = built.model;
    this.disagreements = built.disagreements;
    this.post();
  }

  private post(): void {
    if (this.ready && this.model) void this.panel.webview.postMessage({ type: 'moderation', model: { ...this.model, undoable: this.settlements.undoable, notice: this.notice, actionsDone: this.actionsDone } });
  }

  /** Settles a disagreement the view listed, as decided there, then reads the tags again. */
  private async settle(index: number, decision: SettleDecision): Promise<void> {
    const d = this.disagreements[index];
    const report = d && this.reports.find((r) => r.id === d.reportId);
    if (!d || !report || !this.model?.coderA || !this.model.coderB) return;
    await this.tell(() => this.settlements.settle(this.fs, this.roots(), report.text, d, { coderA: this.model!.coderA!, coderB: this.model!.coderB! }, decision), 'settle the disagreement');
  }

  /** Takes back the last settlement (the view's button and the "Undo Last Settlement" command). */
  async undo(): Promise<void> {
    await this.settled();
    await this.tell(async () => (await this.settlements.undo(this.fs, this.roots())) ?? 'There is no settlement to undo.', 'undo the last settlement');
  }

  /** Runs a write, shows its message in the view (or its error to the user) and redraws from the files. */
  private async tell(write: () => Promise<string>, what: string): Promise<void> {
    try {
      this.notice = await write();
    } catch (error) {
      this.notice = `Could not ${what}: ${(error as Error).message}`;
      this.host.log.error(`Moderation: ${this.notice}`);
      void vscode.window.showErrorMessage(this.notice);
    }
    this.actionsDone++;
    await this.read();
  }

  /** The folders compared: settlements are written only inside them. */
  private roots(): string[] {
    return this.folders.map((f) => this.fs.pathOf(f));
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'choose': {
        const c = message.choice;
        // Only names and units the view offered: anything else is ignored.
        const unit = AGREEMENT_UNITS.includes(c?.unit) ? c.unit : 'character';
        this.choice = { unit, ...(typeof c?.coderA === 'string' ? { coderA: c.coderA } : {}), ...(typeof c?.coderB === 'string' ? { coderB: c.coderB } : {}) };
        this.compute();
        return;
      }
      case 'open': {
        const d = Number.isInteger(message.index) ? this.disagreements[message.index] : undefined;
        if (!d) return;
        const band = this.model?.themes.find((t) => t.id === d.themeId)?.band ?? 'none';
        const editor = await this.highlight.follow(this.fs.uriOf(d.reportId), d.start, d.end, band);
        for (const resolve of this.followWaiters.splice(0)) resolve(editor);
        return;
      }
      case 'refresh':
        await this.read();
        return;
      case 'settle':
        if (Number.isInteger(message.index) && SETTLE_DECISIONS.includes(message.decision)) await this.settle(message.index, message.decision);
        return;
      case 'undo':
        await this.undo();
        return;
      case 'rendered':
        this.states.rendered(message.state);
        return;
    }
  }

  dispose(): void {
    if (ModerationPanel.current === this) {
      ModerationPanel.current = undefined;
      void vscode.commands.executeCommand('setContext', 'inspectionReports.moderationOpen', false);
    }
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
