// Every `report` command against every environment fault a hostile tester found, as real OS processes on real
// files: a folder, a FIFO, /dev/zero, a symbolic-link loop, a name too long, an unreadable file, a huge file,
// binary bytes, and reports with a BOM, in UTF-16 or in Windows-1252. Each row asserts the documented exit code
// and that stderr is short, names the file, and holds no stack trace and no "internal error" (which means a bug).

import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const SAMPLE = resolve('samples/westmere-ilacs-2025.txt');
/** A hung command (a FIFO read, /dev/zero) fails its row after this long instead of hanging the suite. */
const PROCESS_TIMEOUT_MS = 60_000;
const CONCURRENT_PROCESSES = 4;

interface Step {
  args: string[];
  code: number;
  /** What stderr must say (the file, the fault). */
  stderr?: RegExp;
  stdout?: RegExp;
  /** stderr must not match (e.g. tags reported orphaned). */
  notStderr?: RegExp;
}

interface Row {
  name: string;
  /** Run as `nobody` when the tests run as root (for whom permissions do not stop reads). */
  unprivileged?: boolean;
  /** Makes the files in the row's own folder; returns a reason to skip the row (printed), if any. */
  setup(dir: string): string | void;
  steps: Step[];
}

/** `importCode`: `import` refuses any file that is not regular as "not a PDF", its documented exit 10. */
type Target = { name: string; make(dir: string): string | void; code: number; says: RegExp; importCode?: number };
const isChmod = (fault: Target) => fault.name.includes('chmod');

/** Faults in the place of a file the command reads. `make` creates `target.txt` (or another name) in the row's folder. */
const FILE_FAULTS: Target[] = [
  { name: 'a missing file', make: () => undefined, code: 3, says: /target\.txt: no such file/ },
  { name: 'a directory', make: (d) => void mkdirSync(join(d, 'target.txt')), code: 4, says: /target\.txt: is a directory/ },
  { name: 'a FIFO', make: (d) => void execFileSync('mkfifo', [join(d, 'target.txt')]), code: 4, says: /target\.txt: is a FIFO \(named pipe\), not a regular file/, importCode: 10 },
  { name: 'a symbolic-link loop', make: (d) => void symlinkSync('target.txt', join(d, 'target.txt')), code: 4, says: /target\.txt: symbolic links lead round in a loop/ },
  { name: '/dev/zero (through a link)', make: (d) => void symlinkSync('/dev/zero', join(d, 'target.txt')), code: 4, says: /target\.txt: is a character device, not a regular file/, importCode: 10 },
  { name: 'a 300 MB file (sparse)', make: (d) => void (writeFileSync(join(d, 'target.txt'), ''), truncateSync(join(d, 'target.txt'), 300 * 1024 * 1024)), code: 8, says: /target\.txt: is larger than 128 MB/ },
  {
    // As root, chmod does not stop reads: the row's processes then run as the unprivileged user `nobody`.
    name: 'a file without read permission (chmod 000)',
    make: (d) => {
      const path = join(d, 'target.txt');
      copyFileSync(SAMPLE, path);
      chmodSync(path, 0o000);
    },
    code: 4,
    says: /target\.txt: permission denied/,
  },
];

const LONG_NAME = `${'n'.repeat(296)}.txt`;

