// The `report` command line as a real OS process. Bundled once per run with esbuild (as scripts/build.mjs does), so
// each process starts in a fraction of a second and a race test can afford many rounds.

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

let bundled: Promise<string> | undefined;

function bundle(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'hostile-cli-')), 'cli.cjs');
    await esbuild.build({
      entryPoints: [resolve('src/cli/main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
      mainFields: ['module', 'main'],
    });
    return outfile;
  })();
  return bundled;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliProcess(cwd: string, ...args: string[]): Promise<CliResult> {
  const cli = await bundle();
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
