// The Evidence view: a webview panel over the core's evidence aggregation. The extension collects (through
// vscode.workspace.fs), filters and formats; the webview only draws what it is sent and posts back what the
// user asked for (a filter, a passage to open or copy, an export). It collects again when tags files change.

import * as vscode from 'vscode';
import { type AnalysisCache, buildEvidenceViewModel, CancellationSource, type CancellationToken, clipboardText, EvidenceIndex, type EvidenceFilter, type EvidenceItem, type EvidenceSet, narrowEvidence, orderedViewItems, reportColumns, reportColumnsPage, reportHeatScale, taggedReports, viewItemsPage, ReportModelCache, sanitiseFilter, SIDECAR_SUFFIX } from '../../core';
import { evidenceHtml } from './evidenceHtml';
import { analysesReady, evidenceAnalyser } from '../platform/analysisWorkers';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';
import { savedAnalyses } from './savedAnalyses';
import { RenderedStates } from '../platform/renderedStates';

export const EVIDENCE_VIEW_TYPE = 'inspectionReports.evidence';

/**
 * What a collection run gives: the set, and the file system it was read through (the .qdpx export reads the report
 * texts with it when it runs: keeping them all cost the corpus 31 MB, and unchanged reports are not even read).
 */
export interface CollectedEvidence {
  set: EvidenceSet;
  fs: VscodeFileSystem;
  /** Each report's passages as collected: a changed tags file re-folds its own report alone (EvidenceIndex.update). */
  index?: EvidenceIndex;
}

export type ExportFormat = 'csv' | 'markdown' | 'json' | 'qdpx';

/** What the webview reports after each render; given out by the API activate() returns (tests, other extensions). */
export interface EvidenceRenderedState {
  passages: number;
  heatCells: number;
  [key: string]: unknown;
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'filter'; filter: EvidenceFilter }
  | { type: 'open'; reportPath: string; tagId: string }
  | { type: 'copy'; reportPath: string; tagId: string }
  | { type: 'export'; format: ExportFormat }
  | { type: 'openFile'; path: string }
  | { type: 'refresh' }
  | { type: 'cancel' }
  | { type: 'page'; offset: number }
  | { type: 'reportColumns'; offset: number }
  | { type: 'chooseFolders' }
  | { type: 'rendered'; state: EvidenceRenderedState };

export interface EvidencePanelHost {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  /** Where analyses are saved between windows (the extension's global storage); without it, none are. */
  storageUri?: vscode.Uri;
  /** Runs an export of the given (already filtered) evidence. */
  runExport(format: ExportFormat, evidence: CollectedEvidence): Promise<unknown>;
}

/** Collects the evidence of folders given as URIs of one file system (the first folder's). */
export async function collectFolders(
  folders: readonly vscode.Uri[],
  options: { onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean; cancellation?: CancellationToken; modelCache?: ReportModelCache; analysisCache?: AnalysisCache; log?: vscode.LogOutputChannel } = {},
): Promise<CollectedEvidence> {
  const fs = new VscodeFileSystem(folders[0]!);
  await analysesReady();
  const analyse = evidenceAnalyser(options.log);
  // The editor's size limit for a report applies here too (the first folder's setting).
  const maxReportMB = vscode.workspace.getConfiguration('inspectionReports', folders[0]).get<number>('analysis.maxSizeMB');
  const index = new EvidenceIndex(
    folders.map((f) => fs.pathOf(f)),
    fs,
    {
      ...(analyse ? { analyse } : {}),
      ...(typeof maxReportMB === 'number' ? { maxReportMB } : {}),
      ...(options.onProgress ? { onProgress: (p: { done: number; total: number }) => options.onProgress!(p.done, p.total) } : {}),
      ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
      ...(options.cancellation ? { cancellation: options.cancellation } : {}),
      ...(options.modelCache ? { modelCache: options.modelCache } : {}),
      ...(options.analysisCache ? { analysisCache: options.analysisCache } : {}),
    },
  );
  const set = await index.build();
  return { set, fs, index };
}

