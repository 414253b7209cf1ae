// Analysing many reports at once (aggregation over a folder of hundreds) on worker threads, one report per
// worker at a time, so every core does recognition while the main thread reads files and places tags.
// Workers start on first use and end after a spell of idleness, so an idle editor holds none. If workers
// cannot start (no script, a host without worker threads), or one dies, the report is analysed on the
// calling thread instead: the result is the same model either way, only slower.

import { Worker, type WorkerOptions } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ReportModel } from '../model';
import { analyseReport } from '../analyse';

export interface AnalysisRequest {
  id: number;
  text: string;
  markdown: boolean;
}

export type AnalysisResponse = { id: number; model: ReportModel } | { id: number; error: string };

export interface AnalysisPoolOptions {
  /** Workers at most; defaults to defaultPoolSize(). */
  size?: number;
  /** Workers end after this long without work (default 20 s). */
  idleMs?: number;
  /** Passed to each Worker (tests run the TypeScript worker through tsx this way). */
  workerOptions?: WorkerOptions;
}

interface Task {
  request: AnalysisRequest;
  resolve: (model: ReportModel) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

export function defaultPoolSize(): number {
  // One core is left to the calling thread where there are several; on two, the caller mostly waits on
  // file reads, and two workers measured faster than one (bench: 1.6 s against 1.75 s over 856 reports).
  const cores = availableParallelism();
  return Math.max(1, Math.min(8, cores > 2 ? cores - 1 : cores));
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private broken: string | undefined;
  private readonly size: number;
  private readonly idleMs: number;
  /** How many reports went to workers and how many were analysed on the calling thread. */
  readonly counts = { workers: 0, inThread: 0 };

  constructor(
    private readonly scriptPath: string,
    private readonly options: AnalysisPoolOptions = {},
  ) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
    this.idleMs = options.idleMs ?? 20_000;
  }

  /** Workers it starts at most. */
  get maxWorkers(): number {
    return this.size;
  }

  /** Why the pool analyses on the calling thread, if it does. */
  get fallbackReason(): string | undefined {
    return this.broken;
  }

  /** Same result as analyseReport(text, { markdown }); rejects only where analyseReport would throw. */
  analyse(text: string, options: { markdown?: boolean } = {}): Promise<ReportModel> {
    const markdown = options.markdown ?? false;
    if (this.broken) return this.inThread(text, markdown);
    return new Promise<ReportModel>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, text, markdown }, resolve, reject });
      this.pump();
    });
  }

  /** Ends every worker; tasks still queued are analysed on the calling thread. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const slots = this.slots.splice(0);
    for (const slot of slots) if (slot.task) this.queue.unshift(slot.task);
    await Promise.all(slots.map((s) => s.worker.terminate()));
    this.drainInThread();
  }

  private inThread(text: string, markdown: boolean): Promise<ReportModel> {
    this.counts.inThread++;
    try {
      return Promise.resolve(analyseReport(text, { markdown }));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private drainInThread(): void {
    for (const task of this.queue.splice(0)) this.inThread(task.request.text, task.request.markdown).then(task.resolve, task.reject);
  }

  private pump(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && !this.broken && this.slots.length < this.size) slot = this.start();
      if (!slot) break;
      const task = this.queue.shift()!;
      slot.task = task;
      this.counts.workers++;
      slot.worker.postMessage(task.request);
    }
    if (this.broken) this.drainInThread();
    if (this.queue.length === 0 && this.slots.every((s) => !s.task) && this.slots.length > 0) {
      this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      this.idleTimer.unref?.();
    }
  }

  private start(): Slot | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.scriptPath, this.options.workerOptions);
    } catch (error) {
      this.broken = `worker threads could not start (${(error as Error).message})`;
      return undefined;
    }
    // A worker never keeps the process alive: a command-line run ends when its work does.
    worker.unref();
    const slot: Slot = { worker };
    this.slots.push(slot);
    worker.on('message', (response: AnalysisResponse) => {
      const task = slot.task;
      if (!task || task.request.id !== response.id) return;
      slot.task = undefined;
      if ('model' in response) task.resolve(response.model);
      else task.reject(new Error(response.error));
      this.pump();
    });
    const fail = (why: string) => {
      // The worker is gone: its task is done here instead, and no more workers are started.
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      this.broken ??= why;
      const task = slot.task;
      slot.task = undefined;
      if (task) this.queue.unshift(task);
      this.pump();
    };
    worker.on('error', (error) => fail(`a worker failed (${error.message})`));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(`a worker stopped (exit code ${code})`);
    });
    return slot;
  }
}
