// node:fs for the integration tests in the web extension host: the synchronous calls they make, run by the bridge.

import { callBridge } from './bridge';

type Bytes = Uint8Array & { toString(encoding?: string): string };

export function readFileSync(path: string, options?: string | { encoding?: string }): Bytes & string {
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return callBridge('readFileSync', path, encoding ?? null) as Bytes & string;
}

export function writeFileSync(path: string, data: string | Uint8Array): void {
  callBridge('writeFileSync', path, data);
}

export function existsSync(path: string): boolean {
  return callBridge('existsSync', path) as boolean;
}

export function mkdirSync(path: string, options?: { recursive?: boolean }): void {
  callBridge('mkdirSync', path, options ?? {});
}

export function mkdtempSync(prefix: string): string {
  return callBridge('mkdtempSync', prefix) as string;
}

export function rmSync(path: string, options?: { recursive?: boolean; force?: boolean }): void {
  callBridge('rmSync', path, options ?? {});
}

export function renameSync(from: string, to: string): void {
  callBridge('renameSync', from, to);
}

export function copyFileSync(from: string, to: string): void {
  callBridge('copyFileSync', from, to);
}

/** Times cross the bridge as seconds since the epoch, which node:fs takes as well as Dates. */
export function utimesSync(path: string, atime: Date | number, mtime: Date | number): void {
  const seconds = (t: Date | number) => (typeof t === 'number' ? t : t.getTime() / 1000);
  callBridge('utimesSync', path, seconds(atime), seconds(mtime));
}

export function appendFileSync(path: string, data: string): void {
  callBridge('appendFileSync', path, data);
}

interface DirectoryEntry {
  name: string;
  parentPath: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

export function readdirSync(path: string): string[];
export function readdirSync(path: string, options: { recursive?: boolean; withFileTypes: true }): DirectoryEntry[];
export function readdirSync(path: string, options?: { recursive?: boolean; withFileTypes?: boolean }): string[] | DirectoryEntry[] {
  if (!options?.withFileTypes) return callBridge('readdirSync', path, options ?? {}) as string[];
  const entries = callBridge('readdirSync', path, options) as Array<{ name: string; parentPath: string; file: boolean; directory: boolean }>;
  return entries.map((e) => ({ name: e.name, parentPath: e.parentPath, isFile: () => e.file, isDirectory: () => e.directory }));
}

export function statSync(path: string): { size: number; mtimeMs: number; isFile(): boolean; isDirectory(): boolean } {
  const s = callBridge('statSync', path) as { size: number; mtimeMs: number; file: boolean; directory: boolean };
  return { size: s.size, mtimeMs: s.mtimeMs, isFile: () => s.file, isDirectory: () => s.directory };
}

// The extension's own modules that a suite imports (drafts' providers, sidecar code) are bundled with it: they get the
// web bundle's node:fs, as in the real browser bundle (no disk), not the tests' bridge to the runner's disk.
export { constants, promises } from '../../../src/extension/platform/web/nodeFs';
