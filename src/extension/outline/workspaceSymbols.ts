// Go to Symbol in Workspace across the reports that are open (sections, judgements, areas for
// improvement). Only open documents: searching unopened files would mean reading the whole workspace.

import * as vscode from 'vscode';
import { buildOutline, findSymbols } from '../../core';
import type { ReportDocuments } from '../platform/reportDocuments';
import { SYMBOL_KINDS, toRange } from './documentSymbols';

export function registerWorkspaceSymbols(reports: ReportDocuments): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    provideWorkspaceSymbols(query) {
      const out: vscode.SymbolInformation[] = [];
      for (const state of reports.openReports()) {
        const tree = buildOutline(state.model, state.text, { paragraphs: false });
        const file = state.document.uri.path.split('/').pop() ?? '';
        for (const { symbol, container } of findSymbols(tree, query)) {
          const location = new vscode.Location(state.document.uri, toRange(state.document, symbol.selectionRange));
          out.push(new vscode.SymbolInformation(symbol.name, SYMBOL_KINDS[symbol.kind], container || file, location));
        }
      }
      return out;
    },
  });
}
