// `report render`: the draft with footnotes on standard output or in a file, as Markdown or HTML; a draft whose
// citations do not all hold is refused with cite-check's list of problems and exit code, unless --force.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { PASSAGES, REPORT, sidecarFor, standardTags } from './draftFixtures';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { cwd, stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

describe('report render', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'render-'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'ashcombe-fv-2025.txt'), REPORT);
    writeFileSync(join(dir, 'reports', 'ashcombe-fv-2025.txt.tags.json'), JSON.stringify(sidecarFor(REPORT, standardTags())));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const link = (tag: string) => `[Ashcombe FV](reports/ashcombe-fv-2025.txt#tag=${tag})`;

  it('prints the draft with numbered footnotes and exits 0 when every citation holds', async () => {
    writeFileSync(join(dir, 'sef.md'), `# SEF\n\n“Most children are seen” (${link('t1')}).\n\n> ${PASSAGES.leaders}\n>\n> — ${link('t3')}\n`);
    const { code, out, err } = await run(['render', 'sef.md'], dir);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.equal(
      out,
      `# SEF\n\n“Most children are seen”[^1].\n\n> ${PASSAGES.leaders}[^2]\n\n` +
        `[^1]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 3, section 'Headline findings': “${PASSAGES.seen}”\n` +
        `[^2]: *Focused visit to Ashcombe children's services*, Ashcombe focused visit, para 5, section 'Headline findings': “${PASSAGES.leaders}”\n`,
    );
  });

  it('writes HTML to the file given with -o, says so, and leaves the draft as it was', async () => {
    const draft = `“Most children are seen” ${link('t1')}\n`;
    writeFileSync(join(dir, 'sef.md'), draft);
    const { code, out, err } = await run(['render', 'sef.md', '--html', '-o', 'sef.html', '--no-quote'], dir);
    assert.equal(code, 0);
    assert.equal(out, '');
    assert.match(err, /sef\.md: 1 citation as 1 footnote, written to sef\.html/);
    const html = readFileSync(join(dir, 'sef.html'), 'utf8');
    assert.match(html, /<title>sef<\/title>/);
    assert.match(html, /<sup><a href="#fn-1" id="fnref-1">1<\/a><\/sup>/);
    assert.match(html, /<li id="fn-1"><p><em>Focused visit to Ashcombe children's services<\/em>, Ashcombe focused visit, para 3, section 'Headline findings'\. <a href="#fnref-1"/);
    assert.equal(readFileSync(join(dir, 'sef.md'), 'utf8'), draft);
  });

  it('refuses a draft with a broken citation: lists the problems as cite-check does, exits 12, writes nothing', async () => {
    writeFileSync(join(dir, 'sef.md'), `"All children are seen regularly" ${link('t1')}\n`);
    const { code, out, err } = await run(['render', 'sef.md', '--out', 'out.md'], dir);
    assert.equal(code, 12);
    assert.equal(out, '');
    assert.match(err, /sef\.md: 1 citation: 1 misquote/);
    assert.match(err, /quoted “All” where the passage reads “Most”/);
    assert.match(err, /nothing written/);
    assert.equal(existsSync(join(dir, 'out.md')), false);
  });

  it('renders a broken draft with --force, its note saying what is wrong, and still exits 12', async () => {
    writeFileSync(join(dir, 'sef.md'), `"All children are seen regularly" ${link('t1')}\n`);
    const { code, out } = await run(['render', 'sef.md', '--force'], dir);
    assert.equal(code, 12);
    assert.match(out, /\[\^1\]: \*\*Citation not verified \(misquote\):\*\*/);
  });

  it('rejects a missing draft, a missing argument and writing over the draft itself clearly', async () => {
    writeFileSync(join(dir, 'sef.md'), `“Most children are seen” ${link('t1')}\n`);
    const missing = await run(['render', 'nope.md'], dir);
    assert.equal(missing.code, 3);
    assert.match(missing.err, /nope\.md/);
    const usage = await run(['render'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /missing <draft\.md>/);
    const over = await run(['render', 'sef.md', '-o', 'sef.md'], dir);
    assert.equal(over.code, 2);
    assert.match(over.err, /--out sef\.md is the draft itself: nothing was written/);
    assert.equal(readFileSync(join(dir, 'sef.md'), 'utf8'), `“Most children are seen” ${link('t1')}\n`);
    const folder = await run(['render', 'sef.md', '-o', 'reports'], dir);
    assert.equal(folder.code, 4);
    assert.match(folder.err, /reports/);
  });

  it('is listed in report --help', async () => {
    const { out } = await run(['--help'], dir);
    assert.match(out, /render +write a Markdown draft with its citations as numbered footnotes/);
  });
});
