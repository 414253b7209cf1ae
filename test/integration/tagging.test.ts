// Tagging in the real editor: Tag Selection (with answers as arguments, and once through the quick pick itself),
// the sidecar on disk, shifting with edits and saving, rename, the sidecar changing on disk, a malformed sidecar,
// the hover and the code actions. Fixtures: test/fixtures/workspace/tagging/ (invented reports).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Sidecar, Tag } from '../../src/core/tags/sidecar/sidecarModel';
import type { EditorTags } from '../../src/extension/tagging/tagging';
import { extensionApi, fixtureUri, openFixture, takeScreenshot, waitFor } from './helpers';

const REPORT = 'tagging/fennbridge-ilacs-2025.txt';

/** What the editor holds for the report: tagging status, tags and the decorations drawn. */
async function query(uri: vscode.Uri): Promise<EditorTags> {
  return (await extensionApi()).tagsFor(uri);
}

async function readSidecar(reportUri: vscode.Uri): Promise<Sidecar | undefined> {
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri(reportUri)))) as Sidecar;
  } catch {
    return undefined;
  }
}

function sidecarUri(reportUri: vscode.Uri): vscode.Uri {
  return reportUri.with({ path: `${reportUri.path}.tags.json` });
}

/** Selects the first occurrence of `words` in the editor. */
function select(editor: vscode.TextEditor, words: string): vscode.Selection {
  const offset = editor.document.getText().indexOf(words);
  assert.ok(offset >= 0, `not in the report: ${words}`);
  editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset + words.length));
  return editor.selection;
}

async function loaded(uri: vscode.Uri): Promise<EditorTags> {
  return waitFor('the report’s tags to be loaded', async () => {
    const q = await query(uri);
    return q.status && q.status.kind !== 'loading' ? q : undefined;
  });
}

