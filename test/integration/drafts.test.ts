// Citations in a Markdown draft, in a real editor: a misquote is flagged, a citation link opens the report at
// the passage, the hover shows the passage and its themes, the quick fix makes the quote true, and a change to a
// tags file or to the report is seen in the draft. The report and its tags are written by the test (Ashcombe is
// an invented authority) into their own folder, removed afterwards so other tests' workspaces are as they were.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createAnchor } from '../../src/core/tags/anchoring/anchorCreation';
import { textHash } from '../../src/core/tags/sidecar/textHash';
import { activateExtension, waitFor, workspaceRoot } from './helpers';

const REPORT =
  'Focused visit to Ashcombe children’s services\n\n' +
  'Inspectors looked at the local authority’s arrangements for children in need of help and protection.\n\n' +
  'Headline findings\n\n' +
  '3. Most children are seen regularly and alone by social workers who know them well.\n\n' +
  '4. Too many strategy discussions do not include health partners, so decisions are made without all the\n' +
  'information that is known about children.\n\n' +
  '5. Senior leaders have a realistic understanding of the quality of practice.\n';

const SEEN = 'Most children are seen regularly and alone by social workers who know them well.';
const STRATEGY = 'Too many strategy discussions do not include health partners, so decisions are made without all the\ninformation that is known about children.';
const LEADERS = 'Senior leaders have a realistic understanding of the quality of practice.';

const LINK = (tag: string) => `([Ashcombe focused visit, 2025](ashcombe-fv-2025.txt#tag=${tag}))`;
const DRAFT =
  '# Self-evaluation: help and protection\n\n' +
  `Leaders know that “children are seen regularly and alone” ${LINK('t1')}.\n\n` +
  `Partnership: “all strategy discussions include health partners” ${LINK('t2')}.\n\n` +
  `> ${LEADERS}\n>\n> — [Ashcombe focused visit, 2025](ashcombe-fv-2025.txt#tag=t3)\n`;

function tag(id: string, words: string, theme: string, note?: string): unknown {
  const start = REPORT.indexOf(words);
  return { id, themes: [{ id: theme.toLowerCase().replace(/\W+/g, '-'), label: theme }], ...(note ? { note } : {}), created: '2025-07-01T00:00:00.000Z', modified: '2025-07-01T00:00:00.000Z', anchor: createAnchor(REPORT, start, start + words.length) };
}

function sidecar(tags: unknown[]): string {
  return JSON.stringify({ format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'ashcombe-fv-2025.txt', textHash: textHash(REPORT), kind: 'focused-visit', authority: 'Ashcombe' }, tags }, null, 2);
}

const TAGS = [tag('t1', SEEN, 'Voice of the child', 'Strength to lead with'), tag('t2', STRATEGY, 'Partnership working'), tag('t3', LEADERS, 'Leadership')];

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

function citationDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Inspection Reports citations');
}

