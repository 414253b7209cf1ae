// The import graph between the folders of src/, for the architecture test: which folder's files import
// which other folder's files (relative specifiers; a folder's index.ts counts as the folder itself).

import ts from 'typescript';
import { posix } from 'node:path';

export interface ImportEdge {
  /** Importing file and the specifier it wrote, as an example to show in a failure. */
  file: string;
  specifier: string;
}

/** Folder -> folder it imports from -> the imports that make the edge (a folder's own files are left out). */
export type FolderGraph = Map<string, Map<string, ImportEdge[]>>;

/** Every module specifier of a TypeScript file: imports, `import type`, `export … from`, import(), require(). */
export function importSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * The file a relative specifier names, among `files` (posix paths relative to the repository):
 * `x` as `x.ts`, or `x/index.ts`. Undefined for a bare module name or anything outside `files` (JSON, schemas).
 */
export function resolveImport(fromFile: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  for (const candidate of [target, `${target}.ts`, `${target}/index.ts`]) if (files.has(candidate)) return candidate;
  return undefined;
}

/** The graph between folders of the given files (path -> text). */
export function buildFolderGraph(files: ReadonlyMap<string, string>): FolderGraph {
  const known = new Set(files.keys());
  const graph: FolderGraph = new Map();
  for (const [file, text] of files) {
    const from = posix.dirname(file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const specifier of importSpecifiers(text)) {
      const resolved = resolveImport(file, specifier, known);
      if (resolved === undefined) continue;
      const to = posix.dirname(resolved);
      if (to === from) continue;
      const edges = graph.get(from)!;
      if (!edges.has(to)) edges.set(to, []);
      edges.get(to)!.push({ file, specifier });
    }
  }
  return graph;
}

/**
 * Every cycle's folders, one cycle per strongly connected group (Tarjan), each written as a path that
 * returns to its start: ['a', 'b', 'a']. Empty when the graph has no cycle.
 */
export function findCycles(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1 || graph.get(node)?.has(node)) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.map((group) => cycleThrough(graph, new Set(group)));
}

/** A shortest path from the group's first folder (by name) back to itself, inside the group. */
function cycleThrough(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>, group: ReadonlySet<string>): string[] {
  const start = [...group].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== start && at !== undefined; at = cameFrom.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/** Imports that break the layering: the core reaching into the editor adapters or the command line, or into `vscode`. */
export function coreBoundaryViolations(files: ReadonlyMap<string, string>, graph: FolderGraph): string[] {
  const wrong: string[] = [];
  for (const [from, edges] of graph) {
    if (!isCore(from)) continue;
    for (const [to, imports] of edges) {
      if (!to.startsWith('src/extension') && !to.startsWith('src/cli')) continue;
      wrong.push(...imports.map((i) => `${i.file} imports '${i.specifier}'`));
    }
  }
  for (const [file, text] of files) {
    if (isCore(posix.dirname(file)) && importSpecifiers(text).some((s) => s === 'vscode' || s.startsWith('vscode/'))) wrong.push(`${file} imports 'vscode'`);
  }
  return wrong;
}

function isCore(folder: string): boolean {
  return folder === 'src/core' || folder.startsWith('src/core/');
}
