// Code actions at the cursor: tag the area for improvement, the strength, the numbered paragraph or the judgement section
// it is in, in one action, without selecting anything.

import * as vscode from 'vscode';
import { tagTargetsAt } from '../../core';
import { REPORT_SELECTOR, type ReportDocuments } from '../platform/reportDocuments';
import { TAG_TARGET_COMMANDS, type TagTargetArgs } from './tagCommands';

export const TAG_ACTION_KIND = vscode.CodeActionKind.Refactor.append('inspection').append('tag');

const TITLES = {
  improvement: (name: string) => `Tag this ${name}…`,
  strength: (name: string) => `Tag this ${name}…`,
  paragraph: (name: string) => `Tag ${name.replace(/^paragraph/, 'this paragraph (¶')})…`,
  'judgement-section': () => 'Tag this judgement section…',
} as const;

export function registerTagCodeActions(reports: ReportDocuments): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    REPORT_SELECTOR,
    {
      provideCodeActions(document, range, context) {
        if (context.only && !context.only.contains(TAG_ACTION_KIND) && !TAG_ACTION_KIND.contains(context.only)) return undefined;
        const state = reports.get(document);
        if (!state) return undefined;
        const offset = document.offsetAt(range.start);
        return tagTargetsAt(state.model, state.text, offset).map((target) => {
          const action = new vscode.CodeAction(TITLES[target.kind](target.name), TAG_ACTION_KIND);
          const args: TagTargetArgs = { reportUri: document.uri.toString(), offset };
          action.command = { command: TAG_TARGET_COMMANDS[target.kind], title: action.title, arguments: [args] };
          return action;
        });
      },
    },
    { providedCodeActionKinds: [TAG_ACTION_KIND] },
  );
}
