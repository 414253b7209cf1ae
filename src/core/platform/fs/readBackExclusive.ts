// Create-if-absent for file systems that have none (vscode.workspace.fs, the only file access of a web extension):
// look, write, then read back twice. Two writers that both saw nothing both write; the last write wins, so each
// reads the file back after a pause longer than its own look-and-write took, and holds it only if it still reads
// its own text. This narrows the race to writers slower than that pause; it cannot close it (no primitive to do
// so), which is why the sidecar store still checks the tags file before it renames over it.

import type { IFileSystem } from './fileSystem';

/** The least pause before reading back (ms): a remote workspace.fs write takes a few ms to some tens. */
export const READ_BACK_MIN_PAUSE_MS = 40;

/**
 * IFileSystem.createExclusive made of stat, write and read. `text` must be unique to the caller (a lock file's
 * random token): two callers writing the same text could not tell their writes apart.
 */
export function readBackExclusive(fs: Pick<IFileSystem, 'stat' | 'writeFile' | 'readFile'>, minPauseMs = READ_BACK_MIN_PAUSE_MS) {
  return async (path: string, text: string): Promise<boolean> => {
    const started = Date.now();
    if (await fs.stat(path)) return false;
    await fs.writeFile(path, text);
    // Another writer that looked when we did writes within about the time our own look and write took.
    const pause = Math.max(minPauseMs, 2 * (Date.now() - started));
    for (let check = 0; check < 2; check++) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      const now = await fs.readFile(path).catch(() => undefined);
      // Someone else's text, or gone (its owner broke it as stale): not ours, and theirs is left as it is.
      if (now !== text) return false;
    }
    return true;
  };
}
