// The Evidence view in a real editor: it collects the tagged fixture reports of test/fixtures/workspace/evidence,
// draws the passages, the theme x report heat map and the grades over time, narrows them with a filter, shows
// report text and notes as text (an HTML payload in a note stays inert), lists problems, and its exports write
// files. The webview reports what it drew, read through the extension's API; the screenshots are checked against it.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { EvidenceStateRequest, EvidenceViewState } from '../../src/extension/evidence/evidenceCommands';
import { diskUri, extensionApi, fixtureUri, openFixture, takeScreenshot, waitFor, workspaceRoot } from './helpers';
import { screenshotEvidence } from './evidencePicture';
import { generateScaleCorpus } from '../../bench/scaleCorpus';
import { writeAuthorityWorkspace } from './authorityWorkspace';
import { knownAuthorities } from '../../src/core/vocabulary/regions';

interface RenderedState {
  passages: number;
  /** What the saved analyses and evidence did for the last collection. */
  saved?: { unchanged: number; reused: number; saved: number };
  heatCells: number;
  heatRows: number;
  heatColumns: number;
  heatBy: string;
  heatSort: string;
  heatRowLabels: string[];
  heatColumnLabels: string[];
  heatRegions: string[];
  heatRowTotals: number[];
  /** Which window of report columns is drawn (the heat map by report). */
  heatColumnWindow: { offset: number; columns: number } | null;
  heatStickyHeader: string | null;
  heatScrolls: boolean;
  heatScrollTop: number;
  heatHeadOffset: number | null;
  heatMissing?: string[];
  areaColumns: string[];
  areaCells: number;
  timelines: number;
  recurring: number;
  gradeDots: number;
  problems: number;
  notes: string[];
  images: number;
  scriptsInContent: number;
  problemMessages: string[];
  folders: string[];
  injected: unknown;
  summary: string;
  filter: Record<string, unknown>;
  /** Where the reports were analysed: given when no request was made. */
  analysis?: EvidenceViewState['analysis'];
}

const SUPERVISION_CITATION =
  '“Supervision is infrequent and does not challenge drift” (Larkfield ILACS inspection, inspection ended 17 November 2023, para 5, section \'The impact of leaders on social work practice with children and families: inadequate\')';

/** A small REFI-QDA codebook as another QDA tool would write it (invented themes). */
const IMPORTED_QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Another QDA tool">
  <Codes>
    <Code guid="6f3c1b0e-1111-4c1a-9a11-0123456789ab" name="Direct work" isCodable="false">
      <Code guid="6f3c1b0e-2222-4c1a-9a11-0123456789ab" name="Family network meetings" isCodable="true" color="#1F77B4"/>
      <Code guid="6f3c1b0e-3333-4c1a-9a11-0123456789ab" name="Life-story work" isCodable="true" color="#AA3366"/>
    </Code>
  </Codes>
