// What can go wrong when a file is read or written, as one kind and one short sentence naming the file and
// saying what to do: shared by the command line (which maps kinds to exit codes) and the core's readers.

/** The errors the core's own readers raise; Node's errors carry the same shape (code, path). */
export class FileFaultError extends Error {
  constructor(
    readonly code: 'EISDIR' | 'ENOTREGULAR' | 'EFBIG',
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'FileFaultError';
  }
}

export function notRegularFileError(path: string, what: string): FileFaultError {
  return what === 'a folder'
    ? new FileFaultError('EISDIR', `${shownPath(path)}: is a directory, not a file`, path)
    : new FileFaultError('ENOTREGULAR', `${shownPath(path)}: is ${what}, not a regular file, so it was not opened`, path);
}

export function tooLargeError(path: string, maxBytes: number): FileFaultError {
  return new FileFaultError('EFBIG', `${shownPath(path)}: is larger than ${formatBytes(maxBytes)}, more than any report or tags file, so it was not read`, path);
}

/** A report that could not be read as text (readReportText); `code` is the underlying errno-style code, or 'ENOTTEXT'. */
export class ReportReadError extends Error {
  constructor(
    readonly kind: FileFaultKind,
    message: string,
    readonly code: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ReportReadError';
  }

  /** What is wrong, without the file name the message starts with: for callers that name the file themselves. */
  get reason(): string {
    const named = `${shownPath(this.path)}: `;
    return this.message.startsWith(named) ? this.message.slice(named.length) : this.message;
  }
}

export type FileFaultKind = 'not-text' | 'not-found' | 'is-directory' | 'special-file' | 'no-permission' | 'read-only' | 'no-space' | 'name-too-long' | 'symlink-loop' | 'too-large' | 'io';

export interface FileFault {
  kind: FileFaultKind;
  /** One line: the file, what is wrong, what to do. */
  message: string;
}

/**
 * Describes an error from a file operation, or undefined when it is not one (no errno-style `code`): those are
 * bugs and stay errors. `fallbackPath` names the file when the error does not.
 */
export function describeFileFault(error: unknown, fallbackPath?: string): FileFault | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (error instanceof ReportReadError) return { kind: error.kind, message: error.message };
  const { code, path: errorPath } = error as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  const path = shownPath(typeof errorPath === 'string' ? errorPath : (fallbackPath ?? 'a file'));
  const own = error instanceof FileFaultError ? error.message : undefined;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { kind: 'not-found', message: `${path}: no such file` };
    case 'EISDIR':
      return { kind: 'is-directory', message: `${path}: is a directory where a file was expected; give a file's path, or move the directory out of the way` };
    case 'ENOTREGULAR':
      return { kind: 'special-file', message: `${own ?? `${path}: is not a regular file`}; give a regular text file` };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'no-permission', message: `${path}: permission denied; check the permissions of the file and its folder` };
    case 'EROFS':
      return { kind: 'read-only', message: `${path}: is on a read-only file system, so nothing could be written there; copy the report to a writable folder` };
    case 'ENOSPC':
    case 'EDQUOT':
      return { kind: 'no-space', message: `${path}: could not be written, the disk (or your quota) is full; free some space and try again` };
    case 'ENAMETOOLONG':
      return { kind: 'name-too-long', message: `${path}: the name is too long for the file system (a tags file and its temporary file add 24 characters to a report's name, so a report tagged here needs a name of at most 231); rename it to a shorter name` };
    case 'ELOOP':
      return { kind: 'symlink-loop', message: `${path}: symbolic links lead round in a loop; fix or remove the link` };
    case 'EFBIG':
      return { kind: 'too-large', message: own ?? `${path}: is too large to read` };
    default:
      return { kind: 'io', message: `${path}: could not be read or written (${code}); check the disk and try again` };
  }
}

/** Long paths (a hostile 300-character name) are cut in the middle so a message stays one readable line. */
export function shownPath(path: string, max = 160): string {
  if (path.length <= max) return path;
  const keep = Math.floor((max - 1) / 2);
  return `${path.slice(0, keep)}…${path.slice(path.length - keep)}`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${n} bytes`;
}
