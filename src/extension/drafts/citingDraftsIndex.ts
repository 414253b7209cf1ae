// Which Markdown drafts of the workspace cite which report. The drafts are read once (findFiles), then kept
// current one by one as they change, in an editor (once the typing pauses) or on disk, so "which drafts cite this
// report" is a map lookup: the Outline asks it on every keystroke in a report, the CodeLens on every refresh.
// For the Outline it also checks the citing drafts' citations against the report as it stands (citedInFor).

import * as vscode from 'vscode';
import { checkCitingDrafts, type CitedInGroup, citedInGroup, type CitingDraft, citingDraft, type DraftCitation, isNotFound, reportsCitedBy, SIDECAR_SUFFIX, sortCitingDrafts } from '../../core';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';
import { editorSources } from './editorSources';

const DRAFT_GLOB = '**/*.{md,markdown}';
const EXCLUDE = '**/node_modules/**';
const MAX_DRAFTS = 2000;
const REFRESH_DELAY_MS = 1000;

interface IndexedDraft {
  uri: vscode.Uri;
  draftPath: string;
  /** Its citations by the report they cite (normalised core path). */
  cites: Map<string, DraftCitation[]>;
  /** What the citations say (report, tag, quote), to tell whether a change to the draft matters to a report. */
  signature: string;
}

export interface CitingDraftOf {
  uri: vscode.Uri;
  draft: CitingDraft;
}

