// Tag suggestions in a real editor: shown only when asked for, offered as quick fixes, accepted into tags,
// and dismissed for good (the dismissal is kept in the report's tags file).
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Sidecar } from '../../src/core/tags/sidecar/sidecarModel';
import type { ShownSuggestion } from '../../src/extension/suggestions/suggestionController';
import { activateExtension, diskUri, extensionApi, waitFor, workspaceRoot } from './helpers';

const FOLDER = 'suggestions-test';
const REPORT = 'suggest-westmere.txt';

async function shown(uri: vscode.Uri): Promise<ShownSuggestion[]> {
  return (await extensionApi()).suggestionsFor(uri);
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('inspectionReports').get<boolean>('suggestions.enabled', false);
}

describe('tag suggestions', () => {
  let uri: vscode.Uri;
  let sidecarPath: string;

  before(async () => {
    await activateExtension();
    const folder = join(workspaceRoot().fsPath, FOLDER);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, REPORT), readFileSync(join(workspaceRoot().fsPath, 'westmere-ilacs-2025.txt'), 'utf8'));
    uri = diskUri(join(folder, REPORT));
    sidecarPath = `${uri.fsPath}.tags.json`;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  });

  after(async () => {
    if (enabled()) await vscode.commands.executeCommand('inspectionReports.suggestions.toggle');
  });

  it('shows nothing until asked, then underlines the sentences that contain a theme\'s cue phrases', async () => {
    assert.equal(enabled(), false, 'suggestions are off by default');
    assert.deepEqual(await shown(uri), []);
    await vscode.commands.executeCommand('inspectionReports.suggestions.toggle');
    assert.equal(enabled(), true);
    const list = await waitFor('suggestions', async () => {
      const s = await shown(uri);
      return s.length > 0 ? s : undefined;
    });
    const strategy = list.find((s) => s.themeId === 'hp.strategy-s47');
    assert.ok(strategy, list.map((s) => `${s.themeId}: ${s.quote}`).join('\n'));
    assert.equal(strategy.quote, 'Strategy meetings are well attended by partner agencies.');
    assert.equal(strategy.cue.toLowerCase().startsWith('strategy meeting'), true);
  });

  it('offers accept and dismiss as quick fixes on a suggested sentence', async () => {
    const list = await shown(uri);
    const strategy = list.find((s) => s.themeId === 'hp.strategy-s47')!;
    const document = await vscode.workspace.openTextDocument(uri);
    const at = document.positionAt(strategy.start + 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Accept suggestion: Strategy discussions and child protection enquiries'), titles.join('\n'));
    assert.ok(titles.includes('Dismiss suggestion: Strategy discussions and child protection enquiries'), titles.join('\n'));
  });

  it('dismissing keeps the dismissal in the tags file and stops suggesting the sentence', async () => {
    assert.equal(existsSync(sidecarPath), false, 'no tags file before the first dismissal');
    const strategy = (await shown(uri)).find((s) => s.themeId === 'hp.strategy-s47')!;
    const count = await vscode.commands.executeCommand<number>('inspectionReports.suggestions.dismiss', { reportUri: uri.toString(), key: strategy.key });
    assert.equal(count, 1);
    const onDisk = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar;
    assert.deepEqual(onDisk.dismissedSuggestions, [strategy.key]);
    assert.deepEqual(onDisk.tags, []);
    assert.equal((await shown(uri)).some((s) => s.key === strategy.key), false);
    // Still dismissed after the tags files are read again from disk.
    await vscode.commands.executeCommand('inspectionReports.tagsView.refresh');
    assert.equal((await shown(uri)).some((s) => s.key === strategy.key), false);
  });

  it('accepting tags the sentence with the theme', async () => {
    const partnership = (await shown(uri)).find((s) => s.themeId === 'lm.partnership' && s.quote.startsWith('Strategy meetings'));
    assert.ok(partnership, 'the same sentence suggested for partnership working (cue "partner agencies")');
    const count = await vscode.commands.executeCommand<number>('inspectionReports.suggestions.accept', { reportUri: uri.toString(), key: partnership.key });
    assert.equal(count, 1);
    const onDisk = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar;
    assert.equal(onDisk.tags.length, 1);
    const tag = onDisk.tags[0]!;
    assert.deepEqual(tag.themes.map((t) => t.id), ['lm.partnership']);
    assert.equal(tag.anchor.quote.exact, 'Strategy meetings are well attended by partner agencies.');
    assert.equal(tag.context?.paragraph, 2);
    // The earlier dismissal survived the write.
    assert.equal(onDisk.dismissedSuggestions?.length, 1);
    await waitFor('the accepted suggestion to disappear', async () => !(await shown(uri)).some((s) => s.key === partnership.key));
  });

  it('dismisses every suggestion of one theme at once, and hides them all when turned off', async () => {
    const before = await shown(uri);
    const theme = before.find((s) => before.filter((x) => x.themeId === s.themeId).length >= 2)?.themeId;
    assert.ok(theme, 'a theme with two or more suggestions');
    const keys = before.filter((s) => s.themeId === theme).map((s) => s.key);
    const count = await vscode.commands.executeCommand<number>('inspectionReports.suggestions.dismissAll', { reportUri: uri.toString(), themeId: theme });
    assert.equal(count, keys.length);
    const onDisk = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar;
    for (const k of keys) assert.ok(onDisk.dismissedSuggestions?.includes(k), `${k} not kept`);
    const after = await shown(uri);
    assert.equal(after.some((s) => s.themeId === theme), false);
    assert.equal(after.length, before.length - keys.length);

    await vscode.commands.executeCommand('inspectionReports.suggestions.toggle');
    assert.equal(enabled(), false);
    assert.deepEqual(await shown(uri), []);
  });
});
