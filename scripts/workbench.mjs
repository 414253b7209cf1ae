// Try the extension by hand: a browser-based VS Code (code-server) on this machine with the extension
// loaded from this folder as a development extension, on a throwaway copy of samples/ (so tagging there
// never changes the samples). Prints the address to open and runs until Ctrl-C.
//
//   npm run workbench                                  (builds first)
//   node scripts/workbench.mjs [--folder DIR]          DIR is copied too; default samples/
//   node scripts/workbench.mjs --screenshot out.png    one picture of a sample report with the Outline, then exit
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setInterval } from 'node:timers';
import {
  projectRoot, ensureCodeServer, copyWorkspace, startCodeServer, workbenchUrl, remoteUri, closeOnSignals,
} from './codeServerWorkbench.mjs';

const SAMPLE = 'westmere-ilacs-2025.txt';

const { values: opts } = parseArgs({
  options: {
    folder: { type: 'string' },
    screenshot: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

function fail(message) {
  console.error(`workbench: ${message}`);
  process.exit(1);
}

const source = resolve(opts.folder ?? join(projectRoot, 'samples'));
if (!existsSync(source) || !statSync(source).isDirectory()) fail(`--folder ${source} is not a folder`);
const main = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).main;
if (!existsSync(join(projectRoot, main))) fail(`${main} is missing: run \`node scripts/build.mjs\` first (npm run workbench does)`);

const folder = copyWorkspace(source);
const removeCopy = () => rmSync(folder, { recursive: true, force: true });

if (opts.screenshot !== undefined) {
  // screenshot.mjs already drives a headless workbench and takes the picture; this picks the scene.
  const file = join(folder, SAMPLE);
  if (!existsSync(file)) { removeCopy(); fail(`${SAMPLE} is not in ${source}: --screenshot shows that sample`); }
  const out = resolve(opts.screenshot);
  const args = [join(projectRoot, 'scripts/screenshot.mjs'), '--file', file, '--out', out,
    '--command', 'inspectionReports.showOutline', '--wait', '2500'];
  if (opts.verbose) args.push('--verbose');
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  removeCopy();
  process.exit(run.status ?? 1);
}

const { node, entry } = ensureCodeServer();
const server = await startCodeServer({
  node, entry,
  log: (line) => { if (opts.verbose) console.log(`[code-server] ${line}`); },
});
closeOnSignals([server.close, removeCopy]);

const url = workbenchUrl(server, folder, [
  ['extensionDevelopmentPath', remoteUri(server, projectRoot)],
  ['skipWelcome', 'true'],
  ['skipReleaseNotes', 'true'],
]);
console.log(`
Inspection Report Annotator in VS Code for the browser (code-server), listening on 127.0.0.1 only.

  Open:    ${url}
  Folder:  ${folder}  (a copy of ${source}; deleted when you stop)
  Try:     ${SAMPLE} — Outline, grade colours, Alt+] for the next area for improvement, Ctrl+Alt+T to tag.

The extension is loaded from ${projectRoot}; after changing it, run \`node scripts/build.mjs\` and reload the page.
Press Ctrl-C to stop.`);

// Keep running until a signal; closeOnSignals ends code-server and removes the copy.
setInterval(() => {}, 1 << 30);
