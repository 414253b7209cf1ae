import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { EvidenceIndex } from '../../../src/core/evidence/evidenceIndex';
import type { EvidenceSet } from '../../../src/core/evidence/evidenceModel';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import type { ReportModel } from '../../../src/core/recognition/model';
import { fixtureAnalyser } from './fixtureModels';

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));
const NOW = () => new Date('2026-01-05T12:00:00.000Z');
const FOLDERS = ['/ev/reports', '/ev/problems'];
const R24 = '/ev/reports/westmere-ilacs-2024.txt';
const S24 = `${R24}.tags.json`;

/** The in-memory file system, counting the files read. */
class CountingFileSystem extends MemoryFileSystem {
  reads: string[] = [];
  override async readFile(path: string): Promise<string> {
    this.reads.push(path);
    return super.readFile(path);
  }
  override async readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
    this.reads.push(path);
    return super.readBytes(path, maxBytes);
  }
}

function fixtureFiles(): CountingFileSystem {
  const fs = new CountingFileSystem();
  for (const folder of ['reports', 'problems']) {
    for (const name of readdirSync(`${FIXTURES}/${folder}`)) fs.set(`/ev/${folder}/${name}`, readFileSync(`${FIXTURES}/${folder}/${name}`, 'utf8'));
  }
  // Written a minute ago: a file modified within a clock tick of its reading is read again.
  for (const file of fs.files.values()) file.mtime -= 60_000;
  return fs;
}

/** What a whole collection gives over the same files now: the index must give the same. */
async function fresh(fs: MemoryFileSystem): Promise<EvidenceSet> {
  return collectEvidence(FOLDERS, fs, { analyse: fixtureAnalyser, now: NOW });
}

const byMessage = (set: EvidenceSet) => ({ ...set, problems: [...set.problems].sort((a, b) => a.message.localeCompare(b.message)) });

describe('EvidenceIndex: incremental re-aggregation', () => {
  let fs: CountingFileSystem;
  let index: EvidenceIndex;
  let analysed: string[];

  beforeEach(async () => {
    fs = fixtureFiles();
    analysed = [];
    const analyse = (text: string): ReportModel => (analysed.push(text), fixtureAnalyser(text));
    index = new EvidenceIndex(FOLDERS, fs, { analyse, now: NOW });
    assert.deepEqual(await index.build(), await fresh(fs));
    fs.reads = [];
    analysed = [];
  });

  it('re-reads only the changed sidecar, analyses nothing, and gives what a whole collection gives', async () => {
    const sidecar = JSON.parse(fs.get(S24)!) as { tags: Array<{ id: string; themes: Array<{ id: string; label: string }> }> };
    const before = index.set().items.length;
    const dropped = sidecar.tags.shift()!;
    sidecar.tags[0]!.themes = [{ id: 'leadership', label: 'Leadership' }];
    fs.set(S24, JSON.stringify(sidecar));
    const set = await index.update([S24]);
    assert.deepEqual(fs.reads, [S24]);
    assert.deepEqual(analysed, []);
    assert.ok(!set.items.some((i) => i.tagId === dropped.id));
    assert.equal(set.items.length, before - 1);
    assert.deepEqual(set, await fresh(fs));
  });

  it('works recurring improvements out again when a tag change moves an improvement’s themes, and only then', async () => {
    const recurring = (set: EvidenceSet) => JSON.stringify(set.recurringImprovements);
    const before = recurring(index.set());
    const sidecar = JSON.parse(fs.get(S24)!) as { tags: unknown[] };
    const untagged = JSON.stringify({ ...sidecar, tags: [] });
    fs.set(S24, untagged);
    const cleared = await index.update([S24]);
    assert.notEqual(recurring(cleared), before, 'the 2024 improvements lost their themes: the recurring list changes');
    assert.deepEqual(cleared, await fresh(fs));
    // The same file again (a save that changed nothing): the summaries stay, and still equal a whole collection's.
    const again = await index.update([S24]);
    assert.equal(recurring(again), recurring(cleared));
    assert.deepEqual(again, await fresh(fs));
    fs.set(S24, JSON.stringify(sidecar));
    assert.equal(recurring(await index.update([S24])), before);
  });

  it('re-reads and re-analyses a changed report alone', async () => {
    fs.set(R24, fs.get(R24)!.replace('Westmere', 'Westmere '));
    const set = await index.update([R24]);
    assert.deepEqual(fs.reads, [R24]);
    assert.equal(analysed.length, 1);
    assert.deepEqual(set, await fresh(fs));
  });

  it('reads the report again when a sidecar change comes with an unannounced change to its report', async () => {
    fs.set(R24, fs.get(R24)!.replace('Westmere', 'Westmere, as renamed,'));
    const set = await index.update([S24]);
    assert.deepEqual(fs.reads.sort(), [R24, S24]);
    assert.deepEqual(set, await fresh(fs));
  });

  it('lists a deleted report as a missing report, its tags kept from the sidecar (read before)', async () => {
    await fs.delete(R24);
    const set = await index.update([R24]);
    assert.deepEqual(fs.reads, []);
    const problem = set.problems.find((p) => p.path === S24);
    assert.equal(problem?.kind, 'sidecar-without-report');
    assert.equal(set.reports.find((r) => r.path === R24)?.textMissing, true);
    assert.deepEqual(set, await fresh(fs));
  });

  it('adds a new pair, and takes a pair out when both its files are deleted', async () => {
    const copy = '/ev/reports/later/westmere-ilacs-2024-copy.txt';
    fs.set(copy, fs.get(R24)!);
    fs.set(`${copy}.tags.json`, fs.get(S24)!);
    const added = await index.update([copy, `${copy}.tags.json`]);
    assert.deepEqual(fs.reads.sort(), [copy, `${copy}.tags.json`]);
    assert.ok(added.items.some((i) => i.reportPath === copy));
    assert.deepEqual(byMessage(added), byMessage(await fresh(fs)));
    await fs.delete(copy);
    await fs.delete(`${copy}.tags.json`);
    await fs.delete(R24);
    await fs.delete(S24);
    const removed = await index.update([copy, `${copy}.tags.json`, S24, R24]);
    assert.ok(!removed.reports.some((r) => r.path === copy || r.path === R24));
    assert.deepEqual(byMessage(removed), byMessage(await fresh(fs)));
  });

  it('ignores files that are neither reports nor sidecars, and files outside its folders', async () => {
    fs.set('/ev/reports/codebook.json', '{}');
    fs.set('/elsewhere/other.txt', 'text');
    const set = await index.update(['/ev/reports/codebook.json', '/elsewhere/other.txt']);
    assert.deepEqual(fs.reads, []);
    assert.deepEqual(set, await fresh(fs));
  });

  it('ignores pairs in folders a whole collection skips (node_modules, .git, hidden folders)', async () => {
    const skipped = ['/ev/reports/node_modules/pkg/westmere.txt', '/ev/reports/.git/westmere.txt', '/ev/reports/.cache/deep/westmere.txt'];
    for (const path of skipped) {
      fs.set(path, fs.get(R24)!);
      fs.set(`${path}.tags.json`, fs.get(S24)!);
    }
    const set = await index.update(skipped.flatMap((path) => [path, `${path}.tags.json`]));
    assert.deepEqual(fs.reads, []);
    assert.ok(!set.reports.some((r) => skipped.includes(r.path)));
    assert.deepEqual(set, await fresh(fs));
  });
});
