// Following a disagreement from the Moderation view: the report opens with the passage selected and outlined in
// the colour of its theme's kappa band (theme-able: inspectionReports.moderation.kappa*), until the next one.

import * as vscode from 'vscode';
import type { KappaBand } from '../../core';

const BAND_COLOURS: Record<Exclude<KappaBand, 'none'>, vscode.ThemeColor> = {
  low: new vscode.ThemeColor('inspectionReports.moderation.kappaLow'),
  fair: new vscode.ThemeColor('inspectionReports.moderation.kappaFair'),
  high: new vscode.ThemeColor('inspectionReports.moderation.kappaHigh'),
};

export class DisagreementHighlight implements vscode.Disposable {
  private readonly types = new Map<KappaBand, vscode.TextEditorDecorationType>();

  private typeFor(band: KappaBand): vscode.TextEditorDecorationType {
    let type = this.types.get(band);
    if (!type) {
      const colour = band === 'none' ? new vscode.ThemeColor('editor.findMatchBorder') : BAND_COLOURS[band];
      type = vscode.window.createTextEditorDecorationType({ border: '2px solid', borderColor: colour, overviewRulerColor: colour });
      this.types.set(band, type);
    }
    return type;
  }

  /** Opens the report with the passage selected and outlined; returns the editor. */
  async follow(uri: vscode.Uri, start: number, end: number, band: KappaBand): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
    const editor = await vscode.window.showTextDocument(document, { selection: range, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    for (const type of this.types.values()) for (const e of vscode.window.visibleTextEditors) e.setDecorations(type, []);
    editor.setDecorations(this.typeFor(band), [range]);
    return editor;
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }
}
