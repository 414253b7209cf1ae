// Runs the real command line as a child process, as a user would, and checks what they see.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const mainTs = join(repoRoot, 'src', 'cli', 'main.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs from the repository (where `--import tsx` resolves); test files are passed as relative paths. */
function report(args: string[]): Promise<Run> {
  const cwd = repoRoot;
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', mainTs, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** A small invented ILACS report in the PDF-text layout. */
const ILACS = `Inspection of Fernwick local authority children’s services
Inspection dates: 2 to 13 June 2025

Lead inspector: Anna Pelling, His Majesty’s Inspector


 Judgement                                   Grade

 The impact of leaders on social work        Good
 practice with children and families

 The experiences and progress of             Good
 children who need help and protection

 The experiences and progress of             Inadequate
 children in care

 The experiences and progress of care        Good
 leavers

 Overall effectiveness                       Requires improvement to be good

Leaders in Fernwick have improved help for families, but children in care wait too long for homes.

What needs to improve?
◼ The sufficiency of homes for children in care. (outcome 3, national framework)

◼ The quality of supervision.

The experiences and progress of children who need help and
protection: good
1. Families receive timely early help from well-run family hubs.

2. Strategy meetings are prompt and well attended.

The experiences and progress of children in care: inadequate
3. Too many children live far from Fernwick.

The experiences and progress of care leavers: good
4. Personal advisers know young people well.

The impact of leaders on social work practice with children and
families: good
5. Leaders know their services well.
`;

describe('report command line', function () {
  this.timeout(30000);
  let dir: string;
  /** A test file's path as typed at the repository root. */
  const f = (name: string) => relative(repoRoot, join(dir, name));

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    writeFileSync(join(dir, 'fernwick.txt'), ILACS);
    writeFileSync(join(dir, 'fernwick.md'), ILACS.replace(/^Inspection of Fernwick/, '# Inspection of Fernwick'));
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n');
    mkdirSync(join(dir, 'a-folder'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--help lists the commands and the exit codes', async () => {
    const run = await report(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: report <command>/);
    assert.match(run.stdout, /\n {2}outline +show what a report contains/);
    assert.match(run.stdout, /Exit codes:[\s\S]*3 +file not found[\s\S]*5 +not a text file/);
  });

  it('outline --help explains the command', async () => {
    const run = await report(['outline', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: report outline <file> \[--json\]/);
  });

  it('no command prints the help on stderr with the usage exit code', async () => {
    const run = await report([]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Usage: report <command>/);
  });

  it('an unknown command or option is a usage error (exit 2) with one clear line', async () => {
    const unknown = await report(['outlin', 'x.txt']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^report: unknown command 'outlin'\. Commands: outline(, [a-z-]+)*\. See report --help\.\n$/);
    const option = await report(['outline', f('fernwick.txt'), '--jsn']);
    assert.equal(option.code, 2);
    assert.equal(option.stderr, 'report: outline: unknown option --jsn; see `report outline --help`\n');
    // A file whose name starts with "-": the whole name, and how to give it (Node's words gave '-d', unevenly quoted).
    const dash = await report(['outline', '-dash.txt']);
    assert.equal(dash.code, 2);
    assert.equal(dash.stderr, 'report: outline: unknown option -dash.txt; a file whose name starts with "-" is given as ./-dash.txt, or after --; see `report outline --help`\n');
    const missing = await report(['outline']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^report: outline: missing <file>/);
  });

  it('a missing file: one line on stderr, exit 3, nothing on stdout', async () => {
    const run = await report(['outline', f('nope.txt')]);
    assert.deepEqual(run, { code: 3, stdout: '', stderr: `report: ${f('nope.txt')}: no such file\n` });
  });

  it('a directory: exit 4', async () => {
    const run = await report(['outline', f('a-folder')]);
    assert.deepEqual(run, { code: 4, stdout: '', stderr: `report: ${f('a-folder')}: is a directory, not a report file\n` });
  });

  it('a file without read permission: exit 4', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads everything
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, ILACS);
    chmodSync(locked, 0o000);
    const run = await report(['outline', f('locked.txt')]);
    assert.deepEqual(run, { code: 4, stdout: '', stderr: `report: ${f('locked.txt')}: permission denied (cannot read the file)\n` });
  });

  it('a binary file or a PDF: exit 5 with a hint', async () => {
    const png = await report(['outline', f('image.png')]);
    assert.deepEqual(png, { code: 5, stdout: '', stderr: `report: ${f('image.png')}: is a binary file (it contains NUL bytes), not a text report\n` });
    const pdf = await report(['outline', f('report.pdf')]);
    assert.equal(pdf.code, 5);
    assert.match(pdf.stderr, /^report: \S+report\.pdf: is a PDF, not text; convert it first, e\.g\. `pdftotext -layout/);
  });

  it('outline --json prints the model with exactly the documented keys', async () => {
    const run = await report(['outline', f('fernwick.txt'), '--json']);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(json), ['kind', 'authority', 'metadata', 'judgements', 'earlierJudgements', 'improvements', 'strengths', 'sections', 'paragraphs']);
    assert.equal(json.kind, 'ilacs-inspection');
    assert.equal(json.paragraphs, 5);
    const grades = Object.fromEntries(json.judgements.filter((j: { source: string }) => j.source === 'table').map((j: { area: string; grade: string }) => [j.area, j.grade]));
    assert.deepEqual(grades, { leaders: 'good', 'help-protection': 'good', 'in-care': 'inadequate', 'care-leavers': 'good', overall: 'requires-improvement' });
    assert.equal(json.improvements.length, 2);
    assert.deepEqual(json.improvements.map((i: { owner: string }) => i.owner), ['local-authority', 'local-authority']);
    assert.deepEqual(json.strengths, []);
    assert.deepEqual(json.improvements[0].frameworkRefs.map((r: { kind: string; number: number }) => `${r.kind} ${r.number}`), ['outcome 3']);
    const inCare = json.sections.find((s: { judgementArea?: string }) => s.judgementArea === 'in-care');
    assert.equal(inCare.grade, 'inadequate');
    assert.equal(inCare.line, 36);
  });

  it('outline without --json prints the readable outline', async () => {
    const run = await report(['outline', f('fernwick.txt')]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^fernwick\.txt: ILACS inspection report \(standard inspection\)\n/);
    assert.match(run.stdout, /\n {2}Overall effectiveness +Requires improvement +line 21 \(table\)/);
    assert.match(run.stdout, /The experiences and progress of children in care: inadequate \[Inadequate\] {2}\(line 36\)/);
    assert.match(run.stdout, /Areas for improvement:\n {2}1\. The sufficiency of homes for children in care\./);
  });

  it('reads .md files as Markdown', async () => {
    const run = await report(['outline', f('fernwick.md'), '--json']);
    assert.equal(run.code, 0);
    const json = JSON.parse(run.stdout);
    assert.equal(json.kind, 'ilacs-inspection');
    assert.ok(json.sections.some((s: { title: string }) => /^Inspection of Fernwick/.test(s.title) || s.title === 'What needs to improve?'));
  });
});
