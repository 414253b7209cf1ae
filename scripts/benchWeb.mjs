// `npm run bench:web`: cold analysis of the bench's synthetic SIF report (bench/syntheticReport.ts) by the web
// bundle in a Web Worker in headless Chromium, against the Node bundle in Node, on this machine in this run.
// Target: the web worker's median at most 1.5 times Node's. Prints that row and exits 1 when it is missed. A second
// row times a report set analysed by the product's pool of Web Workers against on the calling thread with yielding.
// A third row draws the Evidence view (media/evidence/evidence.js) in the page from its first message at 500,000
// passages in 5,000 reports against 5,000 passages in the same reports (bench/evidenceViewBench.ts makes both): the
// webview's longest main-thread task must not grow with the passages; a 2,000-passage workspace of 20 reports is
// timed alongside, for scale.
/* global Worker, Blob, PerformanceObserver, performance, window, MessageEvent, requestAnimationFrame, document -- used inside page.evaluate, in the browser */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot, launchBrowser } from './codeServerWorkbench.mjs';

const TARGET = 1.5;
const VIEW_TARGET = 1.5;
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
let view;
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
  view = await timeEvidenceView(page);
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
const viewRatio = median(view.large.longestTaskMs) / median(view.sparse.longestTaskMs);
const viewPass = viewRatio <= VIEW_TARGET;
console.log(`Evidence view: first message at 500,000 passages in 5,000 reports (${(view.large.characters / 1024).toFixed(0)} KB), parsed and drawn by media/evidence/evidence.js: longest main-thread task [message to first drawing ${ms(median(view.large.stallMs))}, to the last of ${view.large.timelines} timelines ${ms(median(view.large.totalMs))}; ${view.large.rows} passage rows, ${view.large.cells} heat-map cells; ${view.rounds} alternating rounds] | ${ms(median(view.large.longestTaskMs))} | the same 5,000 reports with 5,000 passages (${(view.sparse.characters / 1024).toFixed(0)} KB): ${ms(median(view.sparse.longestTaskMs))} | ${viewRatio.toFixed(2)} | ≤ ${VIEW_TARGET} | ${viewPass ? 'pass' : 'FAIL'}`);
console.log(`Evidence view, for scale: the same, 2,000 passages in 20 reports (${(view.small.characters / 1024).toFixed(0)} KB) [first drawing ${ms(median(view.small.stallMs))}] | ${ms(median(view.small.longestTaskMs))} | 500,000 passages in 5,000 reports: ${ms(median(view.large.longestTaskMs))} | ${(median(view.large.longestTaskMs) / median(view.small.longestTaskMs)).toFixed(2)} | for comparison | info`);
process.exit(pass && viewPass && set.workers.sections === set.here.sections ? 0 : 1);

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

/**
 * The Evidence webview's page (its layout and stylesheet, media/evidence/evidence.js, a stand-in for VS Code's
 * acquireVsCodeApi), sent the first message of bench/evidenceViewBench.ts's 500,000-passage set and of a
 * 2,000-passage one, in alternating rounds, a fresh page each time. Times the main thread from the message's
 * arrival (its JSON parsed, as the webview host does) to the page drawn, and the longest long task observed.
 */
async function timeEvidenceView(page) {
  const dir = mkdtempSync(join(tmpdir(), 'ira-view-bench-'));
  try {
    const file = join(dir, 'messages.json');
    const made = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['bench/evidenceViewBench.ts', file], { cwd: projectRoot, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`bench/evidenceViewBench.ts: ${made.stderr || made.error?.message}`);
    const { body, small, sparse, large } = JSON.parse(readFileSync(file, 'utf8'));
    const messages = { small, sparse, large };
    const script = readFileSync(join(projectRoot, 'media/evidence/evidence.js'), 'utf8');
    const css = readFileSync(join(projectRoot, 'media/evidence/evidence.css'), 'utf8');
    const rounds = Number(process.env.VIEW_ROUNDS ?? 5);
    const result = { rounds, ...Object.fromEntries(Object.entries(messages).map(([k, m]) => [k, { stallMs: [], longestTaskMs: [], totalMs: [], characters: m.length }])) };
    for (let r = 0; r < rounds + 1; r++) {
      const order = ['small', 'sparse', 'large'];
      for (const which of [...order.slice(r % 3), ...order.slice(0, r % 3)]) {
        await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body>${body}</body></html>`);
        await page.evaluate(() => {
          globalThis.acquireVsCodeApi = () => ({ postMessage: (m) => (globalThis.posted ??= []).push(m), getState: () => undefined, setState: () => {} });
          globalThis.longest = 0;
          // Only tasks that end after the message arrives: not the one that brought its text into the page.
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (e.startTime + e.duration >= (globalThis.arrived ?? Infinity)) globalThis.longest = Math.max(globalThis.longest, e.duration);
          }).observe({ type: 'longtask' });
        });
        await page.addScriptTag({ content: script });
        // The text is handed to the page in a task of its own (Playwright's transfer is not the webview's work).
        await page.evaluate((text) => (globalThis.messageText = text, undefined), messages[which]);
        const drawn = await page.evaluate(() => new Promise((done) => {
          const text = globalThis.messageText;
          const t0 = (globalThis.arrived = performance.now());
          // As the webview host delivers it: the JSON parsed, then a message event; the page draws synchronously.
          window.dispatchEvent(new MessageEvent('message', { data: JSON.parse(text) }));
          const stall = performance.now() - t0;
          const expected = JSON.parse(text).model.gradesOverTime.length;
          // Timelines are drawn a batch per task: wait for the last, then a frame (long tasks are reported after them).
          const finished = () => {
            if (document.querySelectorAll('#grades figure.authority').length < expected) return setTimeout(finished, 20);
            const rendered = globalThis.posted.filter((m) => m.type === 'rendered').at(-1);
            requestAnimationFrame(() => setTimeout(() => done({ stall, longest: Math.max(stall, globalThis.longest), total: performance.now() - t0, rows: rendered.state.passages, timelines: expected, cells: document.querySelectorAll('#heatmap td.heat-cell').length }), 50));
          };
          finished();
        }));
        if (r === 0) continue;
        result[which].stallMs.push(drawn.stall);
        result[which].longestTaskMs.push(drawn.longest);
        result[which].totalMs.push(drawn.total);
        result[which].rows = drawn.rows;
        result[which].cells = drawn.cells;
        result[which].timelines = drawn.timelines;
      }
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
