// Outline, breadcrumbs and Go to Symbol for reports: the pure symbol tree (core/outline.ts) turned into
// the editor's DocumentSymbols, ended by the drafts that cite the report, if any.

import * as vscode from 'vscode';
import { type CitedInGroup, OutlineBuilder, type OutlineSymbol, type OutlineSymbolKind, type Range } from '../../core';
import { REPORT_SELECTOR, type ReportDocuments } from '../platform/reportDocuments';

// Symbol kinds chosen for their icons: a section reads as a namespace/module, a grade as a constant
// value, an area for improvement as an event (stands out), a strength as an enum member (apart from the
// areas for improvement: it is never one), a paragraph as a plain string.
export const SYMBOL_KINDS: Record<OutlineSymbolKind, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Module,
  'judgement-section': vscode.SymbolKind.Class,
  judgement: vscode.SymbolKind.Constant,
  improvement: vscode.SymbolKind.Event,
  'priority-improvement': vscode.SymbolKind.Event,
  strength: vscode.SymbolKind.EnumMember,
  paragraph: vscode.SymbolKind.String,
};

/** How many documents answered "no symbols" are remembered (the ones that may become reports by a language change). */
const MAX_REMEMBERED_EMPTY = 500;

/** What ends a report's Outline besides its own structure: the drafts citing it (src/extension/drafts). */
export interface CitedInSource {
  /** Undefined, at once, when nothing cites the report: its symbols then cost what they did before. */
  citedInFor(document: vscode.TextDocument): Promise<CitedInGroup | undefined> | undefined;
  /** Fires when the drafts citing some report may have changed. */
  readonly onDidChange: vscode.Event<void>;
}

export function registerDocumentSymbols(reports: ReportDocuments, citedIn?: CitedInSource): vscode.Disposable {
  // One builder per open document: asked on every keystroke, it reuses the unchanged paragraphs' details.
  const builders = new WeakMap<vscode.TextDocument, OutlineBuilder>();
  const answeredEmpty = new Set<string>();
  const register = () => vscode.languages.registerDocumentSymbolProvider(
    REPORT_SELECTOR,
    {
      provideDocumentSymbols(document) {
        const state = reports.get(document);
        if (!state) return void rememberEmpty(answeredEmpty, document.uri.toString());
        const paragraphs = vscode.workspace.getConfiguration('inspectionReports', document).get<boolean>('outline.showParagraphs', true);
        let builder = builders.get(document);
        if (!builder) builders.set(document, (builder = new OutlineBuilder()));
        return withCitedIn(document, builder.build(state.model, state.text, { paragraphs }).map((s) => toDocumentSymbol(document, s)), citedIn);
      },
    },
    { label: 'Inspection report' },
  );
  return registeredAgainOn(register, citedIn?.onDidChange, becameReport(reports, answeredEmpty));
}

/**
 * Fires when a document this provider answered "no symbols" becomes a report. VS Code keeps that empty answer until
 * the text changes, and a language change is no text change: after "Open as Inspection Report" the web host was
 * asked while it still held the old plain-text document (a language change reaches it as a close and an open), and
 * the Outline stayed empty for good.
 */
function becameReport(reports: ReportDocuments, answeredEmpty: Set<string>): vscode.Event<void> {
  return (listener, thisArg, disposables) =>
    reports.onDidChangeReport(({ document, state }) => {
      if (state && answeredEmpty.delete(document.uri.toString())) listener.call(thisArg);
    }, undefined, disposables);
}

function rememberEmpty(set: Set<string>, uri: string): void {
  set.delete(uri);
  set.add(uri);
  // A Set iterates in insertion order: the first is the one answered longest ago.
  if (set.size > MAX_REMEMBERED_EMPTY) set.delete(set.values().next().value!);
}

/**
 * The API has no "symbols changed" event: registering the provider again is what makes the Outline, breadcrumbs
 * and VS Code's cached symbols (kept per document version) ask again when a draft, not the report, changed, or
 * when a document answered empty became a report.
 */
function registeredAgainOn(register: () => vscode.Disposable, ...changes: Array<vscode.Event<void> | undefined>): vscode.Disposable {
  let registration = register();
  const listeners = changes.map((changed) => changed?.(() => {
    registration.dispose();
    registration = register();
  }));
  return { dispose: () => (listeners.forEach((l) => l?.dispose()), registration.dispose()) };
}

/** The report's own symbols, then (when some draft cites it) the drafts citing it. */
function withCitedIn(document: vscode.TextDocument, symbols: vscode.DocumentSymbol[], citedIn: CitedInSource | undefined): vscode.DocumentSymbol[] | Promise<vscode.DocumentSymbol[]> {
  const cited = citedIn?.citedInFor(document);
  return cited ? cited.then((group) => (group ? [...symbols, citedInSymbol(document, group)] : symbols)) : symbols;
}

/** "Cited in 2 drafts", a draft per child with what its citations came to; on the first line, so it never hides a section. */
function citedInSymbol(document: vscode.TextDocument, group: CitedInGroup): vscode.DocumentSymbol {
  const firstLine = document.lineAt(0).range;
  const symbol = new vscode.DocumentSymbol(group.name, '', vscode.SymbolKind.Namespace, firstLine, firstLine);
  symbol.children = group.drafts.map((d) => new vscode.DocumentSymbol(d.name, d.detail, vscode.SymbolKind.File, firstLine, firstLine));
  return symbol;
}

function toDocumentSymbol(document: vscode.TextDocument, s: OutlineSymbol): vscode.DocumentSymbol {
  const range = toRange(document, s.range);
  let selection = toRange(document, s.selectionRange);
  if (!range.contains(selection)) selection = range;
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, SYMBOL_KINDS[s.kind], range, selection);
  symbol.children = s.children.map((c) => toDocumentSymbol(document, c));
  return symbol;
}

export function toRange(document: vscode.TextDocument, r: Range): vscode.Range {
  return new vscode.Range(document.positionAt(r.start), document.positionAt(r.end));
}
