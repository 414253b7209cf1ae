// What the "Tag Selection…" quick pick offers: the codebook's themes under their group names, searchable by
// label, description and cues; and turning picked ids back into the themes a tag stores.

import type { Codebook, Theme } from './codebook/codebookModel';
import type { TagTheme } from './sidecar/sidecarModel';

export type ThemePickEntry =
  | { kind: 'separator'; label: string }
  | { kind: 'theme'; themeId: string; label: string; description?: string; detail?: string; colour?: string; picked: boolean };

/** Group label used for themes a tag has that the codebook no longer lists (kept so editing loses nothing). */
export const NOT_IN_CODEBOOK = 'Not in the codebook';

/**
 * Entries in codebook order, one separator per non-empty group (nested groups shown as "Parent › Child").
 * `current` (when editing a tag) pre-picks its themes and keeps those the codebook lacks.
 */
export function themePickEntries(codebook: Codebook, current: readonly TagTheme[] = []): ThemePickEntry[] {
  const picked = new Set(current.map((t) => t.id));
  const byId = new Map(codebook.groups.map((g) => [g.id, g]));
  const entries: ThemePickEntry[] = [];
  const known = new Set<string>();
  for (const group of codebook.groups) {
    if (group.themes.length === 0) continue;
    const parent = group.parent !== undefined ? byId.get(group.parent) : undefined;
    entries.push({ kind: 'separator', label: parent ? `${parent.label} › ${group.label}` : group.label });
    for (const theme of group.themes) {
      known.add(theme.id);
      entries.push(themeEntry(theme, picked.has(theme.id)));
    }
  }
  const missing = current.filter((t) => !known.has(t.id));
  if (missing.length > 0) {
    entries.push({ kind: 'separator', label: NOT_IN_CODEBOOK });
    for (const t of missing) entries.push({ kind: 'theme', themeId: t.id, label: t.label, description: t.id, picked: true });
  }
  return entries;
}

function themeEntry(theme: Theme, picked: boolean): ThemePickEntry {
  return {
    kind: 'theme',
    themeId: theme.id,
    label: theme.label,
    ...(theme.description !== undefined ? { description: theme.description } : {}),
    // Cues in the detail line make them searchable (matchOnDetail) and show why a theme fits.
    ...(theme.cues.length > 0 ? { detail: `Cues: ${theme.cues.join(', ')}` } : {}),
    colour: theme.colour,
    picked,
  };
}

/**
 * The themes for picked ids, labels from the codebook (or from `current` for themes it no longer has).
 * Throws with the unknown ids named, so a command called with a typo says so instead of tagging nothing.
 */
export function themesForIds(codebook: Codebook, ids: readonly string[], current: readonly TagTheme[] = []): TagTheme[] {
  const themes = new Map<string, string>();
  for (const g of codebook.groups) for (const t of g.themes) themes.set(t.id, t.label);
  for (const t of current) if (!themes.has(t.id)) themes.set(t.id, t.label);
  const unknown = ids.filter((id) => !themes.has(id));
  if (unknown.length > 0) {
    throw new Error(`No theme with the id ${unknown.map((id) => `"${id}"`).join(', ')} in the codebook. Check .inspection-codebook.json or pick from the list.`);
  }
  return ids.map((id) => ({ id, label: themes.get(id)! }));
}

// Lives in the codebook folder, which must not import this one (no folder cycles).
export { findTheme } from './codebook/themeLookup';
