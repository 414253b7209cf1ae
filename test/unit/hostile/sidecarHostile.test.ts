// Sidecars that are broken or hostile in ways the sidecar tests do not already cover: prototype-polluting keys,
// absurd nesting and sizes, conflict markers with Windows line endings, a newer version met through the CLI, a
// sidecar that is a folder; and many rounds of two real OS processes tagging one report at the same time.

import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { repairConflict } from '../../../src/core/tags/sidecar/conflictRepair';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { SidecarStore, SidecarStoreError } from '../../../src/core/tags/sidecar/sidecarStore';
import { addTag } from '../../../src/core/tags/tagOperations';
import { runCliProcess as cli } from './cliProcess';
import { anchorFor, conflicted, makeSidecar, makeTag, REPORT_TEXT } from '../sidecar/helpers';

const ROOT = '/ws';
const REPORT = '/ws/northmoor.txt';
const SIDECAR = `${REPORT}.tags.json`;

function storeWith(sidecarText: string) {
  const fs = new MemoryFileSystem({ [REPORT]: REPORT_TEXT, [SIDECAR]: sidecarText });
  return { fs, store: new SidecarStore(fs, { allowedRoots: [ROOT] }) };
}

const addOne = (exact: string) => (s: ReturnType<typeof makeSidecar>) =>
  addTag(s, { anchor: anchorFor(REPORT_TEXT, exact), themes: [{ id: 'x', label: 'X' }] }, { now: '2026-02-01T00:00:00.000Z' }).sidecar;

