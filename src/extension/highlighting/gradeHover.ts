// Hover over a grade: the judgement area, the grade and what it means (core/gradeHover.ts builds the
// text). Rendered untrusted and without HTML: the text quotes the report.

import * as vscode from 'vscode';
import { gradeAt, gradeHoverMarkdown } from '../../core';
import { REPORT_SELECTOR, type ReportDocuments } from '../platform/reportDocuments';
import { toRange } from '../outline/documentSymbols';

export function registerGradeHover(reports: ReportDocuments): vscode.Disposable {
  return vscode.languages.registerHoverProvider(REPORT_SELECTOR, {
    provideHover(document, position) {
      const state = reports.get(document);
      if (!state) return undefined;
      const hit = gradeAt(state.model, state.text, document.offsetAt(position));
      if (!hit) return undefined;
      const markdown = new vscode.MarkdownString(gradeHoverMarkdown(hit, state.text));
      markdown.isTrusted = false;
      markdown.supportHtml = false;
      markdown.supportThemeIcons = false;
      return new vscode.Hover(markdown, toRange(document, hit.range));
    },
  });
}
