// Report recognition in the real editor: language and detection, Outline symbols, folding, hover,
// and the next/previous commands, on invented fixture reports (test/fixtures/workspace/).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InspectionReportsApi } from '../../src/extension/extension';
import { activateExtension, fixtureUri, openFixture, takeScreenshot, waitFor } from './helpers';

const ILACS = 'westmere-ilacs-2025.txt';
const FOCUSED_VISIT = 'eastfold-focused-visit.ofsted.txt';
const NOTES = 'team-meeting-notes.txt';
const MARKDOWN = 'northcombe-monitoring-visit.md';

async function api(): Promise<InspectionReportsApi> {
  return (await activateExtension<InspectionReportsApi>()).exports;
}

async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor('document symbols', async () => {
    const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    return s && s.length > 0 ? s : undefined;
  });
}

/** 0-based line of the first line of the document that starts with `prefix` (after indentation). */
function lineOf(document: vscode.TextDocument, prefix: string, from = 0): number {
  for (let i = from; i < document.lineCount; i++) if (document.lineAt(i).text.trimStart().startsWith(prefix)) return i;
  throw new Error(`no line starts with ${prefix}`);
}

function positionOf(document: vscode.TextDocument, needle: string, fromLine = 0): vscode.Position {
  const offset = document.getText().indexOf(needle, document.offsetAt(new vscode.Position(fromLine, 0)));
  if (offset < 0) throw new Error(`not in document: ${needle}`);
  return document.positionAt(offset);
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children)]);
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('recognition: language and detection', () => {
  it('opens *.ofsted.txt files in the Inspection Report language', async () => {
    await api();
    const editor = await openFixture(FOCUSED_VISIT);
    assert.equal(editor.document.languageId, 'inspection-report');
  });

  it('recognises a plain-text report by its opening and keeps its language', async () => {
    const reports = (await api()).reports;
    const editor = await openFixture(ILACS);
    assert.equal(editor.document.languageId, 'plaintext');
    assert.equal(reports.isReport(editor.document), true);
    assert.equal(reports.get(editor.document)?.model.kind, 'ilacs-inspection');
  });

  it('leaves ordinary text files alone, even when they say "good"', async () => {
    const reports = (await api()).reports;
    const editor = await openFixture(NOTES);
    assert.equal(reports.isReport(editor.document), false);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.equal(symbols?.length ?? 0, 0);
    const hover = await hoverText(editor.document, positionOf(editor.document, 'good change'));
    assert.equal(hover, '');
  });

  it('stops treating plain text as a report when autoDetect is off, and starts again when it is on', async () => {
    const reports = (await api()).reports;
    const editor = await openFixture(ILACS);
    const config = vscode.workspace.getConfiguration('inspectionReports');
    try {
      await config.update('autoDetect', false, vscode.ConfigurationTarget.Workspace);
      await waitFor('detection to switch off', () => !reports.isReport(editor.document));
      // The report language is a choice, not a guess: it stays a report.
      const focused = await openFixture(FOCUSED_VISIT);
      assert.equal(reports.isReport(focused.document), true);
    } finally {
      await config.update('autoDetect', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('detection to switch back on', () => reports.isReport(editor.document));
  });
  it('recognises a Markdown letter, keeps it Markdown, and adds the report symbols to Markdown\'s', async () => {
    const reports = (await api()).reports;
    const editor = await openFixture(MARKDOWN);
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(reports.get(editor.document)?.model.kind, 'monitoring-visit');
    const names = flatten(await symbolsOf(editor.document.uri)).map((s) => s.name);
    assert.ok(names.some((n) => n.includes('Findings and evaluation of progress')), names.join(' | '));
    const hover = await hoverText(editor.document, positionOf(editor.document, 'inadequate in March').translate(0, 2));
    assert.match(hover, /Earlier inspection \(March 2023\): Inadequate/);
  });

  it('"Open as Inspection Report" switches the language, and the document stays a report', async () => {
    const reports = (await api()).reports;
    await openFixture(MARKDOWN);
    await vscode.commands.executeCommand('inspectionReports.openAsReport');
    const editor = await waitFor('the language to change', () =>
      vscode.window.activeTextEditor?.document.languageId === 'inspection-report' ? vscode.window.activeTextEditor : undefined);
    assert.equal(reports.isReport(editor.document), true);
    const names = flatten(await symbolsOf(editor.document.uri)).map((s) => s.name);
    assert.ok(names.some((n) => n.includes('Headline findings')), names.join(' | '));
  });

  it('from the Explorer\'s context menu, opens an unrecognised file as a report, with its Outline', async () => {
    const reports = (await api()).reports;
    const uri = fixtureUri('excerpt-without-title.txt');
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), false, 'the file starts unopened');
    // The Explorer passes the clicked file's URI.
    await vscode.commands.executeCommand('inspectionReports.openAsReport', uri);
    const editor = await waitFor('the excerpt to open as a report', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === uri.toString() && active.document.languageId === 'inspection-report' ? active : undefined;
    });
    await waitFor('the excerpt to be a report', () => reports.isReport(editor.document));
    const names = flatten(await symbolsOf(editor.document.uri)).map((s) => s.name);
    assert.ok(names.some((n) => n.includes('What needs to improve')), names.join(' | '));
    assert.ok(names.includes('¶ 1') && names.includes('¶ 2'), names.join(' | '));
  });
});

