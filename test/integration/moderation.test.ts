// The Moderation view in a real editor: two coders have tagged the same invented report; the view shows per-theme
// agreement and kappa with their band (the same figures `report agreement` prints), lets the user choose the coders
// and units, and following a disagreement opens the report with that passage selected.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ModerationStateRequest } from '../../src/extension/moderation/moderationCommands';
import type { ModerationRenderedState } from '../../src/extension/moderation/moderationPanel';
import { extensionApi, waitFor } from './helpers';

const REPORT = `Inspection of Brackenford local authority children's services

The experiences and progress of children in care: requires improvement

1. Most children in care live in stable homes and know their social workers well.

2. Too many children wait too long for permanence; plans drift after review.

3. Leaders have improved the sufficiency of local foster placements this year.
`;

let next = 0;
/** A tag as the editor writes it: position plus quote with 32 characters of context either side. */
function tag(author: string, words: string, themeId: string, label: string) {
  const start = REPORT.indexOf(words);
  const end = start + words.length;
  next++;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    themes: [{ id: themeId, label }],
    author,
    created: '2026-03-01T10:00:00.000Z',
    modified: '2026-03-01T10:00:00.000Z',
    anchor: { position: { start, end, unit: 'utf-16' }, quote: { exact: words, prefix: REPORT.slice(Math.max(0, start - 32), start), suffix: REPORT.slice(end, end + 32) } },
  };
}

async function state(request?: ModerationStateRequest): Promise<ModerationRenderedState | undefined> {
  return (await extensionApi()).moderationState(request);
}

describe('Moderation view', () => {
  let folder: string;

  before(async () => {
    await extensionApi();
    folder = mkdtempSync(join(tmpdir(), 'ira-moderation-'));
    writeFileSync(join(folder, 'Brackenford ILACS 2025.txt'), REPORT);
    const tags = [
      // Permanence: Amira tags the whole sentence, Ben its first half. Stability: Amira only.
      tag('Amira', 'Too many children wait too long for permanence; plans drift after review.', 'cc.permanence', 'Permanence'),
      tag('Ben', 'Too many children wait too long for permanence', 'cc.permanence', 'Permanence'),
      tag('Amira', 'live in stable homes', 'cc.stability', 'Stability'),
      tag('Ben', 'sufficiency of local foster placements', 'cc.sufficiency', 'Sufficiency'),
      tag('Amira', 'sufficiency of local foster placements', 'cc.sufficiency', 'Sufficiency'),
    ];
    const sidecar = { format: 'inspection-report-annotator/tags', version: 1, report: { fileName: 'Brackenford ILACS 2025.txt', textHash: createHash('sha256').update(REPORT, 'utf8').digest('hex') }, tags };
    writeFileSync(join(folder, 'Brackenford ILACS 2025.txt.tags.json'), JSON.stringify(sidecar, null, 2) + '\n');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(folder, { recursive: true, force: true });
  });

  it('shows agreement and kappa per theme for the two coders, with kappa bands', async () => {
    await vscode.commands.executeCommand('inspectionReports.openModeration', { folders: [vscode.Uri.file(folder)] });
    const drawn = await waitFor('the Moderation view to draw', async () => {
      const s = await state();
      return s && s.themes.length === 3 ? s : undefined;
    }, 15_000);
    assert.deepEqual([drawn.coderA, drawn.coderB, drawn.unit], ['Amira', 'Ben', 'character']);
    const n = REPORT.length;
    const both = 'Too many children wait too long for permanence'.length;
    const aOnly = '; plans drift after review.'.length;
    const pa = (both + aOnly) / n;
    const pb = both / n;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    const kappa = ((n - aOnly) / n - pe) / (1 - pe);
    const permanence = drawn.themes.find((t) => t.id === 'cc.permanence')!;
    assert.deepEqual(permanence, { id: 'cc.permanence', label: 'Permanence', agreement: ((n - aOnly) / n).toFixed(3), kappa: kappa.toFixed(3), band: kappa > 0.75 ? 'high' : kappa >= 0.4 ? 'fair' : 'low', aOnly, bOnly: 0, both });
    // Stability: only Amira used it, so kappa 0 (low band); Sufficiency: the same words by both, kappa 1 (high band).
    assert.deepEqual(drawn.themes.map((t) => [t.label, t.kappa, t.band]), [['Permanence', kappa.toFixed(3), permanence.band], ['Stability', '0.000', 'low'], ['Sufficiency', '1.000', 'high']]);
    assert.deepEqual(drawn.disagreements.map((d) => [d.theme, d.coder, d.text]), [
      ['Stability', 'Amira', 'live in stable homes'],
      ['Permanence', 'Amira', '; plans drift after review.'],
    ]);
  });

  it('swapping the coders swaps who coded each disagreement, and paragraphs count whole paragraphs', async () => {
    const swapped = await state({ choose: { coderA: 'Ben', coderB: 'Amira' } });
    assert.deepEqual(swapped?.disagreements.map((d) => d.coder), ['Amira', 'Amira']);
    assert.deepEqual(swapped?.themes.find((t) => t.id === 'cc.permanence')?.bOnly, '; plans drift after review.'.length);
    const paragraphs = await state({ choose: { coderA: 'Amira', coderB: 'Ben', unit: 'paragraph' } });
    // Both coders touched paragraph 2 for Permanence: full agreement over the five paragraphs.
    assert.deepEqual(paragraphs?.themes.find((t) => t.id === 'cc.permanence'), { id: 'cc.permanence', label: 'Permanence', agreement: '1.000', kappa: '1.000', band: 'high', aOnly: 0, bOnly: 0, both: 1 });
    await state({ choose: { unit: 'character' } });
  });

  it('following a disagreement opens the report with the passage selected', async () => {
    const drawn = await state();
    const drift = drawn!.disagreements.find((d) => d.text === '; plans drift after review.')!;
    await state({ press: drift.index });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.fsPath, join(folder, 'Brackenford ILACS 2025.txt'));
    assert.equal(editor.document.getText(editor.selection), '; plans drift after review.');
  });
});
