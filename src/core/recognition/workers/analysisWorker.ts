// The recognition engine in a worker thread (bundled as dist/analysisWorker.js): analyses the texts it is
// sent and posts back each model, or the message of what went wrong. See analysisPool.ts.

import { parentPort } from 'node:worker_threads';
import { analyseReport } from '../analyse';
import type { AnalysisRequest, AnalysisResponse } from './analysisPool';

parentPort?.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { id: request.id, model: analyseReport(request.text, { markdown: request.markdown }) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(response);
});
