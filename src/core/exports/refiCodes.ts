// The codebook as REFI-QDA Codes, shared by the project (.qdpx) and codebook (.qdc) exports. Theme
// groups are non-codable parent Codes; themes are codable Codes with their colour and description.
// GUIDs derive from group and theme ids, so importing our own .qdc can give the ids back.

import type { Codebook } from '../tags/codebook/codebookModel';
import type { EvidenceSet } from '../evidence/evidenceModel';
import { stableGuid } from './refiGuid';
import { escapeXmlAttribute, escapeXmlText } from './xmlText';

export interface RefiCode {
  guid: string;
  name: string;
  codable: boolean;
  color?: string;
  description?: string;
  children: RefiCode[];
}

export function themeGuid(themeId: string): string {
  return stableGuid('theme', themeId);
}

export function groupGuid(groupId: string): string {
  return stableGuid('group', groupId);
}

/** Colour for themes that come without one (met only in sidecars). */
export const DEFAULT_CODE_COLOUR = '#808080';

export function codebookCodes(codebook: Codebook): RefiCode[] {
  return codebook.groups.map((group) => ({
    guid: groupGuid(group.id),
    name: group.label,
    codable: false,
    children: group.themes.map((theme) => ({
      guid: themeGuid(theme.id),
      name: theme.label,
      codable: true,
      color: /^#[0-9a-fA-F]{6}$/.test(theme.colour) ? theme.colour : DEFAULT_CODE_COLOUR,
      ...(theme.description ? { description: theme.description } : {}),
      children: [],
    })),
  }));
}

/** Codes for a project: the codebook's, plus any theme the passages use that the codebook lacks. */
export function refiCodes(set: Pick<EvidenceSet, 'items'>, codebook?: Codebook): { codes: RefiCode[]; guidByThemeId: Map<string, string> } {
  const codes = codebook ? codebookCodes(codebook) : [];
  const guidByThemeId = new Map<string, string>();
  for (const group of codebook?.groups ?? []) for (const theme of group.themes) guidByThemeId.set(theme.id, themeGuid(theme.id));
  for (const item of set.items) {
    for (const theme of item.themes) {
      if (guidByThemeId.has(theme.id)) continue;
      const guid = themeGuid(theme.id);
      guidByThemeId.set(theme.id, guid);
      codes.push({ guid, name: theme.label, codable: true, color: DEFAULT_CODE_COLOUR, children: [] });
    }
  }
  return { codes, guidByThemeId };
}

export function codesXml(codes: readonly RefiCode[], indent: string): string {
  const lines = [`${indent}<Codes>`];
  const write = (code: RefiCode, pad: string): void => {
    const open = `${pad}<Code guid="${code.guid}" name="${escapeXmlAttribute(code.name)}" isCodable="${code.codable}"${code.color ? ` color="${code.color}"` : ''}`;
    if (!code.description && code.children.length === 0) {
      lines.push(`${open}/>`);
      return;
    }
    lines.push(`${open}>`);
    if (code.description) lines.push(`${pad}  <Description>${escapeXmlText(code.description)}</Description>`);
    for (const child of code.children) write(child, pad + '  ');
    lines.push(`${pad}</Code>`);
  };
  for (const code of codes) write(code, indent + '  ');
  lines.push(`${indent}</Codes>`);
  return lines.join('\n');
}
