// What a citation offers in the editor: its link opens the report at the passage, hovering it shows the passage,
// and a citation that does not hold has quick fixes (the quote replaced by the passage's words, or removed).

import * as vscode from 'vscode';
import { type CitationCheck, citationHoverMarkdown, citedReportPath, type DraftEdit, removeCitationEdit, replaceQuoteEdit, repointEdit } from '../../core';
import { type DraftCitations, CITATION_DIAGNOSTIC_SOURCE } from './draftCitations';
import { editorSources } from './editorSources';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function registerCitationProviders(drafts: DraftCitations): vscode.Disposable[] {
  return [
    vscode.languages.registerDocumentLinkProvider(MARKDOWN, { provideDocumentLinks: (document) => citationLinks(drafts, document) }),
    vscode.languages.registerDefinitionProvider(MARKDOWN, { provideDefinition: (document, position) => citationDefinition(drafts, document, position) }),
    vscode.languages.registerHoverProvider(MARKDOWN, { provideHover: (document, position) => citationHover(drafts, document, position) }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, { provideCodeActions: (document, range) => citationFixes(drafts, document, range) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  ];
}

async function citationLinks(drafts: DraftCitations, document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
  const checked = await drafts.checkedNow(document);
  if (!checked) return [];
  const { fs } = editorSources(document.uri);
  const draftPath = fs.pathOf(document.uri);
  return checked.checks
    .filter((c) => c.status !== 'missing-report')
    .map((c) => {
      const report = fs.uriOf(citedReportPath(draftPath, c.citation.reportPath));
      // `#L<line>,<column>` is how VS Code opens a file at a place.
      const target = c.passage ? report.with({ fragment: `L${c.passage.line},${c.passage.column}` }) : report;
      const link = new vscode.DocumentLink(rangeOf(document, c.citation.range), target);
      link.tooltip = c.passage ? 'Open the cited passage' : 'Open the cited report';
      return link;
    });
}

async function citationHover(drafts: DraftCitations, document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
  const checked = await drafts.checkedNow(document);
  const offset = document.offsetAt(position);
  const check = checked?.checks.find((c) => covers(c, offset));
  if (!check) return undefined;
  const markdown = new vscode.MarkdownString(citationHoverMarkdown(check));
  markdown.isTrusted = false;
  return new vscode.Hover(markdown, rangeOf(document, check.citation.range));
}

/** Go to Definition on a citation: the passage in the report. */
async function citationDefinition(drafts: DraftCitations, document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
  const checked = await drafts.checkedNow(document);
  const offset = document.offsetAt(position);
  const passage = checked?.checks.find((c) => covers(c, offset))?.passage;
  if (!passage) return undefined;
  const { fs } = editorSources(document.uri);
  const start = new vscode.Position(passage.line - 1, passage.column - 1);
  // The passage's end, counted from its start in its own text.
  const lines = passage.text.split('\n');
  const end = lines.length === 1 ? start.translate(0, passage.text.length) : new vscode.Position(start.line + lines.length - 1, lines[lines.length - 1]!.length);
  return new vscode.Location(fs.uriOf(passage.reportPath), new vscode.Range(start, end));
}

function citationFixes(drafts: DraftCitations, document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
  const checked = drafts.current(document);
  if (!checked) return [];
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const actions: vscode.CodeAction[] = [];
  for (const check of checked.checks) {
    if (check.status === 'ok' || !overlaps(check, start, end)) continue;
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => d.source === CITATION_DIAGNOSTIC_SOURCE && d.code === check.status && overlaps(check, document.offsetAt(d.range.start), document.offsetAt(d.range.end)));
    const replace = check.status === 'misquote' ? replaceQuoteEdit(check) : undefined;
    if (replace) actions.push(action(document, "Replace the quote with the passage's current words", replace, diagnostic, true));
    const repoint = repointEdit(checked.text, check);
    if (repoint) actions.push(action(document, `Point the citation to tag '${check.holdingTag}', which has these words now`, repoint, diagnostic, !replace));
    actions.push(action(document, 'Remove the citation', removeCitationEdit(checked.text, check.citation), diagnostic, false));
  }
  return actions;
}

function action(document: vscode.TextDocument, title: string, edit: DraftEdit, diagnostic: vscode.Diagnostic | undefined, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, rangeOf(document, edit.range), edit.text);
  if (diagnostic) action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

/** The citation's link, or its quote. */
function covers(check: CitationCheck, offset: number): boolean {
  return overlaps(check, offset, offset);
}

function overlaps(check: CitationCheck, start: number, end: number): boolean {
  const ranges = [check.citation.range, ...(check.citation.quote ? [check.citation.quote.range] : [])];
  return ranges.some((r) => start <= r.end && end >= r.start);
}

function rangeOf(document: vscode.TextDocument, range: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}