export function workspaceFolderUris(): vscode.Uri[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
}

export class EvidencePanel implements vscode.Disposable {
  private static current: EvidencePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private evidence: CollectedEvidence | undefined;
  private filter: EvidenceFilter = {};
  private ready = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private collecting: Promise<void> | undefined;
  private generation = 0;
  /**
   * The evidence as filtered, kept for the pages the view asks for next: the passages in the view's order and the
   * heat map's report columns, each made on the first page asked for.
   */
  private narrowed: { evidence: CollectedEvidence; filter: EvidenceFilter; set: EvidenceSet; items?: EvidenceItem[]; columns?: EvidenceSet['reports']; scale?: ReturnType<typeof reportHeatScale> } | undefined;
  /** Cancels the collection under way (the view's Cancel, the notification's). */
  private cancelSource: CancellationSource | undefined;
  /** Test hook: the webview presses Cancel once this many reports are read. */
  private cancelAt: number | undefined;
  // Kept while the view is open: collecting again after a tags file changes (or on Refresh) re-analyses only the
  // reports whose text changed.
  private readonly modelCache = new ReportModelCache();
  private stale = false;
  private saved: { unchanged: number; reused: number; saved: number } | undefined;
  /** Tags files changed since the evidence was last brought up to date. */
  private readonly changed = new Set<vscode.Uri>();
  private readonly states = new RenderedStates<EvidenceRenderedState>();

  static get open(): EvidencePanel | undefined {
    return EvidencePanel.current;
  }

