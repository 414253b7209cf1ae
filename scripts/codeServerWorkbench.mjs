// Shared by test-integration.mjs and screenshot.mjs: a real VS Code workbench (code-server's server +
// web workbench) driven by headless Chromium through playwright-core, on a machine that cannot download
// desktop VS Code. Everything it starts is killed by `close()`, also on errors and signals.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync, rmSync, existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, URLSearchParams } from 'node:url';
import { setInterval, clearInterval } from 'node:timers';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const CODE_SERVER_VERSION = '4.139.1';
const NODE_VERSION = '24.14.1';

/** Runs scripts/setup-code-server.sh (a no-op when the cache is complete) and returns the binaries to use. */
export function ensureCodeServer() {
  const started = Date.now();
  const cache = execFileSync('bash', [join(projectRoot, 'scripts/setup-code-server.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim().split('\n').pop();
  const node = join(cache, `node-${NODE_VERSION}`, 'bin', 'node');
  const entry = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(node) || !existsSync(entry)) throw new Error(`setup-code-server.sh finished but ${node} or ${entry} is missing`);
  return { node, entry, setupMs: Date.now() - started };
}

/** A fresh copy of a fixture folder in the system temp directory, so tests can write into it freely. */
export function copyWorkspace(source = join(projectRoot, 'test/fixtures/workspace')) {
  const target = mkdtempSync(join(tmpdir(), 'ira-workspace-'));
  cpSync(source, target, { recursive: true });
  return target;
}

async function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** Quiet, reproducible user settings: no welcome page, no trust prompt, no telemetry, no AI side panel. */
const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

/**
 * Starts code-server on a free 127.0.0.1 port with a throwaway user-data and extensions folder.
 * `env` reaches the extension host (it is forked from the server with the server's environment).
 */
export async function startCodeServer({ node, entry, env = {}, log = () => {}, settings = {} }) {
  const home = mkdtempSync(join(tmpdir(), 'ira-code-server-'));
  const userDataDir = join(home, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...userSettings, ...settings }, null, 2));
  const configFile = join(home, 'config.yaml');
  writeFileSync(configFile, 'auth: none\n');
  const port = await freePort();
  const args = [
    entry,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', join(home, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  // detached: code-server forks the extension host, pty host and file watcher; killing the group ends them all.
  const child = spawn(node, args, {
    cwd: home,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, VSCODE_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    for (const line of text.split('\n')) if (line.trim()) log(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  child.on('exit', () => { exited = true; });

  const close = () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const hard = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
      hard.unref();
    }
    rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) { close(); throw new Error(`code-server exited before listening:\n${output}`); }
    try {
      const res = await globalThis.fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { close(); throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, url, authority: `127.0.0.1:${port}`, close, output: () => output };
}

/** The workbench URL for a folder; `payload` entries are VS Code's web payload (extensionTestsPath, openFile…). */
export function workbenchUrl(server, folder, payload = []) {
  const query = new URLSearchParams({ folder });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

/** A file path on this machine as the URI the remote (code-server) side understands. */
export function remoteUri(server, absPath) {
  return `vscode-remote://${server.authority}${absPath}`;
}

/** Launches headless Chromium on one page of the given size. */
export async function launchBrowser({ width = 1400, height = 900 } = {}) {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.IRA_CHROMIUM ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  return { browser, page, close: () => browser.close().catch(() => {}) };
}

/** Ends every started process on Ctrl-C / kill, so no code-server or Chromium is left behind. */
export function closeOnSignals(closers) {
  const handler = async (signal) => {
    for (const close of closers) await Promise.resolve(close()).catch(() => {});
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/**
 * Opens the workbench on `folder` with the extension under development and runs `testsPath` (a module
 * exporting `run()`) in its extension host. Resolves when the host exits ({ code }), the time runs out
 * ({ timedOut }) or the page cannot load ({ error }). `hostLogs` are the log files the workbench hands over.
 */
export async function runInWorkbench({ server, page, folder, extensionPath, testsPath, timeoutMs, onLog = () => {}, payload = [] }) {
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  let hostLogs = [];
  // With the smoke-test driver on and an extensionTestsPath, the workbench calls these two: every log line
  // (the extension host's console included) and, when the host exits, its exit code and log files.
  await page.exposeFunction('codeAutomationLog', onLog);
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    hostLogs = Array.isArray(logs) ? logs : [];
    finish({ code });
  });
  const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
  const url = workbenchUrl(server, folder, [
    ['extensionDevelopmentPath', remoteUri(server, extensionPath)],
    ['extensionTestsPath', remoteUri(server, testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
    ...payload,
  ]);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 }).catch((err) => finish({ error: err }));
  const outcome = await finished;
  clearTimeout(timer);
  return { outcome, hostLogs };
}

/**
 * Code in the extension host asks for a screenshot by dropping `<id>.request.json` ({ out, selector?, measure? })
 * into `requestDir` and waiting for `<id>.done`; the runner owns the browser page, so it takes the picture.
 * `measure` names CSS selectors to look up in every frame (webviews included): their boxes come back with the
 * picture, in its pixels, so a test can check what the picture shows where the page says something is drawn.
 */
export function serveScreenshotRequests(page, requestDir, log = (line) => console.log(line)) {
  mkdirSync(requestDir, { recursive: true });
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      for (const f of readdirSync(requestDir).filter((x) => x.endsWith('.request.json'))) {
        const id = f.slice(0, -'.request.json'.length);
        // `.done` holds JSON ({ path, area, boxes }), or `ERROR: …` which the asking side turns into an exception.
        let answer;
        try {
          const { out, selector, measure } = JSON.parse(readFileSync(join(requestDir, f), 'utf8'));
          mkdirSync(dirname(out), { recursive: true });
          const target = selector ? page.locator(selector).first() : undefined;
          const viewport = page.viewportSize();
          const area = target ? await target.boundingBox({ timeout: 10_000 }) : { x: 0, y: 0, width: viewport.width, height: viewport.height };
          if (!area) throw new Error(`${selector} is not visible`);
          const boxes = {};
          for (const [name, css] of Object.entries(measure ?? {})) boxes[name] = await boxesInFrames(page, css, area);
          if (target) await target.screenshot({ path: out, timeout: 10_000 });
          else await page.screenshot({ path: out });
          answer = JSON.stringify({ path: out, area, boxes });
          log(`screenshot ${out}`);
        } catch (err) {
          answer = `ERROR: ${err.message.split('\n')[0]}`;
          log(`screenshot failed: ${answer}`);
        }
        renameSync(join(requestDir, f), join(requestDir, `${id}.taken`));
        writeFileSync(join(requestDir, `${id}.done`), answer);
      }
    } finally {
      busy = false;
    }
  }, 100);
  return () => clearInterval(timer);
}

/**
 * The boxes of the elements matching `css` in any frame of the page, relative to `area` (the captured part).
 * `whole` says the element lies entirely inside the area and inside every frame that holds it (so it can be
 * seen in the picture, unless something is drawn over it).
 */
async function boxesInFrames(page, css, area) {
  const boxes = [];
  for (const frame of page.frames()) {
    try {
      const handles = await frame.$$(css);
      if (handles.length === 0) continue;
      const clips = [area];
      for (let f = frame; f.parentFrame(); f = f.parentFrame()) {
        const box = await (await f.frameElement()).boundingBox();
        if (box) clips.push(box);
      }
      for (const h of handles) {
        const b = await h.boundingBox();
        if (!b) continue;
        const whole = clips.every((c) => b.x >= c.x - 0.5 && b.y >= c.y - 0.5 && b.x + b.width <= c.x + c.width + 0.5 && b.y + b.height <= c.y + c.height + 0.5);
        boxes.push({ x: b.x - area.x, y: b.y - area.y, width: b.width, height: b.height, whole });
      }
    } catch {
      // A frame that went away while being read (a webview reloading) holds nothing to measure.
    }
  }
  return boxes;
}
