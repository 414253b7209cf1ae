import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../../../src/cli/runCli';
import { whileInterruptible } from '../../../src/cli/aggregateCommand';
import type { CliIO } from '../../../src/cli/command';

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: FIXTURES };
  const code = await runCli(['aggregate', ...args], io);
  return { code, stdout, stderr };
}

describe('report aggregate', () => {
  let dir: string;
  const savedCacheHome = process.env.XDG_CACHE_HOME;
  // Saved analyses go to a folder of the test's own, not the user's cache.
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aggregate-'));
    process.env.XDG_CACHE_HOME = join(dir, 'cache');
  });
  after(() => {
    if (savedCacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = savedCacheHome;
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes CSV of one theme to stdout and summarises the problems on stderr', async () => {
    const { code, stdout, stderr } = await run(['reports', 'problems', '--format', 'csv', '--theme', 'plans-and-planning']);
    assert.equal(code, 0, stderr);
    const rows = stdout.split('\r\n').filter(Boolean);
    assert.ok(rows[0]!.startsWith('\uFEFFtheme_ids,'));
    assert.equal(rows.length, 1 + 4);
    assert.match(stderr, /aggregate: 4 passages from \d+ tagged of \d+ reports\./);
    assert.match(stderr, /problems: .*1 malformed sidecar/);
    // Each problem names its file from where the command ran: the parser's own sentence gives only the file's name.
    assert.match(stderr, /^ {2}problems\/broken\.txt\.tags\.json: broken\.txt\.tags\.json is not valid JSON/m);
    // A message that already gives the whole path is not prefixed with it again.
    assert.match(stderr, /^ {2}\/\S*\/problems\/lone\.txt\.tags\.json has no report beside it/m);
  });

  it('writes a .qdpx project to --out', async () => {
    const out = join(dir, 'evidence.qdpx');
    const { code, stderr } = await run(['reports', '--format', 'qdpx', '--out', out]);
    assert.equal(code, 0, stderr);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    assert.match(strFromU8(files['project.qde']!), /<Project xmlns="urn:QDA-XML:project:1.0"/);
    assert.equal(Object.keys(files).filter((f) => f.startsWith('sources/')).length, 3);
    assert.match(stderr, /not in the project: .*w24-gone is orphaned/);
  });

  it('a project made with its own codebook exported as .qdc has the codebook\'s codes, none given again for the themes in use', async () => {
    // The bundled samples: every theme in use is in the codebook, so the project holds exactly the .qdc's codes.
    const samples = fileURLToPath(new URL('../../../samples', import.meta.url));
    const qdc = join(dir, 'own.qdc');
    assert.equal((await run([samples, '--format', 'qdc', '--out', qdc, '--no-cache'])).code, 0);
    const out = join(dir, 'with-own-codebook.qdpx');
    const { code, stderr } = await run([samples, '--format', 'qdpx', '--codebook', qdc, '--out', out, '--no-cache']);
    assert.equal(code, 0, stderr);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))['project.qde']!);
    const codes = (text: string) => [...text.matchAll(/<Code guid="([^"]+)"/g)].map((m) => m[1]!).sort();
    assert.deepEqual(codes(xml), codes(readFileSync(qdc, 'utf8')));
    const guids = new Set(codes(xml));
    for (const [, ref] of xml.matchAll(/<CodeRef targetGUID="([^"]+)"/g)) assert.ok(guids.has(ref!), `a coding points at no code: ${ref}`);
  });

  it('filters by authority and date, and writes Markdown to --out', async () => {
    const out = join(dir, 'evidence.md');
    const { code } = await run(['reports', '--format', 'md', '--out', out, '--authority', 'westmere', '--since', '2024-01-01']);
    assert.equal(code, 0);
    const md = readFileSync(out, 'utf8');
    assert.match(md, /^# Evidence by theme/);
    assert.ok(!md.includes('westmere-ilacs-2021'));
  });

  it('exports the codebook given as a .qdc, without needing folders', async () => {
    const qdc = join(dir, 'in.qdc');
    writeFileSync(
      qdc,
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="Supervision" isCodable="true" color="#00ff00"/></Codes></CodeBook>',
    );
    const { code, stdout } = await run(['--format', 'qdc', '--codebook', qdc]);
    assert.equal(code, 0);
    assert.match(stdout, /name="Imported codes" isCodable="false"/);
    assert.match(stdout, /name="Supervision" isCodable="true" color="#00ff00"/);
  });

  it('leaves files over --max-size-mb unread, listing them as problems; a bad size is a usage error', async () => {
    const folder = join(dir, 'sizes');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'huge-export.txt'), 'z'.repeat(1_500_000));
    const limited = await run([folder, '--format', 'json', '--max-size-mb', '1']);
    assert.equal(limited.code, 0, limited.stderr);
    assert.match(limited.stderr, /1 report too large/);
    assert.match(limited.stderr, /huge-export\.txt is 1\.5 MB, over the 1 MB limit for a report, so it was not read/);
    assert.deepEqual((JSON.parse(limited.stdout) as { problems: Array<{ kind: string }> }).problems.map((p) => p.kind), ['report-too-large']);
    const unlimited = await run([folder, '--format', 'json', '--max-size-mb', '0']);
    assert.deepEqual((JSON.parse(unlimited.stdout) as { problems: unknown[] }).problems, []);
    const bad = await run([folder, '--format', 'json', '--max-size-mb', 'lots']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-size-mb takes a number of megabytes \(0 for no limit\), not "lots"/);
  });

  it('fails clearly on a missing folder, a file given as a folder, and bad options', async () => {
    const missing = await run(['nowhere', '--format', 'csv']);
    assert.deepEqual([missing.code, missing.stderr], [3, 'report: nowhere: no such folder\n']);
    const file = await run(['reports/westmere-ilacs-2024.txt', '--format', 'csv']);
    assert.equal(file.code, 4);
    assert.match(file.stderr, /is a file, not a folder/);
    const since = await run(['reports', '--format', 'csv', '--since', '2024-02-30']);
    assert.deepEqual([since.code, since.stderr], [2, 'report: aggregate: --since must be a date as YYYY-MM-DD, not "2024-02-30"\n']);
    const qdpx = await run(['reports', '--format', 'qdpx']);
    assert.equal(qdpx.code, 2);
    assert.match(qdpx.stderr, /give --out <file\.qdpx>/);
    const format = await run(['reports', '--format', 'xlsx']);
    assert.match(format.stderr, /unknown --format "xlsx"/);
    const unwritable = await run(['reports', '--format', 'csv', '--out', join(dir, 'no/such/dir/x.csv')]);
    assert.equal(unwritable.code, 4);
    assert.match(unwritable.stderr, /cannot write .*x\.csv: ENOENT/);
  });

  it('stops at Ctrl+C between files, says how far it got, and leaves --out as it was', async () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    const letter = readFileSync(join(FIXTURES, 'reports', readdirSync(join(FIXTURES, 'reports')).find((n) => n.endsWith('.txt'))!), 'utf8');
    for (let i = 0; i < 450; i++) writeFileSync(join(folder, `letter-${String(i).padStart(3, '0')}.txt`), `${letter}\nCopy ${i}.\n`);
    const out = join(dir, 'kept.csv');
    writeFileSync(out, 'the previous export\n');
    let stderr = '';
    // Ctrl+C as the terminal sends it, once the first progress line (200 of 450 files) is out.
    const io: CliIO = { stdout: () => undefined, stderr: (t) => void ((stderr += t), t.startsWith('aggregate: 200/') && process.emit('SIGINT')), cwd: dir };
    const listeners = process.listenerCount('SIGINT');
    const code = await runCli(['aggregate', folder, '--format', 'csv', '--out', out, '--no-cache'], io);
    assert.equal(code, 130, stderr);
    assert.match(stderr, /aggregate: cancelled after 200 of 450 files; nothing written/);
    assert.equal(readFileSync(out, 'utf8'), 'the previous export\n');
    assert.equal(process.listenerCount('SIGINT'), listeners, 'the command stops listening for Ctrl+C once it has collected');
  });

  it('catches Ctrl+C for the whole of a run, cancelling it, and lets go of the signal afterwards', async () => {
    const before = process.listenerCount('SIGINT');
    let seen = false;
    // The signal arrives after the work's own collection would have ended: the process must still be there to tidy up.
    const result = await whileInterruptible(async (cancel) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      process.emit('SIGINT');
      seen = cancel.token.isCancellationRequested;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'tidied';
    });
    assert.equal(result, 'tidied');
    assert.equal(seen, true);
    assert.equal(process.listenerCount('SIGINT'), before);
  });
});
