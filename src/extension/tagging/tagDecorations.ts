// Tagged passages in the text: each theme's passages in the theme's colour, as a light wash with a coloured
// underline (legible on light and dark themes), a gutter mark and a mark in the overview ruler. Overlapping tags
// each show; orphaned tags have no passage to show.

import * as vscode from 'vscode';
import { planTagDecorations, type ThemeDecoration, withAlpha } from '../../core';
import type { SidecarService } from './sidecarService';
import type { TagCodebook } from '../codebook/tagCodebook';
import { onDidChangeCodeBlind, visibleWhileCoding } from '../coders/codeBlind';

export class TagDecorations implements vscode.Disposable {
  /** One decoration type per colour: themes sharing a colour share a type. */
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly applied = new Map<string, ThemeDecoration[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly tags: SidecarService,
    private readonly codebooks: TagCodebook,
  ) {
    this.disposables.push(
      tags.onDidChangeTags((e) => {
        for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === e.uri.toString()) void this.update(editor);
        if (e.status === undefined) this.applied.delete(e.uri.toString());
      }),
      codebooks.onDidChange(() => vscode.window.visibleTextEditors.forEach((e) => void this.update(e))),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => void this.update(e))),
      onDidChangeCodeBlind(() => vscode.window.visibleTextEditors.forEach((e) => void this.update(e))),
    );
    vscode.window.visibleTextEditors.forEach((e) => void this.update(e));
  }

  /** What is shown for a report now (for the test query command and the side views). */
  appliedFor(uri: vscode.Uri | string): readonly ThemeDecoration[] {
    return this.applied.get(uri.toString()) ?? [];
  }

  async update(editor: vscode.TextEditor): Promise<void> {
    const document = editor.document;
    const tags = this.tags.tagsFor(document.uri);
    if (tags === undefined && !this.applied.has(document.uri.toString())) return;
    const codebook = await this.codebooks.codebookFor(document.uri);
    // Tags may have changed while the codebook was read: take them now.
    // While coding blind, only the coder's own tags.
    const now = visibleWhileCoding(this.tags.tagsFor(document.uri) ?? [], document.uri);
    const plan = planTagDecorations(now, codebook, document.getText().length);
    const byColour = new Map<string, vscode.Range[]>();
    for (const theme of plan) {
      const ranges = byColour.get(theme.colour) ?? [];
      for (const r of theme.ranges) ranges.push(new vscode.Range(document.positionAt(r.start), document.positionAt(r.end)));
      byColour.set(theme.colour, ranges);
    }
    for (const colour of byColour.keys()) if (!this.types.has(colour)) this.types.set(colour, createType(colour));
    for (const [colour, type] of this.types) editor.setDecorations(type, byColour.get(colour) ?? []);
    if (plan.length > 0 || this.tags.tagsFor(document.uri) !== undefined) this.applied.set(document.uri.toString(), plan);
    else this.applied.delete(document.uri.toString());
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function createType(colour: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    borderStyle: 'solid',
    borderColor: colour,
    borderWidth: '0 0 2px 0',
    overviewRulerColor: colour,
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    gutterIconPath: gutterMark(colour),
    gutterIconSize: 'contain',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    // A stronger wash on dark backgrounds, where a light one disappears.
    light: { backgroundColor: withAlpha(colour, 0.18) },
    dark: { backgroundColor: withAlpha(colour, 0.26) },
  });
}

/** A small bar in the theme's colour, as an SVG data URI. */
function gutterMark(colour: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect x="5" y="1" width="4" height="14" rx="1" fill="${colour}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`);
}
