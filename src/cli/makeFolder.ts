// `mkdir -p` for the command line, one level at a time. Node 20's own recursive mkdir never returns where the system
// refuses a new folder with ENOENT although its parent exists (any path under /proc): it retries the same folder
// forever, so `--cache-dir /proc/x` hung with no word. Here such a refusal is an error like any other.

import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes `path` and any missing parents; a folder already there is fine, a file there is not (EEXIST). */
export async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return existingFolder(path, error);
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    await makeFolder(parent);
  }
  // The parent is there now: a second refusal is the answer.
  await mkdir(path).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? existingFolder(path, error) : Promise.reject(error)));
}

async function existingFolder(path: string, error: unknown): Promise<void> {
  if (!(await stat(path)).isDirectory()) throw error;
}
