// Entry of the `report` command line (npm run --silent report -- <command> ...; bundled to dist/cli.js).
// Only process plumbing lives here; see runCli.ts for the commands.

import type { CliIO } from './command';
import { EXIT } from './exitCodes';
import { runCli } from './runCli';

// `report outline x | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
};

// No top-level await: esbuild bundles this file as CommonJS.
runCli(process.argv.slice(2), processIO).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`report: ${String(error)}\n`);
    process.exitCode = EXIT.internalError;
  },
);
