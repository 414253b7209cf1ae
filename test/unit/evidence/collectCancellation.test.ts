import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { collectEvidence, type AnalyseFunction } from '../../../src/core/evidence/collectEvidence';
import { AnalysisCache } from '../../../src/core/evidence/analysisCache';
import { CancellationSource } from '../../../src/core/evidence/cancellation';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';

const REPORTS = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));
const NOW = () => new Date('2026-01-05T12:00:00.000Z');

/** 40 reports under /reports: the project's fixtures, each twice over with a line of its own so every text differs. */
function reportFolder(): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  const names = readdirSync(REPORTS).filter((n) => n.endsWith('.txt')).sort();
  for (let i = 0; i < 40; i++) {
    const name = names[i % names.length]!;
    fs.set(`/reports/r${String(i).padStart(2, '0')}-${name}`, `${readFileSync(`${REPORTS}/${name}`, 'utf8')}\nCopy ${i}.\n`);
  }
  return fs;
}

/** Every file and its text, to compare before and after a run. */
function snapshot(fs: MemoryFileSystem, under: string): Map<string, string> {
  return new Map([...fs.files].filter(([path]) => path.startsWith(under)).map(([path, file]) => [path, file.text]));
}

/** Analysis that takes a turn of the event loop, as the worker threads' does. */
const slowAnalyse: AnalyseFunction = async (text, options) => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return analyseReport(text, options);
};

describe('collectEvidence: cancellation', () => {
  it('stops between reports when the token is cancelled, and says how far it got', async () => {
    const fs = reportFolder();
    const source = new CancellationSource();
    const seen: number[] = [];
    const set = await collectEvidence(['/reports'], fs, {
      now: NOW,
      analyse: slowAnalyse,
      cancellation: source.token,
      onProgress: ({ done, total }) => {
        seen.push(done);
        assert.equal(total, 40);
        if (done === 5) source.cancel();
      },
    });
    assert.equal(source.token.isCancellationRequested, true);
    assert.deepEqual(seen, [1, 2, 3, 4, 5]);
    assert.equal(set.reports.length, 5);
  });

  it('leaves the reports untouched and the saved analyses whole: every entry written before it returns, none after', async () => {
    const fs = reportFolder();
    const before = snapshot(fs, '/reports/');
    const source = new CancellationSource();
    const cache = new AnalysisCache(fs, '/cache');
    await collectEvidence(['/reports'], fs, { now: NOW, analyse: slowAnalyse, analysisCache: cache, cancellation: source.token, onProgress: ({ done }) => void (done === 3 && source.cancel()) });
    const after = snapshot(fs, '/cache/');
    // Reports started before the cancel finish (at most the 16 in flight), and their analyses are saved.
    assert.ok(cache.counts.written >= 3 && cache.counts.written <= 3 + 16, `${cache.counts.written} entries written`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(snapshot(fs, '/cache/'), after, 'nothing is written after the run returned');
    assert.deepEqual(snapshot(fs, '/reports/'), before);
    assert.deepEqual([...after.keys()].filter((p) => p.endsWith('.tmp')), [], 'no temp file is left behind');
    const entries = [...after].filter(([path]) => /[0-9a-f]{64}\.json$/.test(path));
    assert.equal(entries.length, cache.counts.written);
    for (const [path, text] of entries) assert.equal((JSON.parse(text) as { format: string }).format, 'inspection-report-evidence-model', path);
    // The index lists exactly the entries on disk, so the next run's eviction sees them all.
    const index = JSON.parse(after.get('/cache/index.json')!) as { entries: Record<string, unknown> };
    assert.deepEqual(Object.keys(index.entries).sort(), entries.map(([path]) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length)).sort());
  });

  it('a cancelled run is followed by a whole one that reuses what the cancelled run saved', async () => {
    const fs = reportFolder();
    const source = new CancellationSource();
    const first = new AnalysisCache(fs, '/cache');
    await collectEvidence(['/reports'], fs, { now: NOW, analyse: slowAnalyse, analysisCache: first, cancellation: source.token, onProgress: ({ done }) => void (done === 2 && source.cancel()) });
    const analysed: string[] = [];
    const second = new AnalysisCache(fs, '/cache');
    const whole = await collectEvidence(['/reports'], fs, { now: NOW, analysisCache: second, analyse: (text, o) => (analysed.push(o.path ?? '?'), analyseReport(text, o)) });
    assert.equal(whole.reports.length, 40);
    assert.equal(second.counts.hits, first.counts.written);
    assert.equal(analysed.length, 40 - first.counts.written);
  });
});
