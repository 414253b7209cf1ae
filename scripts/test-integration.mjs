// Runs the in-editor test suite (out/integration/index.js, built by scripts/build.mjs) inside a real VS Code:
// code-server's web workbench in headless Chromium by default, or desktop VS Code through
// @vscode/test-electron when IRA_TEST_RUNNER=electron. Prints mocha's output and exits with the
// number of failed tests (0 = all passed). See test/integration/README.md for the variables.
import { existsSync, mkdirSync, readFileSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { setInterval, clearInterval } from 'node:timers';
import { join, dirname } from 'node:path';
import {
  projectRoot, ensureCodeServer, copyWorkspace, startCodeServer, launchBrowser, closeOnSignals, runInWorkbench,
  serveScreenshotRequests,
} from './codeServerWorkbench.mjs';

const started = Date.now();
const extensionPath = process.env.IRA_EXTENSION_DEV_PATH ?? projectRoot;
const testsEntry = join(projectRoot, 'out/integration/index.js');
const overallTimeoutMs = Number(process.env.IRA_TEST_TIMEOUT_MS ?? 10 * 60_000);
const verbose = process.env.IRA_VERBOSE === '1';
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`test-integration: ${message}`);
  process.exit(1);
}

if (!existsSync(testsEntry)) fail(`${testsEntry} is missing: run \`node scripts/build.mjs\` first`);
const main = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8')).main;
if (main && !existsSync(join(extensionPath, main)) && !existsSync(join(extensionPath, `${main}.js`))) {
  fail(`the extension's main file ${join(extensionPath, main)} is missing: run \`node scripts/build.mjs\` first`);
}

const workspace = copyWorkspace();
const scratch = mkdtempSync(join(tmpdir(), 'ira-test-run-'));
const resultsFile = join(scratch, 'results.json');
const outputFile = join(scratch, 'output.txt');
const screenshotRequests = join(scratch, 'screenshot-requests');
const screenshotOut = process.env.IRA_SCREENSHOT_OUT ?? join(projectRoot, 'out/integration-screenshots');
const testEnv = {
  IRA_TEST_RESULTS: resultsFile,
  IRA_SCREENSHOT_DIR: screenshotRequests,
  IRA_SCREENSHOT_OUT: screenshotOut,
};
const workbenchLog = [];
const logDir = join(projectRoot, 'out/integration-logs');

const exitCode = process.env.IRA_TEST_RUNNER === 'electron' ? await runInElectron() : await runInCodeServer();
rmSync(workspace, { recursive: true, force: true });
rmSync(scratch, { recursive: true, force: true });
console.log(`test-integration: finished in ${seconds(Date.now() - started)}, exit code ${exitCode}`);
process.exit(exitCode);

