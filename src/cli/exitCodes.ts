// Exit codes of the `report` command line. Distinct per failure so scripts can tell "fix your
// command" from "that file is not a report" without parsing messages. Listed in --help.

import type { FileFaultKind } from '../core';

export const EXIT = {
  ok: 0,
  /** The engine or a command failed unexpectedly (a bug: please report it with the file). */
  internalError: 1,
  /** Unknown command, unknown option, missing argument. */
  usage: 2,
  /** The file does not exist. */
  notFound: 3,
  /** The path exists but cannot be used: a folder, FIFO or device, no permission, a symlink loop, a name too long, an I/O error. */
  unreadable: 4,
  /** The file is not text: NUL bytes, or mostly invalid UTF-8. */
  notText: 5,
  /** The file is larger than any report (or grew past the limit while being read). */
  tooLarge: 8,
  /** Nothing could be written: a read-only tags file or file system, or the disk is full. */
  cannotWrite: 9,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODE_HELP = `Exit codes:
  0  success
  1  internal error (a bug: please report it with the file)
  2  usage error (unknown command or option, missing argument)
  3  file not found
  4  file cannot be used (a folder, FIFO or device, no permission, a symbolic-link loop,
     a name too long for the file system, an I/O error)
  5  not a text file (binary content or invalid UTF-8)
  6  the tags file is malformed, conflicted or from a newer version (tag, reanchor)
  7  --quote was not found, or found more than once (tag)
  8  file too large (larger than any report; /dev/zero and files that keep growing stop here)
  9  cannot write (a read-only tags file or file system, disk full)
  12 a citation in the draft is not ok: misquoted, orphaned, missing tag or report, no quote (cite-check, render)`;

/** The exit code for each way a file operation can fail (see describeFileFault in the core). */
export function exitForFault(kind: FileFaultKind): number {
  switch (kind) {
    case 'not-found':
      return EXIT.notFound;
    case 'not-text':
      return EXIT.notText;
    case 'too-large':
      return EXIT.tooLarge;
    case 'read-only':
    case 'no-space':
      return EXIT.cannotWrite;
    default:
      return EXIT.unreadable;
  }
}
