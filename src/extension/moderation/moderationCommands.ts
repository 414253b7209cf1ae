// The Moderation feature wired together: the "Open Moderation" command and a query of what the view drew
// (for the API activate() returns, so tests act through the view as a user would).

import * as vscode from 'vscode';
import type { AgreementUnit, SettleDecision } from '../../core';
import { workspaceFolderUris } from '../evidence/evidencePanel';
import { registerCodeBlind } from '../coders/codeBlind';
import { type ModerationHost, ModerationPanel, type ModerationRenderedState } from './moderationPanel';

export const OPEN_MODERATION_COMMAND = 'inspectionReports.openModeration';
export const UNDO_SETTLEMENT_COMMAND = 'inspectionReports.undoSettlement';

/** What to do through the open Moderation view before reading what it drew; at most one is acted on. */
export interface ModerationStateRequest {
  /** Choose these coders (and units) in the view's controls. */
  choose?: { coderA?: string; coderB?: string; unit?: AgreementUnit };
  /** Press this disagreement's "open" button; resolves once the report is shown. */
  press?: number;
  /** Press this disagreement's settle button; resolves once the settlement is written and the view redrawn. */
  settle?: { index: number; decision: SettleDecision };
  /** Press "Undo last settlement"; resolves once it is undone and the view redrawn. */
  undo?: boolean;
}

export function registerModeration(host: ModerationHost): vscode.Disposable[] {
  return [
    ...registerCodeBlind(host.log),
    vscode.commands.registerCommand(OPEN_MODERATION_COMMAND, (args?: unknown) => {
      const folders = folderArgs(args) ?? workspaceFolderUris();
      if (folders.length === 0) {
        void vscode.window.showErrorMessage('Open a folder of inspection reports first: the Moderation view compares the coders of the workspace folders\' reports.');
        return;
      }
      ModerationPanel.show(host, folders);
    }),
    vscode.commands.registerCommand(UNDO_SETTLEMENT_COMMAND, async () => {
      const panel = ModerationPanel.open;
      if (!panel) {
        void vscode.window.showInformationMessage('There is no settlement to undo: settlements are made, and undone, in the Moderation view.');
        return;
      }
      await panel.undo();
    }),
  ];
}

/** Folders from the Explorer's context menu (a URI) or from code ({ folders }); undefined for the workspace's. */
function folderArgs(args: unknown): vscode.Uri[] | undefined {
  if (args instanceof vscode.Uri) return [args];
  const list = (args as { folders?: unknown } | undefined)?.folders;
  if (Array.isArray(list)) return list.map((f) => (typeof f === 'string' ? vscode.Uri.file(f) : (f as vscode.Uri)));
  return undefined;
}

/** Acts on the open Moderation view as `request` says, then returns what it drew; undefined when none is open. */
export async function moderationState(request: ModerationStateRequest = {}): Promise<ModerationRenderedState | undefined> {
  const panel = ModerationPanel.open;
  if (!panel) return undefined;
  await panel.settled();
  if (request.choose) {
    const wanted = request.choose;
    const next = panel.renderedState((s) => (!wanted.coderA || s.coderA === wanted.coderA) && (!wanted.coderB || s.coderB === wanted.coderB) && (!wanted.unit || s.unit === wanted.unit));
    panel.choose(wanted);
    return next;
  }
  if (request.settle) return panel.pressSettle(request.settle);
  if (request.undo) return panel.pressSettle('undo');
  if (request.press !== undefined) {
    const shown = panel.nextFollow();
    panel.press(request.press);
    await shown;
  }
  return panel.renderedState();
}
