// Citations in Markdown drafts (docs/citations.md): each open Markdown document with citations is checked by the
// core's checker, again when it changes, when a report it cites changes (in an editor or on disk) and when that
// report's tags file changes; the outcome is shown as diagnostics and kept for the links, hover and quick fixes.

import * as vscode from 'vscode';
import { type CitationCheck, checkCitations, citedReportPath, parseCitations, SIDECAR_SUFFIX } from '../../core';
import { editorSources } from './editorSources';

const RECHECK_DELAY_MS = 300;
export const CITATION_DIAGNOSTIC_SOURCE = 'Inspection Reports citations';

export interface CheckedDraft {
  version: number;
  text: string;
  checks: CitationCheck[];
  /** Paths (core syntax) of the reports cited, and of their tags files. */
  watched: Set<string>;
}

export class DraftCitations implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('inspection-report-citations');
  private readonly checked = new Map<string, CheckedDraft>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onFile = (uri: vscode.Uri) => this.recheckCiting(uri);
    this.disposables.push(
      this.diagnostics,
      watcher,
      watcher.onDidChange(onFile),
      watcher.onDidCreate(onFile),
      watcher.onDidDelete(onFile),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.schedule(e.document, RECHECK_DELAY_MS);
        this.recheckCiting(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The last check of a draft, when it is current with the document's version. */
  current(document: vscode.TextDocument): CheckedDraft | undefined {
    const checked = this.checked.get(document.uri.toString());
    return checked && checked.version === document.version ? checked : undefined;
  }

  /** Checks the draft now (or waits for the check under way) and returns the outcome. */
  async checkedNow(document: vscode.TextDocument): Promise<CheckedDraft | undefined> {
    const key = document.uri.toString();
    await this.running.get(key);
    if (!this.current(document)) await this.check(document);
    return this.current(document);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.languageId !== 'markdown') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.check(document), delay));
  }

  /** A report or tags file changed: the drafts citing it are checked again. */
  private recheckCiting(uri: vscode.Uri): void {
    // Called on every keystroke in any document: nothing to do unless some open draft cites something.
    if (![...this.checked.values()].some((c) => c.watched.size > 0)) return;
    const { fs } = editorSources(uri);
    const path = fs.pathOf(uri);
    for (const document of vscode.workspace.textDocuments) {
      if (this.checked.get(document.uri.toString())?.watched.has(path)) {
        this.checked.delete(document.uri.toString());
        this.schedule(document, RECHECK_DELAY_MS);
      }
    }
  }

  private check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const run = (async () => {
      await this.running.get(key);
      const version = document.version;
      const text = document.getText();
      const { sources, fs } = editorSources(document.uri);
      const draftPath = fs.pathOf(document.uri);
      // Most Markdown files cite nothing: no `#tag=`, no parse.
      const citations = text.includes('#tag=') ? parseCitations(text) : [];
      const watched = new Set<string>();
      for (const c of citations) {
        const report = citedReportPath(draftPath, c.reportPath);
        watched.add(report).add(report + SIDECAR_SUFFIX);
      }
      const checks = citations.length === 0 ? [] : await checkCitations(citations, draftPath, sources);
      if (document.isClosed || document.version !== version) return;
      this.checked.set(key, { version, text, checks, watched });
      this.diagnostics.set(document.uri, checks.filter((c) => c.status !== 'ok').map((c) => diagnosticFor(document, c)));
    })().catch((error: unknown) => this.log.error(`Checking the citations of ${document.uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`));
    this.running.set(key, run);
    return run;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.checked.delete(key);
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}

function diagnosticFor(document: vscode.TextDocument, check: CitationCheck): vscode.Diagnostic {
  // A misquote is the quote's fault; everything else is the link's.
  const range = check.status === 'misquote' && check.citation.quote ? check.citation.quote.range : check.citation.range;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(document.positionAt(range.start), document.positionAt(range.end)), check.message, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = CITATION_DIAGNOSTIC_SOURCE;
  diagnostic.code = check.status;
  return diagnostic;
}