describe('hostile input: sidecar files', () => {
  it('"__proto__" and "constructor" keys neither pollute objects nor break reading or writing', async () => {
    const sidecar = makeSidecar([makeTag('a', 'plans drift')]);
    const text = serialiseSidecar(sidecar).replace('"tags": [', '"__proto__": { "polluted": true },\n  "constructor": { "prototype": { "polluted": true } },\n  "tags": [');
    const parsed = parseSidecar(text, 'northmoor.txt.tags.json');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched');
    if (parsed.ok) {
      assert.equal((parsed.sidecar as unknown as Record<string, unknown>).polluted, undefined);
      assert.deepEqual(parsed.sidecar.tags.map((t) => t.id), ['a']);
    } else assert.match(parsed.error.message, /northmoor\.txt\.tags\.json/);
    const { fs, store } = storeWith(text);
    try {
      await store.save(REPORT, addOne('visit children regularly'));
      const after = parseSidecar(fs.get(SIDECAR)!, 'northmoor.txt.tags.json');
      assert.ok(after.ok);
      assert.deepEqual(after.sidecar.tags.map((t) => t.anchor.quote.exact).sort(), ['plans drift', 'visit children regularly']);
    } catch (error) {
      assert.ok(error instanceof SidecarStoreError, String(error));
      assert.equal(fs.get(SIDECAR), text, 'refused, and left as it was');
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched after a save');
  });

  it('deeply nested JSON is refused with a message, not a stack overflow, and left as it is', async () => {
    const deep = '{"format":"inspection-report-annotator/tags","version":1,"tags":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
    const parsed = parseSidecar(deep, 'northmoor.txt.tags.json');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.match(parsed.error.message, /northmoor\.txt\.tags\.json is nested 200001 levels deep/);
    const { fs, store } = storeWith(deep);
    assert.equal((await store.load(REPORT)).status, 'invalid');
    await assert.rejects(store.save(REPORT, addOne('plans drift')), (e: unknown) => e instanceof SidecarStoreError && e.kind === 'invalid');
    assert.equal(fs.get(SIDECAR), deep);
  });

  it('a sidecar of 2 000 tags with 2 kB notes (4 MB) still loads and saves in reasonable time', async () => {
    const tags = Array.from({ length: 2000 }, (_, i) => makeTag(`t${String(i).padStart(5, '0')}`, 'plans drift', { note: 'n'.repeat(2000) }));
    const { fs, store } = storeWith(serialiseSidecar(makeSidecar(tags)));
    const started = Date.now();
    const loaded = await store.load(REPORT);
    assert.equal(loaded.status, 'loaded');
    await store.save(REPORT, addOne('visit children regularly'));
    assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
    const after = parseSidecar(fs.get(SIDECAR)!, 'x');
    assert.ok(after.ok && after.sidecar.tags.length === 2001);
  });

  it('conflict markers in a CRLF file: the repair keeps both sides, one copy per id, the newest edit winning', () => {
    const older = makeTag('shared', 'plans drift', { note: 'older', modified: '2026-01-05T10:00:00.000Z' });
    const newer = makeTag('shared', 'plans drift', { note: 'newer', modified: '2026-02-07T10:00:00.000Z' });
    const ours = serialiseSidecar(makeSidecar([newer, makeTag('ours-only', 'visit children regularly')]));
    const theirs = serialiseSidecar(makeSidecar([older, makeTag('theirs-only', 'quality assurance framework')]));
    const text = conflicted(ours, theirs).replace(/\n/g, '\r\n');
    const parsed = parseSidecar(text, 'northmoor.txt.tags.json');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.equal(parsed.error.kind, 'conflict');
    const repaired = repairConflict(text, 'northmoor.txt.tags.json');
    assert.ok(repaired.ok, repaired.ok ? '' : repaired.message);
    assert.deepEqual(repaired.sidecar.tags.map((t) => t.id).sort(), ['ours-only', 'shared', 'theirs-only']);
    assert.equal(repaired.sidecar.tags.find((t) => t.id === 'shared')!.note, 'newer');
    // Same answer with the sides swapped: the newest edit wins, not "ours".
    const swapped = repairConflict(conflicted(theirs, ours), 'northmoor.txt.tags.json');
    assert.ok(swapped.ok);
    assert.equal(swapped.sidecar.tags.find((t) => t.id === 'shared')!.note, 'newer');
  });

  it('a sidecar path that is a folder: a clear message, and nothing is written', async function () {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-folder-'));
    try {
      writeFileSync(join(dir, 'report.txt'), REPORT_TEXT);
      mkdirSync(join(dir, 'report.txt.tags.json'));
      const store = new SidecarStore(new NodeFileSystem(), { allowedRoots: [dir] });
      const loaded = await store.load(join(dir, 'report.txt')).then((r) => r.status, (e: unknown) => (e instanceof Error ? e.message : String(e)));
      assert.notEqual(loaded, 'absent');
      assert.notEqual(loaded, 'loaded');
      await assert.rejects(store.save(join(dir, 'report.txt'), addOne('plans drift')), /report\.txt\.tags\.json|EISDIR|directory/i);
      assert.deepEqual(readdirSync(dir).sort(), ['report.txt', 'report.txt.tags.json']);
      assert.deepEqual(readdirSync(join(dir, 'report.txt.tags.json')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- two real OS processes, many times ----

const ROUNDS = 15;

describe('hostile input: two processes tagging one report at once (CLI)', function () {
  this.timeout(180_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hostile-race-'));
    writeFileSync(join(dir, 'report.txt'), REPORT_TEXT);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it(`two processes at a time, ${ROUNDS} rounds: every one of the ${2 * ROUNDS} tags survives, the file stays valid, no lock or temp file is left`, async () => {
    const passages = ['visit children regularly', 'know them well', 'plans drift after review', 'wait too long for permanence', 'quality assurance framework', 'recently strengthened'];
    const ids: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = passages[round % passages.length]!;
      const b = passages[(round + 3) % passages.length]!;
      const results = await Promise.all([
        cli(dir, 'tag', 'report.txt', '--theme', 'process-a', '--quote', a, '--note', `round ${round} A`),
        cli(dir, 'tag', 'report.txt', '--theme', 'process-b', '--quote', b, '--note', `round ${round} B`),
      ]);
      for (const r of results) {
        assert.equal(r.code, 0, r.stderr);
        ids.push(r.stdout.trim());
      }
      const parsed = parseSidecar(readFileSync(join(dir, 'report.txt.tags.json'), 'utf8'), 'report.txt.tags.json');
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
      assert.deepEqual(parsed.sidecar.tags.map((t) => t.id).sort(), [...ids].sort(), `after round ${round}`);
    }
    const final = parseSidecar(readFileSync(join(dir, 'report.txt.tags.json'), 'utf8'), 'report.txt.tags.json');
    assert.ok(final.ok);
    assert.equal(final.sidecar.tags.length, 2 * ROUNDS);
    assert.equal(new Set(final.sidecar.tags.map((t) => t.note)).size, 2 * ROUNDS, 'each tag keeps its own note');
    for (const t of final.sidecar.tags) assert.equal(REPORT_TEXT.slice(t.anchor.position.start, t.anchor.position.end), t.anchor.quote.exact);
    assert.deepEqual(readdirSync(dir).sort(), ['report.txt', 'report.txt.tags.json']);
  });

  it('a newer-version sidecar: the CLI refuses to tag, says why, and leaves it byte for byte', async () => {
    const text = JSON.stringify({ ...makeSidecar([makeTag('a', 'plans drift')]), version: 99, futureField: { x: 1 } }, null, 2);
    writeFileSync(join(dir, 'report.txt.tags.json'), text);
    const result = await cli(dir, 'tag', 'report.txt', '--theme', 'x', '--quote', 'know them well');
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /newer version/);
    assert.equal(readFileSync(join(dir, 'report.txt.tags.json'), 'utf8'), text);
    assert.equal(existsSync(join(dir, '.report.txt.tags.json.lock')), false);
  });
});
