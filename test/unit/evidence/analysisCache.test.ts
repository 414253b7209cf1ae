import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { ENGINE_VERSION } from '../../../src/core/recognition/engineVersion';
import { collectEvidence, type AnalyseFunction } from '../../../src/core/evidence/collectEvidence';
import { ANALYSIS_ENTRY_FORMAT, AnalysisCache } from '../../../src/core/evidence/analysisCache';
import { evidenceModelOf } from '../../../src/core/evidence/evidenceReportModel';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence/reports', import.meta.url));
const REPORTS = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));
const NOW = () => new Date('2026-01-05T12:00:00.000Z');
const A = readFileSync(`${REPORTS}/ilacs-2019-westmere.txt`, 'utf8');
const B = readFileSync(`${REPORTS}/sif-2015-fernleigh.txt`, 'utf8');
const C = readFileSync(`${REPORTS}/focused-visit-2019-westmere.txt`, 'utf8');

/** A clock the test moves by hand, so "least recently used" does not depend on how fast the test runs. */
function clock(): { now: () => number; tick: (ms?: number) => void } {
  let t = 1_000_000;
  return { now: () => t, tick: (ms = 1000) => void (t += ms) };
}

/** The entry files in the cache folder (not the index, not temp files). */
function entries(fs: MemoryFileSystem, folder = '/cache'): string[] {
  return [...fs.files.keys()].filter((p) => p.startsWith(`${folder}/`) && /\/[0-9a-f]{64}(-md)?\.json$/.test(p)).sort();
}

async function saved(cache: AnalysisCache, text: string, markdown = false): Promise<void> {
  cache.set(text, markdown, analyseReport(text, { markdown }));
  await cache.flush();
}

