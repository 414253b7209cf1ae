// Bundles the extension, the command line and the in-editor test suite with esbuild.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

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