function reportCommands(target: string): Array<{ command: string; args: string[] }> {
  return [
    { command: 'outline', args: ['outline', target] },
    { command: 'tag', args: ['tag', target, '--theme', 'help-and-protection', '--quote', 'seen promptly'] },
    { command: 'reanchor', args: ['reanchor', target] },
  ];
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const fault of FILE_FAULTS) {
    for (const { command, args } of reportCommands('target.txt')) {
      out.push({ name: `${command} on ${fault.name}`, setup: fault.make, unprivileged: isChmod(fault), steps: [{ args, code: fault.code, stderr: fault.says }] });
    }
    // `import` reads a PDF (a folder is a folder of PDFs to import, so that row does not apply).
    if (fault.name !== 'a directory') {
      out.push({ name: `import on ${fault.name}`, setup: fault.make, unprivileged: isChmod(fault), steps: [{ args: ['import', 'target.txt'], code: fault.importCode ?? fault.code, stderr: /target\.txt/ }] });
    }
    out.push({ name: `aggregate --codebook on ${fault.name}`, setup: fault.make, unprivileged: isChmod(fault), steps: [{ args: ['aggregate', '--format', 'qdc', '--codebook', 'target.txt'], code: fault.code, stderr: fault.says }] });
    // As aggregate's folder argument (a directory is what it wants; size does not matter for a folder).
    if (fault.name !== 'a directory' && fault.code !== 8) {
      const says = fault.code === 3 ? /target\.txt: no such folder/ : /target\.txt/;
      out.push({ name: `aggregate on ${fault.name} as its folder`, setup: fault.make, unprivileged: isChmod(fault), steps: [{ args: ['aggregate', 'target.txt', '--format', 'json'], code: fault.code, stderr: says }] });
    }
  }
  for (const { command, args } of reportCommands(LONG_NAME)) {
    out.push({ name: `${command} on a 300-character name`, setup: () => undefined, steps: [{ args, code: 4, stderr: /the name is too long for the file system/ }] });
  }
  out.push({ name: 'import on a 300-character name', setup: () => undefined, steps: [{ args: ['import', LONG_NAME], code: 4, stderr: /the name is too long/ }] });
  out.push({ name: 'aggregate on a 300-character folder name', setup: () => undefined, steps: [{ args: ['aggregate', LONG_NAME, '--format', 'json'], code: 4, stderr: /the name is too long/ }] });
  out.push({ name: 'outline on a binary file', setup: (d) => writeFileSync(join(d, 'target.txt'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), steps: [{ args: ['outline', 'target.txt'], code: 5, stderr: /target\.txt: is a binary file/ }] });
  out.push(...sidecarRows(), ...folderRows(), ...encodingRows(), ...codebookRows());
  return out;
}

/** The report is fine; its tags file is not. */
function sidecarRows(): Row[] {
  const withReport = (make: (sidecar: string) => void) => (d: string) => {
    copyFileSync(SAMPLE, join(d, 'r.txt'));
    make(join(d, 'r.txt.tags.json'));
  };
  const cases: Array<{ name: string; make: (sidecar: string) => void; says: RegExp }> = [
    { name: 'a directory', make: (s) => mkdirSync(s), says: /r\.txt\.tags\.json: is a directory where a file was expected/ },
    { name: 'a FIFO', make: (s) => execFileSync('mkfifo', [s]), says: /r\.txt\.tags\.json: is a FIFO/ },
    { name: 'a symbolic-link loop', make: (s) => symlinkSync('r.txt.tags.json', s), says: /r\.txt\.tags\.json: symbolic links lead round in a loop/ },
  ];
  const out: Row[] = [];
  for (const c of cases) {
    out.push({ name: `tag with a tags file that is ${c.name}`, setup: withReport(c.make), steps: [{ args: ['tag', 'r.txt', '--theme', 'x', '--quote', 'seen promptly'], code: 4, stderr: c.says }] });
    out.push({ name: `reanchor with a tags file that is ${c.name}`, setup: withReport(c.make), steps: [{ args: ['reanchor', 'r.txt'], code: 4, stderr: c.says }] });
  }
  // 232 characters: the report and its tags file fit in 255, the tags file's temporary file does not.
  const longReport = `${'w'.repeat(228)}.txt`;
  out.push({
    name: 'tag on a report whose name leaves no room for its tags file',
    setup: (d) => copyFileSync(SAMPLE, join(d, longReport)),
    steps: [{ args: ['tag', longReport, '--theme', 'x', '--quote', 'seen promptly'], code: 4, stderr: /too long for the file system.*at most 231/ }],
  });
  return out;
}

