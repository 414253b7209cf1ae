// IFileSystem over node:fs, for the CLI and for tests against a real temporary folder.

import { promises as fsp, statSync } from 'node:fs';
import { isNotFound, MAX_TEXT_FILE_BYTES, type FileStat, type IFileSystem, type StampedText } from './fileSystem';
import { describeFileType, readRegularFile, readRegularFileStamped } from './regularFileRead';

export class NodeFileSystem implements IFileSystem {
  async readFile(path: string): Promise<string> {
    // UTF-8 exactly as fs.readFile(path, 'utf8') gave it (a BOM is kept), but only from a regular file of sane size.
    return utf8(await readRegularFile(path, MAX_TEXT_FILE_BYTES));
  }

  async readFileStamped(path: string): Promise<StampedText> {
    const { bytes, size, mtime } = await readRegularFileStamped(path, MAX_TEXT_FILE_BYTES);
    return { text: utf8(bytes), size, mtime };
  }

  readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
    return readRegularFile(path, maxBytes);
  }

  writeFile(path: string, text: string): Promise<void> {
    return fsp.writeFile(path, text, 'utf8');
  }

  rename(from: string, to: string): Promise<void> {
    return fsp.rename(from, to);
  }

  delete(path: string): Promise<void> {
    return fsp.rm(path, { force: true });
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      // Synchronous: this file system serves the command line, which does one thing at a time, and a stat is a few
      // microseconds; through the thread pool each cost far more in round trips (aggregation stats every report).
      const s = statSync(path, { throwIfNoEntry: false });
      if (!s) return undefined;
      // Mode bits, not access(2): root may write anything, but a file made read-only is meant to stay as it is.
      if (s.isFile()) return { kind: 'file', mtime: s.mtimeMs, size: s.size, ...((s.mode & 0o222) === 0 ? { readOnly: true } : {}) };
      if (s.isDirectory()) return { kind: 'directory', mtime: s.mtimeMs, size: s.size };
      return { kind: 'special', special: describeFileType(s), mtime: s.mtimeMs, size: s.size };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  realpath(path: string): Promise<string> {
    return fsp.realpath(path);
  }

  isSymbolicLink(path: string): Promise<boolean> {
    return isSymbolicLinkOnDisk(path);
  }

  readDirectory(path: string): Promise<string[]> {
    return fsp.readdir(path);
  }

  createExclusive(path: string, text: string): Promise<boolean> {
    return createFileExclusive(path, text);
  }
}

/** The bytes decoded as UTF-8, viewed in place (Buffer.from(bytes) alone would copy them first). */
function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Whether the path itself is a symbolic link on the local disk (lstat); false when nothing is there. */
export async function isSymbolicLinkOnDisk(path: string): Promise<boolean> {
  try {
    return (await fsp.lstat(path)).isSymbolicLink();
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Writes a new file on the local disk; false, writing nothing, when the file already exists (a lock file). */
export async function createFileExclusive(path: string, text: string): Promise<boolean> {
  try {
    await fsp.writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false;
    throw error;
  }
}
