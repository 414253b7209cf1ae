// Bundles the extension, the command line and the in-editor test suite with esbuild.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's default (UMD) build requires its parts at run time, which a bundle cannot follow: use its ES build.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // Recognition on worker threads during aggregation (src/core/recognition/workers/analysisPool.ts), beside the two above.
  { ...common, entryPoints: ['src/core/recognition/workers/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
];
// The web extension host (vscode.dev, github.dev, code-server's web host) runs `browser` from package.json in a
// web worker: no Node. Node's modules that the shared code names are swapped for browser stand-ins in
// src/extension/platform/web/ (POSIX paths, synchronous SHA hashes, no disk, no worker threads), and `process`
// and `Buffer` are injected. Files reach the extension only through vscode.workspace.fs there.
const webShims = 'src/extension/platform/web';
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  // The host is a web worker, not a page: packages with a DOM build (decode-named-character-reference) use their worker one.
  conditions: ['worker'],
  alias: {
    'node:path': `./${webShims}/nodePath.ts`,
    'node:crypto': `./${webShims}/nodeCrypto.ts`,
    'node:os': `./${webShims}/nodeOs.ts`,
    'node:fs': `./${webShims}/nodeFs.ts`,
    'node:worker_threads': `./${webShims}/nodeWorkerThreads.ts`,
  },
  inject: [`./${webShims}/webGlobals.ts`],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};
builds.push({ ...web, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js' });
// Recognition in Web Workers for the Evidence view in the web host (src/extension/platform/analysisWorkers.ts).
builds.push({ ...web, entryPoints: ['src/core/recognition/workers/analysisWorker.ts'], outfile: 'dist/web/analysisWorker.js', format: 'iife' });
if (existsSync('scripts/webTests/analysisBench.ts')) {
  // `npm run bench:web` (scripts/benchWeb.mjs): the same cold-analysis timing from the web bundle and the Node bundle.
  const entryPoints = ['scripts/webTests/analysisBench.ts'];
  builds.push({ ...web, entryPoints, outfile: 'out/bench-web/analysisBench.web.js', format: 'iife', sourcemap: false, minify: true });
  builds.push({ ...common, entryPoints, outfile: 'out/bench-web/analysisBench.node.js', sourcemap: false, minify: true });
}
if (existsSync('scripts/webTests/index.ts')) {
  // The integration suites for the web host, with mocha's browser build, in one file (scripts/test-integration-web.mjs);
  // their node:fs calls go to the runner's bridge, whose address the runner writes over the placeholder.
  const testShims = 'scripts/webTests/shims';
  builds.push({
    ...web,
    entryPoints: ['scripts/webTests/index.ts'],
    outfile: 'out/integration-web/index.js',
    alias: {
      ...web.alias,
      'node:fs': `./${testShims}/fs.ts`,
      'node:os': `./${testShims}/os.ts`,
      'node:zlib': `./${testShims}/zlib.ts`,
      'node:util': `./${testShims}/util.ts`,
      'node:assert/strict': `./${testShims}/assert.ts`,
    },
    // __dirname: where the Node host's test bundles sit (out/integration), which the suites resolve fixtures from.
    define: { ...web.define, __dirname: JSON.stringify(resolve('out/integration')), IRA_WEB_TEST_BRIDGE: '"__IRA_WEB_TEST_BRIDGE__"' },
  });
}
if (existsSync('test/integration/index.ts')) {
  // mocha stays external: the suite loads it from node_modules at run time inside the extension host.
  // Each *.test.ts is its own bundle, so a new test file needs no registration: index.ts runs every
  // out/integration/*.test.js it finds.
  const tests = readdirSync('test/integration').filter((f) => f.endsWith('.test.ts')).map((f) => `test/integration/${f}`);
  builds.push({
    ...common,
    entryPoints: ['test/integration/index.ts', ...tests],
    outdir: 'out/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
  });
}
if (existsSync('bench/bench.ts')) {
  builds.push({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', sourcemap: false });
}

// An entry another engineer has not written yet is skipped with a warning rather than failing every build.
const ready = builds.filter((b) => {
  const missing = b.entryPoints.filter((e) => !existsSync(e));
  if (missing.length) console.warn(`build: skipping ${b.outfile ?? b.outdir}: ${missing.join(', ')} does not exist yet`);
  return missing.length === 0;
});

if (watch) {
  for (const b of ready) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(ready.map((b) => esbuild.build(b)));
}
