import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectEvidence, type CollectOptions } from '../../../src/core/evidence/collectEvidence';
import { AnalysisCache } from '../../../src/core/evidence/analysisCache';
import { EvidenceIndex } from '../../../src/core/evidence/evidenceIndex';
import { EvidenceSnapshots } from '../../../src/core/evidence/evidenceSnapshots';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { createAnchor, textHash } from '../../../src/core/tags/anchoring/anchorCreation';
import { SIDECAR_FORMAT, SIDECAR_VERSION, type Sidecar, type Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import type { EvidenceSet } from '../../../src/core/evidence/evidenceModel';

const REPORTS = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));
const A = readFileSync(`${REPORTS}/ilacs-2019-westmere.txt`, 'utf8');
const B = readFileSync(`${REPORTS}/sif-2015-fernleigh.txt`, 'utf8');
const C = readFileSync(`${REPORTS}/focused-visit-2019-westmere.txt`, 'utf8');
const NOW = () => new Date('2026-01-05T12:00:00.000Z');
/** Well before any read: the files are not "racily clean". */
const LONG_AGO = Date.parse('2025-06-01T09:00:00Z');

/** A file system that lists the reports and tags files it reads. */
class CountingFileSystem extends MemoryFileSystem {
  reads: string[] = [];
  override readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
    if (!path.startsWith('/cache/')) this.reads.push(path);
    return super.readBytes(path, maxBytes);
  }
  override readFile(path: string): Promise<string> {
    if (!path.startsWith('/cache/')) this.reads.push(path);
    return super.readFile(path);
  }
}

function tag(text: string, id: string, words: string, extra: Partial<Tag> = {}): Tag {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `fixture has "${words}"`);
  return { id, themes: [{ id: 'workforce', label: 'Workforce' }], created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z', anchor: createAnchor(text, start, start + words.length), ...extra };
}

function sidecar(fileName: string, text: string, tags: Tag[]): string {
  const file: Sidecar = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName, textHash: textHash(text) }, tags };
  return JSON.stringify(file, null, 2);
}

/**
 * Two tagged reports (one tag orphaned, one with a note and an author, one on an area for improvement's list, one in the board's judgement),
 * a recognised report with no tags, and notes that are no report at all; one report in a folder of its own.
 */
function workspace(): CountingFileSystem {
  const lost = tag(A, 'a3', 'Care leavers');
  const fs = new CountingFileSystem({
    '/ws/westmere.txt': A,
    '/ws/westmere.txt.tags.json': sidecar('westmere.txt', A, [
      tag(A, 'a1', 'social workers', { note: 'caseloads', author: 'Sam' }),
      tag(A, 'a2', 'Care leavers', { themes: [{ id: 'leaving-care', label: 'Leaving care' }, { id: 'workforce', label: 'Workforce' }] }),
      { ...lost, anchor: { ...lost.anchor, position: { ...lost.anchor.position, end: lost.anchor.position.start + 'words the report never had'.length }, quote: { ...lost.anchor.quote, exact: 'words the report never had' } } },
    ]),
    '/ws/older/fernleigh.txt': B,
    '/ws/older/fernleigh.txt.tags.json': sidecar('fernleigh.txt', B, [tag(B, 'b1', 'Improve the quality of assessments'), tag(B, 'b2', 'The board is chaired effectively')]),
    '/ws/focused.txt': C,
    '/ws/notes.md': '# Notes\n\nTo read again before the self-evaluation.\n',
  });
  for (const file of fs.files.values()) file.mtime = LONG_AGO;
  return fs;
}

/** A collection as a fresh process makes it: a new cache over the same folder, nothing in memory. */
async function collect(fs: MemoryFileSystem, extra: Partial<CollectOptions> = {}): Promise<{ json: string; set: EvidenceSet; cache: AnalysisCache }> {
  const cache = new AnalysisCache(fs, '/cache');
  const set = await collectEvidence(['/ws'], fs, { now: NOW, analysisCache: cache, ...extra });
  return { json: JSON.stringify(set), set, cache };
}

