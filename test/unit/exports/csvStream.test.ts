import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { streamEvidence, type StreamedReport } from '../../../src/core/evidence/streamEvidence';
import { exportCsv } from '../../../src/core/exports/csvExport';
import { CsvStreamWriter } from '../../../src/core/exports/csvStream';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { runCli } from '../../../src/cli/runCli';
import type { CliIO } from '../../../src/cli/command';
import { fixtureAnalyser } from '../evidence/fixtureModels';

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = join(ROOT, 'src/cli/main.ts');
const NOW = () => new Date('2026-01-05T12:00:00.000Z');
// Given in this order the folders are walked reports first; a set lists them by path, problems first.
const FOLDERS = [`${FIXTURES}/reports`, `${FIXTURES}/problems`];

/** The chunks as text, the byte-order mark kept (a plain TextDecoder would drop it). */
function utf8(chunks: Uint8Array[]): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks));
}

describe('CSV export written as the passages come', () => {
  it('writes the same bytes as the whole-set export, from reports handed on in the set’s order', async () => {
    const fs = new NodeFileSystem();
    const set = await collectEvidence(FOLDERS, fs, { analyse: fixtureAnalyser, now: NOW });
    const chunks: Uint8Array[] = [];
    const seen: StreamedReport[] = [];
    // A tiny chunk size: many writes, each awaited.
    const writer = new CsvStreamWriter(async (chunk) => void chunks.push(chunk), 200);
    const streamed = await streamEvidence(FOLDERS, fs, { analyse: fixtureAnalyser, now: NOW }, async (r) => {
      seen.push(r);
      await writer.write(r.items);
    });
    await writer.end();
    assert.ok(set.items.length > 5, 'the fixtures have passages to write');
    assert.ok(chunks.length > 3, `written in ${chunks.length} chunks`);
    assert.equal(utf8(chunks), exportCsv(set));
    assert.equal(writer.rows, set.items.length);
    assert.equal(streamed.passages, set.items.length);
    assert.deepEqual(seen.map((r) => r.report.path), set.reports.map((r) => r.path));
    assert.deepEqual(streamed.reports, set.reports);
    assert.deepEqual(streamed.problems, set.problems);
  });

  it('writes the head alone for no passages, as the whole-set export does', async () => {
    const chunks: Uint8Array[] = [];
    const writer = new CsvStreamWriter((chunk) => void chunks.push(chunk));
    await writer.end();
    assert.equal(utf8(chunks), exportCsv({ items: [] }));
  });
});

describe('report aggregate --format csv --out (streamed)', () => {
  let dir: string;
  const savedCacheHome = process.env.XDG_CACHE_HOME;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'csv-stream-'));
    process.env.XDG_CACHE_HOME = join(dir, 'cache');
  });
  after(() => {
    if (savedCacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = savedCacheHome;
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: FIXTURES };
    const code = await runCli(['aggregate', ...args], io);
    return { code, stdout, stderr };
  }

  for (const filter of [[], ['--theme', 'plans-and-planning'], ['--authority', 'westmere', '--grade', 'requires-improvement']]) {
    it(`writes to the file what it prints to stdout, and says the same (${filter.join(' ') || 'no filter'})`, async () => {
      const out = join(dir, `out-${filter.length}.csv`);
      const printed = await run(['reports', 'problems', '--format', 'csv', '--no-cache', ...filter]);
      const written = await run(['reports', 'problems', '--format', 'csv', '--no-cache', '--out', out, ...filter]);
      assert.equal(written.code, 0, written.stderr);
      assert.equal(readFileSync(out, 'utf8'), printed.stdout);
      assert.equal(written.stderr, printed.stderr.replace(/\.\n/, `; written to ${out}.\n`));
      assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.partial')), []);
    });
  }

  it('writes through a symlink to its target, and refuses a read-only file as a plain write would', async () => {
    const target = join(dir, 'target.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(target, 'old\n');
    symlinkSync(target, link);
    const viaLink = await run(['reports', '--format', 'csv', '--no-cache', '--out', link]);
    assert.equal(viaLink.code, 0, viaLink.stderr);
    assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.match(readFileSync(target, 'utf8'), /^\uFEFFtheme_ids,/);
    const locked = join(dir, 'locked.csv');
    writeFileSync(locked, 'kept\n');
    chmodSync(locked, 0o444);
    const refused = await run(['reports', '--format', 'csv', '--no-cache', '--out', locked]);
    // Root may write anything: then the file is simply replaced.
    if (process.getuid?.() !== 0) {
      assert.notEqual(refused.code, 0);
      assert.match(refused.stderr, /cannot write .*locked\.csv: EACCES/);
      assert.equal(readFileSync(locked, 'utf8'), 'kept\n');
    } else assert.equal(refused.code, 0, refused.stderr);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.partial')), []);
  });

  it('leaves the previous file and no partial file when Ctrl+C stops a real run (exit 130)', async function () {
    this.timeout(120_000);
    const folder = join(dir, 'many');
    mkdirSync(folder);
    const report = readFileSync(join(FIXTURES, 'reports', 'westmere-ilacs-2024.txt'), 'utf8');
    const tags = readFileSync(join(FIXTURES, 'reports', 'westmere-ilacs-2024.txt.tags.json'), 'utf8');
    for (let i = 0; i < 1200; i++) {
      const name = `westmere-${String(i).padStart(4, '0')}.txt`;
      writeFileSync(join(folder, name), report);
      writeFileSync(join(folder, `${name}.tags.json`), tags);
    }
    const out = join(dir, 'kept.csv');
    writeFileSync(out, 'the previous export\n');
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'aggregate', folder, '--format', 'csv', '--out', out, '--no-cache'], { cwd: ROOT });
    let stderr = '';
    let sawPartial = false;
    child.stderr.on('data', (data: Buffer) => {
      stderr += data.toString();
      // Once the first 200 reports are folded, rows are on their way into the temporary file: stop it there.
      if (!child.killed && /aggregate: 200\/1200 files/.test(stderr)) {
        sawPartial = readdirSync(dir).some((n) => n.endsWith('.partial'));
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 130, stderr);
    assert.ok(sawPartial, 'the rows were going into a temporary file beside the output when it was stopped');
    assert.match(stderr, /aggregate: cancelled after \d+ of 1200 files; nothing written/);
    assert.equal(readFileSync(out, 'utf8'), 'the previous export\n');
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.partial')), []);
  });
});
