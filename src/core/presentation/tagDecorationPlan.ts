// Which ranges get which colour: each theme's passages in the theme's colour. Overlapping tags each get
// theirs; orphaned tags are not shown in the text (they have no passage).

import { fallbackColour } from '../tags/codebook/codebookColours';
import type { Codebook } from '../tags/codebook/codebookModel';
import type { Tag } from '../tags/sidecar/sidecarModel';

export interface ThemeDecoration {
  themeId: string;
  /** #rrggbb */
  colour: string;
  ranges: { start: number; end: number }[];
}

/** One entry per theme that has a shown passage, in codebook order, themes missing from the codebook last. */
export function planTagDecorations(tags: readonly Tag[], codebook: Codebook, textLength: number): ThemeDecoration[] {
  const colours = new Map<string, string>();
  const order = new Map<string, number>();
  for (const g of codebook.groups) {
    for (const t of g.themes) {
      colours.set(t.id, t.colour);
      order.set(t.id, order.size);
    }
  }
  const byTheme = new Map<string, ThemeDecoration>();
  for (const tag of tags) {
    if (tag.orphaned === true) continue;
    const { start, end } = tag.anchor.position;
    if (!(start >= 0 && end > start && end <= textLength)) continue;
    for (const theme of tag.themes) {
      let entry = byTheme.get(theme.id);
      if (!entry) {
        entry = { themeId: theme.id, colour: colours.get(theme.id) ?? fallbackColour(theme.id), ranges: [] };
        byTheme.set(theme.id, entry);
      }
      entry.ranges.push({ start, end });
    }
  }
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...byTheme.values()].sort((a, b) => rank(a.themeId) - rank(b.themeId) || (a.themeId < b.themeId ? -1 : 1));
}

/** `#rrggbb` plus an alpha byte: a light wash that leaves the text legible on light and dark backgrounds. */
export function withAlpha(colour: string, alpha: number): string {
  const byte = Math.round(Math.min(1, Math.max(0, alpha)) * 255).toString(16).padStart(2, '0');
  return `${colour.slice(0, 7)}${byte}`;
}
