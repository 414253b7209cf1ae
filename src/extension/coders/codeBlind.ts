// Coding blind (setting `inspectionReports.moderation.codeBlind`, command "Toggle Code Blind"): while on, the
// editor's tag highlights and hovers and the Tags view show only the current coder's tags, and tag suggestions
// are hidden, so a second coding is made without seeing the first. A status bar item says it is on.

import * as vscode from 'vscode';
import { tagsVisibleWhileCoding } from '../../core';
import { currentCoder, detectCoder } from './coderIdentity';

export const CODE_BLIND_SETTING = 'moderation.codeBlind';
export const TOGGLE_CODE_BLIND_COMMAND = 'inspectionReports.toggleCodeBlind';

const changed = new vscode.EventEmitter<void>();
/** Fires when coding blind is turned on or off, or the coder's name changes. */
export const onDidChangeCodeBlind = changed.event;

export function isCodingBlind(): boolean {
  return vscode.workspace.getConfiguration('inspectionReports').get<boolean>(CODE_BLIND_SETTING, false);
}

/** The tags to show: while coding blind, only the current coder's. */
export function visibleWhileCoding<T extends { author?: string }>(tags: readonly T[], scope?: vscode.ConfigurationScope): readonly T[] {
  const blind = isCodingBlind();
  return blind ? tagsVisibleWhileCoding(tags, { blind, coder: currentCoder(scope)?.name }) : tags;
}

/** The toggle command and status item; also looks up the coder's name (git, OS) and redraws once it is known. */
export function registerCodeBlind(log: vscode.LogOutputChannel): vscode.Disposable[] {
  const status = vscode.window.createStatusBarItem('inspectionReports.codeBlind', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Code Blind';
  status.command = TOGGLE_CODE_BLIND_COMMAND;
  const show = () => {
    if (!isCodingBlind()) {
      status.hide();
      return;
    }
    const coder = currentCoder()?.name;
    status.text = `$(eye-closed) Coding blind${coder ? ` as ${coder}` : ''}`;
    status.tooltip = `Other coders' tags and tag suggestions are hidden while you code${coder ? ` as ${coder}` : ' (no coder name is set: only tags without an author show)'}. Click to show them again.`;
    status.show();
  };
  show();
  void detectCoder(log).then(() => {
    show();
    if (isCodingBlind()) changed.fire();
  });
  return [
    status,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`inspectionReports.${CODE_BLIND_SETTING}`) || e.affectsConfiguration('inspectionReports.tagging.author')) {
        show();
        changed.fire();
      }
    }),
    vscode.commands.registerCommand(TOGGLE_CODE_BLIND_COMMAND, async () => {
      const on = !isCodingBlind();
      // In the user's own settings: coding blind is one coder's choice, and no .vscode folder appears among shared reports.
      await vscode.workspace.getConfiguration('inspectionReports').update(CODE_BLIND_SETTING, on, vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(on ? "Coding blind: other coders' tags and tag suggestions are hidden until you turn it off." : "Coding blind is off: every coder's tags show again.");
    }),
  ];
}
