// Colours in the text: this report's grades by grade, earlier inspections' grades dimmed and italic
// (they are history, not findings), areas for improvement as highlighted lines with a mark in the
// overview ruler. Colours are theme colours (contributes.colors), so themes and users can change them.

import * as vscode from 'vscode';
import { DECORATION_STYLES, type DecorationStyle, planDecorations } from '../../core';
import type { ReportDocuments } from '../platform/reportDocuments';
import { toRange } from '../outline/documentSymbols';

function renderOptions(style: DecorationStyle): vscode.DecorationRenderOptions {
  switch (style) {
    case 'earlier-grade':
      return {
        color: new vscode.ThemeColor('inspectionReports.grade.earlier.foreground'),
        fontStyle: 'italic',
        textDecoration: 'underline dotted',
      };
    case 'improvement':
    case 'priority-improvement': {
      const id = style === 'improvement' ? 'improvement' : 'priorityImprovement';
      return {
        isWholeLine: true,
        backgroundColor: new vscode.ThemeColor(`inspectionReports.${id}.background`),
        overviewRulerColor: new vscode.ThemeColor(`inspectionReports.${id}.overviewRuler`),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      };
    }
    default: {
      const grade = style.slice('grade-'.length);
      const id = grade === 'requires-improvement' ? 'requiresImprovement' : grade;
      return {
        color: new vscode.ThemeColor(`inspectionReports.grade.${id}.foreground`),
        fontWeight: 'bold',
        overviewRulerColor: new vscode.ThemeColor(`inspectionReports.grade.${id}.foreground`),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
      };
    }
  }
}

export class JudgementDecorations implements vscode.Disposable {
  private readonly types = new Map<DecorationStyle, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly reports: ReportDocuments) {
    for (const style of DECORATION_STYLES) this.types.set(style, vscode.window.createTextEditorDecorationType(renderOptions(style)));
    this.disposables.push(
      reports.onDidChangeReport((change) => {
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === change.document) this.update(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.update(e))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('inspectionReports.decorations')) vscode.window.visibleTextEditors.forEach((ed) => this.update(ed));
      }),
    );
    vscode.window.visibleTextEditors.forEach((e) => this.update(e));
  }

  update(editor: vscode.TextEditor): void {
    const enabled = vscode.workspace.getConfiguration('inspectionReports', editor.document).get<boolean>('decorations.enabled', true);
    const state = enabled ? this.reports.get(editor.document) : undefined;
    const plan = state ? planDecorations(state.model, state.text) : undefined;
    for (const [style, type] of this.types) {
      editor.setDecorations(type, plan ? plan[style].map((r) => toRange(editor.document, r)) : []);
    }
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