/** A folder walk meets special files: each is listed as a problem, none is opened, the run finishes. */
function folderRows(): Row[] {
  return [
    {
      name: 'aggregate over a folder of FIFOs, devices, loops and folders named like reports',
      setup: (d) => {
        const f = join(d, 'reports');
        mkdirSync(f);
        copyFileSync(SAMPLE, join(f, 'ok.txt'));
        execFileSync('mkfifo', [join(f, 'pipe.txt'), join(f, 'ok.txt.tags.json')]);
        symlinkSync('/dev/zero', join(f, 'zero.txt'));
        symlinkSync('loop.txt', join(f, 'loop.txt'));
        mkdirSync(join(f, 'folder.txt'));
      },
      steps: [{ args: ['aggregate', 'reports', '--format', 'json'], code: 0, stderr: /pipe\.txt: is a FIFO[^]*ok\.txt\.tags\.json: is a FIFO|ok\.txt\.tags\.json: is a FIFO[^]*pipe\.txt: is a FIFO/ }],
    },
    {
      // /dev/full fails every write with ENOSPC: a full disk, for real.
      name: 'aggregate --out on a full disk (/dev/full)',
      setup: (d) => {
        mkdirSync(join(d, 'reports'));
        copyFileSync(SAMPLE, join(d, 'reports', 'r.txt'));
        return existsSync('/dev/full') ? undefined : 'skipped: no /dev/full on this system';
      },
      steps: [{ args: ['aggregate', 'reports', '--format', 'csv', '--out', '/dev/full'], code: 9, stderr: /cannot write \/dev\/full: ENOSPC: .*the disk \(or your quota\) is full/ }],
    },
  ];
}

/** The same report saved three other ways: tagged twice, re-anchored, aggregated with no tag lost. */
function encodingRows(): Row[] {
  const text = readFileSync(SAMPLE, 'utf8');
  const encodings: Array<{ name: string; bytes: () => Uint8Array; warning?: RegExp }> = [
    { name: 'a UTF-8 BOM', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) },
    { name: 'UTF-16 LE with BOM', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) },
    {
      // One byte 0x92 (a Windows apostrophe) makes the file invalid UTF-8: it is all read as Windows-1252.
      name: 'a stray Windows-1252 byte',
      bytes: () => Buffer.concat([Buffer.from('Children', 'utf8'), Buffer.from([0x92]), Buffer.from(`s services\n${text}`, 'utf8')]),
      warning: /read as Windows-1252/,
    },
  ];
  return encodings.map((e) => ({
    name: `outline, tag twice, reanchor and aggregate a report saved with ${e.name}`,
    setup: (d: string) => {
      mkdirSync(join(d, 'reports'));
      writeFileSync(join(d, 'reports', 'r.txt'), e.bytes());
    },
    steps: [
      { args: ['outline', 'reports/r.txt'], code: 0, stdout: /Westmere/, ...(e.warning ? { stderr: e.warning } : { notStderr: /./ }) },
      { args: ['tag', 'reports/r.txt', '--theme', 'help-and-protection', '--quote', 'seen promptly'], code: 0, stdout: /^[0-9a-f-]{36}\n$/ },
      { args: ['tag', 'reports/r.txt', '--theme', 'care-leavers', '--quote', 'Care leavers are well'], code: 0, stdout: /^[0-9a-f-]{36}\n$/, notStderr: /has changed since its tags were anchored/ },
      { args: ['reanchor', 'reports/r.txt'], code: 0, stdout: /unchanged since its tags were anchored/ },
      { args: ['aggregate', 'reports', '--format', 'json'], code: 0, stderr: /2 passages from 1 tagged of 1 report/, notStderr: /orphaned/ },
    ],
  }));
}

