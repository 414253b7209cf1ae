// Codebook commands in a real editor: the workspace codebook file is created, edited in place, and
// renaming or merging a theme rewrites the tags files that use it, never a malformed one.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createAnchor, textHash } from '../../src/core/tags/anchoring/anchorCreation';
import type { Sidecar } from '../../src/core/tags/sidecar/sidecarModel';
import { serialiseSidecar } from '../../src/core/tags/sidecar/sidecarSerialiser';
import { addTag, emptySidecar } from '../../src/core/tags/tagOperations';
import { activateExtension, diskUri, extensionApi, waitFor, workspaceRoot } from './helpers';

interface Result {
  ok: boolean;
  message: string;
  updated?: { file: string; tags: number }[];
  skipped?: { file: string; message: string }[];
}

const FOLDER = 'codebook-test';
const REPORT = 'codebook-westmere.txt';
const BROKEN = 'codebook-broken.txt';
/** Mentions the theme id, so the rename must look at it, and is not JSON, so it must not be written. */
const BROKEN_TEXT = '{ "format": "inspection-report-annotator/tags", "tags": [ { "themes": [ { "id": "hp.front-door" ';

describe('codebook commands', () => {
  let folder: string;
  let codebookPath: string;
  let sidecarPath: string;

  before(async () => {
    await activateExtension();
    folder = join(workspaceRoot().fsPath, FOLDER);
    codebookPath = join(workspaceRoot().fsPath, '.inspection-codebook.json');
    mkdirSync(folder, { recursive: true });
    const text = readFileSync(join(workspaceRoot().fsPath, 'westmere-ilacs-2025.txt'), 'utf8');
    writeFileSync(join(folder, REPORT), text);
    let sidecar: Sidecar = emptySidecar(REPORT, textHash(text));
    const quote = 'Children and families who need help receive a timely response from the';
    const start = text.indexOf(quote);
    sidecar = addTag(sidecar, { id: 'front', anchor: createAnchor(text, start, start + quote.length), themes: [{ id: 'hp.front-door', label: 'Front door and thresholds' }] }, { now: '2026-03-14T09:30:00.000Z' }).sidecar;
    const q2 = 'Strategy meetings are well attended by partner agencies.';
    const s2 = text.indexOf(q2);
    sidecar = addTag(sidecar, { id: 'strategy', anchor: createAnchor(text, s2, s2 + q2.length), themes: [{ id: 'hp.strategy-s47', label: 'Strategy discussions' }, { id: 'lm.partnership', label: 'Partnership working' }] }, { now: '2026-03-14T09:30:00.000Z' }).sidecar;
    sidecarPath = join(folder, `${REPORT}.tags.json`);
    writeFileSync(sidecarPath, serialiseSidecar(sidecar));
    writeFileSync(join(folder, BROKEN), 'Inspection of Brokenshire local authority children’s services\n');
    writeFileSync(join(folder, `${BROKEN}.tags.json`), BROKEN_TEXT);
    // Written while the extension was starting, perhaps before its file watcher listened.
    await vscode.commands.executeCommand('inspectionReports.tagsView.refresh');
  });

  after(() => {
    // Later test files expect the built-in codebook.
    rmSync(codebookPath, { force: true });
  });

  it('"Open Workspace Codebook" creates the file with its schema when there is none', async () => {
    rmSync(codebookPath, { force: true });
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('inspectionReports.codebook.open');
    assert.ok(existsSync(codebookPath));
    const written = JSON.parse(readFileSync(codebookPath, 'utf8')) as Record<string, unknown>;
    assert.equal(written.$schema, 'inspection-report-annotator:/schemas/codebook.schema.json');
    assert.equal(written.mode, 'extend');
    assert.equal(editor.document.uri.fsPath, codebookPath);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('adds a theme to the file', async () => {
    const result = await vscode.commands.executeCommand<Result>('inspectionReports.codebook.addTheme', { label: 'Family hubs', group: 'hp', colour: '#2a9a94', cues: ['family hub*'] });
    assert.equal(result.ok, true, result.message);
    const file = JSON.parse(readFileSync(codebookPath, 'utf8')) as { themes: Record<string, unknown>[] };
    assert.deepEqual(file.themes, [{ id: 'hp.family-hubs', label: 'Family hubs', group: 'hp', colour: '#2a9a94', cues: ['family hub*'] }]);
  });

  it('renames a theme in the codebook and in every tags file using it, skipping a malformed one untouched', async () => {
    const result = await vscode.commands.executeCommand<Result>('inspectionReports.codebook.renameTheme', { themeId: 'hp.front-door', label: 'Front door (MASH)' });
    assert.equal(result.ok, true, result.message);
    // (Other test files' fixtures may use the theme too: only this file's are checked.)
    assert.deepEqual(result.updated?.find((u) => u.file.startsWith(`${FOLDER}/`)), { file: `${FOLDER}/${REPORT}.tags.json`, tags: 1 });
    const skipped = result.skipped?.find((u) => u.file.startsWith(`${FOLDER}/`));
    assert.equal(skipped?.file, `${FOLDER}/${BROKEN}.tags.json`);
    assert.match(skipped?.message ?? '', /malformed|not valid JSON/);
    assert.equal(readFileSync(join(folder, `${BROKEN}.tags.json`), 'utf8'), BROKEN_TEXT, 'the malformed file was changed');

    const onDisk = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar;
    assert.deepEqual(onDisk.tags.find((t) => t.id === 'front')?.themes, [{ id: 'hp.front-door', label: 'Front door (MASH)' }]);
    // Tags without the theme are left as they were.
    assert.equal(onDisk.tags.find((t) => t.id === 'strategy')?.modified, '2026-03-14T09:30:00.000Z');
    const file = JSON.parse(readFileSync(codebookPath, 'utf8')) as { themes: Record<string, unknown>[] };
    assert.deepEqual(file.themes.find((t) => t.id === 'hp.front-door'), { id: 'hp.front-door', label: 'Front door (MASH)' });

    // The Tags view follows: the theme is listed under its new label.
    await waitFor('the renamed theme in the Tags view', async () => {
      const roots = await (await extensionApi()).tagsViewTree();
      return roots.find((r) => r.label === 'Help and protection')?.children?.some((t) => t.label === 'Front door (MASH)');
    });
  });

  it('merges one theme into another, in the codebook and in the tags files', async () => {
    const result = await vscode.commands.executeCommand<Result>('inspectionReports.codebook.mergeThemes', { themeId: 'lm.partnership', intoId: 'hp.strategy-s47', confirmed: true });
    assert.equal(result.ok, true, result.message);
    assert.deepEqual(result.updated?.find((u) => u.file.startsWith(`${FOLDER}/`)), { file: `${FOLDER}/${REPORT}.tags.json`, tags: 1 });
    const onDisk = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Sidecar;
    // The tag had both themes: it keeps one.
    assert.deepEqual(onDisk.tags.find((t) => t.id === 'strategy')?.themes.map((t) => t.id), ['hp.strategy-s47']);
    const file = JSON.parse(readFileSync(codebookPath, 'utf8')) as { hide?: string[] };
    assert.deepEqual(file.hide, ['lm.partnership']);
  });

  it('recolours a theme', async () => {
    const result = await vscode.commands.executeCommand<Result>('inspectionReports.codebook.recolourTheme', { themeId: 'hp.front-door', colour: '#AA3366' });
    assert.equal(result.ok, true, result.message);
    const file = JSON.parse(readFileSync(codebookPath, 'utf8')) as { themes: Record<string, unknown>[] };
    assert.equal(file.themes.find((t) => t.id === 'hp.front-door')?.colour, '#aa3366');
  });

  it('refuses a colour that is not one, and leaves the file as it was', async () => {
    const before = readFileSync(codebookPath, 'utf8');
    const result = await vscode.commands.executeCommand<Result>('inspectionReports.codebook.recolourTheme', { themeId: 'hp.front-door', colour: 'reddish' });
    assert.equal(result.ok, false);
    assert.match(result.message, /reddish/);
    assert.equal(readFileSync(codebookPath, 'utf8'), before);
  });

  // Each case makes a different mistake, so that the diagnostics of one cannot pass for the other's.
  for (const { withSchema, value, expected } of [
    { withSchema: false, value: { mode: 'sometimes' }, expected: /"extend", "replace"/ },
    { withSchema: true, value: { $schema: 'inspection-report-annotator:/schemas/codebook.schema.json', hide: 5 }, expected: /Incorrect type\. Expected "array"/ },
  ]) {
    it(`the JSON editor checks the codebook file against the bundled schema (${withSchema ? 'through its $schema' : 'by its name'})`, async () => {
      writeFileSync(codebookPath, JSON.stringify(value, null, 2));
      const document = await vscode.workspace.openTextDocument(diskUri(codebookPath));
      await vscode.window.showTextDocument(document);
      const messages = await waitFor(`a diagnostic matching ${String(expected)}`, () => {
        const text = vscode.languages.getDiagnostics(document.uri).map((d) => d.message).join('\n');
        return expected.test(text) ? text : undefined;
      }, 15_000);
      assert.doesNotMatch(messages, /Unable to load schema/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  }

  it('the JSON editor checks a tags file against the bundled tags schema', async () => {
    const path = join(folder, 'lonely.txt.tags.json');
    writeFileSync(path, JSON.stringify({ format: 'some-other-tool', version: 1, report: { fileName: 'lonely.txt', textHash: 'x' }, tags: [] }, null, 2));
    const document = await vscode.workspace.openTextDocument(diskUri(path));
    await vscode.window.showTextDocument(document);
    await waitFor('a diagnostic on the format', () => vscode.languages.getDiagnostics(document.uri).some((d) => /inspection-report-annotator\/tags/.test(d.message)), 15_000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
