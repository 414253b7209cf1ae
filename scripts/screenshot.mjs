// Saves a PNG of what a person sees in VS Code with the extension loaded: a folder, a file, optionally a
// line and some commands, in the same headless workbench the integration tests use (no tests run).
//
//   node scripts/screenshot.mjs --file samples/x.txt --out media/screenshot-outline.png --command outline.focus
//
// Options: --file F (opened in the editor), --folder D (workspace; default: F's folder, else a copy of
// test/fixtures/workspace), --out O.png (default out/screenshots/<file>.png), --line N (cursor and top of
// the view), --command ID[ JSON-args] (repeatable, run in order), --wait MS (after the commands; default
// 1500), --selector CSS (capture one workbench part, e.g. '.part.sidebar'), --width/--height (1400x900),
// --setting key=JSON (repeatable, e.g. --setting 'workbench.colorTheme="Default Light Modern"'),
// --extension PATH (default: this project; --no-extension for a bare editor), --timeout MS (default 120000).
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, basename } from 'node:path';
import {
  projectRoot, ensureCodeServer, copyWorkspace, startCodeServer, launchBrowser, closeOnSignals, runInWorkbench,
  serveScreenshotRequests,
} from './codeServerWorkbench.mjs';

const { values: opts } = parseArgs({
  options: {
    file: { type: 'string' },
    folder: { type: 'string' },
    out: { type: 'string' },
    line: { type: 'string' },
    command: { type: 'string', multiple: true, default: [] },
    wait: { type: 'string', default: '1500' },
    selector: { type: 'string' },
    width: { type: 'string', default: '1400' },
    height: { type: 'string', default: '900' },
    setting: { type: 'string', multiple: true, default: [] },
    extension: { type: 'string' },
    'no-extension': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '120000' },
    verbose: { type: 'boolean', default: false },
  },
});

function fail(message) {
  console.error(`screenshot: ${message}`);
  process.exit(1);
}

const file = opts.file ? resolve(opts.file) : undefined;
if (file && !existsSync(file)) fail(`--file ${file} does not exist`);
const copiedWorkspace = !opts.folder && !file;
const folder = opts.folder ? resolve(opts.folder) : file ? dirname(file) : copyWorkspace();
if (!existsSync(folder) || !statSync(folder).isDirectory()) fail(`--folder ${folder} is not a folder`);
const out = resolve(opts.out ?? join(projectRoot, 'out/screenshots', `${file ? basename(file) : 'workbench'}.png`));
const line = opts.line === undefined ? undefined : Number(opts.line);
if (line !== undefined && !(Number.isInteger(line) && line >= 1)) fail(`--line must be a line number from 1, not ${opts.line}`);

const commands = opts.command.map((c) => {
  const space = c.indexOf(' ');
  if (space < 0) return { id: c, args: [] };
  try {
    const args = JSON.parse(c.slice(space + 1));
    return { id: c.slice(0, space), args: Array.isArray(args) ? args : [args] };
  } catch {
    return fail(`--command "${c}": the part after the command id must be JSON`);
  }
});
const settings = {};
for (const s of opts.setting) {
  const eq = s.indexOf('=');
  if (eq < 0) fail(`--setting "${s}" must be key=JSON`);
  try { settings[s.slice(0, eq)] = JSON.parse(s.slice(eq + 1)); } catch { fail(`--setting "${s}": the value must be JSON (quote strings)`); }
}

// A fake "extension without the extension": an empty folder with a minimal manifest.
const scratch = mkdtempSync(join(tmpdir(), 'ira-screenshot-'));
let extensionPath = opts.extension ? resolve(opts.extension) : projectRoot;
if (opts['no-extension']) {
  extensionPath = join(scratch, 'no-extension');
  mkdirSync(extensionPath);
  writeFileSync(join(extensionPath, 'package.json'), JSON.stringify({ name: 'none', publisher: 'none', version: '0.0.0', engines: { vscode: '*' } }));
} else {
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  if (manifest.main && !existsSync(join(extensionPath, manifest.main))) fail(`${join(extensionPath, manifest.main)} is missing: run \`node scripts/build.mjs\` first`);
}
const extensionId = (() => {
  const m = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
  return `${m.publisher}.${m.name}`;
})();

// The "test" the extension host runs: set the scene, ask the runner for the picture, report problems.
const driver = join(scratch, 'screenshotDriver.cjs');
writeFileSync(driver, `
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
exports.run = async function run() {
  const spec = JSON.parse(process.env.IRA_SHOT_SPEC);
  const problems = [];
  try {
    const extension = vscode.extensions.getExtension(spec.extensionId);
    if (extension) await extension.activate().catch((e) => problems.push('activation failed: ' + (e && e.stack || e)));
    if (spec.file) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(spec.file));
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      if (spec.line) {
        const at = new vscode.Position(Math.min(spec.line, document.lineCount) - 1, 0);
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
      }
    }
    for (const c of spec.commands) {
      try { await vscode.commands.executeCommand(c.id, ...c.args); } catch (e) { problems.push('command ' + c.id + ' failed: ' + (e && e.message || e)); }
      await sleep(300);
    }
    await sleep(spec.waitMs);
    const id = 'shot';
    fs.writeFileSync(path.join(spec.requestDir, id + '.tmp'), JSON.stringify({ out: spec.out, selector: spec.selector }));
    fs.renameSync(path.join(spec.requestDir, id + '.tmp'), path.join(spec.requestDir, id + '.request.json'));
    const done = path.join(spec.requestDir, id + '.done');
    for (let i = 0; i < 300 && !fs.existsSync(done); i++) await sleep(100);
    if (!fs.existsSync(done)) problems.push('the runner took no screenshot within 30 s');
    else if (fs.readFileSync(done, 'utf8').startsWith('ERROR')) problems.push(fs.readFileSync(done, 'utf8'));
  } catch (e) {
    problems.push(String(e && e.stack || e));
  }
  fs.writeFileSync(spec.resultFile, JSON.stringify({ problems }));
};
`);

const requestDir = join(scratch, 'requests');
const resultFile = join(scratch, 'result.json');
const spec = {
  extensionId, file, line, commands, waitMs: Number(opts.wait), selector: opts.selector, out, requestDir, resultFile,
};

const { node, entry } = ensureCodeServer();
const server = await startCodeServer({
  node, entry, settings, env: { IRA_SHOT_SPEC: JSON.stringify(spec) },
  log: (l) => { if (opts.verbose) console.log(`[code-server] ${l}`); },
});
const browser = await launchBrowser({ width: Number(opts.width), height: Number(opts.height) });
closeOnSignals([browser.close, server.close]);
const stop = serveScreenshotRequests(browser.page, requestDir, () => {});
const { outcome } = await runInWorkbench({
  server, page: browser.page, folder, extensionPath, testsPath: driver, timeoutMs: Number(opts.timeout),
  onLog: (type, args) => { if (opts.verbose) console.log(`[workbench ${type}] ${args}`); },
});
stop();
await browser.close();
server.close();

let problems = [];
if (existsSync(resultFile)) problems = JSON.parse(readFileSync(resultFile, 'utf8')).problems;
else problems.push(outcome.timedOut ? `no screenshot within ${opts.timeout} ms (--timeout)` : `the editor stopped early (${JSON.stringify(outcome)})`);
rmSync(scratch, { recursive: true, force: true });
if (copiedWorkspace) rmSync(folder, { recursive: true, force: true });
for (const p of problems) console.error(`screenshot: ${p}`);
if (problems.length === 0) console.log(out);
process.exit(problems.length ? 1 : 0);
