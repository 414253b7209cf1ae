// Matching a "Go to Symbol in Workspace" query against report symbols: the query's characters in
// order, ignoring case and spaces (as the editor's own symbol search does), so "wnti" finds
// "What needs to improve?".

import type { OutlineSymbol } from './outline';

export function matchesQuery(name: string, query: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return true;
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (c === q[i] && ++i === q.length) return true;
  return false;
}

/** Every symbol of the tree whose name matches, with the names of the symbols it sits in. */
export function findSymbols(tree: OutlineSymbol[], query: string): { symbol: OutlineSymbol; container: string }[] {
  const out: { symbol: OutlineSymbol; container: string }[] = [];
  const visit = (symbols: OutlineSymbol[], container: string): void => {
    for (const s of symbols) {
      if (matchesQuery(s.name, query)) out.push({ symbol: s, container });
      visit(s.children, s.name);
    }
  };
  visit(tree, '');
  return out;
}
