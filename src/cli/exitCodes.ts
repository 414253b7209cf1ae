// Exit codes of the `report` command line. Distinct per failure so scripts can tell "fix your
// command" from "that file is not a report" without parsing messages. Listed in --help.

export const EXIT = {
  ok: 0,
  /** The engine or a command failed unexpectedly (a bug: please report it with the file). */
  internalError: 1,
  /** Unknown command, unknown option, missing argument. */
  usage: 2,
  /** The file does not exist. */
  notFound: 3,
  /** The path exists but cannot be read: a directory, no permission, or another I/O error. */
  unreadable: 4,
  /** The file is not text: NUL bytes, or mostly invalid UTF-8. */
  notText: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODE_HELP = `Exit codes:
  0  success
  1  internal error (a bug: please report it with the file)
  2  usage error (unknown command or option, missing argument)
  3  file not found
  4  file unreadable (a directory, no permission, I/O error)
  5  not a text file (binary content or invalid UTF-8)`;
