// An in-memory IFileSystem for tests: POSIX paths, folders implied by the files in them, optional
// symlinks, and hooks to interleave another writer between two calls.

import { posix } from 'node:path';
import { notRegularFileError, tooLargeError } from './fileFaults';
import { notFoundError, type FileStat, type IFileSystem } from './fileSystem';

export class MemoryFileSystem implements IFileSystem {
  /** `bytes`: the file's exact content when set with setBytes (a BOM, UTF-16); `text` is then its UTF-8 reading. */
  readonly files = new Map<string, { text: string; mtime: number; bytes?: Uint8Array }>();
  /** path -> what it is ("a FIFO (named pipe)"): special files, which are never read. */
  readonly specials = new Map<string, string>();
  /** link path -> target (absolute). */
  readonly links = new Map<string, string>();
  /** Called before every write or rename: lets a test act as a second process at that moment. */
  beforeWrite?: (path: string) => void | Promise<void>;

  constructor(initial: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(initial)) this.set(path, text);
  }

  /** Synchronous write for test set-up. */
  set(path: string, text: string): void {
    this.files.set(this.resolve(path), { text, mtime: Date.now() });
  }

  /** Synchronous write of exact bytes for test set-up (a report with a BOM, in UTF-16, in Windows-1252). */
  setBytes(path: string, bytes: Uint8Array): void {
    this.files.set(this.resolve(path), { text: new TextDecoder('utf-8').decode(bytes), mtime: Date.now(), bytes: Uint8Array.from(bytes) });
  }

  /** A FIFO, device or socket at `path`, for tests that it is refused, not read. */
  setSpecial(path: string, what: string): void {
    this.specials.set(this.resolve(path), what);
  }

  get(path: string): string | undefined {
    return this.files.get(this.resolve(path))?.text;
  }

  symlink(target: string, path: string): void {
    this.links.set(posix.normalize(path), posix.normalize(target));
  }

  async readFile(path: string): Promise<string> {
    return this.existingFile(path).text;
  }

  async readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
    const file = this.existingFile(path);
    const bytes = file.bytes ?? new TextEncoder().encode(file.text);
    if (bytes.length > maxBytes) throw tooLargeError(path, maxBytes);
    return Uint8Array.from(bytes);
  }

  private existingFile(path: string): { text: string; bytes?: Uint8Array } {
    const resolved = this.resolve(path);
    const special = this.specials.get(resolved);
    if (special !== undefined) throw notRegularFileError(path, special);
    const file = this.files.get(resolved);
    if (!file) throw this.isDirectory(resolved) ? notRegularFileError(path, 'a folder') : notFoundError(path);
    return file;
  }

  async writeFile(path: string, text: string): Promise<void> {
    await this.beforeWrite?.(path);
    this.set(path, text);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.beforeWrite?.(to);
    const source = this.resolve(from);
    const file = this.files.get(source);
    if (!file) throw notFoundError(from);
    this.files.delete(source);
    this.files.set(this.resolve(to), { text: file.text, mtime: Date.now() });
  }

  async createExclusive(path: string, text: string): Promise<boolean> {
    if (this.files.has(this.resolve(path))) return false;
    this.set(path, text);
    return true;
  }

  async delete(path: string): Promise<void> {
    this.files.delete(this.resolve(path));
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const resolved = this.resolve(path);
    const special = this.specials.get(resolved);
    if (special !== undefined) return { kind: 'special', special, mtime: 0, size: 0 };
    const file = this.files.get(resolved);
    if (file) return { kind: 'file', mtime: file.mtime, size: file.bytes?.length ?? file.text.length };
    if (this.isDirectory(resolved)) return { kind: 'directory', mtime: 0, size: 0 };
    return undefined;
  }

  async realpath(path: string): Promise<string> {
    const resolved = this.resolve(path);
    if (!this.files.has(resolved) && !this.specials.has(resolved) && !this.isDirectory(resolved)) throw notFoundError(path);
    return resolved;
  }

  async isSymbolicLink(path: string): Promise<boolean> {
    const normal = posix.normalize(path);
    return this.links.has(posix.join(this.resolve(posix.dirname(normal)), posix.basename(normal)));
  }

  async readDirectory(path: string): Promise<string[]> {
    const dir = this.resolve(path);
    const prefix = dir.endsWith('/') ? dir : dir + '/';
    const names = new Set<string>();
    for (const file of [...this.files.keys(), ...this.specials.keys()]) {
      if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]!);
    }
    return [...names].sort();
  }

  private isDirectory(resolved: string): boolean {
    const prefix = resolved.endsWith('/') ? resolved : resolved + '/';
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return true;
    return false;
  }

  /** Normalises and follows symlinks on every component. */
  private resolve(path: string): string {
    let current = '/';
    const parts = posix.normalize(path).split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      current = posix.join(current, parts[i]!);
      let hops = 0;
      while (this.links.has(current)) {
        if (++hops > 40) throw Object.assign(new Error(`ELOOP: too many symbolic links, '${path}'`), { code: 'ELOOP', path });
        current = this.links.get(current)!;
      }
    }
    return current;
  }
}
