// node:worker_threads for the web bundles, over the browser's Web Workers, so the core's AnalysisPool (which speaks
// Node's Worker API) runs unchanged in the web extension host. There the pool is given a blob: URL of
// dist/web/analysisWorker.js (platform/analysisWorkers.ts); inside that worker, parentPort is the worker's own scope.

interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault(): void }) => void): void;
}

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export type WorkerOptions = Record<string, unknown>;

export class Worker {
  private readonly worker: BrowserWorker;

  constructor(url: string, _options?: WorkerOptions) {
    const BrowserWorkerClass = (globalThis as { Worker?: new (url: string) => BrowserWorker }).Worker;
    if (!BrowserWorkerClass) throw new Error('this web host cannot start Web Workers');
    this.worker = new BrowserWorkerClass(url);
  }

  on(event: 'message' | 'error' | 'exit', listener: (value: never) => void): this {
    const call = listener as (value: unknown) => void;
    if (event === 'message') this.worker.addEventListener('message', (e) => call(e.data));
    else if (event === 'error') {
      this.worker.addEventListener('error', (e) => {
        e.preventDefault();
        call(new Error(e.message ?? 'the Web Worker failed to load or run'));
      });
    }
    // 'exit': a Web Worker only ends when terminated, which the pool does itself.
    return this;
  }

  postMessage(message: unknown): void {
    this.worker.postMessage(message);
  }

  /** Web Workers never keep anything alive: nothing to do. */
  unref(): void {}

  terminate(): Promise<number> {
    this.worker.terminate();
    return Promise.resolve(0);
  }
}

/** Inside dist/web/analysisWorker.js: the worker's own scope, looked up when used (the extension host never uses it). */
export const parentPort = {
  on(event: 'message', listener: (value: never) => void): void {
    if (event === 'message') (globalThis as unknown as WorkerScope).addEventListener('message', (e) => (listener as (value: unknown) => void)(e.data));
  },
  postMessage(message: unknown): void {
    (globalThis as unknown as WorkerScope).postMessage(message);
  },
};
