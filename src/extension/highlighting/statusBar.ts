// The status bar names the kind of report recognised in the active editor (and its authority); a
// click focuses the Outline. The same place sets the context key the commands and menus use.

import * as vscode from 'vscode';
import { summariseReport } from '../../core';
import type { ReportDocuments } from '../platform/reportDocuments';

/** Context key: true while the active editor shows a report. Used in `when` clauses of the manifest. */
export const IS_REPORT_CONTEXT = 'inspectionReports.isReport';

export class ReportStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('inspectionReports.kind', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private lastContext: boolean | undefined;

  constructor(private readonly reports: ReportDocuments) {
    this.item.name = 'Inspection report kind';
    this.item.command = { command: 'inspectionReports.showOutline', title: 'Show report outline' };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      reports.onDidChangeReport((change) => {
        if (change.document === vscode.window.activeTextEditor?.document) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const state = document ? this.reports.get(document) : undefined;
    const isReport = state !== undefined;
    if (isReport !== this.lastContext) {
      this.lastContext = isReport;
      void vscode.commands.executeCommand('setContext', IS_REPORT_CONTEXT, isReport);
    }
    const skipped = document && !state ? this.reports.skippedReason(document) : undefined;
    if (skipped) {
      // A report too large to analyse: say so where the report kind would be, rather than stay silent.
      this.item.text = '$(warning) Report not analysed';
      this.item.tooltip = skipped;
      this.item.accessibilityInformation = { label: skipped };
      this.item.command = { command: 'workbench.action.openSettings', title: 'Open the size limit setting', arguments: ['inspectionReports.analysis.maxSizeMB'] };
      this.item.show();
      return;
    }
    this.item.command = { command: 'inspectionReports.showOutline', title: 'Show report outline' };
    if (!state) {
      this.item.hide();
      return;
    }
    const summary = summariseReport(state.model);
    this.item.text = `$(law) ${escapeIcons(summary.short)}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendText(summary.details.join('\n'));
    tooltip.appendMarkdown('\n\nClick to show the report outline.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: summary.short };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Report text must not turn into icons: "$(" starts one in status bar text. */
function escapeIcons(s: string): string {
  return s.replace(/\$\(/g, '\\$(');
}
