// The Moderation view in a real editor: two coders have tagged the same invented report; the view shows per-theme
// agreement and kappa with their band (the same figures `report agreement` prints), lets the user choose the coders
// and units, and following a disagreement opens the report with that passage selected.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { ModerationStateRequest } from '../../src/extension/moderation/moderationCommands';
import type { ModerationRenderedState } from '../../src/extension/moderation/moderationPanel';
import { diskUri, extensionApi, fixtureUri, takeMeasuredScreenshot, waitFor } from './helpers';
import { decodePng, shareOfBox, summarise } from './pngImage';

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
    await vscode.commands.executeCommand('inspectionReports.openModeration', { folders: [diskUri(folder)] });
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

  it('settling a disagreement writes an "agreed" tag beside both coders\' tags, and undo takes it out', async () => {
    const sidecarPath = join(folder, 'Brackenford ILACS 2025.txt.tags.json');
    const readTags = () => (JSON.parse(readFileSync(sidecarPath, 'utf8')) as { tags: { author?: string; themes: { id: string }[]; anchor: { quote: { exact: string } } }[] }).tags;
    const drawn = await state();
    const stability = drawn!.disagreements.find((d) => d.theme === 'Stability')!;
    assert.equal(stability.settled, false);
    const settled = await state({ settle: { index: stability.index, decision: 'accept-a' } });
    const agreed = readTags().filter((t) => t.author === 'agreed');
    assert.deepEqual(agreed.map((t) => [t.themes.map((th) => th.id), t.anchor.quote.exact]), [[['cc.stability'], 'live in stable homes']]);
    assert.equal(readTags().length, 6, "both coders' five tags are kept");
    assert.equal(settled?.disagreements.find((d) => d.theme === 'Stability')?.settled, true);
    assert.equal(settled?.undoable, 1);
    assert.match(settled!.notice, /1 agreed tag with Stability written; Amira's and Ben's tags are kept/);
    // The coders compared stay Amira and Ben: "agreed" is a coder now, but never chosen by default.
    assert.deepEqual([settled?.coderA, settled?.coderB], ['Amira', 'Ben']);

    // The settled moderation exports as its own coder.
    const target = fixtureUri('moderation-agreed.csv');
    try {
      const exported = await vscode.commands.executeCommand<{ passages: number } | undefined>('inspectionReports.exportEvidenceCsv', { target, folders: [diskUri(folder)], coder: 'agreed' });
      assert.equal(exported?.passages, 1);
      const csv = readFileSync(target.fsPath, 'utf8');
      assert.ok(csv.includes('live in stable homes') && csv.includes('agreed'), csv);
      assert.ok(!csv.includes('Amira') && !csv.includes('sufficiency of local foster placements'), 'no other coder\'s passage');
    } finally {
      rmSync(target.fsPath, { force: true });
    }

    const undone = await state({ undo: true });
    assert.deepEqual(readTags().filter((t) => t.author === 'agreed'), []);
    assert.equal(readTags().length, 5);
    assert.equal(undone?.disagreements.find((d) => d.theme === 'Stability')?.settled, false);
    assert.equal(undone?.undoable, 0);
    assert.match(undone!.notice, /Undone: the settlement of Stability on "live in stable homes"/);
  });

  it("coding blind shows only the coder's own tags in the report, and everyone's again when turned off", async () => {
    const api = await extensionApi();
    const reportUri = diskUri(join(folder, 'Brackenford ILACS 2025.txt'));
    await vscode.window.showTextDocument(reportUri);
    const config = vscode.workspace.getConfiguration('inspectionReports');
    const themesShown = async () => (await api.tagsFor(reportUri)).decorations.map((d) => d.themeId).sort().join(',');
    await waitFor('all three themes to be highlighted', async () => ((await themesShown()) === 'cc.permanence,cc.stability,cc.sufficiency' ? true : undefined), 10_000);
    await config.update('tagging.author', 'Ben', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('inspectionReports.toggleCodeBlind');
      assert.equal(vscode.workspace.getConfiguration('inspectionReports').get('moderation.codeBlind'), true);
      // Ben coded Permanence and Sufficiency; Amira's Stability is hidden from him.
      await waitFor("only Ben's themes to be highlighted", async () => ((await themesShown()) === 'cc.permanence,cc.sufficiency' ? true : undefined), 10_000);
      const ranges = (await api.tagsFor(reportUri)).decorations.find((d) => d.themeId === 'cc.permanence')!.ranges;
      assert.deepEqual(ranges.map((r) => REPORT.slice(r.start, r.end)), ['Too many children wait too long for permanence']);
      await vscode.commands.executeCommand('inspectionReports.toggleCodeBlind');
      await waitFor('every coder\'s themes to be highlighted again', async () => ((await themesShown()) === 'cc.permanence,cc.stability,cc.sufficiency' ? true : undefined), 10_000);
    } finally {
      await config.update('tagging.author', undefined, vscode.ConfigurationTarget.Global);
      await config.update('moderation.codeBlind', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('looks right (screenshot for the README)', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('inspectionReports.openModeration', { folders: [diskUri(folder)] });
    const drawn = await waitFor('the Moderation view to draw', async () => {
      const s = await state();
      return s && s.themes.length === 3 && s.disagreements.length === 2 ? s : undefined;
    }, 15_000);
    // The README's picture is replaced only when asked (IRA_README_SCREENSHOTS=1), so a test run leaves the checkout as it was.
    const name = process.env.IRA_README_SCREENSHOTS === '1' ? resolve(__dirname, '..', '..', 'media', 'screenshot-moderation.png') : 'moderation-readme';
    const shot = await takeMeasuredScreenshot(name, { measure: { rows: '#themes tbody tr', low: '#themes td.band-low', high: '#themes td.band-high', passages: '#disagreements li.passage', settle: '#disagreements button[data-settle]' } });
    if (!shot) this.skip();
    const image = decodePng(readFileSync(shot.path));
    const { colours, drawn: share } = summarise(image);
    assert.ok(colours >= 32 && share >= 0.05, `the picture looks blank (${colours} colours, ${(share * 100).toFixed(1)}% drawn)`);
    // What the page holds is what the view reported: a row per theme, a passage per disagreement, four ways to settle each.
    assert.equal(shot.boxes.rows?.length, drawn.themes.length);
    assert.equal(shot.boxes.passages?.length, drawn.disagreements.length);
    assert.equal(shot.boxes.settle?.length, 4 * drawn.disagreements.length);
    assert.equal(shot.boxes.low?.length, drawn.themes.filter((t) => t.band === 'low').length);
    assert.equal(shot.boxes.high?.length, drawn.themes.filter((t) => t.band === 'high').length);
    // In the picture, the low band is tinted red and the high band green (their theme colours over the background).
    const scale = image.width / shot.area.width;
    for (const box of (shot.boxes.low ?? []).filter((b) => b.whole)) assert.ok(shareOfBox(image, box, scale, ([r, g, b]) => r - g >= 8 && r - b >= 8) >= 0.5, 'a low-band kappa cell is tinted red');
    for (const box of (shot.boxes.high ?? []).filter((b) => b.whole)) assert.ok(shareOfBox(image, box, scale, ([r, g, b]) => g - r >= 6 && g - b >= 6) >= 0.5, 'a high-band kappa cell is tinted green');
  });
});
