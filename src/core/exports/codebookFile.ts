// An imported codebook as the text of `.inspection-codebook.json` in "replace" mode (docs/codebook.md), so the
// imported themes are exactly the workspace's themes. Pure (no vscode): the import command writes the result.

import type { Codebook } from '../tags/codebook/codebookModel';

export function codebookFileText(codebook: Codebook): string {
  const groups = codebook.groups.map((g) => ({
    id: g.id,
    label: g.label,
    ...(g.description ? { description: g.description } : {}),
    ...(g.parent ? { parent: g.parent } : {}),
  }));
  const themes = codebook.groups.flatMap((g) =>
    g.themes.map((t) => ({
      id: t.id,
      label: t.label,
      ...(t.description ? { description: t.description } : {}),
      colour: t.colour,
      ...(t.cues.length ? { cues: t.cues } : {}),
      group: g.id,
    })),
  );
  return JSON.stringify({ mode: 'replace', groups, themes }, null, 2) + '\n';
}
