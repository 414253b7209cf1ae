import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { collectEvidence, type AnalyseFunction } from '../../../src/core/evidence/collectEvidence';
import { ReportModelCache } from '../../../src/core/evidence/modelCache';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));
const NOW = () => new Date('2026-01-05T12:00:00.000Z');
const REPORT = readFileSync(`${FIXTURES}/reports/westmere-ilacs-2024.txt`, 'utf8');

/** analyseReport, counting its calls. */
function countingAnalyser(): { analyse: AnalyseFunction; calls: string[] } {
  const calls: string[] = [];
  return { calls, analyse: (text, options) => (calls.push(options.path ?? '?'), analyseReport(text, options)) };
}

describe('ReportModelCache', () => {
  it('gives the model held for the same text at the same path, compared by content, not by string identity', () => {
    const cache = new ReportModelCache();
    const model = analyseReport(REPORT);
    cache.set('/r/a.txt', REPORT, model);
    assert.equal(cache.get('/r/a.txt', REPORT.slice(0, 10) + REPORT.slice(10)), model); // equal text, another string
  });

  it('gives nothing for a changed text, even of the same length, and holds the new one once set', () => {
    const cache = new ReportModelCache();
    const model = analyseReport(REPORT);
    cache.set('/r/a.txt', REPORT, model);
    const middle = REPORT.indexOf('e', Math.floor(REPORT.length / 2));
    assert.ok(middle > 0);
    const edited = REPORT.slice(0, middle) + 'a' + REPORT.slice(middle + 1);
    assert.equal(edited.length, REPORT.length);
    assert.equal(cache.get('/r/a.txt', edited), undefined);
    const second = analyseReport(edited);
    cache.set('/r/a.txt', edited, second);
    assert.equal(cache.get('/r/a.txt', REPORT), undefined, 'the old text is no longer held');
    assert.equal(cache.get('/r/a.txt', edited), second);
  });

  it('keys by path and by Markdown or plain text', () => {
    const cache = new ReportModelCache();
    const model = analyseReport(REPORT);
    cache.set('/r/a.txt', REPORT, model);
    assert.equal(cache.get('/r/b.txt', REPORT), undefined);
    assert.equal(cache.get('/r/a.txt', REPORT, true), undefined);
    assert.equal(cache.get('/r/a.txt', REPORT, false), model);
  });

  it('evicts the least recently used models beyond its bound on total text length', () => {
    const model = analyseReport('x');
    const cache = new ReportModelCache({ maxTextLength: 25 });
    cache.set('a', 'aaaaaaaaaa', model);
    cache.set('b', 'bbbbbbbbbb', model);
    assert.equal(cache.get('a', 'aaaaaaaaaa'), model); // a is now the most recently used
    cache.set('c', 'cccccccccc', model); // 30 > 25: b goes
    assert.equal(cache.get('b', 'bbbbbbbbbb'), undefined);
    assert.equal(cache.get('a', 'aaaaaaaaaa'), model);
    assert.equal(cache.get('c', 'cccccccccc'), model);
    assert.deepEqual([cache.size, cache.heldTextLength], [2, 20]);
    // A text larger than the whole bound is not kept (and does not empty the cache).
    cache.set('d', 'd'.repeat(26), model);
    assert.deepEqual([cache.size, cache.get('d', 'd'.repeat(26))], [2, undefined]);
  });

  it('evicts beyond its bound on the number of models', () => {
    const model = analyseReport('x');
    const cache = new ReportModelCache({ maxEntries: 2 });
    for (const path of ['a', 'b', 'c']) cache.set(path, path, model);
    assert.deepEqual(['a', 'b', 'c'].map((p) => cache.get(p, p) !== undefined), [false, true, true]);
  });
});

