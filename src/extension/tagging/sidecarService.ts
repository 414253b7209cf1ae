// Tags of the open reports, kept beside each report in `<report>.tags.json`. One ReportTagSession (core) per
// open report document; this adapter feeds it the editor's events: opening, every edit, saving, the sidecar
// changing on disk, the report being renamed or deleted. It tells the user, once, what happened to their tags.
//
// Writing policy: a tagging operation writes at once (the user's work is on disk when the command returns);
// positions shifted by typing are written when the report itself is saved, so an abandoned edit leaves the
// sidecar matching the report on disk.

import * as vscode from 'vscode';
import { basename } from 'node:path';
import { type LoadOutcome, reanchorSummaryMessage, ReportTagSession, type SessionStatus, SIDECAR_SUFFIX, SidecarStore, type Tag, TaggingPausedError } from '../../core';
import type { ReportDocuments } from '../platform/reportDocuments';
import { VscodeFileSystem } from '../platform/vscodeFileSystem';
import { currentCoder } from '../coders/coderIdentity';

export interface TagsChangeEvent {
  readonly uri: vscode.Uri;
  /** Empty when the report was closed. */
  readonly tags: readonly Tag[];
  readonly status: SessionStatus | undefined;
}

interface Entry {
  readonly document: vscode.TextDocument;
  readonly session: ReportTagSession;
  readonly fs: VscodeFileSystem;
  readonly opened: Promise<void>;
  /** The last pause message shown, so one problem is reported once. */
  shownPause?: string;
}

interface StoreEntry {
  readonly fs: VscodeFileSystem;
  readonly store: SidecarStore;
  readonly roots: string[];
}

export const REPAIR_ACTION = "Repair (keep both sides' tags)";
const OPEN_ACTION = 'Open Tags File';
const RECREATE_ACTION = 'Save Tags Again';

export function sidecarUriFor(reportUri: vscode.Uri): vscode.Uri {
  return reportUri.with({ path: reportUri.path + SIDECAR_SUFFIX });
}

