// The file-system surface the sidecar store needs, injected so the core runs against an in-memory fake
// in tests and against Node (CLI) or vscode.workspace.fs (extension) for real.
// Paths are absolute, in the host's own syntax.

/** The most any report, tags file or codebook is read to (every real one is a few megabytes at most). */
export const MAX_TEXT_FILE_BYTES = 128 * 1024 * 1024;

export interface FileStat {
  /** 'special': a FIFO, device or socket (or anything else that is neither): never opened, only named. */
  kind: 'file' | 'directory' | 'special';
  /** For 'special': what it is, in words ("a FIFO (named pipe)"), when the file system can tell. */
  special?: string;
  /** Milliseconds since the epoch. */
  mtime: number;
  size: number;
  /** True when the file's permissions forbid writing it (no write bit, or read-only in the editor's file system). */
  readOnly?: boolean;
}

export interface IFileSystem {
  /** UTF-8 text; rejects with an error whose `code` is 'ENOENT' when the file does not exist. */
  readFile(path: string): Promise<string>;
  /**
   * The bytes of a regular file, read no further than `maxBytes`: rejects (see fileFaults.ts) with code 'EISDIR'
   * for a folder, 'ENOTREGULAR' for a FIFO, device or socket (checked before opening, so nothing blocks), and
   * 'EFBIG' when the file is, or grows while being read, larger than `maxBytes`.
   */
  readBytes(path: string, maxBytes: number): Promise<Uint8Array>;
  writeFile(path: string, text: string): Promise<void>;
  /** Replaces `to` if it exists (atomic on one volume, which is why temp files go in the same folder). */
  rename(from: string, to: string): Promise<void>;
  delete(path: string): Promise<void>;
  /** undefined when nothing is there. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The path with symlinks resolved; rejects with code 'ENOENT' if it does not exist. */
  realpath(path: string): Promise<string>;
  /**
   * Whether `path` itself is a symbolic link (not followed: a dangling link is one too); false when nothing is there.
   * Optional: a file system without it is taken to have no links. The sidecar store writes through a link (a rename
   * over the link itself would replace it with a plain file).
   */
  isSymbolicLink?(path: string): Promise<boolean>;
  /** Names (not paths) of the entries of a folder. */
  readDirectory(path: string): Promise<string[]>;
  /**
   * Creates the file only if nothing is there (O_EXCL); false if it exists. Optional: where present,
   * the sidecar store uses it for a lock file so that separate processes never save at the same moment.
   */
  createExclusive?(path: string, text: string): Promise<boolean>;
  /**
   * readFile with the file's size and time as they were before its bytes were read, in one go, each exactly as
   * stat() gives it (a stamp from one is compared with one from the other). Optional: without it,
   * readFileStamped() stats the file and then reads it.
   */
  readFileStamped?(path: string): Promise<StampedText>;
}

/** A file's text and its size and time from before it was read. */
export interface StampedText {
  text: string;
  size: number;
  mtime: number;
}

/** The file's text with its size and time from before the read (a stat, then the read, where the host has no one call for both). */
export function readFileStamped(fs: IFileSystem, path: string): Promise<StampedText> {
  return fs.readFileStamped ? fs.readFileStamped(path) : statThenRead(fs, path);
}

/** A stat, then the read: the size and time from before it (-1 when the stat found nothing, so they match no stamp). */
export async function statThenRead(fs: IFileSystem, path: string): Promise<StampedText> {
  const stat = await fs.stat(path);
  const text = await fs.readFile(path);
  return { text, size: stat?.size ?? -1, mtime: stat?.mtime ?? -1 };
}

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

export function notFoundError(path: string): Error {
  const error = new Error(`ENOENT: no such file or directory, '${path}'`) as Error & { code: string };
  error.code = 'ENOENT';
  return error;
}

export async function exists(fs: IFileSystem, path: string): Promise<boolean> {
  return (await fs.stat(path)) !== undefined;
}
