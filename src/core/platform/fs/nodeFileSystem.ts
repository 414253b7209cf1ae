// IFileSystem over node:fs, for the CLI and for tests against a real temporary folder.

import { promises as fsp } from 'node:fs';
import { isNotFound, type FileStat, type IFileSystem } from './fileSystem';

export class NodeFileSystem implements IFileSystem {
  readFile(path: string): Promise<string> {
    return fsp.readFile(path, 'utf8');
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
      const s = await fsp.stat(path);
      return { kind: s.isDirectory() ? 'directory' : 'file', mtime: s.mtimeMs, size: s.size };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  realpath(path: string): Promise<string> {
    return fsp.realpath(path);
  }

  readDirectory(path: string): Promise<string[]> {
    return fsp.readdir(path);
  }

  createExclusive(path: string, text: string): Promise<boolean> {
    return createFileExclusive(path, text);
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
