// Recognition on worker threads for the Evidence view and the exports, which analyse every report of a folder
// (core/recognition/workers/analysisPool.ts). One pool for the extension; its workers end when idle. In a Node host
// the workers are worker threads on dist/analysisWorker.js; in the web host they are Web Workers on
// dist/web/analysisWorker.js (the web bundle's node:worker_threads speaks to Web Workers, platform/web/). Off where
// the extension's files are not on a local disk in a Node host (no worker script to start) or when the setting says so.

import * as vscode from 'vscode';
import { type AnalyseFunction, AnalysisPool } from '../../core';
import { isWebHost } from './runtime';

let pool: AnalysisPool | undefined;
let warned = false;
/** In the web host, the fetch of the Web Worker script, settled either way; a collection waits for it (briefly). */
let starting: Promise<void> | undefined;
/** Longest a collection waits for the Web Worker script before analysing on the host's own thread. */
const START_WAIT_MS = 5_000;

export function registerAnalysisWorkers(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
  let disposed = false;
  let current: AnalysisPool | undefined;
  const use = (created: AnalysisPool, kind: string) => {
    if (disposed) return void created.close();
    pool = current = created;
    log.info(`Evidence: reports are analysed on up to ${created.maxWorkers} ${kind}.`);
  };
  if (isWebHost) {
    // A collection asked for before the script is fetched waits for it (analysesReady): on the host's own thread, a
    // folder's analysis would hold up every other extension of the window. If it cannot be fetched, that is the
    // thread reports are analysed on.
    starting = webWorkerScript(extensionUri).then(
      (url) => use(new AnalysisPool(url), 'Web Worker(s)'),
      (error: unknown) => log.warn(`Evidence: analysing on the extension's own thread: the Web Worker script could not be loaded (${error instanceof Error ? error.message : String(error)}).`),
    );
  } else if (extensionUri.scheme === 'file') {
    use(new AnalysisPool(vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath), 'worker thread(s)');
  }
  return {
    dispose: () => {
      disposed = true;
      if (pool === current) pool = undefined;
      void current?.close();
    },
  };
}

/**
 * A blob: URL of the Web Worker script. A worker must come from the page's own origin, and the extension's files
 * are served from another (a CDN on vscode.dev, a resource route in code-server), so the script is fetched and
 * started from a blob. The host's fetch understands the extension's vscode-remote: and file: URIs.
 */
async function webWorkerScript(extensionUri: vscode.Uri): Promise<string> {
  const response = await fetch(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'analysisWorker.js').toString(true));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
}

/**
 * Settles once the workers can be used, or it is known they cannot (at most a few seconds): a Node host starts
 * them at once; the web host fetches their script first.
 */
export function analysesReady(): Promise<void> {
  if (!starting) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, START_WAIT_MS)));
  return Promise.race([starting, waited]).finally(() => clearTimeout(timer));
}

/** The analysis collectEvidence should use: the pool's, unless it is turned off; undefined means this thread. */
export function evidenceAnalyser(log?: vscode.LogOutputChannel): AnalyseFunction | undefined {
  const enabled = vscode.workspace.getConfiguration('inspectionReports').get<boolean>('evidence.workerThreads', true);
  const current = pool;
  if (!current || !enabled) return undefined;
  return (text, options) => {
    const model = current.analyse(text, options);
    if (current.fallbackReason && !warned) {
      warned = true;
      log?.warn(`Evidence: analysing on the extension's own thread instead: ${current.fallbackReason}`);
    }
    return model;
  };
}

/** For the evidence state of the API activate() returns: how many reports went to workers, and why not if they could not. */
export function analysisCounts(): { workers: number; inThread: number; fallback?: string } | undefined {
  if (!pool) return undefined;
  return { ...pool.counts, ...(pool.fallbackReason ? { fallback: pool.fallbackReason } : {}) };
}