/** Codebooks nested 3,000 deep: a message, not a stack overflow (and not a megabyte of message). */
function codebookRows(): Row[] {
  const deepJson = `{"groups": ${'['.repeat(3000)}${']'.repeat(3000)}}`;
  const deepQdc = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${'<Code guid="g" name="n" isCodable="true">'.repeat(3000)}${'</Code>'.repeat(3000)}</Codes></CodeBook>`;
  const longAttribute = `<CodeBook><Codes ${'a'.repeat(1_100_000)}></CodeBook>`;
  return [
    { name: 'aggregate --codebook nested 3,000 deep (JSON)', setup: (d) => writeFileSync(join(d, 'deep.json'), deepJson), steps: [{ args: ['aggregate', '--format', 'qdc', '--codebook', 'deep.json'], code: 0, stderr: /nested more than 64 levels deep/, stdout: /<CodeBook/ }] },
    { name: 'aggregate --codebook nested 3,000 deep (.qdc)', setup: (d) => writeFileSync(join(d, 'deep.qdc'), deepQdc), steps: [{ args: ['aggregate', '--format', 'qdc', '--codebook', 'deep.qdc'], code: 4, stderr: /deep\.qdc: The codebook nests elements more than 64 levels deep/ }] },
    { name: 'aggregate --codebook with a 1 MB malformed tag (.qdc)', setup: (d) => writeFileSync(join(d, 'long.qdc'), longAttribute), steps: [{ args: ['aggregate', '--format', 'qdc', '--codebook', 'long.qdc'], code: 4, stderr: /long\.qdc: Not well-formed XML/ }] },
  ];
}

// ---- running the CLI as processes ----

let bundled: Promise<string> | undefined;

function bundle(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'cli-faults-')), 'cli.cjs');
    await esbuild.build({ entryPoints: [resolve('src/cli/main.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', mainFields: ['module', 'main'] });
    return outfile;
  })();
  return bundled;
}

interface Ran {
  code: number | string;
  stdout: string;
  stderr: string;
}

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

async function runProcess(cwd: string, args: string[], unprivileged = false): Promise<Ran> {
  const cli = await bundle();
  const user = unprivileged && isRoot ? { uid: NOBODY, gid: NOBODY } : {};
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd, timeout: PROCESS_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, ...user }, (error, stdout, stderr) => {
      const killed = (error as { killed?: boolean } | null)?.killed === true;
      done({ code: killed ? `killed after ${PROCESS_TIMEOUT_MS} ms (hung)` : error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function inPool<T>(jobs: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  }));
  return results;
}

describe('report command line against hostile files (real processes)', function () {
  this.timeout(600_000);
  const table = rows();
  const root = mkdtempSync(join(tmpdir(), 'cli-faults-rows-'));
  let outcomes: Array<{ skipped?: string; ran: Ran[] }> = [];

  before(async () => {
    const cli = await bundle();
    // `nobody` must reach the bundle and the rows' folders (temporary folders are private to their owner).
    if (isRoot) for (const folder of [dirname(cli), root]) chmodSync(folder, 0o755);
    outcomes = await inPool(
      table.map((row, i) => async () => {
        const dir = join(root, `row-${i}`);
        mkdirSync(dir, { mode: 0o755 });
        const skipped = row.setup(dir) ?? undefined;
        if (skipped) return { skipped, ran: [] };
        const ran: Ran[] = [];
        for (const step of row.steps) ran.push(await runProcess(dir, step.args, row.unprivileged));
        return { ran };
      }),
      CONCURRENT_PROCESSES,
    );
  });

  after(() => {
    // chmod 000 files would stop rm for a non-root user.
    try {
      execFileSync('chmod', ['-R', 'u+rwx', root]);
    } catch {
      // nothing to loosen
    }
    rmSync(root, { recursive: true, force: true });
  });

  for (const [i, row] of table.entries()) {
    it(row.name, function () {
      const outcome = outcomes[i]!;
      if (outcome.skipped) {
        console.log(`      ${row.name}: ${outcome.skipped}`);
        this.skip();
      }
      for (const [s, step] of row.steps.entries()) {
        const ran = outcome.ran[s]!;
        const what = `report ${step.args.map((a) => (a.length > 40 ? `${a.slice(0, 20)}…` : a)).join(' ')}`;
        assert.equal(ran.code, step.code, `${what}: exit ${ran.code}, expected ${step.code}; stderr: ${ran.stderr.slice(0, 600)}`);
        assert.doesNotMatch(ran.stderr, /internal error/i, `${what}: "internal error" is for bugs only`);
        assert.doesNotMatch(ran.stderr, /^\s+at .+[(:]\d+/m, `${what}: stderr holds a stack trace`);
        for (const line of ran.stderr.split('\n')) assert.ok(line.length <= 1200, `${what}: a stderr line of ${line.length} characters`);
        if (step.code !== 0) assert.ok(ran.stderr.trim().split('\n').length <= 3, `${what}: a few lines at most, got ${ran.stderr}`);
        if (step.stderr) assert.match(ran.stderr, step.stderr, what);
        if (step.stdout) assert.match(ran.stdout, step.stdout, what);
        if (step.notStderr) assert.doesNotMatch(ran.stderr, step.notStderr, what);
      }
    });
  }
});