describe('recognition: Outline symbols', () => {
  it('lists sections with their grades, the judgements, the areas for improvement and the paragraphs', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const symbols = await symbolsOf(editor.document.uri);
    const all = flatten(symbols);

    const improve = all.find((s) => s.name.startsWith('What needs to improve'));
    assert.ok(improve, `no "What needs to improve?" among ${all.map((s) => s.name).join(' | ')}`);
    assert.deepEqual(
      improve.children.map((c) => c.name.slice(0, 30)),
      ['The consistency of assessments', 'The quality of written plans f', 'Management oversight of return'],
    );
    assert.equal(improve.children[0]!.range.start.line, lineOf(editor.document, '◼ The consistency'));

    const help = all.find((s) => s.name.startsWith('The experiences and progress of children who need help'));
    assert.ok(help);
    assert.equal(help.detail, 'Requires improvement');
    assert.equal(help.range.start.line, lineOf(editor.document, 'The experiences and progress of children who need help and', 30));
    assert.deepEqual(
      help.children.filter((c) => c.name.startsWith('¶')).map((c) => c.name),
      ['¶ 1', '¶ 2', '¶ 3'],
    );
    const leavers = all.find((s) => s.name.startsWith('The experiences and progress of care leavers'));
    assert.equal(leavers?.detail, 'Outstanding');

    const judgements = all.filter((s) => s.kind === vscode.SymbolKind.Constant).map((s) => `${s.name}: ${s.detail}`);
    for (const expected of ['Overall effectiveness: Good', 'Care leavers: Outstanding', 'Help and protection: Requires improvement', 'Impact of leaders: Good']) {
      assert.ok(judgements.includes(expected), `${expected} not in ${judgements.join('; ')}`);
    }
    await vscode.commands.executeCommand('inspectionReports.showOutline');
    await takeScreenshot('recognition-outline');
  });

  it('finds report symbols of open reports with Go to Symbol in Workspace', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const found = await waitFor('workspace symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'management oversight');
      return s?.find((x) => x.location.uri.toString() === editor.document.uri.toString());
    });
    assert.ok(found.name.startsWith('Management oversight of return home interviews'));
    assert.equal(found.containerName, 'What needs to improve?');
    assert.equal(found.location.range.start.line, lineOf(editor.document, '◼ Management oversight'));
  });

  it('follows edits: symbols move with the text after a pause in typing', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const before = flatten(await symbolsOf(editor.document.uri)).find((s) => s.name.startsWith('What needs to improve'))!;
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '\n\n'));
    try {
      await waitFor('symbols to move down two lines', async () => {
        const moved = flatten(await symbolsOf(editor.document.uri)).find((s) => s.name.startsWith('What needs to improve'));
        return moved?.range.start.line === before.range.start.line + 2;
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

describe('recognition: folding', () => {
  it('folds each section from its heading to its last line of text', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const ranges = await waitFor('folding ranges', async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      return r && r.length > 0 ? r : undefined;
    });
    const improve = lineOf(editor.document, 'What needs to improve?');
    const fold = ranges.find((r) => r.start === improve);
    assert.ok(fold, `no range starts at line ${improve}: ${JSON.stringify(ranges)}`);
    assert.equal(fold.end, lineOf(editor.document, '◼ Management oversight'));
    const care = lineOf(editor.document, 'The experiences and progress of children in care: good');
    assert.ok(ranges.some((r) => r.start === care && r.end === lineOf(editor.document, 'for more than two years')), JSON.stringify(ranges));
  });
});

describe('recognition: navigation commands', () => {
  async function run(editor: vscode.TextEditor, command: string): Promise<number> {
    await vscode.commands.executeCommand(command);
    return editor.selection.active.line;
  }

  it('moves to the next and previous area for improvement, wrapping round', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const d = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const items = [lineOf(d, '◼ The consistency'), lineOf(d, '◼ The quality'), lineOf(d, '◼ Management')];
    assert.equal(await run(editor, 'inspectionReports.nextImprovement'), items[0]);
    assert.equal(await run(editor, 'inspectionReports.nextImprovement'), items[1]);
    assert.equal(await run(editor, 'inspectionReports.nextImprovement'), items[2]);
    assert.equal(await run(editor, 'inspectionReports.nextImprovement'), items[0]);
    assert.equal(await run(editor, 'inspectionReports.previousImprovement'), items[2]);
    await waitFor('the target to be scrolled into view', () => editor.visibleRanges.some((r) => r.contains(editor.selection.active)));
  });

  it('moves through the judgements: the table first, then the graded headings', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const d = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await run(editor, 'inspectionReports.nextJudgement');
    assert.equal(first, lineOf(d, 'The impact of leaders on social work'));
    assert.equal(d.getText(new vscode.Range(editor.selection.active, editor.selection.active.translate(0, 4))), 'Good');
    const second = await run(editor, 'inspectionReports.nextJudgement');
    assert.equal(second, lineOf(d, 'The experiences and progress of             Requires'));
    const back = await run(editor, 'inspectionReports.previousJudgement');
    assert.equal(back, first);
  });
});

