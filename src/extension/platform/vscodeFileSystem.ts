// The core's IFileSystem over vscode.workspace.fs, so sidecars are read and written through whatever file system
// the workspace is on (local disk, remote, virtual). Paths are the core's plain strings: for `file:` URIs the
// platform path (fsPath), for any other scheme the URI's path within one scheme and authority.

import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { createFileExclusive, type FileStat, isSymbolicLinkOnDisk, readBackExclusive, type IFileSystem, MAX_TEXT_FILE_BYTES, notFoundError, notRegularFileError, readRegularFile, readRegularFileStamped, type StampedText, statThenRead, tooLargeError } from '../../core';
import { isWebHost } from './runtime';

export class VscodeFileSystem implements IFileSystem {
  /** @param base any URI of the scheme and authority this file system serves (e.g. a workspace folder). */
  constructor(private readonly base: vscode.Uri) {}

  /** The key that tells which VscodeFileSystem serves a URI. */
  static keyOf(uri: vscode.Uri): string {
    return `${uri.scheme}://${uri.authority}`;
  }

  /** The core path of a URI of this file system. */
  pathOf(uri: vscode.Uri): string {
    // In a web host even `file:` paths stay POSIX-shaped URI paths: the web bundle's path functions are POSIX only.
    return uri.scheme === 'file' && !isWebHost ? uri.fsPath : uri.path;
  }

  /** Node's own file access, only for `file:` URIs in a Node extension host (a web host has no local disk to reach). */
  private get onLocalDisk(): boolean {
    return this.base.scheme === 'file' && !isWebHost;
  }

  uriOf(path: string): vscode.Uri {
    return this.onLocalDisk ? vscode.Uri.file(path) : this.base.with({ path, query: '', fragment: '' });
  }

  async readFile(path: string): Promise<string> {
    // Through readBytes, so a FIFO or device where a tags file should be is refused rather than blocking.
    return new TextDecoder('utf-8').decode(await this.readBytes(path, MAX_TEXT_FILE_BYTES));
  }

  /** The text with its size and time from before the read: on the local disk from the open handle, elsewhere a stat first. */
  async readFileStamped(path: string): Promise<StampedText> {
    if (this.onLocalDisk) {
      const { bytes, size, mtime } = await readRegularFileStamped(path, MAX_TEXT_FILE_BYTES);
      // In whole milliseconds, as stat() below has them from vscode.workspace.fs: its disk provider reports the time
      // of Node's Stats as a Date, which rounds. A stamp taken here is compared with one taken there, and Node's
      // fraction of a millisecond made the same file look changed.
      return { text: new TextDecoder('utf-8').decode(bytes), size, mtime: Math.round(mtime) };
    }
    return statThenRead(this, path);
  }

  /** On the local disk the core's guarded reader (no FIFO ever opened); elsewhere stat, then read and check the size. */
  async readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
    if (this.onLocalDisk) return readRegularFile(path, maxBytes);
    const stat = await this.stat(path);
    if (!stat) throw notFoundError(path);
    if (stat.kind !== 'file') throw notRegularFileError(path, stat.kind === 'directory' ? 'a folder' : 'not a regular file');
    if (stat.size > maxBytes) throw tooLargeError(path, maxBytes);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uriOf(path));
    } catch (error) {
      throw translate(error, path);
    }
    if (bytes.length > maxBytes) throw tooLargeError(path, maxBytes);
    return bytes;
  }

  async writeFile(path: string, text: string): Promise<void> {
    try {
      await vscode.workspace.fs.writeFile(this.uriOf(path), new TextEncoder().encode(text));
    } catch (error) {
      throw translate(error, path);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    try {
      await vscode.workspace.fs.rename(this.uriOf(from), this.uriOf(to), { overwrite: true });
    } catch (error) {
      throw translate(error, from);
    }
  }

  async delete(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uriOf(path), { useTrash: false });
    } catch (error) {
      // Like `rm -f`: deleting what is not there is not an error.
      if (!isFileNotFound(error)) throw translate(error, path);
    }
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(this.uriOf(path));
      // FileType.Unknown is what VS Code reports for a FIFO, device or socket: never read as a file.
      const kind = s.type & vscode.FileType.Directory ? 'directory' : s.type & vscode.FileType.File ? 'file' : 'special';
      const readOnly = ((s.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0;
      return { kind, mtime: s.mtime, size: s.size, ...(readOnly ? { readOnly } : {}) };
    } catch (error) {
      if (isFileNotFound(error)) return undefined;
      throw translate(error, path);
    }
  }

  async realpath(path: string): Promise<string> {
    // workspace.fs cannot resolve links; on the local disk Node can, elsewhere the path is taken as it is.
    if (this.onLocalDisk) return fsp.realpath(path);
    if (!(await this.stat(path))) throw notFoundError(path);
    return path;
  }

  /**
   * workspace.fs.rename over a link deletes the link and moves the new file into its place (the disk provider's
   * validateTargetDeleted), so the store must know a link to write through it: on the local disk from lstat,
   * elsewhere from the SymbolicLink bit workspace.fs reports (where realpath cannot follow it, the store refuses).
   */
  async isSymbolicLink(path: string): Promise<boolean> {
    if (this.onLocalDisk) return isSymbolicLinkOnDisk(path);
    try {
      return ((await vscode.workspace.fs.stat(this.uriOf(path))).type & vscode.FileType.SymbolicLink) !== 0;
    } catch (error) {
      if (isFileNotFound(error)) return false;
      throw translate(error, path);
    }
  }

  async readDirectory(path: string): Promise<string[]> {
    try {
      return (await vscode.workspace.fs.readDirectory(this.uriOf(path))).map(([name]) => name);
    } catch (error) {
      throw translate(error, path);
    }
  }

  /**
   * On the local disk, O_EXCL. Elsewhere (remote, virtual, every workspace of the web host) workspace.fs has no
   * create-if-absent, so the lock file is written with its owner's token and read back (readBackExclusive).
   */
  get createExclusive(): (path: string, text: string) => Promise<boolean> {
    return this.onLocalDisk ? createFileExclusive : (this.readBack ??= readBackExclusive(this));
  }

  private readBack?: (path: string, text: string) => Promise<boolean>;
}

function isFileNotFound(error: unknown): boolean {
  return (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') || (error as { code?: unknown } | undefined)?.code === 'ENOENT';
}

/** A missing file becomes the ENOENT error the core recognises; anything else passes through. */
function translate(error: unknown, path: string): unknown {
  return isFileNotFound(error) ? notFoundError(path) : error;
}
