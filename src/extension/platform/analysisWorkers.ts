// Recognition on worker threads for the Evidence view and the exports, which analyse every report of a folder
// (core/recognition/workers/analysisPool.ts). One pool for the extension; its workers end when idle. Off where the
// extension's files are not on a local disk (no worker script to start) or when the setting says so.

import * as vscode from 'vscode';
import { type AnalyseFunction, AnalysisPool } from '../../core';

let pool: AnalysisPool | undefined;
let warned = false;

export function registerAnalysisWorkers(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): vscode.Disposable {
  if (extensionUri.scheme === 'file') {
    pool = new AnalysisPool(vscode.Uri.joinPath(extensionUri, 'dist', 'analysisWorker.js').fsPath);
    log.info(`Evidence: reports are analysed on up to ${pool.maxWorkers} worker thread(s).`);
  }
  const current = pool;
  return {
    dispose: () => {
      if (pool === current) pool = undefined;
      void current?.close();
    },
  };
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