export class SidecarService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly stores = new Map<string, StoreEntry>();
  private readonly changed = new vscode.EventEmitter<TagsChangeEvent>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Report deletions already reported, so the file watcher and the explorer event do not both say it. */
  private readonly reportedDeletions = new Set<string>();
  /** Reports being renamed in the editor: their disappearance from the old name is not a deletion. */
  private readonly renaming = new Set<string>();

  /** Fires when a report's tags or tagging status change (loaded, tagged, shifted by an edit, changed on disk). */
  readonly onDidChangeTags = this.changed.event;

  constructor(
    private readonly reports: ReportDocuments,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const sidecarWatcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    // Only deletions: a report deleted while its sidecar stays is worth telling.
    const deletionWatcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      this.changed,
      sidecarWatcher,
      deletionWatcher,
      sidecarWatcher.onDidChange((uri) => this.sidecarChangedOnDisk(uri)),
      sidecarWatcher.onDidCreate((uri) => this.sidecarChangedOnDisk(uri)),
      sidecarWatcher.onDidDelete((uri) => this.sidecarChangedOnDisk(uri)),
      deletionWatcher.onDidDelete((uri) => void this.reportDeleted(uri)),
      vscode.workspace.onDidDeleteFiles((e) =>
        e.files.forEach((uri) => {
          // Deleted in the Explorer: known at once, whatever the disk watcher makes of it.
          if (uri.path.endsWith(SIDECAR_SUFFIX)) this.sidecarChangedOnDisk(uri);
          else void this.reportDeleted(uri);
        }),
      ),
      reports.onDidChangeReport((change) => {
        if (change.state) this.ensure(change.document);
        else this.close(change.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const entry = this.entries.get(e.document.uri.toString());
        if (!entry || e.contentChanges.length === 0) return;
        if (entry.session.applyChanges(e.contentChanges, () => e.document.getText())) this.fire(entry);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        const entry = this.entries.get(d.uri.toString());
        if (entry) void this.run(entry, () => entry.session.saveReport(() => d.getText()), 'save the tags');
      }),
      vscode.workspace.onWillRenameFiles((e) => {
        for (const { oldUri } of e.files) {
          this.renaming.add(oldUri.toString());
          setTimeout(() => this.renaming.delete(oldUri.toString()), 10_000);
        }
      }),
      vscode.workspace.onDidRenameFiles((e) => void this.renamed(e.files)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.updateRoots()),
    );
    for (const state of reports.openReports()) this.ensure(state.document);
  }

  /** Tags of an open report (undefined when it is not an open report). */
  tagsFor(uri: vscode.Uri | string): readonly Tag[] | undefined {
    return this.entries.get(uri.toString())?.session.tags;
  }

  statusFor(uri: vscode.Uri | string): SessionStatus | undefined {
    return this.entries.get(uri.toString())?.session.status;
  }

  /** Every open report with its tags. */
  openSessions(): { uri: vscode.Uri; document: vscode.TextDocument; session: ReportTagSession }[] {
    return [...this.entries.values()].map((e) => ({ uri: e.document.uri, document: e.document, session: e.session }));
  }

  /**
   * The session of a report document, its sidecar loaded. Throws with a message a user can act on when the
   * document cannot have tags.
   */
  async sessionFor(document: vscode.TextDocument): Promise<{ session: ReportTagSession; document: vscode.TextDocument }> {
    const entry = this.ensure(document);
    if (!entry) {
      if (!this.reports.get(document)) throw new Error(`${basename(document.uri.path)} is not recognised as an inspection report, so it cannot be tagged. Use "Inspection Report: Open as Inspection Report" if it is one.`);
      throw new Error(`${basename(document.uri.path)} has not been saved to a file yet; save it first, so its tags can be kept beside it.`);
    }
    await entry.opened;
    return { session: entry.session, document };
  }

  /** The same, for a report given by URI (opened in the background if it is not open: commands from the side views). */
  async sessionForUri(uri: string | vscode.Uri): Promise<{ session: ReportTagSession; document: vscode.TextDocument }> {
    const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === parsed.toString()) ?? (await vscode.workspace.openTextDocument(parsed));
    return this.sessionFor(document);
  }

  /** Runs a tagging operation; tells the user when it could not be done, and announces the change. */
  async operate<T>(document: vscode.TextDocument, what: string, work: (session: ReportTagSession) => Promise<T>): Promise<T | undefined> {
    const { session } = await this.sessionFor(document);
    const entry = this.entries.get(document.uri.toString())!;
    return this.run(entry, () => work(session), what);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const e of this.entries.values()) e.session.forget();
    this.entries.clear();
  }

  // ---- internals ----

  private ensure(document: vscode.TextDocument): Entry | undefined {
    const key = document.uri.toString();
    const existing = this.entries.get(key);
    if (existing) return existing;
    if (document.isClosed || document.isUntitled || !this.reports.get(document)) return undefined;
    const { fs, store } = this.storeFor(document.uri);
    const session = new ReportTagSession(store, fs.pathOf(document.uri), {
      operationOptions: () => {
        // The setting, else the git user name, else the OS login name (moderation compares coders by it).
        const author = currentCoder(document)?.name;
        return author ? { author } : {};
      },
    });
    const entry: Entry = {
      document,
      session,
      fs,
      opened: session.open(() => document.getText()).then(
        (outcome) => this.loaded(entry, outcome, true),
        (error: unknown) => this.log.error(`Could not read the tags of ${document.uri.toString(true)}: ${describe(error)}`),
      ),
    };
    this.entries.set(key, entry);
    return entry;
  }

  private close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (!entry || (!document.isClosed && this.reports.get(document))) return;
    this.entries.delete(key);
    entry.session.forget();
    this.changed.fire({ uri: document.uri, tags: [], status: undefined });
  }

  private storeFor(uri: vscode.Uri): StoreEntry {
    const key = VscodeFileSystem.keyOf(uri);
    let entry = this.stores.get(key);
    if (!entry) {
      const fs = new VscodeFileSystem(uri);
      const roots: string[] = [];
      // The options object is read at each save, so updating `roots` in place follows folder changes.
      entry = { fs, roots, store: new SidecarStore(fs, { allowedRoots: roots }) };
      this.stores.set(key, entry);
      this.updateRoots();
    }
    return entry;
  }

  private updateRoots(): void {
    for (const [key, entry] of this.stores) {
      const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => VscodeFileSystem.keyOf(f.uri) === key).map((f) => entry.fs.pathOf(f.uri));
      entry.roots.splice(0, entry.roots.length, ...roots);
    }
  }

  private async run<T>(entry: Entry, work: () => Promise<T>, what: string): Promise<T | undefined> {
    try {
      const result = await work();
      this.fire(entry);
      return result;
    } catch (error) {
      this.fire(entry);
      if (error instanceof TaggingPausedError) {
        this.showPause(entry, true);
        throw error;
      }
      this.log.error(`Could not ${what} for ${entry.document.uri.toString(true)}: ${describe(error)}`);
      throw error;
    }
  }

  private fire(entry: Entry): void {
    this.changed.fire({ uri: entry.document.uri, tags: entry.session.tags, status: entry.session.status });
  }

  private loaded(entry: Entry, outcome: LoadOutcome, first: boolean): void {
    const name = basename(entry.document.uri.path);
    for (const w of outcome.warnings) this.log.warn(`${name}${SIDECAR_SUFFIX}: ${w}`);
    if (outcome.reanchored) {
      const message = reanchorSummaryMessage(name, outcome.reanchored, outcome.textChanged ?? true);
      this.log.info(`Re-anchored the tags of ${entry.document.uri.toString(true)}: ${JSON.stringify(outcome.reanchored)}`);
      if (message) void vscode.window.showInformationMessage(message);
      // Written at once when the editor holds what is on disk, so the same news is not given at every opening.
      if (first && !entry.document.isDirty && outcome.status.kind === 'ready') {
        void this.run(entry, () => entry.session.saveReport(() => entry.document.getText()), 'save the re-anchored tags').catch(() => undefined);
      }
    }
    // A report gone from under its sidecar is told once by reportDeleted (and is no news during a rename).
    if (outcome.status.kind === 'paused' && outcome.status.reason !== 'report-missing') this.showPause(entry, false);
    else entry.shownPause = undefined;
    if (outcome.changed) this.fire(entry);
  }

  /** One message per problem; `again` repeats it (the user just tried to tag). */
  private showPause(entry: Entry, again: boolean): void {
    const status = entry.session.status;
    if (status.kind !== 'paused') return;
    if (!again && entry.shownPause === status.message) return;
    entry.shownPause = status.message;
    const sidecarUri = sidecarUriFor(entry.document.uri);
    const actions: string[] = [];
    if (status.reason === 'conflict') actions.push(REPAIR_ACTION);
    if (status.reason === 'sidecar-deleted') actions.push(RECREATE_ACTION);
    if (status.reason !== 'sidecar-deleted') actions.push(OPEN_ACTION);
    const show = status.reason === 'read-only' || status.reason === 'sidecar-deleted' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    this.log.warn(status.message);
    void show(status.message, ...actions).then((choice) => {
      if (choice === OPEN_ACTION) void vscode.window.showTextDocument(sidecarUri);
      else if (choice === REPAIR_ACTION) void this.repair(entry.document);
      else if (choice === RECREATE_ACTION) void this.recreate(entry.document);
    });
  }

  /** Writes the union of both sides of a conflicted sidecar and reloads it. */
  async repair(document: vscode.TextDocument): Promise<void> {
    const entry = this.ensure(document);
    if (!entry) return;
    try {
      const outcome = await entry.session.repair(() => document.getText());
      this.loaded(entry, outcome, false);
      void vscode.window.showInformationMessage(`Repaired ${basename(document.uri.path)}${SIDECAR_SUFFIX}: the tags of both sides were kept (${entry.session.tags.length} in all).`);
    } catch (error) {
      void vscode.window.showErrorMessage(describeShort(error));
    }
  }

  private async recreate(document: vscode.TextDocument): Promise<void> {
    const entry = this.ensure(document);
    if (!entry) return;
    try {
      await this.run(entry, () => entry.session.recreate(() => document.getText()), 'save the tags again');
    } catch (error) {
      void vscode.window.showErrorMessage(describeShort(error));
    }
  }

  private sidecarChangedOnDisk(sidecarUri: vscode.Uri): void {
    for (const entry of this.entries.values()) {
      if (sidecarUriFor(entry.document.uri).toString() !== sidecarUri.toString()) continue;
      void entry.session.reload(() => entry.document.getText()).then(
        (outcome) => this.loaded(entry, outcome, false),
        (error: unknown) => this.log.error(`Could not re-read ${sidecarUri.toString(true)}: ${describe(error)}`),
      );
    }
  }

  private async renamed(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    for (const { oldUri, newUri } of files) {
      if (oldUri.path.endsWith(SIDECAR_SUFFIX)) continue;
      try {
        const stat = await vscode.workspace.fs.stat(newUri);
        // A renamed folder carries its sidecars with it; only a renamed file leaves its sidecar behind.
        if (stat.type & vscode.FileType.Directory) continue;
        const entry = this.entries.get(oldUri.toString());
        const { fs, store } = this.storeFor(oldUri);
        const moved = entry ? await entry.session.moveTo(fs.pathOf(newUri)) : await store.moveSidecar(fs.pathOf(oldUri), fs.pathOf(newUri));
        if (moved) {
          this.log.info(`Moved the tags of ${oldUri.toString(true)} to ${newUri.toString(true)}${SIDECAR_SUFFIX}`);
          // The renamed document (opened under its new name) reads its sidecar again.
          this.sidecarChangedOnDisk(sidecarUriFor(newUri));
        }
      } catch (error) {
        void vscode.window.showErrorMessage(`The tags of ${basename(oldUri.path)} did not follow it to ${basename(newUri.path)}: ${describeShort(error)}`);
      }
    }
  }

  private async reportDeleted(uri: vscode.Uri): Promise<void> {
    if (uri.path.endsWith(SIDECAR_SUFFIX) || this.renaming.has(uri.toString())) return;
    // The store's own lock and temp files come and go with every save.
    if (/\/\.[^/]*\.(lock|tmp)$/.test(uri.path)) return;
    // A rename made elsewhere (git mv, a terminal) shows as a deletion: wait for the sidecar to follow it, if it does.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (this.renaming.has(uri.toString())) return;
    const sidecarUri = sidecarUriFor(uri);
    const key = sidecarUri.toString();
    if (this.reportedDeletions.has(key)) return;
    try {
      await vscode.workspace.fs.stat(sidecarUri);
    } catch {
      return; // no sidecar left behind
    }
    try {
      await vscode.workspace.fs.stat(uri);
      return; // the report is back (a save that replaced the file)
    } catch {
      // gone
    }
    this.reportedDeletions.add(key);
    setTimeout(() => this.reportedDeletions.delete(key), 5000);
    const name = basename(sidecarUri.path);
    const message = `${basename(uri.path)} was deleted, but its tags file ${name} is still there. Restore the report, or move ${name} beside the report's new name, to keep its tags.`;
    this.log.warn(message);
    void vscode.window.showWarningMessage(message, 'Reveal Tags File').then((choice) => {
      if (choice) void vscode.commands.executeCommand('revealInExplorer', sidecarUri);
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function describeShort(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
