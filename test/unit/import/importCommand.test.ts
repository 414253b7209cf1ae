// `report import` end to end in-process: what a user sees on stdout and stderr, the exit codes, and
// that an existing text is left alone without --force.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { writePdf } from './pdfWriter';
import { sampleReportPdf } from './sampleReportPdf';

async function report(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('report import (command line)', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'report-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is listed in report --help and explains itself', async () => {
    assert.match((await report(['--help'], dir)).stdout, /\n {2}import +turn a PDF report/);
    const help = await report(['import', '--help'], dir);
    assert.match(help.stdout, /^Usage: report import <pdf\|folder> \[--out FILE\|DIR\] \[--force\] \[--json\]/);
    assert.match(help.stdout, /11 +the text file exists and differs/);
  });

  it('writes the text beside the PDF; again, it changes nothing; a changed text is kept without --force', async () => {
    writeFileSync(join(dir, 'r.pdf'), sampleReportPdf());
    const first = await report(['import', 'r.pdf'], dir);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, `r.pdf: wrote ${join(dir, 'r.txt')} (2 pages).\n`);
    const again = await report(['import', 'r.pdf'], dir);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already holds this import; nothing was changed/);

    writeFileSync(join(dir, 'r.txt'), 'my own notes');
    const refused = await report(['import', 'r.pdf'], dir);
    assert.equal(refused.code, 11);
    assert.match(refused.stderr, /r\.txt already exists; it was left unchanged \(replace it with --force/);
    assert.equal(readFileSync(join(dir, 'r.txt'), 'utf8'), 'my own notes');

    const forced = await report(['import', 'r.pdf', '--force', '--json'], dir);
    assert.equal(forced.code, 0);
    const json = JSON.parse(forced.stdout);
    assert.equal(json.status, 'replaced');
    assert.equal(json.pages, 2);
    assert.match(json.source.sha256, /^[0-9a-f]{64}$/);
  });

  it('imports a folder to --out, lists the bad files and exits 10', async () => {
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/good.pdf'), sampleReportPdf());
    writeFileSync(join(dir, 'in/locked.pdf'), writePdf([{ runs: [] }], { encrypted: true }));
    const run = await report(['import', 'in', '--out', 'out'], dir);
    assert.equal(run.code, 10);
    assert.ok(existsSync(join(dir, 'out/good.txt')));
    assert.match(run.stdout, /Imported 1 of 2 PDFs; 1 could not be imported:\n {2}locked\.pdf is password-protected/);
  });

  it('refuses a target outside --root, and a missing file, with their exit codes', async () => {
    writeFileSync(join(dir, 'r.pdf'), sampleReportPdf());
    const outside = await report(['import', 'r.pdf', '--root', join(dir, 'sub'), '--out', 'r.txt'], dir);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /is outside the workspace folder; nothing was written/);
    assert.equal(existsSync(join(dir, 'r.txt')), false);
    assert.equal((await report(['import', 'nothing.pdf'], dir)).code, 3);
  });
});
