// The cold-analysis timing that scripts/benchWeb.mjs runs twice on the same report: in Node from the Node bundle,
// and in a Web Worker in headless Chromium from the web bundle (built by scripts/build.mjs with the web shims).
// Cold: every round analyses the whole text from scratch with analyseReport, as `npm run bench` does.

import { analyseReport, AnalysisPool } from '../../src/core';

// The bench's own report generator, for scripts/benchWeb.mjs to make the text both sides analyse.
export { syntheticSifReport } from '../../bench/syntheticReport';

export interface AnalysisTiming {
  /** The very first analysis (code not yet optimised by the engine). */
  firstMs: number;
  medianMs: number;
  rounds: number;
  /** What the analysis found, so both sides are seen to do the same work. */
  sections: number;
  /** Every round's time, for a caller that pools several runs. */
  times: number[];
}

export function timeColdAnalysis(text: string, rounds: number, warmup: number): AnalysisTiming {
  const started = performance.now();
  const model = analyseReport(text);
  const firstMs = performance.now() - started;
  for (let i = 0; i < warmup; i++) analyseReport(text);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    analyseReport(text);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { firstMs, medianMs: times[Math.floor(times.length / 2)]!, rounds, sections: model.sections.length, times };
}

/** One way of analysing a report set, timed: the whole set, and the longest the calling thread could not run a task. */
export interface ReportSetTiming {
  totalMs: number[];
  /** Per round, the longest gap between two runs of a heartbeat timer on the calling thread (≈ its longest task). */
  longestStallMs: number[];
  sections: number;
}

export interface ReportSetRequest {
  texts: Array<{ text: string; markdown: boolean }>;
  rounds: number;
  /** A blob: URL of dist/web/analysisWorker.js, for the product's pool (AnalysisPool over Web Workers). */
  workerUrl: string;
}

/**
 * The report set analysed (a) by the product's AnalysisPool, here on Web Workers through the web bundle's
 * node:worker_threads, and (b) on the calling thread, yielding between reports through a MessageChannel (a
 * macrotask without the 4 ms clamp nested timers have). Rounds alternate between the two. Runs in the page.
 */
export async function timeReportSet(request: ReportSetRequest): Promise<{ workers: ReportSetTiming; here: ReportSetTiming; poolSize: number }> {
  const pool = new AnalysisPool(request.workerUrl);
  const workers: ReportSetTiming = { totalMs: [], longestStallMs: [], sections: 0 };
  const here: ReportSetTiming = { totalMs: [], longestStallMs: [], sections: 0 };
  const inWorkers = async () => (await Promise.all(request.texts.map((t) => pool.analyse(t.text, { markdown: t.markdown })))).reduce((n, m) => n + m.sections.length, 0);
  const onThisThread = async () => {
    let sections = 0;
    for (const t of request.texts) {
      sections += analyseReport(t.text, { markdown: t.markdown }).sections.length;
      await yieldToEvents();
    }
    return sections;
  };
  try {
    // Untimed: starts the workers and warms both engines.
    await inWorkers();
    await onThisThread();
    for (let round = 0; round < request.rounds; round++) {
      for (const [timing, run] of [[workers, inWorkers], [here, onThisThread]] as const) {
        const stop = watchStalls();
        const started = performance.now();
        timing.sections = await run();
        timing.totalMs.push(performance.now() - started);
        timing.longestStallMs.push(stop());
      }
    }
    if (pool.fallbackReason) throw new Error(`the pool fell back to this thread: ${pool.fallbackReason}`);
    return { workers, here, poolSize: pool.maxWorkers };
  } finally {
    await pool.close();
  }
}

/** The browser's MessageChannel (Node's types describe another one). */
interface BrowserChannel {
  port1: { onmessage: (() => void) | null };
  port2: { postMessage(message: unknown): void };
}
const channel = typeof MessageChannel === 'function' ? (new MessageChannel() as unknown as BrowserChannel) : undefined;
const waiting: Array<() => void> = [];
if (channel) channel.port1.onmessage = () => waiting.shift()?.();

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/** Starts a heartbeat timer; the returned function stops it and gives the longest gap between beats (ms). */
function watchStalls(): () => number {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const beat = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  return () => {
    running = false;
    return Math.max(longest, performance.now() - last);
  };
}

// In the page (scripts/benchWeb.mjs loads this bundle there too): the report-set timing, for page.evaluate.
if ((globalThis as { document?: unknown }).document !== undefined) {
  (globalThis as unknown as { timeReportSet: typeof timeReportSet }).timeReportSet = timeReportSet;
}

// In the Web Worker: one request ({ text, rounds, warmup }), one answer.
const scope = globalThis as unknown as { addEventListener?: (type: string, listener: (e: { data: { text: string; rounds: number; warmup: number } }) => void) => void; postMessage?: (m: unknown) => void; document?: unknown };
if (typeof scope.addEventListener === 'function' && typeof scope.postMessage === 'function' && scope.document === undefined && typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string') {
  scope.addEventListener('message', (e) => scope.postMessage!(timeColdAnalysis(e.data.text, e.data.rounds, e.data.warmup)));
}
