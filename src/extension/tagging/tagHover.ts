// Hover over a tagged passage: the tags there (themes, note, author, date) with links to edit or remove them.
// Trusted for the two tag commands only; every word from the report or the user is escaped.

import * as vscode from 'vscode';
import { TAG_HOVER_COMMANDS, tagHoverMarkdown, tagsAt } from '../../core';
import { REPORT_SELECTOR } from '../platform/reportDocuments';
import type { SidecarService } from './sidecarService';
import { visibleWhileCoding } from '../coders/codeBlind';

export function registerTagHover(tags: SidecarService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(REPORT_SELECTOR, {
    provideHover(document, position) {
      const stored = tags.tagsFor(document.uri);
      const all = stored && visibleWhileCoding(stored, document.uri);
      if (!all || all.length === 0) return undefined;
      const here = tagsAt(all, document.offsetAt(position));
      if (here.length === 0) return undefined;
      const markdown = new vscode.MarkdownString(tagHoverMarkdown(here, document.uri.toString()));
      markdown.isTrusted = { enabledCommands: [...TAG_HOVER_COMMANDS] };
      markdown.supportHtml = false;
      markdown.supportThemeIcons = false;
      const first = here[0]!.anchor.position;
      return new vscode.Hover(markdown, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
    },
  });
}
