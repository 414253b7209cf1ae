import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateCommand } from '../../../src/cli/aggregateCommand';
import { execFileSync } from 'node:child_process';
import { CacheFolderFileSystem, defaultCacheFolder } from '../../../src/cli/cacheFolder';
import { UsageError, type CliIO } from '../../../src/cli/command';

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: FIXTURES };
  const code = await aggregateCommand.run(args, io);
  return { code, stdout, stderr };
}

/** Dates every file under `dir` an hour back. */
function ageFiles(dir: string): void {
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo, hourAgo);
}

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('report aggregate with saved analyses', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ira-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves each analysis under --cache-dir, and the next run reuses them with the same output', async () => {
    // A copy dated an hour back, as reports on disk are: files changed a moment ago are "racily clean", never trusted by their stamps.
    const reports = join(dir, 'reports');
    cpSync(join(FIXTURES, 'reports'), reports, { recursive: true });
    ageFiles(reports);
    const cacheDir = join(dir, 'new', 'cache');
    const first = await run([reports, '--format', 'json', '--cache-dir', cacheDir]);
    assert.equal(first.code, 0, first.stderr);
    assert.doesNotMatch(first.stderr, /reused|unchanged/);
    const saved = filesUnder(cacheDir).filter((f) => /^[0-9a-f]{2}\//.test(f));
    // Three reports and notes.md, which the engine was asked about (and found not to be a report).
    assert.equal(saved.length, 4, saved.join(', '));
    const same = (result: { stdout: string }) => result.stdout.replace(/"generated": "[^"]+"/, '');
    // The reports known unchanged by their size and time: their saved analyses are used, and their evidence saved.
    const second = await run([reports, '--format', 'json', '--cache-dir', cacheDir]);
    assert.match(second.stderr, /aggregate: 4 analyses reused from .*new\/cache/);
    assert.equal(same(second), same(first));
    // Every report and its tags known unchanged: neither read, nor their analyses.
    const evidence = await run([reports, '--format', 'json', '--cache-dir', cacheDir]);
    assert.match(evidence.stderr, /aggregate: 4 reports and their tags unchanged since an earlier run: not read again \(evidence saved in .*new\/cache\)/);
    assert.doesNotMatch(evidence.stderr, /analyses reused/);
    assert.equal(same(evidence), same(first));
    // Without the saved evidence (a cache from an earlier version), the saved analyses are reused.
    rmSync(join(cacheDir, 'evidence'), { recursive: true });
    const third = await run([reports, '--format', 'json', '--cache-dir', cacheDir]);
    assert.match(third.stderr, /aggregate: 4 analyses reused from .*new\/cache/);
    assert.equal(same(third), same(first));
  });

  it('says when a saved analysis was damaged, and saves it again', async () => {
    await run(['reports', '--format', 'json', '--cache-dir', dir]);
    const entry = filesUnder(dir).find((f) => /[0-9a-f]{64}\.json$/.test(f))!;
    writeFileSync(join(dir, entry), '{"format": "inspection-report-analysis", "model": ');
    // The saved evidence would answer without the analyses: as a cache from an earlier version, it has none.
    rmSync(join(dir, 'evidence'), { recursive: true, force: true });
    const again = await run(['reports', '--format', 'json', '--cache-dir', dir]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /3 analyses reused/);
    assert.match(again.stderr, /1 saved analysis was damaged or from another engine version; ignored and saved again/);
    rmSync(join(dir, 'evidence'), { recursive: true, force: true });
    assert.match((await run(['reports', '--format', 'json', '--cache-dir', dir])).stderr, /4 analyses reused/);
  });

  it('--no-cache reads and writes no saved analyses', async () => {
    const before = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = dir;
    try {
      const result = await run(['reports', '--format', 'json', '--no-cache']);
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(filesUnder(dir), []);
    } finally {
      if (before === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = before;
    }
  });

  it('refuses --cache-dir with --no-cache, and an empty --cache-dir', async () => {
    await assert.rejects(run(['reports', '--format', 'json', '--no-cache', '--cache-dir', dir]), (e: Error) => e instanceof UsageError && e.message === 'aggregate: --cache-dir and --no-cache contradict each other; give one');
    await assert.rejects(run(['reports', '--format', 'json', '--cache-dir', '']), { message: 'aggregate: --cache-dir needs a folder' });
  });

  it('says when the cache folder cannot be written, and still exports everything', async () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const result = await run(['reports', '--format', 'json', '--cache-dir', blocked]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /could not save analyses in .*a-file/);
    assert.ok((JSON.parse(result.stdout) as { items: unknown[] }).items.length > 0);
  });

  it('reads cache entries only from regular files: a FIFO in the folder is refused at once, not waited on', async function () {
    if (process.platform === 'win32') this.skip();
    const fs = new CacheFolderFileSystem();
    writeFileSync(join(dir, 'entry.json'), '{"a":1}');
    assert.equal(await fs.readFile(join(dir, 'entry.json')), '{"a":1}');
    await assert.rejects(fs.readFile(join(dir, 'missing.json')), { code: 'ENOENT' });
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    await assert.rejects(fs.readFile(join(dir, 'pipe.json')), /not a regular file/);
  });

  it('uses the platform cache folder by default', () => {
    assert.equal(defaultCacheFolder('linux', { XDG_CACHE_HOME: '/x/cache' }, '/home/u'), '/x/cache/inspection-report-annotator/analyses');
    assert.equal(defaultCacheFolder('linux', {}, '/home/u'), '/home/u/.cache/inspection-report-annotator/analyses');
    assert.equal(defaultCacheFolder('linux', { XDG_CACHE_HOME: 'relative' }, '/home/u'), '/home/u/.cache/inspection-report-annotator/analyses');
    assert.equal(defaultCacheFolder('darwin', {}, '/Users/u'), '/Users/u/Library/Caches/inspection-report-annotator/analyses');
    assert.equal(defaultCacheFolder('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u'), 'C:\\Users\\u\\AppData\\Local\\inspection-report-annotator\\Cache\\analyses');
  });
});