export class CitingDraftsIndex implements vscode.Disposable {
  private readonly drafts = new Map<string, IndexedDraft>();
  private byReport: Map<string, { entry: IndexedDraft; citations: DraftCitation[] }[]> | undefined;
  private loading: Promise<void> | undefined;
  private loaded = false;
  private readonly pending = new Set<string>();
  private refreshing: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever what a report's citing drafts say may have changed; the Outline's groups are kept per generation. */
  private generation = 0;
  private readonly groups = new WeakMap<vscode.TextDocument, { version: number; generation: number; group: Promise<CitedInGroup | undefined> }>();
  /** Reports whose Outline asked before the drafts were read, and so was shown without its group. */
  private readonly askedEarly = new Set<vscode.TextDocument>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a draft's citations changed, or the tags file of a cited report did: what the citing drafts say may differ. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const drafts = vscode.workspace.createFileSystemWatcher(DRAFT_GLOB);
    const sidecars = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const onDraft = (uri: vscode.Uri) => this.draftChanged(uri);
    const onSidecar = (uri: vscode.Uri) => this.sidecarChanged(uri);
    this.disposables.push(
      this.changed,
      drafts,
      sidecars,
      { dispose: () => clearTimeout(this.timer) },
      drafts.onDidChange(onDraft),
      drafts.onDidCreate(onDraft),
      drafts.onDidDelete(onDraft),
      sidecars.onDidChange(onSidecar),
      sidecars.onDidCreate(onSidecar),
      sidecars.onDidDelete(onSidecar),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'markdown' && e.contentChanges.length > 0) this.draftChanged(e.document.uri);
      }),
    );
  }

  /** The drafts citing a report, most citations first, once the workspace's drafts are read and current. */
  async citing(report: vscode.Uri): Promise<CitingDraftOf[]> {
    await this.load();
    await this.refreshing;
    const found = (this.lookup(report) ?? []).map(({ entry, citations }) => ({ ...citingDraft(entry.draftPath, citations), uri: entry.uri }));
    return sortCitingDrafts(found).map(({ uri, ...draft }) => ({ uri, draft }));
  }

  /**
   * For a report's Outline: undefined, at once, when no draft cites it (or the drafts are still being read: the
   * Outline is told when they are); otherwise the group naming the citing drafts, their citations of the report
   * checked against its text as it stands.
   */
  citedInFor(document: vscode.TextDocument): Promise<CitedInGroup | undefined> | undefined {
    if (document.uri.scheme === 'untitled') return undefined;
    if (!this.loaded) {
      this.askedEarly.add(document);
      void this.load();
      return undefined;
    }
    const citing = this.lookup(document.uri);
    if (!citing || citing.length === 0) return undefined;
    const kept = this.groups.get(document);
    if (kept && kept.version === document.version && kept.generation === this.generation) return kept.group;
    const names = new Map(citing.map(({ entry }) => [entry.draftPath, vscode.workspace.asRelativePath(entry.uri)]));
    const group = checkCitingDrafts(
      citing.map(({ entry, citations }) => ({ draftPath: entry.draftPath, citations })),
      editorSources(document.uri).sources,
    ).then(
      (checked) => citedInGroup(checked, (draftPath) => names.get(draftPath) ?? draftPath),
      (error: unknown) => {
        this.log.error(`Drafts citing ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      },
    );
    this.groups.set(document, { version: document.version, generation: this.generation, group });
    return group;
  }

  private lookup(report: vscode.Uri): { entry: IndexedDraft; citations: DraftCitation[] }[] | undefined {
    if (!this.byReport) {
      this.byReport = new Map();
      for (const entry of this.drafts.values()) {
        for (const [reportPath, citations] of entry.cites) {
          const list = this.byReport.get(reportPath) ?? [];
          list.push({ entry, citations });
          this.byReport.set(reportPath, list);
        }
      }
    }
    return this.byReport.get(normalisedPath(report));
  }

  private load(): Promise<void> {
    this.loading ??= (async () => {
      for (const uri of await vscode.workspace.findFiles(DRAFT_GLOB, EXCLUDE, MAX_DRAFTS)) await this.read(uri);
      this.loaded = true;
      this.byReport = undefined;
      // An Outline asked before the drafts were read showed no group: it is told to ask again only if its report is cited.
      const cited = [...this.askedEarly].some((d) => !d.isClosed && (this.lookup(d.uri)?.length ?? 0) > 0);
      this.askedEarly.clear();
      if (cited) this.fire();
    })().catch((error: unknown) => this.log.error(`Drafts citing a report: the workspace's Markdown files could not be listed: ${error instanceof Error ? error.message : String(error)}`));
    return this.loading;
  }

  /** Reads one draft (an open editor's text as it stands); true when what its citations say changed. */
  private async read(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const before = this.drafts.get(key)?.signature ?? '';
    const fs = new VscodeFileSystem(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    let text: string | undefined;
    try {
      text = open ? open.getText() : await fs.readFile(fs.pathOf(uri));
    } catch (error) {
      // Deleted since: it cites nothing now. Anything else is worth a line in the log.
      if (!isNotFound(error)) this.log.warn(`Drafts citing a report: ${key} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (text === undefined) this.drafts.delete(key);
    else {
      const draftPath = fs.pathOf(uri);
      const cites = reportsCitedBy(draftPath, text);
      this.drafts.set(key, { uri, draftPath, cites, signature: signatureOf(cites) });
    }
    this.byReport = undefined;
    return (this.drafts.get(key)?.signature ?? '') !== before;
  }

  private draftChanged(uri: vscode.Uri): void {
    if (uri.path.includes('/node_modules/')) return;
    this.pending.add(uri.toString());
    // Typing in a draft changes it on every keystroke: it is read again once the typing pauses.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
      this.pending.clear();
      this.refreshing = this.refreshing.then(async () => {
        // Before the first reading nothing is kept to update; during it, this change is read after it.
        if (!this.loading) return;
        await this.loading;
        let changed = false;
        for (const u of uris) if (await this.read(u)) changed = true;
        if (changed) this.fire();
      });
    }, REFRESH_DELAY_MS);
  }

  private sidecarChanged(uri: vscode.Uri): void {
    if (!this.loaded) return;
    const report = uri.with({ path: uri.path.slice(0, -SIDECAR_SUFFIX.length) });
    if ((this.lookup(report)?.length ?? 0) > 0) this.fire();
  }

  private fire(): void {
    this.generation++;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function normalisedPath(uri: vscode.Uri): string {
  return new VscodeFileSystem(uri).pathOf(uri);
}

function signatureOf(cites: Map<string, DraftCitation[]>): string {
  return JSON.stringify([...cites].map(([report, citations]) => [report, citations.map((c) => [c.tag, c.quote?.text ?? ''])]));
}
