// Runs the integration suites of scripts/webTests/index.ts (built by scripts/build.mjs into out/integration-web/) in
// the browser's web worker extension host: code-server's workbench in headless Chromium, with the extension under
// development loaded as a web extension (payload `extensionDevelopmentKind: web`, so its `browser` bundle runs, as
// in vscode.dev). Prints mocha's output and exits with the number of failed tests (0 = all passed).
import { existsSync, mkdirSync, readFileSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { join } from 'node:path';
import {
  projectRoot, ensureCodeServer, copyWorkspace, startCodeServer, launchBrowser, closeOnSignals, runInWorkbench,
  serveScreenshotRequests,
} from './codeServerWorkbench.mjs';
import { startWebTestBridge } from './webTestBridge.mjs';

const started = Date.now();
const builtTests = join(projectRoot, 'out/integration-web/index.js');
const overallTimeoutMs = Number(process.env.IRA_TEST_TIMEOUT_MS ?? 10 * 60_000);
const verbose = process.env.IRA_VERBOSE === '1';
const logDir = join(projectRoot, 'out/integration-web-logs');
const EXTENSION_ID = 'inspection-report-annotator.inspection-report-annotator';
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`test-integration-web: ${message}`);
  process.exit(1);
}

const browserEntry = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).browser;
if (!browserEntry) fail('package.json has no "browser" entry: there is no web extension to test');
for (const needed of [builtTests, join(projectRoot, browserEntry)]) {
  if (!existsSync(needed)) fail(`${needed} is missing: run \`node scripts/build.mjs\` first`);
}

const workspace = copyWorkspace();
const scratch = mkdtempSync(join(tmpdir(), 'ira-web-test-run-'));
const screenshotRequests = join(scratch, 'screenshot-requests');
let results;
const bridge = await startWebTestBridge({
  env: () => ({
    ...(process.env.IRA_TEST_GREP ? { IRA_TEST_GREP: process.env.IRA_TEST_GREP } : {}),
    // The web host fetches the extension (5 MB) through code-server's resource route before the first test can
    // run, and its one worker thread does what the Node host spreads over threads: more time per test than 20 s.
    IRA_TEST_TIMEOUT_PER_TEST: process.env.IRA_TEST_TIMEOUT_PER_TEST ?? '40000',
    IRA_SCREENSHOT_DIR: screenshotRequests,
    IRA_SCREENSHOT_OUT: process.env.IRA_SCREENSHOT_OUT ?? join(projectRoot, 'out/integration-web-screenshots'),
  }),
  output: (line) => { process.stdout.write(`${line}\n`); },
  results: (r) => { results = r; },
});
// The suite finds the bridge through its address written into its own copy of the bundle. The copy stays inside
// the extension's folder: VS Code runs the tests in the extension host of the extension whose folder holds them.
const testsEntry = join(projectRoot, 'out/integration-web', `run-${process.pid}.js`);
writeFileSync(testsEntry, readFileSync(builtTests, 'utf8').replaceAll('__IRA_WEB_TEST_BRIDGE__', bridge.url));

const exitCode = await runInWebHost();
bridge.close();
rmSync(workspace, { recursive: true, force: true });
rmSync(scratch, { recursive: true, force: true });
rmSync(testsEntry, { force: true });
console.log(`test-integration-web: finished in ${seconds(Date.now() - started)}, exit code ${exitCode}`);
process.exit(exitCode);

function reportResults(hostExitCode) {
  if (!results) {
    console.error('test-integration-web: the suite sent no results (it did not start in the web extension host, or crashed)');
    return hostExitCode || 1;
  }
  console.log(`\ntest-integration-web: ${results.passes} passed, ${results.failures} failed, ${results.pending} pending (web extension host)`);
  for (const t of results.tests.filter((x) => x.state === 'failed')) console.log(`  FAILED ${t.title}: ${String(t.error).split('\n')[0]}`);
  return Math.min(results.failures, 255) || (hostExitCode ? 1 : 0);
}

async function runInWebHost() {
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const { node, entry } = ensureCodeServer();
  const serverLog = [];
  const workbenchLog = [];
  // The payload's extensionDevelopmentKind does not reach the web workbench's host picker in this VS Code (its
  // browser environment names it extensionDevelopmentLocationKind), so the kind comes from the user setting
  // remote.extensionKind instead: 'web' puts the extension, and with it its tests, in the web worker host.
  const settings = { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } };
  const server = await startCodeServer({ node, entry, settings, log: (line) => { serverLog.push(line); if (verbose) console.log(`[code-server] ${line}`); } });
  const browser = await launchBrowser();
  closeOnSignals([browser.close, server.close, bridge.close]);
  const { page } = browser;
  page.on('pageerror', (err) => workbenchLog.push(`[workbench error] ${err.message}`));
  page.on('console', (msg) => workbenchLog.push(`[console ${msg.type()}] ${msg.text()}`));
  const stopScreenshots = serveScreenshotRequests(page, screenshotRequests, (line) => console.log(`test-integration-web: ${line}`));
  const { outcome } = await runInWorkbench({
    server, page, folder: workspace, extensionPath: projectRoot, testsPath: testsEntry, timeoutMs: overallTimeoutMs,
    payload: [['extensionDevelopmentKind', 'web']],
    onLog: (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      workbenchLog.push(`[${type}] ${text}`);
      if (verbose) console.log(`[workbench ${type}] ${text}`);
    },
  });
  stopScreenshots();
  let code;
  if (outcome.timedOut || outcome.error) {
    console.error(outcome.timedOut ? `test-integration-web: no result after ${seconds(overallTimeoutMs)}` : `test-integration-web: could not open the workbench: ${outcome.error.message}`);
    await page.screenshot({ path: join(logDir, 'timeout.png') }).catch(() => {});
    code = results ? reportResults(1) : 1;
  } else {
    code = reportResults(outcome.code);
  }
  writeFileSync(join(logDir, 'workbench.log'), workbenchLog.join('\n'));
  writeFileSync(join(logDir, 'code-server.log'), serverLog.join('\n'));
  if (code !== 0) console.error(`test-integration-web: logs of this run are in ${logDir}`);
  await browser.close();
  server.close();
  return code;
}
