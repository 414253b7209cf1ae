// Hover over a grade: the judgement area, the grade and what it means (core/gradeHover.ts builds the
// text); elsewhere, over a listed item, what kind of item it is and whose (core/listItemHover.ts).
// Rendered untrusted and without HTML: the text quotes the report.

import * as vscode from 'vscode';
import { gradeAt, gradeHoverMarkdown, listItemAt, listItemHoverMarkdown } from '../../core';
import { REPORT_SELECTOR, type ReportDocuments } from '../platform/reportDocuments';
import { toRange } from '../outline/documentSymbols';

export function registerGradeHover(reports: ReportDocuments): vscode.Disposable {
  return vscode.languages.registerHoverProvider(REPORT_SELECTOR, {
    provideHover(document, position) {
      const state = reports.get(document);
      if (!state) return undefined;
      const offset = document.offsetAt(position);
      const hit = gradeAt(state.model, state.text, offset);
      const item = hit ? undefined : listItemAt(state.model, offset);
      const text = hit ? gradeHoverMarkdown(hit, state.text) : item ? listItemHoverMarkdown(item) : undefined;
      const range = hit?.range ?? item?.item.range;
      if (text === undefined || range === undefined) return undefined;
      const markdown = new vscode.MarkdownString(text);
      markdown.isTrusted = false;
      markdown.supportHtml = false;
      markdown.supportThemeIcons = false;
      return new vscode.Hover(markdown, toRange(document, range));
    },
  });
}