/**
 * Two collections: the first analyses the reports, the second knows them by their stamps and saves each pair (a
 * pair is saved the second time it is folded unchanged). The second's result.
 */
async function warmUp(fs: MemoryFileSystem): Promise<{ json: string; set: EvidenceSet; cache: AnalysisCache }> {
  await collect(fs);
  return collect(fs);
}

/** The same collection with no cache at all: every file read, every report analysed. */
async function uncached(fs: MemoryFileSystem, extra: Partial<CollectOptions> = {}): Promise<string> {
  return JSON.stringify(await collectEvidence(['/ws'], fs, { now: NOW, ...extra }));
}

function touch(fs: MemoryFileSystem, path: string, text: string, mtime = LONG_AGO + 60_000): void {
  fs.files.set(path, { text, mtime });
}

function snapshotFiles(fs: MemoryFileSystem): string[] {
  return [...fs.files.keys()].filter((p) => p.startsWith('/cache/evidence/')).sort();
}

describe('evidence snapshots (unchanged pairs of files are not read again)', () => {
  it('a second collection reads no report and no tags file, and gives the same evidence, byte for byte, as reading them all', async () => {
    const fs = workspace();
    const analysed = await collect(fs);
    assert.equal(analysed.cache.snapshots!.counts.recorded, 0, 'a first collection, which analyses the reports, saves no pair');
    const first = await collect(fs);
    assert.equal(first.cache.snapshots!.counts.recorded, 4, 'both tagged reports, the untagged one and the notes');
    assert.equal(snapshotFiles(fs).length, 2, 'one file per folder of reports');
    fs.reads = [];
    const second = await collect(fs);
    assert.deepEqual(fs.reads, []);
    assert.equal(second.cache.snapshots!.counts.used, 4);
    assert.equal(second.json, first.json);
    assert.equal(second.json, await uncached(fs));
    // What a person reads in it: the orphaned tag still listed as one, the note and the author kept.
    const items = second.set.items;
    assert.equal(items.find((i) => i.tagId === 'a3')!.orphaned, true);
    assert.deepEqual(second.set.problems.map((p) => p.kind), ['orphaned-tag']);
    assert.deepEqual([items.find((i) => i.tagId === 'a1')!.note, items.find((i) => i.tagId === 'a1')!.author], ['caseloads', 'Sam']);
    assert.ok(second.set.reports.some((r) => r.path === '/ws/focused.txt' && r.tagCount === 0), 'the untagged report is still listed');
  });

  it('reads again only the pair whose tags file or report changed, even at the same size', async () => {
    const fs = workspace();
    await warmUp(fs);
    // The same number of characters, a later time: a tag's theme relabelled.
    const original = fs.get('/ws/westmere.txt.tags.json')!;
    const relabelled = original.replace('"label": "Workforce"', '"label": "Staffing!"');
    assert.equal(relabelled.length, original.length);
    touch(fs, '/ws/westmere.txt.tags.json', relabelled);
    fs.reads = [];
    const second = await collect(fs);
    assert.deepEqual(fs.reads, ['/ws/westmere.txt.tags.json']);
    assert.equal(second.set.items.find((i) => i.tagId === 'a1')!.themes[0]!.label, 'Staffing!');
    assert.equal(second.json, await uncached(fs));
    // The report edited: read again, its tags placed in the new text.
    const edited = 'Inspection of a children\u2019s services authority.\n' + A;
    touch(fs, '/ws/westmere.txt', edited);
    fs.reads = [];
    const third = await collect(fs);
    assert.deepEqual(fs.reads.sort(), ['/ws/westmere.txt', '/ws/westmere.txt.tags.json']);
    assert.equal(third.set.items.find((i) => i.tagId === 'a1')!.position!.start, edited.indexOf('social workers'));
    assert.equal(third.json, await uncached(fs));
  });

  it('notices a tags file added, removed, or a report deleted, and forgets the pairs that are gone', async () => {
    const fs = workspace();
    await warmUp(fs);
    touch(fs, '/ws/focused.txt.tags.json', sidecar('focused.txt', C, [tag(C, 'c1', 'children')]));
    fs.delete('/ws/older/fernleigh.txt.tags.json');
    fs.reads = [];
    const second = await collect(fs);
    assert.deepEqual(fs.reads.sort(), ['/ws/focused.txt', '/ws/focused.txt.tags.json', '/ws/older/fernleigh.txt']);
    assert.equal(second.json, await uncached(fs));
    assert.ok(second.set.items.some((i) => i.tagId === 'c1'));
    assert.ok(!second.set.items.some((i) => i.tagId === 'b1'));
    await collect(fs);
    fs.delete('/ws/notes.md');
    const third = await collect(fs);
    assert.equal(third.json, await uncached(fs));
    // Written only when a pair was saved: here none was, so the notes are still named.
    assert.ok(snapshotFiles(fs).some((p) => fs.get(p)!.includes('"notes.md"')));
    touch(fs, '/ws/focused.txt.tags.json', sidecar('focused.txt', C, [tag(C, 'c2', 'children')]), LONG_AGO + 120_000);
    await warmUp(fs);
    assert.ok(!snapshotFiles(fs).some((p) => fs.get(p)!.includes('"notes.md"')), 'a pair whose report is gone is left out when its folder is written');
  });

  it('keeps no pair whose files changed within two seconds of their reading, or that drew a word about its files', async () => {
    const fs = workspace();
    touch(fs, '/ws/older/fernleigh.txt.tags.json', fs.get('/ws/older/fernleigh.txt.tags.json')!, Date.now());
    // Says it belongs to another report: a warning on every reading.
    touch(fs, '/ws/westmere.txt.tags.json', sidecar('other.txt', A, [tag(A, 'a1', 'social workers')]));
    const first = await warmUp(fs);
    assert.equal(first.cache.snapshots!.counts.recorded, 2, 'only the untagged report and the notes');
    fs.reads = [];
    const second = await collect(fs);
    assert.deepEqual(fs.reads.filter((p) => p.endsWith('.tags.json')).sort(), ['/ws/older/fernleigh.txt.tags.json', '/ws/westmere.txt.tags.json']);
    assert.deepEqual(second.set.problems.map((p) => p.kind), ['sidecar-warning']);
    assert.equal(second.json, await uncached(fs));
  });

  it('makes a report too large again when the limit is lowered since', async () => {
    const fs = workspace();
    await warmUp(fs);
    const limitMB = (A.length - 1) / 1_000_000;
    const second = await collect(fs, { maxReportMB: limitMB });
    assert.ok(second.set.problems.some((p) => p.kind === 'report-too-large' && p.path === '/ws/westmere.txt'));
    assert.equal(second.json, await uncached(fs, { maxReportMB: limitMB }));
  });

  it('ignores a damaged, foreign or hand-edited snapshot, reads the files, and writes it again', async () => {
    const damages: Array<(text: string) => string> = [
      () => '{"format": "inspection-report-evidence-snapshot"',
      (text) => text.replace(/"fold":\d+/, '"fold":999'),
      (text) => text.replace(/"engine":\d+/, '"engine":999'),
      (text) => text.replace(/"checks":"[0-9a-f]+"/, '"checks":"0000000000000000"'),
      (text) => text.replace('"/ws"', '"/elsewhere"'),
      (text) => text.replace(/"path":"\/ws\/westmere.txt"/, '"path":"/ws/other.txt"'),
      (text) => text.replace(',false,[', ',"no",['),
      (text) => text.replace('["a1",', '["a1","a field from elsewhere",'),
      (text) => text.replace('["a1",0,', '["a1",7,'),
      (text) => text.replace('"westmere.txt"\t{"report', '"westmere.txt"\t{"report}'),
    ];
    for (const damage of damages) {
      const fs = workspace();
      const first = await warmUp(fs);
      const file = snapshotFiles(fs).find((p) => fs.get(p)!.includes('"westmere.txt"'))!;
      const damaged = damage(fs.get(file)!);
      assert.notEqual(damaged, fs.get(file), String(damage));
      await fs.writeFile(file, damaged);
      fs.reads = [];
      const second = await collect(fs);
      assert.ok(fs.reads.includes('/ws/westmere.txt.tags.json'), String(damage));
      assert.equal(second.json, first.json, String(damage));
      assert.ok(second.cache.snapshots!.counts.refused > 0 || !damaged.includes('"westmere.txt"'), String(damage));
      fs.reads = [];
      await collect(fs);
      assert.deepEqual(fs.reads, [], `written whole again: ${String(damage)}`);
    }
  });

  it('is not used for a caller that wants every report\'s text, nor with the cache off', async () => {
    const fs = workspace();
    await warmUp(fs);
    fs.reads = [];
    const texts: string[] = [];
    await collect(fs, { onReportText: (path) => texts.push(path) });
    assert.equal(texts.length, 4);
    const off = new AnalysisCache(fs, '/cache', { maxBytes: 0 });
    assert.equal(off.snapshots, undefined);
  });

  it('an index built from snapshots reads the tags again when only its report changed, and loses none', async () => {
    const fs = workspace();
    await warmUp(fs);
    const cache = new AnalysisCache(fs, '/cache');
    const index = new EvidenceIndex(['/ws'], fs, { now: NOW, analysisCache: cache });
    fs.reads = [];
    const built = await index.build();
    assert.deepEqual(fs.reads, []);
    const edited = A.replace('Westmere', 'Eastmere');
    touch(fs, '/ws/westmere.txt', edited, Date.now() - 10_000);
    const updated = await index.update(['/ws/westmere.txt']);
    assert.deepEqual(updated.items.filter((i) => i.reportPath === '/ws/westmere.txt').map((i) => i.tagId).sort(), ['a1', 'a2', 'a3']);
    assert.equal(updated.items.length, built.items.length);
    assert.equal(JSON.stringify({ ...updated, generated: '' }), JSON.stringify({ ...(await collectEvidence(['/ws'], fs, { now: NOW })), generated: '' }));
  });

  it('writes the folders already passed on the way when much is recorded, and each whole', async () => {
    const fs = new MemoryFileSystem({ '/ws/a/one.txt': A, '/ws/b/two.txt': B });
    const written: string[] = [];
    const snapshots = new EvidenceSnapshots(fs, '/cache/evidence', async (path, text) => void (written.push(path), await fs.writeFile(path, text)), { heldLimit: 10 });
    const stamp = { size: 1, mtime: LONG_AGO, readAt: LONG_AGO + 60_000 };
    snapshots.record({ reportPath: '/ws/a/one.txt' }, stamp, undefined, undefined);
    assert.deepEqual(written, [], 'the folder being folded is held');
    snapshots.record({ reportPath: '/ws/b/two.txt' }, stamp, undefined, undefined);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(written, [snapshots.fileOf('/ws/a')]);
    await snapshots.flush();
    assert.deepEqual(written, [snapshots.fileOf('/ws/a'), snapshots.fileOf('/ws/b')]);
  });

  it('keeps the folders\' files within the bound, the most recently written first', async () => {
    const fs = workspace();
    await warmUp(fs);
    const files = snapshotFiles(fs);
    assert.equal(files.length, 2);
    const sizes = files.map((p) => fs.get(p)!.length);
    // Room for the larger file only: the one written last (the top folder's, written again below) stays.
    const bound = Math.max(...sizes) + 1;
    const snapshots = new EvidenceSnapshots(fs, '/cache/evidence', (path, text) => fs.writeFile(path, text), { maxBytes: bound });
    fs.files.get(snapshots.fileOf('/ws/older'))!.mtime = LONG_AGO;
    snapshots.record({ reportPath: '/ws/notes.md' }, { size: fs.get('/ws/notes.md')!.length, mtime: LONG_AGO, readAt: LONG_AGO + 60_000 }, undefined, undefined);
    await snapshots.flush();
    const kept = snapshotFiles(fs);
    assert.deepEqual(kept, [snapshots.fileOf('/ws')]);
    assert.ok(kept.reduce((sum, p) => sum + fs.get(p)!.length, 0) <= bound);
  });
});
