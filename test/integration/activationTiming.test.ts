// Activation to the first Outline of a large report, in the real editor: the number `npm run bench` prints
// (it reads out/bench-vscode.json, written here). Also checks activation analyses no report that is not open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InspectionReportsApi } from '../../src/extension/extension';
import { syntheticSifReport } from '../../bench/syntheticReport';
import { EXTENSION_ID, fixtureUri, waitFor } from './helpers';

describe('activation timing (for npm run bench)', () => {
  it('shows the Outline of a 110 KB report soon after activation, having analysed only open reports', async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<InspectionReportsApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the test editor`);
    const fixture = readFileSync(join(extension.extensionPath, 'test/fixtures/reports/sif-2015-fernleigh.txt'), 'utf8');
    const text = syntheticSifReport(fixture);
    const uri = fixtureUri('bench-large-sif-report.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

    const wasActive = extension.isActive;
    const t0 = performance.now();
    const api = await extension.activate();
    const activated = performance.now();
    // Only documents already open can have been analysed: none of the workspace's other reports.
    const openReports = api.reports.openReports().map((s) => s.document.uri.toString());
    assert.ok(!openReports.includes(uri.toString()), 'the report was analysed before it was opened');

    const opening = performance.now();
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const shown = performance.now();
    let requests = 0;
    let lastRequestMs = 0;
    const symbols = await waitFor('document symbols', async () => {
      requests++;
      const asked = performance.now();
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
      lastRequestMs = performance.now() - asked;
      return s && s.length > 0 ? s : undefined;
    }, 30_000, 5);
    const done = performance.now();
    // The same request again, now that the report is analysed: what the Outline costs on a later refresh.
    const again = performance.now();
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    const repeatMs = performance.now() - again;
    assert.ok(symbols.some((s) => /inspection judgements about the local authority|the local authority/i.test(s.name)), 'the Outline lists the report\'s sections');

    const out = join(extension.extensionPath, 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'bench-vscode.json'), JSON.stringify({
      measuredAt: new Date().toISOString(),
      report: 'bench/syntheticReport.ts (SIF)',
      bytes: text.length,
      alreadyActive: wasActive,
      activationMs: activated - t0,
      activationToSymbolsMs: done - t0,
      firstSymbolsMs: done - opening,
      openAndShowMs: shown - opening,
      symbolRequests: requests,
      lastSymbolRequestMs: lastRequestMs,
      repeatSymbolRequestMs: repeatMs,
      symbols: symbols.length,
      openReportsAtActivation: openReports.length,
      openDocumentsAtActivation: vscode.workspace.textDocuments.length,
    }, null, 2));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