  /** Opens (or reveals, on new folders) the Evidence view. */
  static show(host: EvidencePanelHost, folders: vscode.Uri[]): EvidencePanel {
    const existing = EvidencePanel.current;
    if (existing) {
      existing.panel.reveal();
      if (!sameFolders(existing.folders, folders)) {
        existing.folders = folders;
        // The evidence held is the other folders': never shown under these folders' names (if this run is cancelled).
        existing.evidence = undefined;
        void existing.collect();
      }
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(EVIDENCE_VIEW_TYPE, 'Evidence', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(host.extensionUri, 'media')],
    });
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'tags-activity.svg');
    EvidencePanel.current = new EvidencePanel(panel, host, folders);
    return EvidencePanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: EvidencePanelHost,
    private folders: vscode.Uri[],
  ) {
    panel.webview.html = evidenceHtml(panel.webview, host.extensionUri);
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.disposables.push(
      watcher,
      watcher.onDidChange((uri) => this.scheduleRefresh(uri)),
      watcher.onDidCreate((uri) => this.scheduleRefresh(uri)),
      watcher.onDidDelete((uri) => this.scheduleRefresh(uri)),
      // Tagging writes the tags file at once, so the watcher sees every change that reaches the disk (which is
      // what is collected); edits that only shift tags in an unsaved report change nothing here.
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) void this.collect();
      }),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.collect();
  }

  /** The evidence as currently filtered in the view (what its exports write). */
  filtered(): CollectedEvidence | undefined {
    if (!this.evidence) return undefined;
    return { ...this.evidence, set: narrowEvidence(this.evidence.set, this.filter) };
  }

  get currentFilter(): EvidenceFilter {
    return this.filter;
  }

  /** Sets the filter as the user would, through the view's controls (the webview posts it back). */
  applyFilter(filter: EvidenceFilter): void {
    void this.panel.webview.postMessage({ type: 'setFilter', filter });
  }

  /** Presses a passage's "open" or "copy" button in the webview (test hook; the click takes the user's path). */
  press(tagId: string, action: 'open' | 'copy'): void {
    void this.panel.webview.postMessage({ type: 'press', tagId, action });
  }

  /**
   * Presses the heat map's switch ("by report / authority / region"), then the headers to sort by, then scrolls it,
   * then presses "Next" or "Previous" over the report columns (test hook).
   */
  showHeatMap(by: 'report' | 'authority' | 'region', sortBy: readonly string[] = [], scrollTo?: number, columns?: 'next' | 'previous'): void {
    void this.panel.webview.postMessage({ type: 'heatView', by, sortBy, scrollTo, columns });
  }

  /** The last state the webview reported after rendering, or the next one that `accept`s. */
  renderedState(accept?: (state: EvidenceRenderedState) => boolean): Promise<EvidenceRenderedState> {
    return this.states.next(accept);
  }

  /** Presses the webview's Cancel button once `done` reports are read (test hook: the click takes the user's path). */
  pressCancelAfter(done: number): void {
    // Sent with each progress message: one posted before the page has loaded would be lost.
    this.cancelAt = done;
  }

  get isCollecting(): boolean {
    return this.collecting !== undefined;
  }

  /** Finishes the current collection, if any. */
  async settled(): Promise<void> {
    while (this.collecting) await this.collecting;
  }

  async collect(): Promise<void> {
    // A newer collection (tags changed again, other folders chosen) supersedes this one.
    const generation = ++this.generation;
    this.cancelSource?.cancel();
    const cancel = (this.cancelSource = new CancellationSource());
    this.stale = false;
    this.changed.clear();
    // Read afresh each time, so a change to the size setting applies from the next collection.
    const analysisCache = savedAnalyses(this.host.storageUri);
    const run = (async () => {
      let reached = { done: 0, total: 0 };
      try {
        const collected = await this.withProgress(cancel, (onProgress) =>
          collectFolders(this.folders, {
            isCancelled: () => generation !== this.generation,
            cancellation: cancel.token,
            modelCache: this.modelCache,
            ...(analysisCache ? { analysisCache } : {}),
            log: this.host.log,
            onProgress: (done, total) => {
              reached = { done, total };
              onProgress(done, total);
            },
          }),
        );
        // A cancelled run's partial set is never shown as the evidence: the last complete one stays.
        if (generation === this.generation && !cancel.token.isCancellationRequested) {
          this.evidence = collected;
          if (analysisCache) this.noteSaved(analysisCache);
        }
      } catch (error) {
        this.host.log.error(`Evidence: ${(error as Error).message}`);
        void vscode.window.showErrorMessage(`Could not collect the evidence: ${(error as Error).message}`);
      }
      if (generation !== this.generation) return;
      if (cancel.token.isCancellationRequested) {
        this.cancelAt = undefined;
        this.host.log.info(`Evidence: collection cancelled after ${reached.done} of ${reached.total} reports.`);
        void this.panel.webview.postMessage({ type: 'cancelled', done: reached.done, total: reached.total, kept: this.evidence !== undefined });
      } else this.post();
    })();
    this.collecting = run;
    await run;
    if (this.collecting === run) this.collecting = undefined;
  }

  /** What the saved analyses and evidence did for the last complete collection (for the log, and tests). */
  get savedCounts(): { unchanged: number; reused: number; saved: number } | undefined {
    return this.saved;
  }

  private noteSaved(cache: AnalysisCache): void {
    this.saved = { unchanged: cache.snapshots?.counts.used ?? 0, reused: cache.counts.hits, saved: cache.snapshots?.counts.recorded ?? 0 };
    const { unchanged, reused } = this.saved;
    if (unchanged > 0 || reused > 0) this.host.log.info(`Evidence: ${unchanged} report(s) and their tags unchanged since an earlier collection, not read again; ${reused} saved analysis(es) reused.`);
  }

  /** Cancels the collection under way, as the view's Cancel button does. */
  cancelCollection(): void {
    this.cancelSource?.cancel();
  }

  /**
   * Runs a collection under a cancellable notification ("n of N reports") and tells the webview as it goes, a few
   * times a second at most: a national set has thousands of reports.
   */
  private withProgress<T>(cancel: CancellationSource, task: (onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
    return Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Collecting evidence', cancellable: true }, (progress, token) => {
        const listener = token.onCancellationRequested(() => cancel.cancel());
        let lastPosted = 0;
        let reported = 0;
        const onProgress = (done: number, total: number) => {
          if (Date.now() - lastPosted < 200 && done < total) return;
          lastPosted = Date.now();
          progress.report({ message: `${done} of ${total} reports`, increment: total > 0 ? ((done - reported) / total) * 100 : 0 });
          reported = done;
          void this.panel.webview.postMessage({ type: 'progress', done, total, ...(this.cancelAt !== undefined ? { cancelAt: this.cancelAt } : {}) });
        };
        return task(onProgress).finally(() => listener.dispose());
      }),
    );
  }

  private scheduleRefresh(changed: vscode.Uri): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.changed.add(changed);
    // A hidden view collects again when it is shown.
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    this.refreshTimer = setTimeout(() => void this.refreshChanged(), 300);
  }

  /** Re-folds only the changed tags files' reports when the evidence held allows it; otherwise collects again. */
  private async refreshChanged(): Promise<void> {
    const evidence = this.evidence;
    const changed = [...this.changed].map((uri) => evidence?.fs.pathOf(uri));
    this.changed.clear();
    if (!evidence?.index || this.collecting || changed.some((path) => path === undefined)) return this.collect();
    try {
      const set = await evidence.index.update(changed as string[]);
      // A collection started meanwhile (other folders, Refresh) has the newer word.
      if (this.evidence !== evidence || this.collecting) return;
      this.evidence = { ...evidence, set };
      this.post();
    } catch (error) {
      this.host.log.warn(`Evidence: could not update after a tags file changed (${(error as Error).message}); collecting again.`);
      await this.collect();
    }
  }

  private post(): void {
    if (!this.ready || !this.evidence) return;
    const labels = this.folders.map((f) => vscode.workspace.asRelativePath(f, (vscode.workspace.workspaceFolders?.length ?? 0) > 1));
    const model = buildEvidenceViewModel(this.evidence.set, this.filter, labels);
    void this.panel.webview.postMessage({ type: 'evidence', model: { ...model, items: withReportUris(model.items, this.evidence.fs) } });
  }

  /** The evidence under the view's filter, narrowed once per evidence and filter for all the pages asked for. */
  private currentNarrowed(evidence: CollectedEvidence): NonNullable<EvidencePanel['narrowed']> {
    if (this.narrowed?.evidence !== evidence || this.narrowed.filter !== this.filter) {
      this.narrowed = { evidence, filter: this.filter, set: narrowEvidence(evidence.set, this.filter) };
    }
    return this.narrowed;
  }

  /** The next page of passages, for the view's "Show more": ordered once per evidence and filter, then sliced. */
  private sendPage(offset: unknown): void {
    const evidence = this.evidence;
    if (!evidence || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) return;
    const narrowed = this.currentNarrowed(evidence);
    narrowed.items ??= orderedViewItems(narrowed.set.items);
    void this.panel.webview.postMessage({ type: 'page', offset, items: withReportUris(viewItemsPage(narrowed.items, offset), evidence.fs) });
  }

  /** Another window of the heat map's report columns (the view's "Next reports" / "Previous reports"). */
  private sendReportColumns(offset: unknown): void {
    const evidence = this.evidence;
    if (!evidence || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) return;
    const narrowed = this.currentNarrowed(evidence);
    narrowed.columns ??= reportColumns(narrowed.set.reports, taggedReports(narrowed.set.items));
    narrowed.scale ??= reportHeatScale(narrowed.set.themes);
    // Messages are answered in the order they come, so a window always follows the model of the filter it was made under.
    void this.panel.webview.postMessage({ type: 'reportColumns', ...reportColumnsPage(narrowed.columns, narrowed.set.themes, offset, narrowed.scale) });
  }

  private findItem(reportPath: unknown, tagId: unknown): EvidenceItem | undefined {
    // Only passages of the collected set: a message names one, it never supplies a path to open.
    return this.evidence?.set.items.find((i) => i.reportPath === reportPath && i.tagId === tagId);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'filter':
        this.filter = sanitiseFilter(message.filter);
        this.post();
        return;
      case 'open': {
        const item = this.findItem(message.reportPath, message.tagId);
        if (item && this.evidence) await openPassage(item, this.evidence.fs);
        return;
      }
      case 'copy': {
        const item = this.findItem(message.reportPath, message.tagId);
        if (!item) return;
        await vscode.env.clipboard.writeText(clipboardText(item));
        vscode.window.setStatusBarMessage('Passage and citation copied', 3000);
        return;
      }
      case 'export': {
        const evidence = this.filtered();
        if (evidence) await this.host.runExport(message.format, evidence);
        return;
      }
      case 'openFile': {
        // Only a file a listed problem names.
        const problem = this.evidence?.set.problems.find((p) => p.path === message.path);
        if (!problem || !this.evidence) return;
        const uri = this.evidence.fs.uriOf(problem.path);
        const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
        if (stat && stat.type & vscode.FileType.Directory) await vscode.commands.executeCommand('revealInExplorer', uri);
        else if (stat) await vscode.window.showTextDocument(uri, { preview: false });
        else void vscode.window.showWarningMessage(`${problem.path} is no longer there.`);
        return;
      }
      case 'cancel':
        this.cancelCollection();
        return;
      case 'page':
        this.sendPage(message.offset);
        return;
      case 'reportColumns':
        this.sendReportColumns(message.offset);
        return;
      case 'refresh':
        await this.collect();
        return;
      case 'chooseFolders': {
        const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: true, openLabel: 'Collect Evidence', defaultUri: this.folders[0] });
        if (chosen && chosen.length > 0) {
          this.folders = chosen;
          await this.collect();
        }
        return;
      }
      case 'rendered':
        this.states.rendered(message.state);
        return;
    }
  }

  dispose(): void {
    if (EvidencePanel.current === this) EvidencePanel.current = undefined;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    // Closing the view stops its collection: nobody is left to see it.
    this.cancelSource?.cancel();
    this.modelCache.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Opens the report with the passage selected; an orphaned passage opens the report and says why nothing is selected. */
export async function openPassage(item: EvidenceItem, fs: VscodeFileSystem): Promise<void> {
  const document = await vscode.workspace.openTextDocument(fs.uriOf(item.reportPath));
  if (!item.position) {
    await vscode.window.showTextDocument(document, { preview: false });
    void vscode.window.showWarningMessage(`This passage is no longer found in ${item.reportFileName}; its tag keeps the words as they were tagged.`);
    return;
  }
  const range = new vscode.Range(document.positionAt(item.position.start), document.positionAt(item.position.end));
  await vscode.window.showTextDocument(document, { selection: range, preview: false });
}

/**
 * Each passage with its report's URI, which a row dragged into a draft carries: only the extension knows the
 * workspace's scheme (a web or remote workspace's reports are not `file:`), so the webview never makes one.
 */
function withReportUris<T extends { reportPath: string }>(items: readonly T[], fs: VscodeFileSystem): (T & { reportUri: string })[] {
  const uris = new Map<string, string>();
  return items.map((item) => {
    let reportUri = uris.get(item.reportPath);
    if (reportUri === undefined) uris.set(item.reportPath, (reportUri = fs.uriOf(item.reportPath).toString()));
    return { ...item, reportUri };
  });
}

function sameFolders(a: readonly vscode.Uri[], b: readonly vscode.Uri[]): boolean {
  return a.length === b.length && a.every((u, i) => u.toString() === b[i]!.toString());
}