describe('tagging in the editor', () => {
  before(async () => {
    await extensionApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Tag Selection writes the tag beside the report, decorates it and shows it on hover', async () => {
    const editor = await openFixture(REPORT);
    await loaded(editor.document.uri);
    const words = 'Return home interviews are not always offered to children who go missing';
    select(editor, words);
    const tag = await vscode.commands.executeCommand<Tag>('inspectionReports.tagSelection', { themeIds: ['hp.missing', 'lm.management-oversight'], note: 'Compare with the 2021 <b>letter</b>' });
    assert.ok(tag, 'the command returns the new tag');

    const sidecar = await readSidecar(editor.document.uri);
    assert.ok(sidecar, 'a sidecar was written beside the report');
    assert.equal(sidecar.report.fileName, 'fennbridge-ilacs-2025.txt');
    assert.equal(sidecar.tags.length, 1);
    const saved = sidecar.tags[0]!;
    assert.equal(saved.anchor.quote.exact, words);
    assert.equal(editor.document.getText().slice(saved.anchor.position.start, saved.anchor.position.end), words);
    assert.deepEqual(saved.themes.map((t) => t.id), ['hp.missing', 'lm.management-oversight']);
    assert.equal(saved.note, 'Compare with the 2021 <b>letter</b>');
    assert.equal(saved.context?.paragraph, 3);
    assert.equal(saved.context?.judgementArea, 'help-protection');

    const q = await waitFor('decorations for both themes', async () => {
      const r = await query(editor.document.uri);
      return r.decorations.length === 2 ? r : undefined;
    });
    assert.deepEqual(q.decorations.map((d) => [d.themeId, d.ranges]), [
      ['hp.missing', [{ start: saved.anchor.position.start, end: saved.anchor.position.end }]],
      ['lm.management-oversight', [{ start: saved.anchor.position.start, end: saved.anchor.position.end }]],
    ]);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(saved.anchor.position.start + 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Children who go missing/);
    assert.match(text, /command:inspectionReports\.tags\.edit\?/);
    assert.match(text, /&lt;b&gt;letter&lt;\/b&gt;/, 'the note is escaped, not rendered as HTML');
    await takeScreenshot('tagging-decorated-passage', { selector: '.part.editor' });
  });

  it('two tags saved at once both reach the sidecar, with no lock or temp file left beside it', async () => {
    const editor = await openFixture(REPORT);
    await loaded(editor.document.uri);
    const before = (await readSidecar(editor.document.uri))?.tags.length ?? 0;
    const text = editor.document.getText();
    const offsets = ['Children in care live in stable homes', 'Leaders have a clear understanding'].map((words) => text.indexOf(words) + 5);
    // Not awaited one by one: both saves start before either has written.
    const tags = await Promise.all(offsets.map((offset) =>
      vscode.commands.executeCommand<Tag | undefined>('inspectionReports.tagParagraph', { reportUri: editor.document.uri.toString(), offset, themeIds: ['hp.missing'] })));
    assert.ok(tags.every((t) => t !== undefined), 'both commands returned their tag');
    const sidecar = await readSidecar(editor.document.uri);
    assert.ok(sidecar, 'the sidecar is there and parses');
    assert.equal(sidecar.tags.length, before + 2);
    for (const tag of tags) assert.ok(sidecar.tags.some((t) => t.id === tag!.id), `tag ${tag!.id} is in the sidecar`);
    const folder = vscode.Uri.joinPath(editor.document.uri, '..');
    const leftovers = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((name) => name.endsWith('.lock') || name.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('Tag Selection through the quick pick and the note box (Enter on the highlighted theme, Enter for no note)', async () => {
    const editor = await openFixture(REPORT);
    await loaded(editor.document.uri);
    const before = (await query(editor.document.uri)).tags?.length ?? 0;
    select(editor, 'Thresholds are understood by partner agencies');
    const running = vscode.commands.executeCommand<Tag | undefined>('inspectionReports.tagSelection');
    // Give the quick pick time to open, then accept the highlighted (first) theme, then the empty note.
    await new Promise((r) => setTimeout(r, 800));
    await takeScreenshot('tagging-theme-quick-pick');
    // Down arrow: highlights the first theme (a multi-select list highlights nothing until then).
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const tag = await running;
    assert.ok(tag, 'a tag was made through the pickers');
    assert.equal(tag.themes[0]!.id, 'hp.early-help', 'the first theme of the built-in codebook was highlighted');
    assert.equal(tag.note, undefined);
    const sidecar = await readSidecar(editor.document.uri);
    assert.equal(sidecar?.tags.length, before + 1);
  });

  it('an edit before a tag shifts it; saving the report writes the new position', async () => {
    const editor = await openFixture(REPORT);
    await loaded(editor.document.uri);
    const words = 'Permanence is considered early';
    select(editor, words);
    const tag = await vscode.commands.executeCommand<Tag>('inspectionReports.tagSelection', { themeIds: ['cc.permanence'] });
    const start = tag.anchor.position.start;
    const insert = 'An inserted line of text.\n';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), insert));
    const shifted = await waitFor('the tag to shift in memory', async () => {
      const t = (await query(editor.document.uri)).tags?.find((x) => x.id === tag.id);
      return t && t.anchor.position.start === start + insert.length ? t : undefined;
    });
    assert.equal(editor.document.getText().slice(shifted.anchor.position.start, shifted.anchor.position.end), words);
    assert.equal((await readSidecar(editor.document.uri))?.tags.find((x) => x.id === tag.id)?.anchor.position.start, start, 'not written before the save');
    assert.ok(await editor.document.save());
    const onDisk = await waitFor('the shifted position on disk', async () => {
      const t = (await readSidecar(editor.document.uri))?.tags.find((x) => x.id === tag.id);
      return t && t.anchor.position.start === start + insert.length ? t : undefined;
    });
    assert.equal(onDisk.anchor.quote.exact, words);
  });

  it('code actions at the cursor tag the paragraph in one action', async () => {
    const editor = await openFixture(REPORT);
    await loaded(editor.document.uri);
    const position = editor.document.positionAt(editor.document.getText().indexOf('Brothers and sisters live together'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(position, position), 'refactor.inspection.tag');
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Tag this paragraph (¶ 4)…'), titles.join(' | '));
    assert.ok(titles.includes('Tag this judgement section…'), titles.join(' | '));
    const paragraph = actions.find((a) => a.title.startsWith('Tag this paragraph'))!;
    const args = { ...(paragraph.command!.arguments![0] as object), themeIds: ['cc.stability'] };
    const tag = await vscode.commands.executeCommand<Tag>(paragraph.command!.command, args);
    assert.match(tag.anchor.quote.exact, /^4\.\s+Children in care live in stable homes[\s\S]*right for them\.$/);
    assert.equal(tag.context?.paragraph, 4);
  });

  it('edit and remove work through the tag commands the hover links to', async () => {
    const editor = await openFixture(REPORT);
    await loaded(editor.document.uri);
    select(editor, 'Leaders have a clear understanding');
    const tag = await vscode.commands.executeCommand<Tag>('inspectionReports.tagSelection', { themeIds: ['hp.missing'] });
    const reportUri = editor.document.uri.toString();
    await vscode.commands.executeCommand('inspectionReports.tags.edit', { reportUri, tagId: tag.id, themeIds: ['lm.management-oversight'], note: 'Self-evaluation accurate' });
    const edited = (await readSidecar(editor.document.uri))?.tags.find((t) => t.id === tag.id);
    assert.deepEqual(edited?.themes.map((t) => t.id), ['lm.management-oversight']);
    assert.equal(edited?.note, 'Self-evaluation accurate');
    await vscode.commands.executeCommand('inspectionReports.tags.remove', { reportUri, tagId: tag.id });
    assert.equal((await readSidecar(editor.document.uri))?.tags.some((t) => t.id === tag.id), false);
  });

  it('the sidecar follows the report when it is renamed', async () => {
    const editor = await openFixture('tagging/renamed-report.txt');
    await loaded(editor.document.uri);
    select(editor, 'Too many children wait too long');
    const tag = await vscode.commands.executeCommand<Tag>('inspectionReports.tagSelection', { themeIds: ['hp.cp-planning'] });
    const oldUri = editor.document.uri;
    const newUri = fixtureUri('tagging/renamed-report-2025.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(oldUri, newUri);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = await waitFor('the sidecar beside the renamed report', () => readSidecar(newUri));
    assert.equal(moved.report.fileName, 'renamed-report-2025.txt');
    assert.deepEqual(moved.tags.map((t) => t.id), [tag.id]);
    // The move writes the new file, then deletes the old one.
    await waitFor('no sidecar left at the old name', async () => (await readSidecar(oldUri)) === undefined);
    const reopened = await vscode.window.showTextDocument(newUri);
    const q = await waitFor('the renamed report’s tags', async () => {
      const r = await query(reopened.document.uri);
      return r.tags?.some((t) => t.id === tag.id) ? r : undefined;
    });
    assert.equal(q.status?.kind, 'ready');
  });

  it('a sidecar changed on disk updates the tags and decorations in the editor', async () => {
    const editor = await openFixture('tagging/watched-report.txt');
    await loaded(editor.document.uri);
    select(editor, 'Children in care live in stable homes');
    const ours = await vscode.commands.executeCommand<Tag>('inspectionReports.tagSelection', { themeIds: ['cc.stability'] });
    // Another window (or git) adds a tag and edits ours.
    const disk = (await readSidecar(editor.document.uri))!;
    const text = editor.document.getText();
    const words = 'Leaders have a clear understanding of the quality of practice';
    const start = text.indexOf(words);
    const theirs: Tag = {
      id: 'from-another-window',
      themes: [{ id: 'lm.management-oversight', label: 'Management oversight' }],
      created: '2026-03-20T10:00:00.000Z',
      modified: '2026-03-20T10:00:00.000Z',
      anchor: { position: { start, end: start + words.length, unit: 'utf-16' }, quote: { exact: words, prefix: text.slice(start - 32, start), suffix: text.slice(start + words.length, start + words.length + 32) } },
    };
    const changed = { ...disk, tags: [...disk.tags.map((t) => (t.id === ours.id ? { ...t, note: 'edited elsewhere', modified: '2099-01-01T00:00:00.000Z' } : t)), theirs] };
    await vscode.workspace.fs.writeFile(sidecarUri(editor.document.uri), new TextEncoder().encode(JSON.stringify(changed, null, 2) + '\n'));
    const q = await waitFor('the other window’s tag in the editor', async () => {
      const r = await query(editor.document.uri);
      return r.tags?.some((t) => t.id === theirs.id) && r.decorations.some((d) => d.themeId === 'lm.management-oversight') ? r : undefined;
    }, 15_000);
    assert.equal(q.tags?.find((t) => t.id === ours.id)?.note, 'edited elsewhere');
    assert.deepEqual(q.decorations.find((d) => d.themeId === 'lm.management-oversight')?.ranges, [{ start, end: start + words.length }]);
  });

  it('a malformed sidecar pauses tagging and is not overwritten when tagging is attempted', async () => {
    const editor = await openFixture('tagging/broken-sidecar.txt');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri(editor.document.uri)));
    const q = await loaded(editor.document.uri);
    assert.equal(q.status?.kind, 'paused');
    assert.match(q.status?.kind === 'paused' ? q.status.message : '', /broken-sidecar\.txt\.tags\.json/);
    select(editor, 'Permanence is considered early');
    const result = await vscode.commands.executeCommand<Tag | undefined>('inspectionReports.tagSelection', { themeIds: ['cc.permanence'] });
    assert.equal(result, undefined, 'no tag was made');
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri(editor.document.uri)));
    assert.equal(after, before);
    await takeScreenshot('tagging-malformed-sidecar');
  });

  it('a sidecar with git conflict markers is repaired on request, keeping both sides’ tags', async () => {
    const editor = await openFixture('tagging/conflicted-sidecar.txt');
    const q = await loaded(editor.document.uri);
    assert.deepEqual(q.status?.kind === 'paused' && q.status.reason, 'conflict');
    await vscode.commands.executeCommand('inspectionReports.tags.repairSidecar', { reportUri: editor.document.uri.toString() });
    const repaired = await readSidecar(editor.document.uri);
    assert.deepEqual(repaired?.tags.map((t) => t.id).sort(), ['tag-from-branch', 'tag-from-main']);
    const after = await query(editor.document.uri);
    assert.equal(after.status?.kind, 'ready');
    assert.deepEqual(after.decorations.map((d) => d.themeId).sort(), ['cc.permanence', 'hp.front-door']);
  });

  it('a sidecar deleted while its report is open is not silently recreated by saving the report', async () => {
    const editor = await openFixture('tagging/deleted-sidecar.txt');
    await loaded(editor.document.uri);
    select(editor, 'Children in care live in stable homes');
    await vscode.commands.executeCommand<Tag>('inspectionReports.tagSelection', { themeIds: ['cc.stability'] });
    // Not in the same instant as its creation: the disk watcher reports a file created and deleted at once as nothing.
    await new Promise((r) => setTimeout(r, 1000));
    await vscode.workspace.fs.delete(sidecarUri(editor.document.uri));
    const q = await waitFor('tagging to pause', async () => {
      const r = await query(editor.document.uri);
      return r.status?.kind === 'paused' ? r : undefined;
    });
    assert.deepEqual(q.status?.kind === 'paused' && q.status.reason, 'sidecar-deleted');
    assert.equal(q.tags?.length, 1, 'the tags are still known in the editor');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
    assert.ok(await editor.document.save());
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await readSidecar(editor.document.uri), undefined);
    // Tagging again is the user's explicit wish: the sidecar is recreated with every tag known.
    select(editor, 'Permanence is considered early');
    await vscode.commands.executeCommand<Tag>('inspectionReports.tagSelection', { themeIds: ['cc.permanence'] });
    assert.equal((await readSidecar(editor.document.uri))?.tags.length, 2);
  });

  it('a theme added to the workspace codebook can be used at once', async () => {
    const codebookUri = fixtureUri('.inspection-codebook.json');
    let previous: Uint8Array | undefined;
    try {
      previous = await vscode.workspace.fs.readFile(codebookUri);
    } catch {
      previous = undefined;
    }
    const file = { mode: 'extend', themes: [{ id: 'local.fennbridge-pilot', label: 'Fennbridge pilot', group: 'lm', colour: '#aa3377', cues: ['pilot'] }] };
    try {
      await vscode.workspace.fs.writeFile(codebookUri, new TextEncoder().encode(JSON.stringify(file, null, 2)));
      const editor = await openFixture(REPORT);
      await loaded(editor.document.uri);
      select(editor, 'Brothers and sisters live together');
      const tag = await waitFor('the new theme to be accepted', () =>
        Promise.resolve(vscode.commands.executeCommand<Tag | undefined>('inspectionReports.tagSelection', { themeIds: ['local.fennbridge-pilot'] })), 10_000, 250);
      assert.deepEqual(tag.themes, [{ id: 'local.fennbridge-pilot', label: 'Fennbridge pilot' }]);
      const q = await waitFor('the theme colour', async () => {
        const r = await query(editor.document.uri);
        return r.decorations.find((d) => d.themeId === 'local.fennbridge-pilot');
      });
      assert.equal(q.colour, '#aa3377');
    } finally {
      if (previous) await vscode.workspace.fs.writeFile(codebookUri, previous);
      else await vscode.workspace.fs.delete(codebookUri);
    }
  });

  it('a tag whose words are replaced is orphaned, not moved; it can be re-attached to a selection or deleted', async () => {
    const editor = await openFixture(REPORT);
    await loaded(editor.document.uri);
    const words = 'Their\n       self-evaluation matched what inspectors found';
    const selection = select(editor, words);
    const tag = await vscode.commands.executeCommand<Tag>('inspectionReports.tagSelection', { themeIds: ['lm.quality-assurance'] });
    await editor.edit((b) => b.replace(selection, 'Leaders revised their plans.'));
    const orphan = await waitFor('the tag to be orphaned', async () => (await query(editor.document.uri)).tags?.find((t) => t.id === tag.id && t.orphaned === true));
    assert.equal(orphan.anchor.quote.exact, words, 'the orphan keeps its quote');
    assert.ok(!(await query(editor.document.uri)).decorations.some((d) => d.ranges.some((r) => r.start === tag.anchor.position.start)), 'an orphan is not decorated');
    const reportUri = editor.document.uri.toString();
    const text = editor.document.getText();
    const start = text.indexOf('Leaders revised their plans');
    await vscode.commands.executeCommand('inspectionReports.tags.reattach', { reportUri, tagId: tag.id, range: { start, end: start + 'Leaders revised their plans'.length } });
    const reattached = (await readSidecar(editor.document.uri))?.tags.find((t) => t.id === tag.id);
    assert.equal(reattached?.orphaned, undefined);
    assert.equal(reattached?.anchor.quote.exact, 'Leaders revised their plans');
    // Deleting an orphan is refused for a tag that has its words (that is Remove Tag), and done for an orphan.
    await editor.edit((b) => b.replace(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 'Leaders revised their plans.'.length)), 'Words gone.'));
    await waitFor('the tag to be orphaned again', async () => (await query(editor.document.uri)).tags?.find((t) => t.id === tag.id && t.orphaned === true));
    await vscode.commands.executeCommand('inspectionReports.tags.deleteOrphan', { reportUri, tagId: tag.id });
    assert.equal((await readSidecar(editor.document.uri))?.tags.some((t) => t.id === tag.id), false);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
