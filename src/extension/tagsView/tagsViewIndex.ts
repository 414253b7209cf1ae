// Every sidecar (`*.tags.json`) in the workspace, read with the core parser, whether or not its report
// is open: the Tags view lists all tagged reports. Found with workspace.findFiles and kept current by
// a file watcher; a report's passages are looked up in its current text (the editor's, if open) so
// that tags whose words are gone show as orphaned.

import * as vscode from 'vscode';
import { type IndexedSidecar, needsReanchoring, parseSidecar, reanchorTags, SIDECAR_SUFFIX } from '../../core';
import { sidecarUriFor } from '../tagging/sidecarService';

const SIDECAR_GLOB = `**/*${SIDECAR_SUFFIX}`;
/** Watcher events come in bursts (git checkout, a save writing a temp file then renaming): wait for quiet. */
const SETTLE_MS = 150;
/** Files read at once while scanning. */
const PARALLEL_READS = 16;

export class WorkspaceTagIndex implements vscode.Disposable {
  private readonly entries = new Map<string, IndexedSidecar>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private work: Promise<void> = Promise.resolve();

  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(SIDECAR_GLOB);
    const touched = (uri: vscode.Uri) => this.schedule(uri);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(touched),
      watcher.onDidChange(touched),
      watcher.onDidDelete(touched),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      // A report's text decides which tags are orphaned: look again when it is saved, opened or closed.
      vscode.workspace.onDidSaveTextDocument((d) => this.reportTouched(d.uri)),
      vscode.workspace.onDidOpenTextDocument((d) => this.reportTouched(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.reportTouched(d.uri)),
    );
    void this.rescan();
  }

  /** Sidecars in a stable order (by report path). */
  all(): IndexedSidecar[] {
    return [...this.entries.values()].sort((a, b) => a.reportPath.localeCompare(b.reportPath));
  }

  forReport(reportUri: vscode.Uri): IndexedSidecar | undefined {
    return this.entries.get(sidecarUriFor(reportUri).toString());
  }

  /** Resolves when every scan and re-read asked for so far has finished. */
  async ready(): Promise<void> {
    while (this.timer !== undefined || this.pending.size > 0) {
      await new Promise((r) => setTimeout(r, SETTLE_MS / 2));
    }
    await this.work;
  }

  /** Reads every sidecar again (the view's Refresh button). */
  rescan(): Promise<void> {
    this.work = this.work.then(() => this.scan()).catch((err: unknown) => this.log.error(`Could not list the tags files of the workspace: ${String(err)}`));
    return this.work;
  }

  /** Re-reads one sidecar now (after this extension wrote it), without waiting for the watcher. */
  refreshSidecar(sidecarUri: vscode.Uri): Promise<void> {
    this.work = this.work.then(async () => {
      await this.readInto(sidecarUri);
      this.changed.fire();
    });
    return this.work;
  }

  private reportTouched(uri: vscode.Uri): void {
    const sidecar = sidecarUriFor(uri);
    if (this.entries.has(sidecar.toString())) this.schedule(sidecar);
  }

  private schedule(sidecarUri: vscode.Uri): void {
    this.pending.add(sidecarUri.toString());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.pending].map((u) => vscode.Uri.parse(u));
      this.pending.clear();
      this.work = this.work.then(async () => {
        await inBatches(uris, (u) => this.readInto(u));
        this.changed.fire();
      }).catch((err: unknown) => this.log.error(`Could not re-read tags files: ${String(err)}`));
    }, SETTLE_MS);
  }

  private async scan(): Promise<void> {
    const started = Date.now();
    const found = (vscode.workspace.workspaceFolders?.length ?? 0) === 0 ? [] : await vscode.workspace.findFiles(SIDECAR_GLOB);
    const keep = new Set(found.map((u) => u.toString()));
    for (const key of [...this.entries.keys()]) if (!keep.has(key)) this.entries.delete(key);
    await inBatches(found, (u) => this.readInto(u));
    this.log.trace(`Tags view: read ${found.length} tags file(s) in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  private async readInto(sidecarUri: vscode.Uri): Promise<void> {
    const key = sidecarUri.toString();
    try {
      const entry = await readSidecarEntry(sidecarUri);
      if (entry) this.entries.set(key, entry);
      else this.entries.delete(key);
    } catch (err) {
      // One unreadable file costs only itself: it is listed under Problems with the reason.
      const reportUri = reportUriFor(sidecarUri);
      const reportName = reportUri.path.slice(reportUri.path.lastIndexOf('/') + 1);
      this.entries.set(key, {
        sidecarUri: key, reportUri: reportUri.toString(), reportName, reportPath: vscode.workspace.asRelativePath(reportUri),
        status: 'invalid', message: `${reportName}${SIDECAR_SUFFIX} could not be read: ${err instanceof Error ? err.message : String(err)}`, lostTagIds: new Set(),
      });
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export function reportUriFor(sidecarUri: vscode.Uri): vscode.Uri {
  return sidecarUri.with({ path: sidecarUri.path.slice(0, -SIDECAR_SUFFIX.length) });
}

/** undefined when the sidecar no longer exists. */
async function readSidecarEntry(sidecarUri: vscode.Uri): Promise<IndexedSidecar | undefined> {
  const text = await readText(sidecarUri);
  if (text === undefined) return undefined;
  const reportUri = reportUriFor(sidecarUri);
  const fileName = sidecarUri.path.slice(sidecarUri.path.lastIndexOf('/') + 1);
  const reportName = fileName.slice(0, -SIDECAR_SUFFIX.length);
  const base = { sidecarUri: sidecarUri.toString(), reportUri: reportUri.toString(), reportName, reportPath: vscode.workspace.asRelativePath(reportUri), lostTagIds: new Set<string>() };
  const parsed = parseSidecar(text, fileName);
  if (!parsed.ok) return { ...base, status: 'invalid', message: parsed.error.message };
  const reportText = await currentText(reportUri);
  if (reportText === undefined) {
    return { ...base, status: 'report-missing', sidecar: parsed.sidecar, message: `${fileName} has tags for ${reportName}, which is not there. Restore or rename the report back, or move ${fileName} beside its renamed report.` };
  }
  // The same test the editor makes when the report is opened: unchanged text with every tag on its words keeps
  // every tag; otherwise each tag is looked for again, and one not found is orphaned (whether or not the file says so yet).
  const lost = new Set<string>();
  if (needsReanchoring(parsed.sidecar, reportText)) {
    const live = parsed.sidecar.tags.filter((t) => !t.orphaned);
    reanchorTags(live, reportText).results.forEach((r) => {
      if (r.status === 'orphaned') lost.add(r.id);
    });
  }
  return {
    ...base,
    status: parsed.readOnly ? 'read-only' : 'ok',
    sidecar: parsed.sidecar,
    ...(parsed.readOnly ? { message: parsed.warnings[0] } : {}),
    lostTagIds: lost,
  };
}

/** The report's text as the user sees it: the open editor's, or the file's. */
async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : readText(uri);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && (err.code === 'FileNotFound' || err.code === 'FileIsADirectory')) return undefined;
    // Some file system providers throw plain errors; treat "not there" alike.
    if (/ENOENT|not found|nonexistent/i.test(String(err))) return undefined;
    throw err;
  }
}

async function inBatches<T>(items: readonly T[], f: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL_READS) await Promise.all(items.slice(i, i + PARALLEL_READS).map(f));
}
