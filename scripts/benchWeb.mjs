// `npm run bench:web`: cold analysis of the bench's synthetic SIF report (bench/syntheticReport.ts) by the web
// bundle in a Web Worker in headless Chromium, against the Node bundle in Node, on this machine in this run.
// Target: the web worker's median at most 1.5 times Node's. Prints that row and exits 1 when it is missed. A second
// row times a report set analysed by the product's pool of Web Workers against on the calling thread with yielding.
/* global Worker, Blob -- used inside page.evaluate, in the browser */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot, launchBrowser } from './codeServerWorkbench.mjs';

const TARGET = 1.5;
const rounds = Number(process.env.BENCH_WEB_ROUNDS ?? 30);
const warmup = 5;
const require = createRequire(import.meta.url);
const out = join(projectRoot, 'out/bench-web');

// The bench's synthetic report (bench/syntheticReport.ts, bundled beside the timing), from the same fixture.
const nodeBundle = require(join(out, 'analysisBench.node.js'));
const text = nodeBundle.syntheticSifReport(readFileSync(join(projectRoot, 'test/fixtures/reports/sif-2015-fernleigh.txt'), 'utf8'));
// Blocks of rounds alternate between Node and the Web Worker, so load from elsewhere on the machine falls on both.
const BLOCKS = 5;
const perBlock = Math.max(1, Math.round(rounds / BLOCKS));
const browser = await launchBrowser();
const nodeTimes = [];
const webTimes = [];
let node;
let web;
let set;
try {
  const { page } = browser;
  await page.setContent('<!doctype html><title>bench</title>');
  await page.evaluate((source) => {
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    globalThis.timeInWorker = (request) => new Promise((ok, fail) => {
      worker.onmessage = (e) => ok(e.data);
      worker.onerror = (e) => fail(new Error(e.message));
      worker.postMessage(request);
    });
  }, readFileSync(join(out, 'analysisBench.web.js'), 'utf8'));
  for (let block = 0; block < BLOCKS; block++) {
    const n = nodeBundle.timeColdAnalysis(text, perBlock, block === 0 ? warmup : 1);
    const w = await page.evaluate((request) => globalThis.timeInWorker(request), { text, rounds: perBlock, warmup: block === 0 ? warmup : 1 });
    node ??= n;
    web ??= w;
    nodeTimes.push(...n.times);
    webTimes.push(...w.times);
  }
  set = await timeReportSet(page);
} finally {
  await browser.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
node.medianMs = median(nodeTimes);
web.medianMs = median(webTimes);

if (web.sections !== node.sections) {
  console.error(`bench:web: the two bundles disagree (${web.sections} sections in the web worker, ${node.sections} in Node)`);
  process.exit(1);
}
const ratio = web.medianMs / node.medianMs;
const pass = ratio <= TARGET;
const ms = (n) => `${n.toFixed(2)} ms`;
console.log(`operation | median | baseline (median) | ratio | target | result`);
console.log(`synthetic (${text.length} characters): cold analysis, web bundle in a Web Worker (headless Chromium) [first call ${ms(web.firstMs)}, Node's ${ms(node.firstMs)}; ${nodeTimes.length} rounds each, in ${BLOCKS} alternating blocks] | ${ms(web.medianMs)} | Node bundle in Node: ${ms(node.medianMs)} | ${ratio.toFixed(2)} | ≤ ${TARGET} | ${pass ? 'pass' : 'FAIL'}`);
const setMedian = (t) => `${ms(median(t.totalMs))}, longest stall ${ms(median(t.longestStallMs))} (worst ${ms(Math.max(...t.longestStallMs))})`;
console.log(`report set (${set.reports} reports, ${set.characters} characters): analysis by the product's AnalysisPool on ${set.poolSize} Web Worker(s) [calling thread's longest stall ${ms(median(set.workers.longestStallMs))}, worst ${ms(Math.max(...set.workers.longestStallMs))}; ${set.rounds} alternating rounds] | ${ms(median(set.workers.totalMs))} | on the calling thread, yielding between reports: ${setMedian(set.here)} | ${(median(set.workers.totalMs) / median(set.here.totalMs)).toFixed(2)} | for comparison | ${set.workers.sections === set.here.sections ? 'same result' : 'RESULTS DIFFER'}`);
process.exit(pass && set.workers.sections === set.here.sections ? 0 : 1);

/**
 * The fixture reports and the synthetic one (each REPORT_SET_COPIES times, as a folder of a few dozen reports), analysed in the page by the
 * product's pool of Web Workers and on the page's own thread with yielding; the page stands in for the extension host's
 * thread (in VS Code a web worker itself). Times the whole set and the longest the calling thread could not run a task.
 */
async function timeReportSet(page) {
  const folder = join(projectRoot, 'test/fixtures/reports');
  const copies = Number(process.env.REPORT_SET_COPIES ?? 4);
  const one = readdirSync(folder).filter((n) => /\.(txt|md)$/.test(n)).sort().map((n) => ({ text: readFileSync(join(folder, n), 'utf8'), markdown: n.endsWith('.md') }));
  // Real reports run to 50-110 KB; the fixtures are excerpts: the synthetic full-size report joins each copy.
  const texts = Array.from({ length: copies }, () => [...one, { text, markdown: false }]).flat();
  const rounds = Number(process.env.REPORT_SET_ROUNDS ?? 7);
  await page.addScriptTag({ content: readFileSync(join(out, 'analysisBench.web.js'), 'utf8') });
  const result = await page.evaluate(async (request) => {
    const workerUrl = URL.createObjectURL(new Blob([request.workerSource], { type: 'text/javascript' }));
    return globalThis.timeReportSet({ texts: request.texts, rounds: request.rounds, workerUrl });
  }, { texts, rounds, workerSource: readFileSync(join(projectRoot, 'dist/web/analysisWorker.js'), 'utf8') });
  return { ...result, rounds, reports: texts.length, characters: texts.reduce((n, t) => n + t.text.length, 0) };
}
