import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectEvidence, type CollectOptions } from '../../../src/core/evidence/collectEvidence';
import { AnalysisCache } from '../../../src/core/evidence/analysisCache';
import { EvidenceIndex } from '../../../src/core/evidence/evidenceIndex';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { createAnchor, textHash } from '../../../src/core/tags/anchoring/anchorCreation';
import { SIDECAR_FORMAT, SIDECAR_VERSION, type Sidecar, type Tag } from '../../../src/core/tags/sidecar/sidecarModel';

const REPORTS = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));
const A = readFileSync(`${REPORTS}/ilacs-2019-westmere.txt`, 'utf8');
const B = readFileSync(`${REPORTS}/sif-2015-fernleigh.txt`, 'utf8');
const NOW = () => new Date('2026-01-05T12:00:00.000Z');
/** Well before any read: the files are not "racily clean". */
const LONG_AGO = Date.parse('2025-06-01T09:00:00Z');

/** A file system that counts the reports it reads (their bytes: how aggregation reads a report). */
class CountingFileSystem extends MemoryFileSystem {
  reportReads: string[] = [];
  override readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
    if (path.endsWith('.txt')) this.reportReads.push(path);
    return super.readBytes(path, maxBytes);
  }
}

function tag(text: string, id: string, words: string, occurrence = 0): Tag {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(words, start + 1);
  assert.ok(start >= 0, `fixture has "${words}"`);
  return { id, themes: [{ id: 'workforce', label: 'Workforce' }], created: '2025-01-01T00:00:00Z', modified: '2025-01-01T00:00:00Z', anchor: createAnchor(text, start, start + words.length) };
}

function sidecar(fileName: string, text: string, tags: Tag[]): string {
  const file: Sidecar = { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName, textHash: textHash(text) }, tags };
  return JSON.stringify(file, null, 2);
}

function workspace(): CountingFileSystem {
  const fs = new CountingFileSystem({
    '/ws/westmere.txt': A,
    '/ws/westmere.txt.tags.json': sidecar('westmere.txt', A, [tag(A, 'a1', 'social workers'), tag(A, 'a2', 'Care leavers')]),
    '/ws/fernleigh.txt': B,
    '/ws/fernleigh.txt.tags.json': sidecar('fernleigh.txt', B, [tag(B, 'b1', 'children')]),
  });
  for (const file of fs.files.values()) file.mtime = LONG_AGO;
  return fs;
}

/**
 * A collection as a fresh process makes it: a new cache over the same folder, nothing in memory. The evidence saved
 * per pair of files (evidenceSnapshots.test.ts) would answer before the stamps: these tests are of the stamps
 * beneath, as when only a sidecar changed, so that evidence is forgotten first.
 */
async function collect(fs: MemoryFileSystem, extra: Partial<CollectOptions> = {}): Promise<{ json: string; cache: AnalysisCache }> {
  for (const path of [...fs.files.keys()]) if (path.startsWith('/cache/evidence/')) fs.files.delete(path);
  const cache = new AnalysisCache(fs, '/cache');
  const set = await collectEvidence(['/ws'], fs, { now: NOW, analysisCache: cache, ...extra });
  return { json: JSON.stringify(set), cache };
}

function touch(fs: MemoryFileSystem, path: string, text: string, mtime = LONG_AGO + 60_000): void {
  fs.files.set(path, { text, mtime });
}

