// The cold-analysis timing that scripts/benchWeb.mjs runs twice on the same report: in Node from the Node bundle,
// and in a Web Worker in headless Chromium from the web bundle (built by scripts/build.mjs with the web shims).
// Cold: every round analyses the whole text from scratch with analyseReport, as `npm run bench` does.

import { analyseReport } from '../../src/core';

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

// In the Web Worker: one request ({ text, rounds, warmup }), one answer.
const scope = globalThis as unknown as { addEventListener?: (type: string, listener: (e: { data: { text: string; rounds: number; warmup: number } }) => void) => void; postMessage?: (m: unknown) => void; document?: unknown };
if (typeof scope.addEventListener === 'function' && typeof scope.postMessage === 'function' && scope.document === undefined && typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string') {
  scope.addEventListener('message', (e) => scope.postMessage!(timeColdAnalysis(e.data.text, e.data.rounds, e.data.warmup)));
}
