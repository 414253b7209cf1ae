// A MemoryFileSystem that fails chosen operations with errno-style errors, as Node's fs does: a read-only folder
// (EACCES, EPERM), a read-only file system (EROFS), a full disk (ENOSPC), a folder in the way (EISDIR); and
// files whose permissions forbid writing. Tests run as root, where real permission bits stop nothing.

import type { FileStat } from '../../../src/core/platform/fs/fileSystem';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';

export type FaultyOperation = 'writeFile' | 'rename' | 'createExclusive';

export function errnoError(code: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall} '${path}'`), { code, syscall, path });
}

export class FaultyFileSystem extends MemoryFileSystem {
  /** Operation -> the errno code it fails with (every call, until cleared). */
  readonly faults = new Map<FaultyOperation, string>();
  /** Paths whose stat says they may not be written (mode without write bits). */
  readonly readOnlyPaths = new Set<string>();

  override async writeFile(path: string, text: string): Promise<void> {
    this.fail('writeFile', path);
    return super.writeFile(path, text);
  }

  override async rename(from: string, to: string): Promise<void> {
    this.fail('rename', to);
    return super.rename(from, to);
  }

  override async createExclusive(path: string, text: string): Promise<boolean> {
    this.fail('createExclusive', path);
    return super.createExclusive(path, text);
  }

  override async stat(path: string): Promise<FileStat | undefined> {
    const stat = await super.stat(path);
    return stat && this.readOnlyPaths.has(path) ? { ...stat, readOnly: true } : stat;
  }

  private fail(operation: FaultyOperation, path: string): void {
    const code = this.faults.get(operation);
    if (code !== undefined) throw errnoError(code, operation === 'writeFile' ? 'open' : operation, path);
  }
}
