// The one place that decides which open documents are reports and keeps their analysis current.
// Every feature (outline, folding, decorations, hover, navigation, tagging) asks this service, so a
// document is analysed once per version however many features look at it.

import { basename } from 'node:path';
import * as vscode from 'vscode';
import { analyseReport, analysisSizeVerdict, detectionSample, isReportDocument, REPORT_LANGUAGE, ReportAnalyser, type ReportModel } from '../../core';

/** A report document's analysis for one version of its text. Offsets in `model` index into `text`. */
export interface ReportState {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly text: string;
  readonly model: ReportModel;
}

export interface ReportChange {
  readonly document: vscode.TextDocument;
  /** Undefined when the document stopped being a report (closed, language changed, detection off). */
  readonly state: ReportState | undefined;
}

/** Languages whose documents the features listen to; detection then decides document by document. */
export const REPORT_SELECTOR: vscode.DocumentSelector = [{ language: REPORT_LANGUAGE }, { language: 'plaintext' }, { language: 'markdown' }];

/** Re-analysis after typing waits this long for a pause, so decorations do not flicker on every key. */
const CHANGE_DELAY_MS = 250;

const IGNORED_SCHEMES = new Set(['output', 'debug', 'vscode-terminal']);

interface Entry {
  languageId: string;
  /** Version the detection verdict was made for. */
  detectedVersion: number;
  isReport: boolean;
  analyser?: ReportAnalyser;
  state?: ReportState;
  timer?: ReturnType<typeof setTimeout>;
  /** Why a report is not analysed (too large), for the status bar; undefined when it is. */
  skipped?: string;
}

export class ReportDocuments implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<ReportChange>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires when a document becomes a report, its analysis changes (after a pause in typing), or it stops being one. */
  readonly onDidChangeReport = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('inspectionReports.autoDetect') && !e.affectsConfiguration('inspectionReports.analysis.maxSizeMB')) return;
        for (const d of vscode.workspace.textDocuments) this.refresh(d, true);
      }),
    );
    // Documents already open when the extension starts (only those: nothing unopened is read).
    for (const d of vscode.workspace.textDocuments) this.refresh(d);
  }

  /** True when the document is a report (its current text; detection is cached per version). */
  isReport(document: vscode.TextDocument): boolean {
    return this.entryFor(document).isReport;
  }

  /** The up-to-date analysis of a report document, or undefined for any other document. */
  get(document: vscode.TextDocument): ReportState | undefined {
    const entry = this.entryFor(document);
    if (!entry.isReport) return undefined;
    if (entry.state?.version === document.version) return entry.state;
    return this.analyse(document, entry);
  }

  /** Why a document recognised as a report is not analysed (it is over the size limit), or undefined. */
  skippedReason(document: vscode.TextDocument): string | undefined {
    const entry = this.entries.get(key(document));
    return entry?.isReport ? entry.skipped : undefined;
  }

  /** Every open document that is a report. */
  openReports(): ReportState[] {
    return vscode.workspace.textDocuments.map((d) => this.get(d)).filter((s): s is ReportState => s !== undefined);
  }

  dispose(): void {
    for (const e of this.entries.values()) if (e.timer) clearTimeout(e.timer);
    this.entries.clear();
    for (const d of this.disposables) d.dispose();
  }

  private entryFor(document: vscode.TextDocument): Entry {
    const k = key(document);
    let entry = this.entries.get(k);
    if (!entry || entry.detectedVersion !== document.version || entry.languageId !== document.languageId) {
      const isReport = this.detect(document);
      if (!entry || entry.languageId !== document.languageId) {
        entry = { languageId: document.languageId, detectedVersion: document.version, isReport };
        this.entries.set(k, entry);
      } else {
        entry.detectedVersion = document.version;
        entry.isReport = isReport;
      }
      if (!isReport) {
        entry.state = undefined;
        entry.analyser = undefined;
      }
    }
    return entry;
  }

  private detect(document: vscode.TextDocument): boolean {
    // Output panes are plain text that changes all the time; they are never reports.
    if (IGNORED_SCHEMES.has(document.uri.scheme)) return false;
    // Read per document: the setting may differ between workspace folders.
    const autoDetect = vscode.workspace.getConfiguration('inspectionReports', document).get<boolean>('autoDetect', true);
    return isReportDocument(document.languageId, autoDetect, () => {
      try {
        return analyseReport(detectionSample(document.getText()), { markdown: document.languageId === 'markdown' }).kind;
      } catch (err) {
        this.log.error(`Could not recognise ${document.uri.toString(true)}: ${describe(err)}`);
        return 'unknown';
      }
    });
  }

  private analyse(document: vscode.TextDocument, entry: Entry): ReportState | undefined {
    const limit = vscode.workspace.getConfiguration('inspectionReports', document).get<number>('analysis.maxSizeMB');
    const verdict = analysisSizeVerdict(document.getText().length, limit, basename(document.uri.path));
    if (!verdict.analyse) {
      // Bounded: a huge document is never analysed (nor kept), so typing in it costs nothing here.
      if (entry.skipped === undefined) this.log.warn(verdict.message);
      entry.skipped = verdict.message;
      entry.state = undefined;
      entry.analyser = undefined;
      return undefined;
    }
    entry.skipped = undefined;
    const text = document.getText();
    try {
      const started = Date.now();
      entry.analyser ??= new ReportAnalyser({ markdown: document.languageId === 'markdown' });
      const model = entry.analyser.analyse(text);
      entry.state = { document, version: document.version, text, model };
      this.log.trace(`Analysed ${document.uri.toString(true)} v${document.version} in ${Date.now() - started} ms: ${model.kind}`);
      return entry.state;
    } catch (err) {
      // A failed analysis must not take the editor down with it: say so, and offer nothing stale.
      this.log.error(`Could not analyse ${document.uri.toString(true)}: ${describe(err)}`);
      entry.state = undefined;
      entry.analyser = undefined;
      return undefined;
    }
  }

  private refresh(document: vscode.TextDocument, force = false): void {
    const k = key(document);
    const before = this.entries.get(k);
    const wasReport = before?.isReport ?? false;
    if (force) {
      if (before?.timer) clearTimeout(before.timer);
      this.entries.delete(k);
    }
    const state = this.get(document);
    if (state || wasReport) this.changed.fire({ document, state });
  }

  private schedule(document: vscode.TextDocument): void {
    const entry = this.entries.get(key(document)) ?? this.entryFor(document);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!document.isClosed) this.refresh(document);
    }, CHANGE_DELAY_MS);
  }

  private forget(document: vscode.TextDocument): void {
    const k = key(document);
    const entry = this.entries.get(k);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.entries.delete(k);
    if (entry.isReport) this.changed.fire({ document, state: undefined });
  }
}

function key(document: vscode.TextDocument): string {
  return document.uri.toString();
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
