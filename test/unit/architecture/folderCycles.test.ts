import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { posix } from 'node:path';
import { buildFolderGraph, coreBoundaryViolations, findCycles, importSpecifiers, type FolderGraph } from './folderGraph';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every .ts file under src/, by its posix path relative to the repository. */
function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const entries = readdirSync(`${ROOT}src`, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const relative = posix.join('src', posix.relative(`${ROOT}src`.split('\\').join('/'), entry.parentPath.split('\\').join('/')), entry.name);
    files.set(relative, readFileSync(`${ROOT}${relative}`, 'utf8'));
  }
  return files;
}

function graphOf(edges: Record<string, string[]>): FolderGraph {
  return new Map(Object.entries(edges).map(([from, tos]) => [from, new Map(tos.map((to) => [to, []]))]));
}

/** A cycle as a reader can follow it: each step with one import that makes it. */
function describeCycle(graph: FolderGraph, cycle: string[]): string {
  const steps = cycle.slice(1).map((to, i) => {
    const example = graph.get(cycle[i]!)?.get(to)?.[0];
    return `  ${cycle[i]} -> ${to}${example ? `   (${example.file}: '${example.specifier}')` : ''}`;
  });
  return `${cycle.join(' -> ')}\n${steps.join('\n')}`;
}

describe('architecture: the cycle detector', () => {
  it('finds a cycle through three folders, written as a path back to its start', () => {
    const cycles = findCycles(graphOf({ 'src/a': ['src/b'], 'src/b': ['src/c'], 'src/c': ['src/a', 'src/d'], 'src/d': [] }));
    assert.deepEqual(cycles, [['src/a', 'src/b', 'src/c', 'src/a']]);
  });

  it('finds each separate cycle, and a folder that imports itself', () => {
    const cycles = findCycles(graphOf({ x: ['y'], y: ['x'], p: ['q'], q: ['r'], r: ['q'], s: ['s'] }));
    assert.deepEqual(cycles.map((c) => c.join(' > ')).sort(), ['q > r > q', 's > s', 'x > y > x']);
  });

  it('finds none in a graph that only points one way, diamonds included', () => {
    assert.deepEqual(findCycles(graphOf({ top: ['left', 'right'], left: ['bottom'], right: ['bottom'], bottom: [] })), []);
  });

  it('builds folder edges from import, import type, export-from and import() in file texts', () => {
    const files = new Map([
      ['src/core/a/one.ts', "import { two } from '../b/two';\nimport type { T } from '../c';\nexport { x } from './local';\n"],
      ['src/core/a/local.ts', 'export const x = 1;'],
      ['src/core/b/two.ts', "export const two = 2;\nconst later = () => import('../a/one');\nimport data from '../../../schemas/x.json';\nimport * as vscode from 'vscode';\n"],
      ['src/core/c/index.ts', 'export type T = string;'],
    ]);
    const graph = buildFolderGraph(files);
    assert.deepEqual([...graph.get('src/core/a')!.keys()].sort(), ['src/core/b', 'src/core/c']);
    assert.deepEqual([...graph.get('src/core/b')!.keys()], ['src/core/a']);
    assert.deepEqual(findCycles(graph), [['src/core/a', 'src/core/b', 'src/core/a']]);
    assert.deepEqual(importSpecifiers(files.get('src/core/b/two.ts')!), ['../a/one', '../../../schemas/x.json', 'vscode']);
  });
});

describe('architecture: the layering check', () => {
  it('names a core file that imports the extension, the command line or vscode, and nothing else', () => {
    const files = new Map([
      ['src/core/a/one.ts', "import { panel } from '../../extension/evidence/panel';\nimport type { Uri } from 'vscode';\n"],
      ['src/core/b/two.ts', "import { EXIT } from '../../cli/exitCodes';\nimport { one } from '../a/one';\n"],
      ['src/extension/evidence/panel.ts', "import * as vscode from 'vscode';\nimport { two } from '../../core/b/two';\n"],
      ['src/cli/exitCodes.ts', 'export const EXIT = {};'],
    ]);
    assert.deepEqual(coreBoundaryViolations(files, buildFolderGraph(files)).sort(), [
      "src/core/a/one.ts imports '../../extension/evidence/panel'",
      "src/core/a/one.ts imports 'vscode'",
      "src/core/b/two.ts imports '../../cli/exitCodes'",
    ]);
  });
});

describe('architecture: src/', () => {
  const files = sourceFiles();
  const graph = buildFolderGraph(files);

  it('reads the whole source tree', () => {
    assert.ok(files.size > 100, `only ${files.size} files found under src/`);
    for (const folder of ['src/cli', 'src/core', 'src/core/evidence', 'src/core/tags/sidecar', 'src/extension']) assert.ok(graph.has(folder), `${folder} missing`);
  });

  it('has no cycle between folders', () => {
    const cycles = findCycles(graph);
    assert.equal(cycles.length, 0, `Folders that import each other, one cycle shown per tangle (move the shared piece down into a folder both can import):\n${cycles.map((c) => describeCycle(graph, c)).join('\n')}`);
  });

  it('keeps the core apart from the editor and the command line', () => {
    assert.deepEqual(coreBoundaryViolations(files, graph), []);
  });
});