describe('AnalysisCache (persistent models, over an in-memory file system)', () => {
  it('misses on an empty folder, then gives the saved model to another cache on the same folder (a second process)', async () => {
    const fs = new MemoryFileSystem();
    const first = new AnalysisCache(fs, '/cache');
    assert.equal(await first.get(A, false), undefined);
    assert.equal(first.counts.misses, 1);
    await saved(first, A);
    const second = new AnalysisCache(fs, '/cache');
    assert.deepEqual(await second.get(A, false), JSON.parse(JSON.stringify(evidenceModelOf(analyseReport(A)))));
    assert.equal(second.counts.hits, 1);
    // Sharded by the hash's first two digits; one file per key; the index beside them.
    const [entry] = entries(fs);
    const key = AnalysisCache.keyOf(A, false);
    assert.equal(entry, `/cache/${key.slice(0, 2)}/${key}.json`);
    assert.ok(fs.get('/cache/index.json'));
  });

  it('keys on the exact text and on Markdown: a changed text or the other reading misses', async () => {
    const fs = new MemoryFileSystem();
    const cache = new AnalysisCache(fs, '/cache');
    await saved(cache, A);
    assert.equal(await cache.get(A.replace('Westmere', 'Eastmere'), false), undefined);
    assert.equal(await cache.get(A, true), undefined);
    assert.ok(await cache.get(A, false));
  });

  it('evicts the least recently used entries first once the bound is passed', async () => {
    const fs = new MemoryFileSystem();
    const time = clock();
    const size = (text: string) => JSON.stringify({ format: ANALYSIS_ENTRY_FORMAT, engine: ENGINE_VERSION, key: AnalysisCache.keyOf(text, false), markdown: false, textLength: text.length, model: evidenceModelOf(analyseReport(text)) }).length;
    // Room for A and B, not for C as well.
    const maxBytes = size(A) + size(B) + Math.floor(size(C) / 2);
    const cache = new AnalysisCache(fs, '/cache', { maxBytes, now: time.now });
    await saved(cache, A);
    time.tick();
    await saved(cache, B);
    time.tick();
    assert.ok(await cache.get(A, false)); // A is now more recently used than B
    await cache.flush();
    time.tick();
    await saved(cache, C);
    const later = new AnalysisCache(fs, '/cache', { maxBytes, now: time.now });
    assert.ok(await later.get(A, false), 'A was used after B, so it stays');
    assert.equal(await later.get(B, false), undefined, 'B was the least recently used, so it went');
    assert.ok(await later.get(C, false));
    assert.equal(cache.counts.evicted, 1);
    assert.equal(entries(fs).length, 2);
  });

  it('keeps nothing when the bound is 0 (disabled)', async () => {
    const fs = new MemoryFileSystem();
    const cache = new AnalysisCache(fs, '/cache', { maxBytes: 0 });
    await saved(cache, A);
    assert.equal(await cache.get(A, false), undefined);
    assert.equal(fs.files.size, 0);
  });

  describe('a corrupt or foreign entry is ignored and rewritten, never trusted', () => {
    const key = AnalysisCache.keyOf(A, false);
    const path = `/cache/${key.slice(0, 2)}/${key}.json`;
    const good = () => ({ format: ANALYSIS_ENTRY_FORMAT, engine: ENGINE_VERSION, key, markdown: false, textLength: A.length, model: JSON.parse(JSON.stringify(evidenceModelOf(analyseReport(A)))) as Record<string, unknown> });
    const corruptions: Array<[string, () => string]> = [
      ['truncated JSON', () => JSON.stringify(good()).slice(0, 500)],
      ['not JSON at all', () => '\u0000\u0000garbage'],
      ['another format', () => JSON.stringify({ ...good(), format: 'something-else' })],
      // The previous version's entry: a whole model under the old format name.
      ['a whole-model entry of the previous format', () => JSON.stringify({ ...good(), format: 'inspection-report-analysis', model: analyseReport(A) })],
      ['another engine version', () => JSON.stringify({ ...good(), engine: ENGINE_VERSION + 1 })],
      ['another key inside the entry (a file copied under the wrong name)', () => JSON.stringify({ ...good(), key: AnalysisCache.keyOf(B, false) })],
      ['another text length', () => JSON.stringify({ ...good(), textLength: A.length + 1 })],
      ['a model without sections', () => JSON.stringify({ ...good(), model: { ...good().model, sections: undefined } })],
      ['a model with a range beyond the text', () => JSON.stringify({ ...good(), model: { ...good().model, paragraphs: [{ number: 1, range: { start: 0, end: A.length + 10 }, line: 1 }] } })],
      // Written before list items had owners: trusting it would read the board's items as the council's.
      ['a model from before list items had owners', () => JSON.stringify({ ...good(), model: { ...good().model, strengths: undefined, improvements: [{ text: 'Plans.', priority: false, range: { start: 0, end: 1 }, line: 1, frameworkRefs: [] }] } })],
      ['a model with an unknown owner on an improvement', () => JSON.stringify({ ...good(), model: { ...good().model, improvements: [{ text: 'Plans.', owner: 'council', priority: false, range: { start: 0, end: 1 }, line: 1, frameworkRefs: [] }] } })],
      ['a model with an unknown owner on a strength', () => JSON.stringify({ ...good(), model: { ...good().model, strengths: [{ text: 'Plans.', owner: 'board', range: { start: 0, end: 1 }, line: 1 }] } })],
      ['a model with an unknown grade', () => JSON.stringify({ ...good(), model: { ...good().model, judgements: [{ area: 'overall', grade: 'superb', source: 'table', range: { start: 0, end: 1 }, line: 1 }] } })],
    ];
    for (const [what, content] of corruptions) {
      it(`${what}`, async () => {
        const fs = new MemoryFileSystem({ [path]: content() });
        const analysed: string[] = [];
        const analyse: AnalyseFunction = (text, options) => (analysed.push(options.path ?? '?'), analyseReport(text, options));
        fs.set('/r/a.txt', A);
        fs.set('/r/a.txt.tags.json', sidecarFor('a.txt'));
        const cache = new AnalysisCache(fs, '/cache');
        const set = await collectEvidence(['/r'], fs, { analyse, analysisCache: cache, now: NOW });
        assert.deepEqual(analysed, ['/r/a.txt'], 'the report is analysed, not answered from the bad entry');
        assert.equal(cache.counts.rejected, 1);
        assert.equal(set.reports[0]!.kind, analyseReport(A).kind);
        // Rewritten whole: a fresh cache now trusts it.
        assert.deepEqual(JSON.parse(fs.get(path)!), JSON.parse(JSON.stringify({ ...good(), model: evidenceModelOf(analyseReport(A)) })));
        const fresh = new AnalysisCache(fs, '/cache');
        assert.ok(await fresh.get(A, false));
        assert.equal(fresh.counts.rejected, 0);
      });
    }
  });

  it('drops every model when the engine version changes, and rewrites them for the new engine', async () => {
    const fs = new MemoryFileSystem();
    await saved(new AnalysisCache(fs, '/cache', { engineVersion: 1 }), A);
    const newer = new AnalysisCache(fs, '/cache', { engineVersion: 2 });
    assert.equal(await newer.get(A, false), undefined);
    assert.equal(newer.counts.rejected, 1);
    await saved(newer, A);
    assert.ok(await new AnalysisCache(fs, '/cache', { engineVersion: 2 }).get(A, false));
    assert.equal(await new AnalysisCache(fs, '/cache', { engineVersion: 1 }).get(A, false), undefined, 'an older engine does not trust the newer model either');
  });

  it('two caches writing the same entry at once leave one whole entry, written only by rename', async () => {
    const fs = new MemoryFileSystem();
    const key = AnalysisCache.keyOf(A, false);
    const path = `/cache/${key.slice(0, 2)}/${key}.json`;
    const first = new AnalysisCache(fs, '/cache');
    const second = new AnalysisCache(fs, '/cache');
    const writtenDirectly: string[] = [];
    const writeFile = fs.writeFile.bind(fs);
    fs.writeFile = (target, text) => (writtenDirectly.push(target), writeFile(target, text));
    let interleaved = false;
    fs.beforeWrite = async (target) => {
      // While the first cache's temp file is being written, the second process writes and renames the same entry.
      if (interleaved || !target.endsWith('.tmp')) return;
      interleaved = true;
      await saved(second, A);
    };
    await saved(first, A);
    assert.ok(interleaved);
    assert.ok(writtenDirectly.length >= 2 && writtenDirectly.every((p) => p.endsWith('.tmp')), `only temp files are written directly: ${writtenDirectly.join(', ')}`);
    assert.deepEqual([...fs.files.keys()].filter((p) => p.endsWith('.tmp')), [], 'no temp file is left behind');
    fs.beforeWrite = undefined;
    const reader = new AnalysisCache(fs, '/cache');
    assert.ok(await reader.get(A, false));
    assert.equal(reader.counts.rejected, 0);
    assert.equal(first.counts.written + second.counts.written, 2);
    assert.equal(JSON.parse(fs.get(path)!).key, key);
  });

  it('rebuilds a lost or corrupt index from the entries on disk, so entries it did not list are still evicted', async () => {
    const fs = new MemoryFileSystem();
    await saved(new AnalysisCache(fs, '/cache'), A);
    await saved(new AnalysisCache(fs, '/cache'), B);
    fs.set('/cache/index.json', '{ not json');
    const cSize = JSON.stringify({ format: ANALYSIS_ENTRY_FORMAT, engine: ENGINE_VERSION, key: AnalysisCache.keyOf(C, false), markdown: false, textLength: C.length, model: evidenceModelOf(analyseReport(C)) }).length;
    // Room for C alone: A and B, known only from the folder, must go.
    const cache = new AnalysisCache(fs, '/cache', { maxBytes: cSize + 10 });
    await saved(cache, C);
    const key = AnalysisCache.keyOf(C, false);
    assert.deepEqual(entries(fs), [`/cache/${key.slice(0, 2)}/${key}.json`]);
    assert.equal(cache.counts.evicted, 2);
    assert.deepEqual(Object.keys(JSON.parse(fs.get('/cache/index.json')!).entries), [key]);
  });

  it('does not look on disk for a key its index does not list, and looks for every key when there is no index', async () => {
    const fs = new MemoryFileSystem();
    await saved(new AnalysisCache(fs, '/cache'), A);
    const opened: string[] = [];
    const read = fs.readFile.bind(fs);
    fs.readFile = (path: string) => {
      opened.push(path);
      return read(path);
    };
    const cache = new AnalysisCache(fs, '/cache');
    assert.equal(await cache.get(B, false), undefined);
    assert.ok(await cache.get(A, false));
    const keyA = AnalysisCache.keyOf(A, false);
    assert.deepEqual(opened, ['/cache/index.json', `/cache/${keyA.slice(0, 2)}/${keyA}.json`]);
    // Saved in this run: found again, although the index read at the start did not list it.
    await saved(cache, B);
    assert.ok(await cache.get(B, false));
    // Without a readable index every entry is looked for.
    await fs.delete('/cache/index.json');
    opened.length = 0;
    const unindexed = new AnalysisCache(fs, '/cache');
    assert.ok(await unindexed.get(A, false));
    assert.equal(await unindexed.get(C, false), undefined);
    assert.equal(opened.filter((p) => p.endsWith(`${AnalysisCache.keyOf(C, false)}.json`)).length, 1);
  });

  it('a second collection over the same files, in a new cache over the same folder, analyses nothing and gives the same evidence', async () => {
    const fs = new MemoryFileSystem();
    for (const name of readdirSync(FIXTURES)) fs.set(`/reports/${name}`, readFileSync(`${FIXTURES}/${name}`, 'utf8'));
    const analysed: string[] = [];
    const analyse: AnalyseFunction = (text, options) => (analysed.push(options.path ?? '?'), analyseReport(text, options));
    const first = await collectEvidence(['/reports'], fs, { analyse, analysisCache: new AnalysisCache(fs, '/cache'), now: NOW });
    const analysedFirst = analysed.length;
    assert.ok(analysedFirst >= 3, `the first collection analyses every report (${analysed.join(', ')})`);
    analysed.length = 0;
    const cache = new AnalysisCache(fs, '/cache');
    const second = await collectEvidence(['/reports'], fs, { analyse, analysisCache: cache, now: NOW });
    assert.deepEqual(analysed, []);
    assert.equal(cache.counts.hits, analysedFirst);
    assert.ok(first.items.length > 0);
    assert.deepEqual(JSON.parse(JSON.stringify(second)), JSON.parse(JSON.stringify(first)));
  });
});

/** A tags file for `fileName` with one tag on its first five characters. */
function sidecarFor(fileName: string): string {
  return JSON.stringify({
    format: 'inspection-report-annotator/tags',
    version: 1,
    report: { fileName, textHash: 'a'.repeat(64) },
    tags: [{ id: 't1', themes: [{ id: 'supervision', label: 'Supervision' }], created: '2023-07-01T10:00:00.000Z', modified: '2023-07-01T10:00:00.000Z', anchor: { position: { start: 0, end: 5, unit: 'utf-16' }, quote: { exact: A.slice(0, 5), prefix: '', suffix: '' } } }],
  });
}