describe('citations in a Markdown draft', function () {
  this.timeout(60_000);
  const folder = () => vscode.Uri.joinPath(workspaceRoot(), 'draft-citations');
  const reportUri = () => vscode.Uri.joinPath(folder(), 'ashcombe-fv-2025.txt');
  const sidecarUri = () => vscode.Uri.joinPath(folder(), 'ashcombe-fv-2025.txt.tags.json');
  const draftUri = () => vscode.Uri.joinPath(folder(), 'self-evaluation.md');

  before(async () => {
    await activateExtension();
    await vscode.workspace.fs.createDirectory(folder());
    await write(reportUri(), REPORT);
    await write(sidecarUri(), sidecar(TAGS));
    await write(draftUri(), DRAFT);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  it('flags the misquote only, with the difference, on the quoted words', async () => {
    const document = await vscode.workspace.openTextDocument(draftUri());
    await vscode.window.showTextDocument(document);
    const [diagnostic, ...others] = await waitFor('a citation diagnostic', () => (citationDiagnostics(document.uri).length > 0 ? citationDiagnostics(document.uri) : undefined));
    assert.equal(others.length, 0, others.map((d) => d.message).join('\n'));
    assert.equal(diagnostic!.code, 'misquote');
    assert.equal(document.getText(diagnostic!.range), '“all strategy discussions include health partners”');
    assert.match(diagnostic!.message, /quoted “all” where the passage reads “many”/);
  });

  it('follows a citation link to the passage in the report', async () => {
    const document = await vscode.workspace.openTextDocument(draftUri());
    const links = await waitFor('citation links', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
      const ours = found?.filter((l) => l.target?.path.endsWith('/ashcombe-fv-2025.txt') && l.target.fragment.startsWith('L'));
      return ours && ours.length === 3 ? ours : undefined;
    });
    const first = links.find((l) => l.range.start.line === 2)!;
    const passageLine = REPORT.slice(0, REPORT.indexOf(SEEN)).split('\n').length;
    assert.equal(first.target!.fragment, `L${passageLine},4`);
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, first.range.start.translate(0, 2));
    const definition = definitions.find((d): d is vscode.Location => 'uri' in d && d.uri.path.endsWith('/ashcombe-fv-2025.txt'));
    assert.ok(definition, 'Go to Definition on a citation finds the passage');
    assert.deepEqual([definition.range.start.line, definition.range.start.character, definition.range.end.character], [passageLine - 1, 3, 3 + SEEN.length]);
    await vscode.commands.executeCommand('vscode.open', first.target);
    const editor = await waitFor('the report opened at the passage', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/ashcombe-fv-2025.txt') && active.selection.active.line === passageLine - 1 ? active : undefined;
    });
    assert.equal(editor.document.lineAt(passageLine - 1).text.slice(3, 3 + SEEN.length), SEEN);
  });

  it('shows the passage, its themes and note on hover', async () => {
    const document = await vscode.workspace.openTextDocument(draftUri());
    const position = document.positionAt(document.getText().indexOf('[Ashcombe') + 3);
    const hovers = await waitFor('a citation hover', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      const texts = (found ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
      return texts.some((t) => t.includes('Voice of the child')) ? texts.join('\n') : undefined;
    });
    assert.match(hovers, /\*\*ok\*\*/);
    assert.match(hovers, /Most children are seen regularly and alone/);
    assert.match(hovers, /Note: Strength to lead with/);
  });

  it('replaces the misquote with the passage in one action, and the warning goes', async () => {
    const document = await vscode.workspace.openTextDocument(draftUri());
    const diagnostic = citationDiagnostics(document.uri)[0]!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Remove the citation'), titles.join(', '));
    const replace = actions.find((a) => a.title === "Replace the quote with the passage's current words");
    assert.ok(replace?.edit, titles.join(', '));
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.ok(document.getText().includes(`“${STRATEGY.replace(/\s+/g, ' ')}”`));
    await waitFor('no citation diagnostics', () => citationDiagnostics(document.uri).length === 0);
  });

  it('completes a citation from @ev, and the inserted citation holds', async () => {
    const document = await vscode.workspace.openTextDocument(draftUri());
    const editor = await vscode.window.showTextDocument(document);
    const end = document.positionAt(document.getText().length);
    assert.ok(await editor.edit((e) => e.insert(end, '\nLeaders say @ev')));
    const position = document.positionAt(document.getText().length);
    const item = await waitFor('an @ev completion for the Ashcombe passage', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, '@');
      return list?.items.find((i) => i.filterText?.includes('ashcombe-fv-2025.txt') && i.filterText.includes('Leadership'));
    });
    assert.equal(item.insertText, `“${LEADERS}” ([Ashcombe focused visit](ashcombe-fv-2025.txt#tag=t3))`);
    const given = item.range!;
    const range = 'replacing' in given ? given.replacing : given;
    assert.equal(document.getText(range), '@ev');
    assert.ok(await editor.edit((e) => e.replace(range, item.insertText as string)));
    const links = await waitFor('four citation links', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
      const ours = found?.filter((l) => l.target?.fragment.startsWith('L'));
      return ours && ours.length === 4 ? ours : undefined;
    });
    assert.equal(links.length, 4);
    assert.deepEqual(citationDiagnostics(document.uri), []);
  });

  it('sees a tag removed from the tags file on disk', async () => {
    const document = await vscode.workspace.openTextDocument(draftUri());
    await write(sidecarUri(), sidecar(TAGS.slice(0, 2)));
    const diagnostic = await waitFor('missing-tag diagnostic', () => citationDiagnostics(document.uri).find((d) => d.code === 'missing-tag'));
    assert.match(diagnostic.message, /has no tag 't3'/);
    assert.equal(diagnostic.range.start.line, document.positionAt(document.getText().indexOf('#tag=t3')).line);
  });

  it('sees the cited words change in the report while it is being edited', async () => {
    const draft = await vscode.workspace.openTextDocument(draftUri());
    const report = await vscode.workspace.openTextDocument(reportUri());
    const start = report.getText().indexOf('regularly and alone');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(report.uri, new vscode.Range(report.positionAt(start), report.positionAt(start + 'regularly and alone'.length)), 'when their plans say they should be');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const line = draft.positionAt(draft.getText().indexOf('#tag=t1')).line;
    const diagnostic = await waitFor('a diagnostic on the first citation', () => citationDiagnostics(draft.uri).find((d) => d.range.start.line === line));
    assert.ok(diagnostic.code === 'misquote' || diagnostic.code === 'orphaned', `${String(diagnostic.code)}: ${diagnostic.message}`);
    await vscode.window.showTextDocument(report);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