describe('collectEvidence with a model cache', () => {
  const folders = [`${FIXTURES}/reports`, `${FIXTURES}/problems`];

  it('gives, warm, exactly what a cold collection gives, analysing nothing again', async () => {
    const fs = new NodeFileSystem();
    const cold = await collectEvidence(folders, fs, { now: NOW });
    const cache = new ReportModelCache();
    const { analyse, calls } = countingAnalyser();
    const first = await collectEvidence(folders, fs, { now: NOW, analyse, modelCache: cache });
    const analysed = calls.length;
    assert.ok(analysed >= 5, `analysed ${analysed} reports`);
    const warm = await collectEvidence(folders, fs, { now: NOW, analyse, modelCache: cache });
    assert.equal(calls.length, analysed, 'the second collection analysed no unchanged report');
    assert.deepEqual(first, cold);
    assert.deepEqual(warm, cold);
    assert.ok(warm.items.length > 0);
  });

  it('analyses a report again when its text changed between collections, and shows the new text', async () => {
    const original = REPORT;
    const fs = new MemoryFileSystem({ '/w/westmere.txt': original, '/w/kingsbridge.txt': readFileSync(`${FIXTURES}/reports/kingsbridge-focused-visit-2023.txt`, 'utf8') });
    const cache = new ReportModelCache();
    const { analyse, calls } = countingAnalyser();
    const before = await collectEvidence(['/w'], fs, { now: NOW, analyse, modelCache: cache });
    // Same length, different grade: a stale model would keep the old judgement.
    const changed = original.replace(/\bgood\b/i, (g) => (g[0] === 'G' ? 'Poor' : 'poor'));
    assert.notEqual(changed, original);
    assert.equal(changed.length, original.length);
    fs.set('/w/westmere.txt', changed);
    const after = await collectEvidence(['/w'], fs, { now: NOW, analyse, modelCache: cache });
    assert.deepEqual(calls, ['/w/kingsbridge.txt', '/w/westmere.txt', '/w/westmere.txt']);
    const coldAfter = await collectEvidence(['/w'], fs, { now: NOW });
    assert.deepEqual(after, coldAfter);
    assert.notDeepEqual(after.reports, before.reports);
  });

  /** A memory file system that counts the report files read. */
  function countingFs(files: Record<string, string>): { fs: MemoryFileSystem; reads: string[] } {
    const fs = new MemoryFileSystem(files);
    const reads: string[] = [];
    const readFile = fs.readFile.bind(fs);
    fs.readFile = (path: string) => {
      if (!path.endsWith('.tags.json')) reads.push(path);
      return readFile(path);
    };
    const readBytes = fs.readBytes.bind(fs);
    fs.readBytes = (path: string, maxBytes: number) => {
      if (!path.endsWith('.tags.json')) reads.push(path);
      return readBytes(path, maxBytes);
    };
    return { fs, reads };
  }
  const KINGSBRIDGE = readFileSync(`${FIXTURES}/reports/kingsbridge-focused-visit-2023.txt`, 'utf8');
  const LONG_AGO = Date.parse('2026-01-01T00:00:00Z');

  it('does not read a report again when its file time and size are unchanged since it was read', async () => {
    const { fs, reads } = countingFs({ '/w/westmere.txt': REPORT, '/w/kingsbridge.txt': KINGSBRIDGE });
    for (const file of fs.files.values()) file.mtime = LONG_AGO;
    const cache = new ReportModelCache();
    const texts = new Map<string, string>();
    const first = await collectEvidence(['/w'], fs, { now: NOW, modelCache: cache });
    assert.equal(reads.length, 2);
    const again = await collectEvidence(['/w'], fs, { now: NOW, modelCache: cache, onReportText: (path, text) => texts.set(path, text) });
    assert.equal(reads.length, 2, 'no report read the second time');
    assert.deepEqual(again, first);
    // Exports still get every report's text, from the cache.
    assert.equal(texts.get('/w/westmere.txt'), REPORT);
    assert.equal(texts.get('/w/kingsbridge.txt'), KINGSBRIDGE);
  });

  it('reads a report again when its file time changed, even at the same size, and shows the new text', async () => {
    const { fs, reads } = countingFs({ '/w/westmere.txt': REPORT, '/w/kingsbridge.txt': KINGSBRIDGE });
    for (const file of fs.files.values()) file.mtime = LONG_AGO;
    const cache = new ReportModelCache();
    await collectEvidence(['/w'], fs, { now: NOW, modelCache: cache });
    const changed = REPORT.replace(/\bgood\b/i, (g) => (g[0] === 'G' ? 'Poor' : 'poor'));
    assert.equal(changed.length, REPORT.length);
    fs.set('/w/westmere.txt', changed);
    fs.files.get('/w/westmere.txt')!.mtime = LONG_AGO + 1000;
    const after = await collectEvidence(['/w'], fs, { now: NOW, modelCache: cache });
    assert.deepEqual(reads.slice(2), ['/w/westmere.txt']);
    assert.deepEqual(after, await collectEvidence(['/w'], new MemoryFileSystem({ '/w/westmere.txt': changed, '/w/kingsbridge.txt': KINGSBRIDGE }), { now: NOW }));
  });

  it('reads again a report written just before it was read: its time proves nothing (a coarse clock may not tick)', async () => {
    const { fs, reads } = countingFs({ '/w/westmere.txt': REPORT });
    // Written now: the collection reads it in the same moment.
    const cache = new ReportModelCache();
    await collectEvidence(['/w'], fs, { now: NOW, modelCache: cache });
    // Changed within the same clock tick: same time, same size.
    const mtime = fs.files.get('/w/westmere.txt')!.mtime;
    const changed = REPORT.replace(/\bgood\b/i, (g) => (g[0] === 'G' ? 'Poor' : 'poor'));
    fs.set('/w/westmere.txt', changed);
    fs.files.get('/w/westmere.txt')!.mtime = mtime;
    const after = await collectEvidence(['/w'], fs, { now: NOW, modelCache: cache });
    assert.equal(reads.length, 2, 'read again');
    assert.deepEqual(after, await collectEvidence(['/w'], new MemoryFileSystem({ '/w/westmere.txt': changed }), { now: NOW }));
  });
});