</CodeBook>
`;

const PAYLOAD = 'Agency staff down to 4% <img src=x onerror="window.__iraInjected=1"><script>window.__iraInjected=2</script> & still open';

/** What the open Evidence view drew (after doing what `request` asks through the view). */
async function state(request?: EvidenceStateRequest): Promise<RenderedState | undefined> {
  // The webview's report is loosely typed in the product; these are the fields the view script posts.
  return (await (await extensionApi()).evidenceState(request)) as RenderedState | undefined;
}

async function openEvidence(folders: vscode.Uri[]): Promise<RenderedState> {
  await vscode.commands.executeCommand('inspectionReports.openEvidence', { folders });
  // The first state arrives once the webview has loaded, collected and drawn.
  return waitFor('the Evidence view to draw', async () => {
    const s = await state();
    return s && JSON.stringify(s.folders) === JSON.stringify(folders.map((f) => f.fsPath)) ? s : undefined;
  }, 15_000);
}

describe('Evidence view', () => {
  const folder = () => fixtureUri('evidence');

  before(async () => {
    await extensionApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists every tagged passage, a heat map of themes by report and each authority\'s grades over time', async () => {
    const s = await openEvidence([folder()]);
    // 4 + 2 + 4 + 4 tags in the fixture sidecars; 4 reports, 8 themes.
    assert.equal(s.passages, 14);
    assert.equal(s.heatColumns, 4);
    assert.equal(s.heatRows, 8);
    // Filled cells: the (theme, report) pairs with at least one passage.
    assert.equal(s.heatCells, 14);
    // Themes by judgement area: the areas that hold a passage, in the order of the judgements, then the rest.
    assert.deepEqual(s.areaColumns, ['Impact of leaders', 'Help and protection', 'Children in care', 'Care leavers', 'Outside judgement sections']);
    assert.equal(s.areaCells, 11);
    // Harbourside (2021, 2024) and Larkfield (2023), five judgement areas each.
    assert.equal(s.timelines, 2);
    assert.equal(s.gradeDots, 15);
    assert.equal(s.problems, 0);
    assert.equal(s.summary, '14 passages from 4 of 4 reports · evidence');
    // Harbourside's written plans for children in need, in 2021 and again in 2024.
    assert.equal(s.recurring, 1);
    // The reports were analysed on worker threads started from the bundled dist/analysisWorker.js.
    const analysis = s.analysis;
    assert.equal(analysis?.fallback, undefined, analysis?.fallback);
    assert.ok((analysis?.workers ?? 0) >= 4, JSON.stringify(analysis));
  });

  it('narrows the passages and the heat map when a filter is chosen, and widens them again', async () => {
    await openEvidence([folder()]);
    const plans = await state({ filter: { themeIds: ['pq.planning'] } });
    assert.ok(plans);
    // Plans and planning: one passage in 2021, two in 2024, one in Larkfield.
    assert.equal(plans.passages, 4);
    assert.equal(plans.heatRows, 2, 'the Voice of the child passage in 2024 also carries Plans and planning');
    assert.deepEqual(plans.areaColumns, ['Help and protection', 'Children in care']);
    assert.deepEqual(plans.filter, { themeIds: ['pq.planning'] });
    const larkfield = await state({ filter: { authority: 'Larkfield' } });
    assert.equal(larkfield?.passages, 4);
    assert.equal(larkfield?.heatColumns, 1);
    assert.equal(larkfield?.timelines, 1);
    const inadequate = await state({ filter: { grades: ['inadequate'] } });
    assert.equal(inadequate?.passages, 3);
    const dated = await state({ filter: { since: '2023-01-01', until: '2023-12-31' } });
    assert.equal(dated?.passages, 6, 'the 2023 focused visit (2) and Larkfield 2023 (4)');
    const all = await state({ filter: {} });
    assert.equal(all?.passages, 14);
  });

  it('shows a note holding HTML as literal text, without running it', async () => {
    const s = await openEvidence([folder()]);
    assert.ok(s.notes.includes(PAYLOAD), `notes drawn: ${JSON.stringify(s.notes)}`);
    assert.equal(s.injected, null, 'the payload ran in the webview');
    assert.equal(s.images, 0, 'an <img> element was created from the note');
    assert.equal(s.scriptsInContent, 0, 'a <script> element was created from the note');
  });

  it('lists malformed tags files, orphaned tags and files too large for a report under Problems', async () => {
    // Outside the workspace, so the Tags view of the other tests never sees these files.
    const outside = mkdtempSync(join(tmpdir(), 'ira-evidence-'));
    const report = 'harbourside-ilacs-2024.txt';
    copyFileSync(join(folder().fsPath, report), join(outside, report));
    const sidecar = JSON.parse(readFileSync(join(folder().fsPath, `${report}.tags.json`), 'utf8')) as { tags: Array<{ anchor: { quote: { exact: string }; position: { start: number; end: number; unit: string } } }> };
    // One tag's words are no longer in the report: it stays, as orphaned.
    sidecar.tags[0]!.anchor.quote.exact = 'Words that the report no longer contains anywhere at all';
    sidecar.tags[0]!.anchor.position = { start: 5, end: 5 + sidecar.tags[0]!.anchor.quote.exact.length, unit: 'utf-16' };
    writeFileSync(join(outside, `${report}.tags.json`), JSON.stringify(sidecar, null, 2));
    writeFileSync(join(outside, 'larkfield-copy.txt'), readFileSync(join(folder().fsPath, 'larkfield-ilacs-2023.txt')));
    writeFileSync(join(outside, 'larkfield-copy.txt.tags.json'), '{ "format": "inspection-report-annotator/tags", ');
    // A 3 MB export named .txt: over the size limit for a report, so it is listed, not read.
    writeFileSync(join(outside, 'case-management-export.txt'), 'x'.repeat(3_000_000));
    const s = await openEvidence([diskUri(outside)]);
    assert.equal(s.problems, 3, s.problemMessages.join('\n'));
    assert.ok(s.problemMessages.some((m) => /^File too large to read as a report: .*case-management-export\.txt is 3 MB, over the 2 MB limit for a report, so it was not read/.test(m)), s.problemMessages.join('\n'));
    assert.ok(s.problemMessages.some((m) => /could not be found in harbourside-ilacs-2024\.txt; kept as orphaned/.test(m)), s.problemMessages.join('\n'));
    assert.ok(s.problemMessages.some((m) => /larkfield-copy\.txt\.tags\.json/.test(m)), s.problemMessages.join('\n'));
    // The orphan is still listed among the passages (with its stored words), not dropped.
    assert.equal(s.passages, 4);
    // Harbourside 2024's four themes, one column each for it and the unreadable Larkfield copy.
    assert.equal(s.heatCells, 4);
    assert.equal(s.heatColumns, 2);
    await screenshotEvidence('evidence-problems', s, s.heatCells, { selector: '.part.editor' });
  });

  it('refreshes when a tags file changes on disk', async () => {
    // Work on a copy inside the workspace, removed again at the end.
    const dir = join(workspaceRoot().fsPath, 'evidence-refresh-test');
    mkdirSync(dir, { recursive: true });
    const report = 'larkfield-ilacs-2023.txt';
    copyFileSync(join(folder().fsPath, report), join(dir, report));
    const sidecarText = readFileSync(join(folder().fsPath, `${report}.tags.json`), 'utf8');
    const sidecar = JSON.parse(sidecarText) as { tags: unknown[] };
    writeFileSync(join(dir, `${report}.tags.json`), JSON.stringify({ ...sidecar, tags: sidecar.tags.slice(0, 1) }, null, 2));
    await vscode.commands.executeCommand('inspectionReports.openEvidence', { folders: [diskUri(dir)] });
    await waitFor('one passage', async () => (await state())?.passages === 1, 15_000);
    writeFileSync(join(dir, `${report}.tags.json`), sidecarText);
    await waitFor('the view to follow the tags file', async () => (await state())?.passages === 4, 15_000);
    await vscode.workspace.fs.delete(diskUri(dir), { recursive: true, useTrash: false });
  });

  it('keeps the evidence of unchanged reports and tags files, and reads neither again on the next collection', async function () {
    this.timeout(90_000);
    // A copy dated an hour back, as reports on disk are: a file changed within two seconds of its reading is never
    // known by its size and time. Outside the workspace, so that no watcher collects on its own between the
    // collections this test asks for.
    const dir = mkdtempSync(join(tmpdir(), 'ira-evidence-saved-'));
    // In seconds, with 0.7 ms over (as disks keep times, finer than a millisecond): a stamp must not depend on how
    // the fraction is rounded.
    const hourAgo = Math.floor(Date.now() / 1000) - 3600 + 0.0007;
    for (const entry of readdirSync(folder().fsPath, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      copyFileSync(join(folder().fsPath, entry.name), join(dir, entry.name));
      utimesSync(join(dir, entry.name), hourAgo, hourAgo);
    }
    try {
      const first = await openEvidence([diskUri(dir)]);
      assert.equal(first.passages, 14);
      // Collected again over the same files, the reports are known unchanged and each pair's evidence is saved; from
      // then on a collection reads neither the reports nor their tags files: every text file of the folder (the
      // reports, and a README that is no report, known as such). A collection the view starts by itself (a file
      // event from an earlier test) may come between, so a few collections are allowed before that.
      const texts = readdirSync(dir).filter((name) => /\.(txt|md|markdown)$/i.test(name));
      let last: { unchanged: number; reused: number; saved: number } | undefined;
      const seen: string[] = [];
      let third: RenderedState | undefined;
      for (let round = 0; round < 6 && last?.unchanged !== texts.length; round++) {
        third = await state({ refresh: true });
        const now = await state();
        last = now?.saved;
        seen.push(`${JSON.stringify(last)} problems ${now?.problems}`);
      }
      assert.equal(last?.unchanged, texts.length, `${seen.join('; ')} for ${texts.join(', ')}`);
      assert.equal(last?.reused, 0, 'no saved analysis read either');
      assert.equal(third?.passages, first.passages);
      assert.equal(third?.summary, first.summary);
      assert.equal(third?.heatCells, first.heatCells);
      assert.equal(third?.recurring, first.recurring);
      // A tags file changed since (a minute later): the next collection reads that pair again, and not the others.
      const sidecarPath = join(dir, 'larkfield-ilacs-2023.txt.tags.json');
      const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as { tags: unknown[] };
      writeFileSync(sidecarPath, JSON.stringify({ ...sidecar, tags: sidecar.tags.slice(0, 1) }, null, 2));
      utimesSync(sidecarPath, hourAgo + 60, hourAgo + 60);
      const fewer = first.passages - (sidecar.tags.length - 1);
      const after = await state({ refresh: true });
      assert.equal(after?.passages, fewer);
      assert.equal((await state())?.saved?.unchanged, texts.length - 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports the filtered evidence as CSV, one row per passage, and refuses a target outside the workspace', async () => {
    await openEvidence([folder()]);
    await state({ filter: { authority: 'Larkfield' } });
    const target = fixtureUri('evidence-export.csv');
    const result = await vscode.commands.executeCommand<{ target: string; passages: number } | undefined>('inspectionReports.exportEvidenceCsv', { target });
    assert.equal(result?.passages, 4);
    const csv = readFileSync(target.fsPath, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.match(lines[0]!, /^theme_ids,theme_labels,quote,report_file,/);
    assert.equal(lines.length, 5);
    assert.ok(lines.every((l, i) => i === 0 || l.includes('larkfield-ilacs-2023.txt')));
    assert.ok(lines.some((l) => l.startsWith('pq.timeliness,"Timeliness, drift and delay",Too many children wait too long for an assessment,')), lines.join('\n'));
    // A caller-given path outside the workspace is refused (the save dialog is the only way there).
    const outside = resolve(tmpdir(), `ira-outside-${Date.now()}.csv`);
    const refused = await vscode.commands.executeCommand('inspectionReports.exportEvidenceCsv', { target: diskUri(outside) });
    assert.equal(refused, undefined);
    assert.throws(() => readFileSync(outside));
    await state({ filter: {} });
  });

  it('copies the tagged passage at the cursor with its citation', async () => {
    const editor = await openFixture('evidence/larkfield-ilacs-2023.txt');
    const offset = editor.document.getText().indexOf('Supervision is infrequent') + 5;
    editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset));
    const text = await waitFor('the tags to load', async () => vscode.commands.executeCommand<string | undefined>('inspectionReports.copyWithCitation'));
    assert.equal(text, SUPERVISION_CITATION);
  });

  it('opens the report at the passage when its link is pressed, and copies a passage from the list with its citation', async () => {
    await openEvidence([folder()]);
    // ev-11: the first Larkfield tag.
    await state({ press: { tagId: 'ev-11', action: 'open' } });
    const editor = await waitFor('the report to open at the passage', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith('/evidence/larkfield-ilacs-2023.txt') && !e.selection.isEmpty ? e : undefined;
    });
    assert.equal(editor.document.getText(editor.selection), 'Too many children wait too long for an assessment');
    await openEvidence([folder()]);
    await vscode.env.clipboard.writeText('');
    await state({ press: { tagId: 'ev-14', action: 'copy' } });
    const copied = await waitFor('the clipboard', async () => {
      const text = await vscode.env.clipboard.readText();
      return text ? text : undefined;
    });
    assert.equal(copied, SUPERVISION_CITATION);
  });

  it('exports Markdown, JSON, a REFI-QDA project and the codebook, and imports a .qdc codebook after confirmation', async () => {
    await openEvidence([folder()]);
    await state({ filter: {} });
    const md = fixtureUri('evidence-export.md');
    assert.equal((await vscode.commands.executeCommand<{ passages: number }>('inspectionReports.exportEvidenceMarkdown', { target: md }))?.passages, 14);
    const markdown = readFileSync(md.fsPath, 'utf8');
    assert.match(markdown, /^# Evidence by theme\n/);
    assert.match(markdown, /## Plans and planning \(4\)/);
    assert.ok(!markdown.includes('<img src=x'), 'HTML from a note went into the Markdown unescaped');
    const json = fixtureUri('evidence-export.json');
    await vscode.commands.executeCommand('inspectionReports.exportEvidenceJson', { target: json });
    const document = JSON.parse(readFileSync(json.fsPath, 'utf8')) as { format: string; items: Array<{ note?: string }>; reports: unknown[] };
    assert.equal(document.format, 'inspection-report-annotator/evidence');
    assert.equal(document.items.length, 14);
    assert.equal(document.reports.length, 4);
    assert.ok(document.items.some((i) => i.note === PAYLOAD));
    const qdpx = fixtureUri('evidence-export.qdpx');
    const project = await vscode.commands.executeCommand<{ passages: number; skipped: string[] }>('inspectionReports.exportEvidenceQdpx', { target: qdpx });
    assert.equal(project?.passages, 14);
    assert.deepEqual(project?.skipped, []);
    assert.equal(readFileSync(qdpx.fsPath).subarray(0, 2).toString('latin1'), 'PK');

    const qdc = fixtureUri('evidence-codebook.qdc');
    await vscode.commands.executeCommand('inspectionReports.exportCodebook', { target: qdc });
    assert.match(readFileSync(qdc.fsPath, 'utf8'), /<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);

    // Import replaces the workspace codebook: keep what the other tests left there, and put it back.
    const codebookPath = join(workspaceRoot().fsPath, '.inspection-codebook.json');
    let original: string | undefined;
    try {
      original = readFileSync(codebookPath, 'utf8');
    } catch {
      original = undefined;
    }
    try {
      const source = fixtureUri('evidence-import.qdc');
      writeFileSync(source.fsPath, IMPORTED_QDC);
      const imported = await vscode.commands.executeCommand<{ themes: number }>('inspectionReports.importCodebook', { source, confirmed: true });
      assert.equal(imported?.themes, 2);
      const file = JSON.parse(readFileSync(codebookPath, 'utf8')) as { mode: string; themes: Array<{ label: string; group: string; colour: string }> };
      assert.equal(file.mode, 'replace');
      assert.deepEqual(file.themes.map((t) => [t.label, t.colour]), [['Family network meetings', '#1f77b4'], ['Life-story work', '#aa3366']]);
      // Not a codebook: refused, and the file is left as it was.
      const before = readFileSync(codebookPath, 'utf8');
      writeFileSync(source.fsPath, '<Project><Sources/>');
      assert.equal(await vscode.commands.executeCommand('inspectionReports.importCodebook', { source, confirmed: true }), undefined);
      assert.equal(readFileSync(codebookPath, 'utf8'), before);
    } finally {
      if (original === undefined) rmSync(codebookPath, { force: true });
      else writeFileSync(codebookPath, original);
    }
  });

  it('follows a dark colour theme', async function () {
    const config = vscode.workspace.getConfiguration('workbench');
    const previous = config.inspect<string>('colorTheme')?.globalValue;
    await config.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
    try {
      const s = await openEvidence([folder()]);
      assert.equal(s.heatCells, 14);
      assert.deepEqual(s.areaColumns, ['Impact of leaders', 'Help and protection', 'Children in care', 'Care leavers', 'Outside judgement sections']);
      // The whole theme x report heat map is in the picture; the judgement-area table starts below it.
      const path = await screenshotEvidence('evidence-dark', s, s.heatCells, { selector: '.part.editor' });
      if (!path) this.skip();
    } finally {
      await config.update('colorTheme', previous, vscode.ConfigurationTarget.Global);
    }
  });

  it('looks right (screenshot for the README)', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await openEvidence([folder()]);
    // One theme across the reports: the passages, where they sit, and the finding that recurs.
    const s = await state({ filter: { themeIds: ['pq.planning'] } });
    assert.ok(s);
    // Plans and planning in three reports and Voice of the child once; by area, 3 + 1 and 1.
    assert.equal(s.heatCells, 4);
    assert.deepEqual(s.areaColumns, ['Help and protection', 'Children in care']);
    assert.equal(s.areaCells, 3);
    // The README's picture is replaced only when asked (IRA_README_SCREENSHOTS=1), so a test run leaves the checkout as it was.
    const readme = process.env.IRA_README_SCREENSHOTS === '1';
    // Both tables are in the picture, every cell of them.
    const path = await screenshotEvidence(readme ? resolve(__dirname, '..', '..', 'media', 'screenshot-evidence.png') : 'evidence-readme', s, s.heatCells + s.areaCells);
    await state({ filter: {} });
    if (!path) this.skip();
  });

  it('groups the heat map by region and by authority, sorts it by a heading, and keeps its headings in view', async function () {
    this.timeout(120_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const dir = mkdtempSync(join(tmpdir(), 'ira-regions-'));
    try {
      // Names as the reports print them; Westmere is invented, so it has no region.
      const written = writeAuthorityWorkspace(dir, [
        { authority: 'Leeds', reports: 2, tags: 4 },
        { authority: 'City of York', tags: 3 },
        { authority: 'Bristol, City of', tags: 5 },
        { authority: 'Camden', tags: 2 },
        { authority: 'Tower Hamlets', tags: 6 },
        { authority: 'St Helens', tags: 1 },
        { authority: 'Westmere', tags: 2 },
      ]);
      const passages = [...written.values()].reduce((n, v) => n + v, 0);
      assert.equal(passages, 27);
      const opened = await openEvidence([diskUri(dir)]);
      assert.equal(opened.passages, Math.min(passages, 200));
      const regions = await state({ heatMap: { by: 'region' } });
      assert.ok(regions);
      assert.equal(regions.heatBy, 'region');
      // One column a region, in the ONS order, the invented authority under Other; each says how many authorities.
      assert.deepEqual(regions.heatColumnLabels, [
        'North West: 1 authority, 1 report',
        'Yorkshire and The Humber: 2 authorities, 3 reports',
        'London: 2 authorities, 2 reports',
        'South West: 1 authority, 1 report',
        'Other: 1 authority, 1 report',
      ]);
      // Each tag carries one theme: the themes' totals over the regions add up to every passage written.
      assert.equal(regions.heatRowTotals.reduce((n, v) => n + v, 0), passages);
      assert.equal(regions.heatStickyHeader, 'sticky');
      await takeScreenshot('evidence-by-region');
      // Sorted by Total, largest first; a second click turns the order round.
      const byTotal = await state({ heatMap: { by: 'region', sortBy: ['total'] } });
      assert.equal(byTotal?.heatSort, 'total descending');
      assert.deepEqual(byTotal?.heatRowTotals, [...byTotal!.heatRowTotals].sort((a, b) => b - a));
      const ascending = await state({ heatMap: { by: 'region', sortBy: ['total'] } });
      assert.equal(ascending?.heatSort, 'total ascending');
      assert.deepEqual(ascending?.heatRowTotals, [...ascending!.heatRowTotals].sort((a, b) => a - b));
      // By authority: seven authorities are few enough to be columns, under a heading per region.
      const authorities = await state({ heatMap: { by: 'authority' } });
      assert.ok(authorities);
      assert.equal(authorities.heatSort, 'name ascending', 'each layout starts sorted by name');
      assert.deepEqual(authorities.heatRegions, ['North West', 'Yorkshire and The Humber', 'London', 'South West', 'Other']);
      assert.deepEqual(authorities.heatColumnLabels.map((l) => l.replace(/:.*/, '')), [
        'St Helens (North West)', 'City of York (Yorkshire and The Humber)', 'Leeds (Yorkshire and The Humber)', 'Camden (London)', 'Tower Hamlets (London)', 'Bristol, City of (South West)', 'Westmere (Other)',
      ]);
      assert.equal(authorities.heatRowTotals.reduce((n, v) => n + v, 0), passages);
      // And back to one column a report.
      const reports = await state({ heatMap: { by: 'report' } });
      assert.equal(reports?.heatColumns, 8);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws 150 authorities as rows under their regions, scrolling under sticky headings (screenshot)', async function () {
    this.timeout(240_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const dir = mkdtempSync(join(tmpdir(), 'ira-national-'));
    try {
      // 150 of England's councils, one inspection each with 2 to 12 passages tagged with a dozen themes.
      const councils = knownAuthorities().slice(0, 150);
      writeAuthorityWorkspace(dir, councils.map((c, i) => ({ authority: c.name, tags: 2 + ((i * 7) % 11) })), { themes: 12 });
      await vscode.commands.executeCommand('inspectionReports.openEvidence', { folders: [diskUri(dir)] });
      const drawn = await waitFor('the Evidence view to collect 150 reports', async () => {
        const s = await state();
        return s && s.summary.includes('of 150 reports') ? s : undefined;
      }, 120_000);
      assert.match(drawn.summary, /from 150 of 150 reports/);
      // The passages of all 150 are counted (each tag one theme): the regions' totals in their headings add up to them.
      const passages = Number(/^([\d,]+) passages/.exec(drawn.summary)?.[1]?.replace(/,/g, ''));
      const s = await state({ heatMap: { by: 'authority', sortBy: ['total'] } });
      assert.ok(s);
      // Too many for columns: one row an authority, a heading row a region, the themes as columns.
      assert.equal(s.heatRows, 150);
      // Each row is a council under the name the reports print.
      assert.deepEqual([...s.heatRowLabels].sort(), councils.map((c) => c.name).sort());
      assert.deepEqual(s.heatRegions.map((r) => r.replace(/ · .*/, '')), [...new Set(councils.map((c) => c.region))]);
      // The themes that hold a passage are the columns.
      assert.equal(s.heatColumns, 12);
      assert.equal(s.heatStickyHeader, 'sticky');
      assert.ok(s.heatScrolls, 'the heat map scrolls in its own box');
      assert.equal(s.heatRowTotals.reduce((n, v) => n + v, 0), passages);
      // Sorted by Total within each region: every region's rows run largest first.
      for (const region of new Set(councils.map((c) => c.region))) {
        const rows: Array<{ label: string; total: number }> = s.heatRowLabels.map((label, i) => ({ label, total: s.heatRowTotals[i] ?? -1 }));
        const inRegion = rows.filter((r) => councils.find((c) => c.name === r.label)?.region === region);
        assert.ok(inRegion.length > 0, region);
        assert.deepEqual(inRegion.map((r) => r.total), inRegion.map((r) => r.total).sort((a, b) => b - a), region);
      }
      // Measuring some 10,000 cells' boxes takes the runner a while.
      const path = await screenshotEvidence('evidence-150-authorities', s, 25, { timeoutMs: 120_000 });
      // Scrolled to the South West, the theme headings are still at the top of the box.
      const scrolled = await state({ heatMap: { by: 'authority', scrollTo: 100_000 } });
      assert.ok(scrolled && scrolled.heatScrollTop > 1000, `scrolled ${scrolled?.heatScrollTop}px`);
      assert.equal(scrolled.heatHeadOffset, 0);
      await takeScreenshot('evidence-150-authorities-scrolled');
      // By report, 150 columns come 40 at a time; each theme's Total still counts all 150 reports' passages.
      const firstWindow = await state({ heatMap: { by: 'report' } });
      assert.deepEqual(firstWindow?.heatColumnWindow, { offset: 0, columns: 150 });
      assert.equal(firstWindow.heatColumns, 40);
      assert.equal(firstWindow.heatRowTotals.reduce((n, v) => n + v, 0), passages);
      const secondWindow = await state({ heatMap: { by: 'report', columns: 'next' } });
      assert.deepEqual(secondWindow?.heatColumnWindow, { offset: 40, columns: 150 });
      assert.equal(secondWindow.heatColumns, 40);
      assert.ok(secondWindow.heatColumnLabels.every((label) => !firstWindow.heatColumnLabels.includes(label)), 'the next 40 reports are other reports');
      assert.equal(secondWindow.heatRowTotals.reduce((n, v) => n + v, 0), passages);
      if (!path) this.skip();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cancels a collection over 2,000 generated reports, shows none of it as the evidence and leaves every file as it was', async function () {
    this.timeout(300_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const dir = mkdtempSync(join(tmpdir(), 'ira-scale-'));
    try {
      // 2,000 reports in every kind's style, half of them tagged (bench/scaleCorpus.ts, from the project's fixtures).
      const written = generateScaleCorpus(dir, { reports: 2000, tagsPerReport: 20, tagEvery: 2, fixtureFolder: resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports') });
      assert.equal(written.reports, 2000);
      const before = folderSnapshot(dir);
      await vscode.commands.executeCommand('inspectionReports.openEvidence', { folders: [diskUri(dir)] });
      // The view's own Cancel, pressed once 50 reports are read.
      const cancelled = (await state({ cancelAfter: 50 })) as (RenderedState & { cancelled?: boolean }) | undefined;
      assert.ok(cancelled);
      assert.equal(cancelled.cancelled, true);
      const [, done, total] = /Collection cancelled after (\d+) of (\d+) reports/.exec(cancelled.summary) ?? [];
      assert.equal(Number(total), 2000, cancelled.summary);
      assert.ok(Number(done) >= 50 && Number(done) < 2000, cancelled.summary);
      // No partial evidence is drawn as if it were the whole: nothing complete had been collected, so no passages.
      assert.equal(cancelled.passages, 0);
      assert.deepEqual(folderSnapshot(dir), before, 'no report or tags file was touched, and nothing was added');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every file under `dir` with its size and modification time. */
function folderSnapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      const stat = statSync(path);
      return `${path} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}
