// `report cite-check`: every citation with its status, as text and JSON, and an exit code that fails a build
// when any citation does not hold. Runs the command in-process on real files in a temporary folder.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

describe('report cite-check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cite-check-'));
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'ashcombe-fv-2025.txt'), REPORT);
    writeFileSync(join(dir, 'reports', 'ashcombe-fv-2025.txt.tags.json'), JSON.stringify(sidecarFor(REPORT, standardTags())));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const link = (tag: string) => `[Ashcombe FV](reports/ashcombe-fv-2025.txt#tag=${tag})`;

  it('exits 0 and lists each citation as ok when every quote holds', async () => {
    writeFileSync(join(dir, 'sef.md'), `# Help and protection\n\n“${PASSAGES.seen}” ${link('t1')}\n\n> ${PASSAGES.leaders}\n> — ${link('t3')}\n`);
    const { code, out, err } = await run(['cite-check', 'sef.md'], dir);
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.match(out, /^sef\.md: 2 citations: 2 ok\n/);
    assert.match(out, / {2}3:\d+ +ok +reports\/ashcombe-fv-2025\.txt#tag=t1 {2}“Most children are seen/);
    assert.match(out, / {2}6:\d+ +ok +reports\/ashcombe-fv-2025\.txt#tag=t3/);
  });

  it('exits 12 and prints {citations: [{line, target, tag, status, quote}]} with --json', async () => {
    const draft = [`"All children are seen regularly" ${link('t1')}`, `"words" ${link('t9')}`, `No quote here ${link('t3')}`, `"words" [Gone](reports/gone.txt#tag=t1)`].join('\n\n');
    writeFileSync(join(dir, 'sef.md'), draft + '\n');
    const { code, out } = await run(['cite-check', 'sef.md', '--json'], dir);
    assert.equal(code, 12);
    const json = JSON.parse(out) as { citations: { line: number; target: string; tag: string; status: string; quote: string | null }[] };
    assert.deepEqual(
      json.citations.map(({ line, target, tag, status, quote }) => ({ line, target, tag, status, quote })),
      [
        { line: 1, target: 'reports/ashcombe-fv-2025.txt#tag=t1', tag: 't1', status: 'misquote', quote: 'All children are seen regularly' },
        { line: 3, target: 'reports/ashcombe-fv-2025.txt#tag=t9', tag: 't9', status: 'missing-tag', quote: 'words' },
        { line: 5, target: 'reports/ashcombe-fv-2025.txt#tag=t3', tag: 't3', status: 'no-quote', quote: null },
        { line: 7, target: 'reports/gone.txt#tag=t1', tag: 't1', status: 'missing-report', quote: 'words' },
      ],
    );
  });

  it('says what is wrong under each failing citation in text output', async () => {
    writeFileSync(join(dir, 'sef.md'), `"All children are seen regularly" ${link('t1')}\n`);
    const { code, out } = await run(['cite-check', 'sef.md'], dir);
    assert.equal(code, 12);
    assert.match(out, /1 misquote/);
    assert.match(out, /quoted “All” where the passage reads “Most”/);
  });

  it('reports a draft with no citations, a missing draft and a missing argument clearly', async () => {
    writeFileSync(join(dir, 'plain.md'), '# Notes\n\nNothing cited [yet](https://example.org).\n');
    const plain = await run(['cite-check', 'plain.md'], dir);
    assert.equal(plain.code, 0);
    assert.match(plain.out, /plain\.md: no citations/);
    const missing = await run(['cite-check', 'nope.md'], dir);
    assert.equal(missing.code, 3);
    assert.match(missing.err, /nope\.md/);
    const usage = await run(['cite-check'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /missing <draft\.md>/);
  });

  it('is listed in report --help with exit code 12', async () => {
    const { out } = await run(['--help'], dir);
    assert.match(out, /cite-check/);
    assert.match(out, /12 a citation in the draft is not ok/);
  });
});
