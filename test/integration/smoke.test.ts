// First in-editor test: the harness works end to end and the extension loads in a real VS Code.
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, openFixture, takeScreenshot, waitFor } from './helpers';

describe('smoke: the extension in a real editor', () => {
  it('is installed from the development folder', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.equal(extension.packageJSON.displayName, 'Inspection Report Annotator');
  });

  it('activates without throwing', async () => {
    const extension = await activateExtension();
    assert.equal(extension.isActive, true);
  });

  it('opens a fixture report as a text document in the active editor', async () => {
    const editor = await openFixture('placeholder-ilacs-report.txt');
    assert.equal(editor.document.lineAt(0).text, "Inspection of Westmarsh local authority children's services");
    assert.match(editor.document.getText(), /Overall effectiveness\s+Good/);
    await waitFor('the report to be the active editor', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === editor.document.uri.toString());
  });

  it('can photograph the workbench mid-test (when run in the browser harness)', async function () {
    const asked = Date.now();
    const png = await takeScreenshot('smoke-open-report');
    if (png === undefined) this.skip();
    assert.ok(statSync(png).mtimeMs >= asked - 1000, `${png} is an old picture, not one taken now`);
    const bytes = readFileSync(png);
    assert.deepEqual([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
    assert.ok(bytes.length > 10_000, `a screenshot of a whole workbench is more than ${bytes.length} bytes`);
  });
});
