// The `report` command line without the process around it: dispatch, help, usage errors.
// Subcommands register in COMMANDS below: one line each, the command itself in its own file.

import type { CliCommand, CliIO } from './command';
import { UsageError } from './command';
import { describeFileFault } from '../core';
import { EXIT, EXIT_CODE_HELP, exitForFault } from './exitCodes';
import { aggregateCommand } from './aggregateCommand';
import { citeCheckCommand } from './citeCheckCommand';
import { agreementCommand } from './agreementCommand';
import { mergeTagsCommand } from './mergeTagsCommand';
import { importCommand } from './importCommand';
import { outlineCommand } from './outlineCommand';
import { reanchorCommand } from './reanchorCommand';
import { renderCommand } from './renderCommand';
import { tagCommand } from './tagCommand';

export const COMMANDS: CliCommand[] = [
  outlineCommand,
  tagCommand,
  reanchorCommand,
  aggregateCommand,
  importCommand,
  citeCheckCommand,
  renderCommand,
  agreementCommand,
  mergeTagsCommand,
];

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Inspection Report Annotator: command line

Usage: report <command> [options]
       report <command> --help

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

${EXIT_CODE_HELP}
`;
}

/** An internal error's message and stack are cut here, so a hostile input cannot make it megabytes long. */
const MAX_DETAIL = 4000;

const HELP_FLAGS = new Set(['-h', '--help', 'help']);

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.has(name)) {
    // `report help outline` is the same as `report outline --help`.
    const target = name === 'help' && rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (target) io.stdout(target.help + '\n');
    else (name === undefined ? io.stderr : io.stdout)(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`report: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See report --help.\n`);
    return EXIT.usage;
  }
  if (rest.some((a) => a === '-h' || a === '--help')) {
    io.stdout(command.help + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`report: ${error.message}\n`);
      return EXIT.usage;
    }
    // A file that could not be read or written (a folder, no permission, a loop, a full disk...) is the
    // environment, not a bug: one line and its documented exit code, wherever in a command it happened.
    const fault = describeFileFault(error);
    if (fault) {
      io.stderr(`report: ${fault.message}\n`);
      return exitForFault(fault.kind);
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`report: internal error in '${name}': ${detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail}\n`);
    return EXIT.internalError;
  }
}
