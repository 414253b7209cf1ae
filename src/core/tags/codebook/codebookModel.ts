// A codebook: themes in groups. The built-in default lives in defaultCodebook.ts; a workspace can
// extend or replace it with `.inspection-codebook.json` (schemas/codebook.schema.json).

export interface Theme {
  id: string;
  label: string;
  description?: string;
  /** #rrggbb */
  colour: string;
  /** Case-insensitive phrases that suggest the theme; they suggest, never decide. */
  cues: string[];
  groupId: string;
}

export interface ThemeGroup {
  id: string;
  label: string;
  description?: string;
  /** Id of the group this one is nested under (workspace codebooks may nest groups). */
  parent?: string;
  themes: Theme[];
}

export interface Codebook {
  groups: ThemeGroup[];
}
