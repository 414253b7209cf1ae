// Why the sidecar store would not (or could not) write a tags file: a kind for the editor and the command line
// to act on, and one message a user can act on.

import { basename, dirname } from 'node:path';
import { describeFileFault, type FileFaultKind, shownPath } from '../../platform/fs/fileFaults';
import type { SidecarError } from './sidecarParser';

export type SidecarStoreErrorKind =
  | 'outside-root'
  | 'report-missing'
  | 'invalid'
  | 'read-only'
  | 'sidecar-deleted'
  | 'target-exists'
  | 'busy'
  /** The tags file itself is read-only (no write permission bits): it is left as it is, never replaced or chmod-ed. */
  | 'not-writable'
  /** Writing the temp file, renaming it or creating the lock failed (permission, read-only file system, disk full...). */
  | 'write-failed'
  /** The tags file is a symbolic link that cannot be written through (dangling, a loop, or not followable here): left as it is. */
  | 'symbolic-link';

export class SidecarStoreError extends Error {
  constructor(
    readonly kind: SidecarStoreErrorKind,
    message: string,
    readonly sidecarPath: string,
    readonly sidecarError?: SidecarError,
    /** For 'not-writable' and 'write-failed': the file fault, which the command line maps to its exit code. */
    readonly fault?: FileFaultKind,
  ) {
    super(message);
    this.name = 'SidecarStoreError';
  }
}

/** A tags file whose permissions forbid writing: refused, so that protecting a file by chmod a-w is respected. */
export function readOnlySidecarError(sidecarPath: string): SidecarStoreError {
  const name = basename(sidecarPath);
  return new SidecarStoreError(
    'not-writable',
    `${name} is read-only, so it was left as it is and nothing was saved. Make it writable (for example chmod u+w "${name}") to tag this report.`,
    sidecarPath,
    undefined,
    'read-only',
  );
}

/** A tags file that is a symbolic link, on a file system that cannot resolve links: saving would replace the link. */
export function unfollowableLinkError(sidecarPath: string): SidecarStoreError {
  const name = basename(sidecarPath);
  return new SidecarStoreError(
    'symbolic-link',
    `${name} is a symbolic link, which this workspace's file system cannot follow: saving would replace the link with a plain file, so nothing was saved and the link was left as it is. Tag this report on a local copy, or replace the link with the file it leads to.`,
    sidecarPath,
  );
}

/**
 * Why a tags file that is a symbolic link could not be resolved (`cause`, from realpath): a dangling link or a loop.
 * Undefined for any other error, which the caller rethrows.
 */
export function brokenLinkError(sidecarPath: string, cause: unknown): SidecarStoreError | undefined {
  const name = basename(sidecarPath);
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new SidecarStoreError(
      'symbolic-link',
      `${name} is a symbolic link to a file that does not exist (a dangling link), so nothing was saved and the link was left as it is. Restore the file it leads to, or remove the link to start a new tags file.`,
      sidecarPath,
      undefined,
      'not-found',
    );
  }
  if (code === 'ELOOP') {
    return new SidecarStoreError('symbolic-link', `${name}: symbolic links lead round in a loop, so nothing was saved and the link was left as it is. Fix or remove the link.`, sidecarPath, undefined, 'symlink-loop');
  }
  return undefined;
}

/**
 * An error from writing the temp file, renaming it over the tags file or creating the lock file, as one line.
 * Errors that are not file faults (bugs) are returned unchanged.
 */
export function writeFaultError(error: unknown, sidecarPath: string, filePath: string): unknown {
  if (error instanceof SidecarStoreError) return error;
  const fault = describeFileFault(error, filePath);
  if (!fault || fault.kind === 'not-found') return error;
  const name = basename(sidecarPath);
  const folder = `the folder ${shownPath(dirname(sidecarPath))}`;
  const why: Partial<Record<FileFaultKind, string>> = {
    'no-permission': `permission denied in ${folder}; make the folder writable for you`,
    'read-only': `${folder} is on a read-only file system; copy the report and its tags file to a writable folder`,
    'no-space': 'the disk (or your quota) is full; free some space and try again',
    'is-directory': `a folder is in the way of ${basename(filePath)}; move it aside`,
  };
  return new SidecarStoreError(
    'write-failed',
    `Could not save tags to ${name}: ${why[fault.kind] ?? fault.message}. ${name} was left as it was; nothing was saved.`,
    sidecarPath,
    undefined,
    fault.kind,
  );
}
