// What a subcommand of the `report` command line looks like. Each lives in its own file and is
// registered with one line in main.ts; output goes through CliIO so commands stay easy to reason about.

import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory relative paths are resolved against. */
  cwd: string;
}

export interface CliCommand {
  name: string;
  /** One line for the command list in `report --help`. */
  summary: string;
  /** Full help for `report <name> --help`. */
  help: string;
  /** Arguments after the command name; resolves to the process exit code (see exitCodes.ts). */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Thrown for bad command-line input; main.ts prints the message and exits with EXIT.usage. */
export class UsageError extends Error {}

/** A command's options and positionals, strictly parsed; anything unknown or malformed is a UsageError naming the command. */
export function parse<O extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