describe('report stamps (unchanged reports are not read again)', () => {
  it('a second collection reads no report, and gives the same evidence as reading them all', async () => {
    const fs = workspace();
    const first = await collect(fs);
    assert.deepEqual(fs.reportReads.sort(), ['/ws/fernleigh.txt', '/ws/westmere.txt']);
    assert.ok(fs.get('/cache/stamps.json'), 'stamps saved beside the analyses');
    fs.reportReads = [];
    const second = await collect(fs);
    assert.deepEqual(fs.reportReads, []);
    assert.equal(second.cache.stamps.counts.trusted, 2);
    assert.equal(second.json, first.json);
    const uncached = await collectEvidence(['/ws'], fs, { now: NOW });
    assert.equal(second.json, JSON.stringify(uncached));
  });

  it('reads a report again when its size or time changed, and then places its tags in the new text', async () => {
    const fs = workspace();
    await collect(fs);
    // Same length, other words, a new time: the passage "social workers" moved by one word's edit before it.
    const edited = A.replace('Westmere', 'Eastmere');
    touch(fs, '/ws/westmere.txt', edited);
    fs.reportReads = [];
    const { json } = await collect(fs);
    assert.deepEqual(fs.reportReads, ['/ws/westmere.txt']);
    assert.equal(json, JSON.stringify(await collectEvidence(['/ws'], fs, { now: NOW })));
  });

  it('does not trust a stamp of a file read within two seconds of its last change (a coarse clock may hide another)', async () => {
    const fs = workspace();
    const justNow = Date.now();
    for (const file of fs.files.values()) file.mtime = justNow;
    await collect(fs);
    // Changed again in the same clock tick, same size: only reading it can tell.
    touch(fs, '/ws/westmere.txt', A.replace('Westmere', 'Eastmere'), justNow);
    fs.reportReads = [];
    const { json } = await collect(fs);
    assert.deepEqual(fs.reportReads.sort(), ['/ws/fernleigh.txt', '/ws/westmere.txt']);
    assert.match(json, /Eastmere/);
  });

  it('reads the report when a tag was added or moved, but not for a changed note', async () => {
    const fs = workspace();
    await collect(fs);
    const tags = [tag(A, 'a1', 'social workers'), tag(A, 'a2', 'Care leavers')];
    touch(fs, '/ws/westmere.txt.tags.json', sidecar('westmere.txt', A, [{ ...tags[0]!, note: 'a new note' }, tags[1]!]));
    fs.reportReads = [];
    const noted = await collect(fs);
    assert.deepEqual(fs.reportReads, []);
    assert.match(noted.json, /a new note/);
    touch(fs, '/ws/westmere.txt.tags.json', sidecar('westmere.txt', A, [...tags, tag(A, 'a3', 'children', 1)]));
    const added = await collect(fs);
    assert.deepEqual(fs.reportReads, ['/ws/westmere.txt']);
    assert.equal(added.json, JSON.stringify(await collectEvidence(['/ws'], fs, { now: NOW })));
  });

  it('keeps a tag whose words are gone orphaned, and one found elsewhere in its new place, without reading again', async () => {
    const fs = workspace();
    const gone = tag(A, 'a9', 'Care leavers');
    const moved = tag(A, 'a8', 'social workers');
    // Stored at wrong offsets: found once elsewhere (moved), or not at all (the words were never there).
    const wrong: Tag = { ...moved, anchor: { ...moved.anchor, position: { ...moved.anchor.position, start: 0, end: 14 } } };
    const lost: Tag = { ...gone, anchor: { ...gone.anchor, quote: { ...gone.anchor.quote, exact: 'words the report never had' } } };
    touch(fs, '/ws/westmere.txt.tags.json', sidecar('westmere.txt', A, [wrong, lost]));
    const first = await collect(fs);
    fs.reportReads = [];
    const second = await collect(fs);
    assert.deepEqual(fs.reportReads, []);
    assert.equal(second.json, first.json);
    const items = (JSON.parse(second.json) as { items: Array<{ tagId: string; orphaned: boolean; position?: { start: number } }> }).items;
    assert.equal(items.find((i) => i.tagId === 'a9')!.orphaned, true);
    assert.equal(items.find((i) => i.tagId === 'a8')!.position!.start, A.indexOf('social workers'));
    assert.match(second.json, /orphaned-tag/, 'the orphaned tag is still listed as a problem');
  });

  it('ignores a damaged, foreign or hand-edited stamps file, reads the reports, and writes it again', async () => {
    const otherRules = (fs: MemoryFileSystem) => fs.get('/cache/stamps.json')!.replace(/"checks":"[0-9a-f]+"/, '"checks":"0000000000000000"');
    for (const damage of ['{"format": "inspection-report-stamps", "stamps": ', '{"format": "something-else", "engine": 1, "stamps": {}}', 'null', otherRules]) {
      const fs = workspace();
      const first = await collect(fs);
      if (typeof damage === 'function') assert.notEqual(damage(fs), fs.get('/cache/stamps.json'), 'written under the current rules');
      await fs.writeFile('/cache/stamps.json', typeof damage === 'function' ? damage(fs) : damage);
      fs.reportReads = [];
      const second = await collect(fs);
      assert.equal(fs.reportReads.length, 2, String(damage));
      assert.equal(second.json, first.json);
      assert.doesNotThrow(() => JSON.parse(fs.get('/cache/stamps.json')!), 'written whole again');
    }
    // A stamp whose place lies outside the text is refused, not believed.
    const fs = workspace();
    const lost = tag(A, 'a1', 'social workers');
    touch(fs, '/ws/westmere.txt.tags.json', sidecar('westmere.txt', A, [{ ...lost, anchor: { ...lost.anchor, position: { ...lost.anchor.position, start: 1, end: 15 } } }]));
    await collect(fs);
    const file = JSON.parse(fs.get('/cache/stamps.json')!) as { stamps: Record<string, { places?: unknown[] }> };
    file.stamps['/ws/westmere.txt']!.places = [[A.length, A.length + 5]];
    await fs.writeFile('/cache/stamps.json', JSON.stringify(file));
    fs.reportReads = [];
    const again = await collect(fs);
    assert.deepEqual(fs.reportReads, ['/ws/westmere.txt']);
    assert.equal(again.cache.stamps.counts.refused, 1);
  });

  it('reads a report whose saved analysis was removed, counting one miss, and reads every report for a caller that wants the texts', async () => {
    const fs = workspace();
    await collect(fs);
    for (const path of [...fs.files.keys()].filter((p) => /\/[0-9a-f]{64}\.json$/.test(p))) fs.delete(path);
    fs.reportReads = [];
    const { cache } = await collect(fs);
    assert.equal(fs.reportReads.length, 2);
    assert.deepEqual([cache.counts.hits, cache.counts.misses], [0, 2]);
    fs.reportReads = [];
    const texts: string[] = [];
    await collect(fs, { onReportText: (path) => texts.push(path) });
    assert.deepEqual(texts.sort(), ['/ws/fernleigh.txt', '/ws/westmere.txt']);
    assert.equal(fs.reportReads.length, 2);
  });

  it('parses an unchanged sidecar without checking it again, and checks one whose size or time changed', async () => {
    const fs = workspace();
    const first = await collect(fs);
    const second = await collect(fs);
    assert.equal(second.cache.stamps.counts.sidecarsKnown, 2);
    assert.equal(second.json, first.json);
    assert.equal(second.json, JSON.stringify(await collectEvidence(['/ws'], fs, { now: NOW })));
    // Broken by hand since: checked again, and refused with its message, never taken on trust.
    touch(fs, '/ws/westmere.txt.tags.json', `{"format": "${SIDECAR_FORMAT}", "version": 1, "report": {}, "tags": [{}]}`);
    const third = await collect(fs);
    assert.equal(third.cache.stamps.counts.sidecarsKnown, 1);
    const problems = (JSON.parse(third.json) as { problems: Array<{ kind: string; path: string }> }).problems;
    assert.deepEqual(problems.map((p) => [p.kind, p.path]), [['malformed-sidecar', '/ws/westmere.txt.tags.json']]);
  });

  it('checks on every collection a sidecar that drew a warning, or that was read within two seconds of its change', async () => {
    const fs = workspace();
    // Says it belongs to another report: a warning each time it is read.
    touch(fs, '/ws/westmere.txt.tags.json', sidecar('other.txt', A, [tag(A, 'a1', 'social workers')]));
    touch(fs, '/ws/fernleigh.txt.tags.json', sidecar('fernleigh.txt', B, [tag(B, 'b1', 'children')]), Date.now());
    await collect(fs);
    const second = await collect(fs);
    assert.equal(second.cache.stamps.counts.sidecarsKnown, 0);
    assert.equal(second.cache.stamps.counts.trusted, 2, 'the reports are still known by their stamps');
    const problems = (JSON.parse(second.json) as { problems: Array<{ kind: string; message: string }> }).problems;
    assert.deepEqual(problems.map((p) => p.kind), ['sidecar-warning']);
    assert.match(problems[0]!.message, /says it belongs to "other.txt"/);
  });

  it('learns the file of a sidecar whose note changed, so the next collection need not compare its tags', async () => {
    const fs = workspace();
    await collect(fs);
    const tags = [tag(A, 'a1', 'social workers'), tag(A, 'a2', 'Care leavers')];
    touch(fs, '/ws/westmere.txt.tags.json', sidecar('westmere.txt', A, [tags[0]!, { ...tags[1]!, note: 'a new note' }]));
    fs.reportReads = [];
    const noted = await collect(fs);
    assert.deepEqual([fs.reportReads, noted.cache.stamps.counts.sidecarsKnown], [[], 1]);
    const again = await collect(fs);
    assert.deepEqual([fs.reportReads, again.cache.stamps.counts.sidecarsKnown], [[], 2]);
    assert.equal(again.json, noted.json);
    assert.match(again.json, /a new note/);
  });

  it('lets the incremental index re-fold a changed note without reading the report', async () => {
    const fs = workspace();
    await collect(fs);
    const index = new EvidenceIndex(['/ws'], fs, { now: NOW, analysisCache: new AnalysisCache(fs, '/cache') });
    await index.build();
    fs.reportReads = [];
    const tags = [tag(A, 'a1', 'social workers'), tag(A, 'a2', 'Care leavers')];
    touch(fs, '/ws/westmere.txt.tags.json', sidecar('westmere.txt', A, [tags[0]!, { ...tags[1]!, note: 'seen in the 2019 letter' }]), Date.now());
    const set = await index.update(['/ws/westmere.txt.tags.json']);
    assert.deepEqual(fs.reportReads, []);
    assert.equal(set.items.find((i) => i.tagId === 'a2')!.note, 'seen in the 2019 letter');
  });
});
