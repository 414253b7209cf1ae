// node:os for the web bundle: the host name a lock file records, and how many cores the pool may use.

export function hostname(): string {
  return 'browser';
}

export function availableParallelism(): number {
  return Math.max(1, (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1);
}

export function tmpdir(): string {
  return '/tmp';
}

export const EOL = '\n';
