// Import a REFI-QDA codebook (.qdc, or the CodeBook of a project.qde) as a workspace Codebook.
// Our codebook is two levels (groups of themes); REFI codes nest freely, so: a top-level code with
// children becomes a group (and also a theme of that group when it is codable); deeper codable codes
// become themes of their top-level group; top-level leaf codes go to an "Imported codes" group.
// Theme ids: the id a known theme had when its GUID matches ours (round trip), else a slug of the name.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlNestingDepth } from '../platform/text/nestingDepth';
import type { Codebook, Theme, ThemeGroup } from '../tags/codebook/codebookModel';
import { DEFAULT_CODE_COLOUR, groupGuid, themeGuid } from './refiCodes';

export type QdcImportResult = { ok: true; codebook: Codebook; warnings: string[] } | { ok: false; error: string };

export interface QdcImportOptions {
  /** Codebook whose ids should be restored when a code's GUID was derived from them. */
  known?: Codebook;
}

interface XmlCode {
  '@_guid'?: string;
  '@_name'?: string;
  '@_isCodable'?: string;
  '@_color'?: string;
  Description?: unknown;
  Code?: XmlCode[];
}

const IMPORTED_GROUP = { id: 'imported', label: 'Imported codes' };

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'code';
}

function colour(value: string | undefined): string {
  if (!value) return DEFAULT_CODE_COLOUR;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : DEFAULT_CODE_COLOUR;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return text((value as { '#text': unknown })['#text']);
  return undefined;
}

/** Codes nest as themes in groups; no real codebook comes near this, and the XML parser recurses per level. */
const MAX_QDC_NESTING = 64;
/** The XML validator's message may quote the document; it is cut here so the message stays one line. */
const MAX_XML_MESSAGE = 200;

export function importQdc(xml: string, options: QdcImportOptions = {}): QdcImportResult {
  const depth = xmlNestingDepth(xml, MAX_QDC_NESTING);
  if (depth > MAX_QDC_NESTING) {
    return { ok: false, error: `The codebook nests elements more than ${MAX_QDC_NESTING} levels deep, far deeper than any REFI-QDA codebook, so it was not read.` };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const message = valid.err.msg.length > MAX_XML_MESSAGE ? `${valid.err.msg.slice(0, MAX_XML_MESSAGE)}…` : valid.err.msg;
    return { ok: false, error: `Not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${message}` };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    isArray: (name) => name === 'Code',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  });
  const document = parser.parse(xml) as Record<string, { '@_xmlns'?: string; Codes?: { Code?: XmlCode[] }; CodeBook?: { Codes?: { Code?: XmlCode[] } } }>;
  const root = document['CodeBook'] ?? document['Project'];
  if (!root) return { ok: false, error: 'This is not a REFI-QDA codebook: the root element is neither <CodeBook> nor <Project>.' };
  const warnings: string[] = [];
  const namespace = root['@_xmlns'];
  if (namespace && !namespace.startsWith('urn:QDA-XML:')) warnings.push(`Unexpected namespace ${namespace}; read as a REFI-QDA codebook anyway.`);
  const codes = (document['CodeBook'] ? root.Codes : root.CodeBook?.Codes)?.Code ?? [];
  if (codes.length === 0) return { ok: false, error: 'The codebook has no codes.' };

  const knownThemes = new Map<string, string>();
  const knownGroups = new Map<string, string>();
  for (const group of options.known?.groups ?? []) {
    knownGroups.set(groupGuid(group.id).toLowerCase(), group.id);
    for (const theme of group.themes) knownThemes.set(themeGuid(theme.id).toLowerCase(), theme.id);
  }
  const usedThemeIds = new Set<string>();
  const usedGroupIds = new Set<string>();
  const unique = (base: string, used: Set<string>): string => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
  const guidOf = (code: XmlCode): string => (code['@_guid'] ?? '').replace(/[{}]/g, '').toLowerCase();

  const groups: ThemeGroup[] = [];
  let imported: ThemeGroup | undefined;
  const toTheme = (code: XmlCode, groupId: string): Theme | undefined => {
    const name = code['@_name']?.trim();
    if (!name) {
      warnings.push(`A code without a name (guid ${code['@_guid'] ?? '?'}) was skipped.`);
      return undefined;
    }
    const description = text(code.Description);
    return {
      id: unique(knownThemes.get(guidOf(code)) ?? slugify(name), usedThemeIds),
      label: name,
      ...(description ? { description } : {}),
      colour: colour(code['@_color']),
      cues: [],
      groupId,
    };
  };
  const collect = (code: XmlCode, group: ThemeGroup): void => {
    if (code['@_isCodable'] !== 'false') {
      const theme = toTheme(code, group.id);
      if (theme) group.themes.push(theme);
    }
    for (const child of code.Code ?? []) collect(child, group);
  };

  for (const code of codes) {
    const children = code.Code ?? [];
    const codable = code['@_isCodable'] !== 'false';
    if (children.length === 0 && codable) {
      if (!imported) {
        imported = { id: unique(IMPORTED_GROUP.id, usedGroupIds), label: IMPORTED_GROUP.label, themes: [] };
        groups.push(imported);
      }
      const theme = toTheme(code, imported.id);
      if (theme) imported.themes.push(theme);
      continue;
    }
    const label = code['@_name']?.trim() || 'Unnamed group';
    const group: ThemeGroup = { id: unique(knownGroups.get(guidOf(code)) ?? slugify(label), usedGroupIds), label, themes: [] };
    groups.push(group);
    collect(code, group);
  }
  return { ok: true, codebook: { groups }, warnings };
}
