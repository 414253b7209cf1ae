// Where `report aggregate` keeps saved analyses between runs: the platform's per-user cache folder, as each
// platform's conventions say (XDG on Linux and other Unixes, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows).

import { closeSync, constants, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';
import { NodeFileSystem } from '../core';

const APP_FOLDER = 'inspection-report-annotator';

export function defaultCacheFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local');
    return win32.join(local, APP_FOLDER, 'Cache', 'analyses');
  }
  if (platform === 'darwin') return join(home, 'Library', 'Caches', APP_FOLDER, 'analyses');
  // XDG says a relative XDG_CACHE_HOME is invalid and is to be ignored.
  const xdg = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(xdg, APP_FOLDER, 'analyses');
}

/** Entries are about 10 KB (the largest real report's is under 100 KB); anything far larger is not one. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

/**
 * The cache folder's file system for the command line. Entries are small and one is read per report, so they are
 * read synchronously: a thread-pool round trip per entry cost more than the read itself (bench part 'cache', 856
 * entries: 40-180 ms against 270-1,800 ms), and a short synchronous read is harmless in a command-line run. Opened
 * without blocking and checked to be a regular file, so a FIFO or device put in the folder is refused, not read.
 * Entries are written (to a temp file, then renamed) synchronously for the same reason: on two cores, with the
 * worker threads analysing, 856 writes and renames through the thread pool took 0.3-0.4 s of the main thread.
 */
export class CacheFolderFileSystem extends NodeFileSystem {
  override async readFile(path: string): Promise<string> {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new Error(`${path}: not a regular file`);
      if (stat.size > MAX_ENTRY_BYTES) throw new Error(`${path}: too large for a saved analysis`);
      // One read of the size just seen: readFileSync(fd) would stat again and read once more to find the end. An
      // entry is replaced by a rename, never rewritten in place, so its size does not change under an open handle;
      // if it somehow did, the entry no longer parses or checks out, and is ignored.
      const buffer = Buffer.allocUnsafe(stat.size);
      let filled = 0;
      while (filled < buffer.length) {
        const read = readSync(fd, buffer, filled, buffer.length - filled, null);
        if (read === 0) break;
        filled += read;
      }
      return buffer.toString('utf8', 0, filled);
    } finally {
      closeSync(fd);
    }
  }

  override async writeFile(path: string, text: string): Promise<void> {
    writeFileSync(path, text, 'utf8');
  }

  override async rename(from: string, to: string): Promise<void> {
    renameSync(from, to);
  }

  override async delete(path: string): Promise<void> {
    rmSync(path, { force: true });
  }
}