/** Prints the per-test results the suite wrote and turns them into the exit code. */
function reportResults(hostExitCode) {
  if (!existsSync(resultsFile)) {
    console.error('test-integration: the suite wrote no results (it did not start, or crashed before mocha finished)');
    // The cause is usually an error the extension host logged (a test file that throws when loaded).
    const errors = workbenchLog.filter((l) => l.startsWith('[error]') && !/ENOTFOUND|authentication provider|^\[error\] Canceled/.test(l));
    for (const e of errors.slice(-5)) console.error(e.split('\n').slice(0, 8).join('\n'));
    return hostExitCode || 1;
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  console.log(`\ntest-integration: ${results.passes} passed, ${results.failures} failed, ${results.pending} pending`);
  for (const t of results.tests.filter((x) => x.state === 'failed')) {
    console.log(`  FAILED ${t.title}: ${String(t.error).split('\n')[0]}`);
  }
  return Math.min(results.failures, 255) || (hostExitCode ? 1 : 0);
}

async function runInCodeServer() {
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const { node, entry, setupMs } = ensureCodeServer();
  if (verbose) console.log(`test-integration: code-server ready after ${seconds(setupMs)}`);
  const serverLog = [];
  const server = await startCodeServer({
    node, entry, env: { ...testEnv, IRA_TEST_OUTPUT: outputFile },
    log: (line) => { serverLog.push(line); if (verbose) console.log(`[code-server] ${line}`); },
  });
  const browser = await launchBrowser();
  closeOnSignals([browser.close, server.close]);
  const { page } = browser;
  page.on('pageerror', (err) => console.error(`[workbench error] ${err.message}`));
  page.on('console', (msg) => workbenchLog.push(`[console ${msg.type()}] ${msg.text()}`));

  const stopScreenshots = serveScreenshotRequests(page, screenshotRequests, (line) => console.log(`test-integration: ${line}`));
  const stopOutput = followTestOutput();
  const { outcome, hostLogs } = await runInWorkbench({
    server, page, folder: workspace, extensionPath, testsPath: testsEntry, timeoutMs: overallTimeoutMs,
    onLog: recordWorkbenchLine,
  });
  stopScreenshots();
  stopOutput();

  let code;
  if (outcome.timedOut || outcome.error) {
    console.error(outcome.timedOut
      ? `test-integration: no result after ${seconds(overallTimeoutMs)} (IRA_TEST_TIMEOUT_MS)`
      : `test-integration: could not open the workbench: ${outcome.error.message}`);
    await page.screenshot({ path: join(logDir, 'timeout.png') }).then(
      () => console.error(`test-integration: the workbench as it was: ${join(logDir, 'timeout.png')}`), () => {});
    console.error(`--- last lines of code-server's output ---\n${serverLog.slice(-40).join('\n')}`);
    code = existsSync(resultsFile) ? reportResults(1) : 1;
  } else {
    code = reportResults(outcome.code);
  }
  // Keep every log for a post-mortem: the workbench's, code-server's, and the extension host's own files.
  writeFileSync(join(logDir, 'workbench.log'), workbenchLog.join('\n'));
  writeFileSync(join(logDir, 'code-server.log'), serverLog.join('\n'));
  for (const l of hostLogs) {
    if (typeof l?.relativePath !== 'string' || typeof l?.contents !== 'string') continue;
    const target = join(logDir, 'host', l.relativePath.replace(/\.\.+/g, '_'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, l.contents);
  }
  if (code !== 0) console.error(`test-integration: logs of this run are in ${logDir}`);
  await browser.close();
  server.close();
  return code;
}

/** The workbench's log (the extension host's console included) goes to a file; printed with IRA_VERBOSE=1. */
function recordWorkbenchLine(type, args) {
  const text = format(...(Array.isArray(args) ? args : [args]));
  workbenchLog.push(`[${type}] ${text}`);
  if (verbose) console.log(`[workbench ${type}] ${text}`);
}

/** Prints what the suite's reporter appends to IRA_TEST_OUTPUT (see index.ts) as it arrives. */
function followTestOutput() {
  let printed = 0;
  const flush = () => {
    if (!existsSync(outputFile)) return;
    const text = readFileSync(outputFile, 'utf8');
    if (text.length > printed) process.stdout.write(text.slice(printed));
    printed = text.length;
  };
  const timer = setInterval(flush, 100);
  return () => { clearInterval(timer); flush(); };
}

async function runInElectron() {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: testsEntry,
      version: process.env.IRA_VSCODE_VERSION ?? 'stable',
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      extensionTestsEnv: { ...testEnv, IRA_SCREENSHOT_DIR: '' },
    });
    return reportResults(0);
  } catch (err) {
    console.error(`test-integration: desktop VS Code (IRA_TEST_RUNNER=electron) failed: ${err.message ?? err}`);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(String(err.message ?? err))) {
      console.error('test-integration: desktop VS Code could not be downloaded (no network?); without IRA_TEST_RUNNER the same suite runs in code-server, set up from the npm registry');
    }
    return reportResults(1);
  }
}
