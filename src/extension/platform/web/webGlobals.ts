// Injected into the web bundle (scripts/build.mjs `inject`): the browser extension host has no `process` and no
// `Buffer`; shared code names them in a few places (a lock file's owner, a data: URI), so they get stand-ins.
// `process.versions.node` stays undefined, which is how platform/runtime.ts tells the web host apart.

import { WebBuffer } from './webBuffer';

const webProcess = {
  pid: 0,
  platform: 'browser',
  env: {} as Record<string, string | undefined>,
  argv: [] as string[],
  versions: {} as Record<string, string | undefined>,
  cwd: () => '/',
  /** Nothing in the browser can be signalled: every process counts as gone. */
  kill: (): never => {
    throw Object.assign(new Error('ESRCH: no processes in the browser'), { code: 'ESRCH' });
  },
  setSourceMapsEnabled: (): void => {},
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]): void => void queueMicrotask(() => callback(...args)),
};

export { webProcess as process, WebBuffer as Buffer };
