import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseReport } from '../../../src/core/recognition/analyse';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { AnalysisPool } from '../../../src/core/recognition/workers/analysisPool';

// The worker runs the TypeScript source through tsx (registered inside the worker, which does not inherit the
// test process's loader), as these tests do; the extension and the command line run dist/analysisWorker.js.
const WORKER_SOURCE = fileURLToPath(new URL('../../../src/core/recognition/workers/analysisWorker.ts', import.meta.url));
const WORKER = `require('tsx/cjs/api').register(); require(${JSON.stringify(WORKER_SOURCE)});`;
const TSX = { workerOptions: { eval: true } };
const REPORTS = fileURLToPath(new URL('../../fixtures/reports', import.meta.url));
const EVIDENCE = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));
const NOW = () => new Date('2026-01-05T12:00:00.000Z');

describe('analysis on worker threads', function () {
  this.timeout(30_000);

  it('gives every fixture report the same model as analysing it here', async () => {
    const pool = new AnalysisPool(WORKER, { ...TSX, size: 2 });
    try {
      const names = readdirSync(REPORTS).filter((n) => /\.(txt|md)$/.test(n));
      const models = await Promise.all(names.map((n) => pool.analyse(readFileSync(join(REPORTS, n), 'utf8'), { markdown: n.endsWith('.md') })));
      names.forEach((n, i) => assert.deepEqual(models[i], analyseReport(readFileSync(join(REPORTS, n), 'utf8'), { markdown: n.endsWith('.md') }), n));
      assert.equal(pool.counts.workers, names.length);
      assert.equal(pool.counts.inThread, 0);
      assert.equal(pool.fallbackReason, undefined);
    } finally {
      await pool.close();
    }
  });

  it('collecting evidence with the pool gives the same evidence as collecting without it', async () => {
    const pool = new AnalysisPool(WORKER, { ...TSX, size: 2 });
    try {
      const fs = new NodeFileSystem();
      const plain = await collectEvidence([EVIDENCE], fs, { now: NOW });
      const pooled = await collectEvidence([EVIDENCE], fs, { now: NOW, analyse: (text, o) => pool.analyse(text, o), concurrency: 3 });
      assert.ok(plain.reports.length > 2 && plain.items.length > 0);
      assert.deepEqual(pooled, plain);
      assert.ok(pool.counts.workers >= plain.reports.length);
    } finally {
      await pool.close();
    }
  });

  it('analyses here, with the reason, when the worker script is missing', async () => {
    const pool = new AnalysisPool(join(tmpdir(), 'no-such-analysis-worker.js'), { size: 1 });
    const text = readFileSync(join(REPORTS, 'ilacs-2019-westmere.txt'), 'utf8');
    assert.deepEqual(await pool.analyse(text), analyseReport(text));
    assert.deepEqual(await pool.analyse(text), analyseReport(text));
    assert.match(pool.fallbackReason ?? '', /worker/);
    assert.ok(pool.counts.inThread >= 1);
    await pool.close();
  });

  it('a worker that dies mid-run loses no report: the rest are analysed here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ira-pool-'));
    const dying = join(dir, 'dying-worker.cjs');
    // Answers nothing and exits as soon as it is sent a report.
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const pool = new AnalysisPool(dying, { size: 2 });
    try {
      const names = readdirSync(REPORTS).filter((n) => n.endsWith('.txt')).slice(0, 5);
      const texts = names.map((n) => readFileSync(join(REPORTS, n), 'utf8'));
      const models = await Promise.all(texts.map((t) => pool.analyse(t)));
      texts.forEach((t, i) => assert.deepEqual(models[i], analyseReport(t), names[i]));
      assert.match(pool.fallbackReason ?? '', /exit code 3/);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends idle workers, and starts them again for new work', async () => {
    const pool = new AnalysisPool(WORKER, { ...TSX, size: 1, idleMs: 50 });
    const text = readFileSync(join(REPORTS, 'ilacs-2019-westmere.txt'), 'utf8');
    await pool.analyse(text);
    assert.equal((pool as unknown as { slots: unknown[] }).slots.length, 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((pool as unknown as { slots: unknown[] }).slots.length, 0, 'the idle worker ended');
    assert.deepEqual(await pool.analyse(text), analyseReport(text));
    assert.equal(pool.counts.workers, 2);
    await pool.close();
  });
});
