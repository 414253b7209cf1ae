// Finding a theme in a codebook by id: used by the codebook's own operations and by the tag pickers above it.

import type { Codebook, Theme } from './codebookModel';

export function findTheme(codebook: Codebook, id: string): Theme | undefined {
  for (const g of codebook.groups) for (const t of g.themes) if (t.id === id) return t;
  return undefined;
}
