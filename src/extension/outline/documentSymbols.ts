// Outline, breadcrumbs and Go to Symbol for reports: the pure symbol tree (core/outline.ts) turned into
// the editor's DocumentSymbols.

import * as vscode from 'vscode';
import { OutlineBuilder, type OutlineSymbol, type OutlineSymbolKind, type Range } from '../../core';
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

export function registerDocumentSymbols(reports: ReportDocuments): vscode.Disposable {
  // One builder per open document: asked on every keystroke, it reuses the unchanged paragraphs' details.
  const builders = new WeakMap<vscode.TextDocument, OutlineBuilder>();
  return vscode.languages.registerDocumentSymbolProvider(
    REPORT_SELECTOR,
    {
      provideDocumentSymbols(document) {
        const state = reports.get(document);
        if (!state) return undefined;
        const paragraphs = vscode.workspace.getConfiguration('inspectionReports', document).get<boolean>('outline.showParagraphs', true);
        let builder = builders.get(document);
        if (!builder) builders.set(document, (builder = new OutlineBuilder()));
        return builder.build(state.model, state.text, { paragraphs }).map((s) => toDocumentSymbol(document, s));
      },
    },
    { label: 'Inspection report' },
  );
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