describe('recognition: hover on a grade', () => {
  it('names the area, the grade and what it means', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const d = editor.document;
    const text = await hoverText(d, positionOf(d, 'Outstanding').translate(0, 3));
    assert.match(text, /\*\*Outstanding\*\* — The experiences and progress of care leavers/);
    assert.match(text, /highest grade/);
  });

  it('explains the grade that closes a judgement heading too', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const d = editor.document;
    const at = positionOf(d, 'care leavers: outstanding').translate(0, 'care leavers: out'.length);
    const text = await hoverText(d, at);
    assert.match(text, /\*\*Outstanding\*\* — The experiences and progress of care leavers/);
    assert.match(text, /the heading of the judgement section/);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await takeScreenshot('recognition-judgement-sections', { selector: '.part.editor' });
  });

  it('says when a grade is from an earlier inspection', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const d = editor.document;
    const text = await hoverText(d, positionOf(d, 'judged inadequate').translate(0, 9));
    assert.match(text, /Earlier inspection/);
    assert.match(text, /Inadequate/);
    assert.match(text, /not one of this report's judgements/);
  });

  it('offers nothing over "good" in ordinary prose', async () => {
    await api();
    const editor = await openFixture(ILACS);
    const text = await hoverText(editor.document, positionOf(editor.document, 'good progress').translate(0, 1));
    assert.doesNotMatch(text, /judgement/i);
  });
});
