// Folding: one region per report section (core/navigation/folding.ts), so a long report collapses to its headings.

import * as vscode from 'vscode';
import { foldingRegions } from '../../core';
import { REPORT_SELECTOR, type ReportDocuments } from '../platform/reportDocuments';

export function registerFoldingRanges(reports: ReportDocuments): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(REPORT_SELECTOR, {
    provideFoldingRanges(document) {
      const state = reports.get(document);
      if (!state) return undefined;
      return foldingRegions(state.model, state.text).map((r) => new vscode.FoldingRange(r.start, r.end, vscode.FoldingRangeKind.Region));
    },
  });
}
