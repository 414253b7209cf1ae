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
    const unknown = unknownOption(error, args);
    if (unknown) throw new UsageError(`${command}: ${unknown}; see \`report ${command} --help\``);
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Node's words for an unknown option quote it unevenly and name only its first letter ("-dash.txt" gives '-d'): this
 * names the whole argument, and for one that looks like a file, how to give a file whose name starts with "-".
 */
function unknownOption(error: unknown, args: readonly string[]): string | undefined {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined;
  const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
  if (!option) return undefined;
  const arg = args.find((a) => a === option || (a.startsWith(option) && !a.startsWith('--'))) ?? option;
  const file = /[./\\]/.test(arg) ? `; a file whose name starts with "-" is given as ./${arg}, or after --` : '';
  return `unknown option ${arg}${file}`;
}
