// Bundles the extension, the command line and the in-editor test suite with esbuild.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

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
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
];
if (existsSync('test/integration/index.ts')) {
  // mocha stays external: the suite loads it from node_modules at run time inside the extension host.
  builds.push({ ...common, entryPoints: ['test/integration/index.ts'], outfile: 'out/integration/index.js', external: ['vscode', 'mocha'] });
}
if (existsSync('bench/bench.ts')) {
  builds.push({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js', sourcemap: false });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
