// What the Tags view shows, built from the sidecars found in the workspace and the codebook in use:
// groups → themes → reports → passages, then the orphaned tags and the sidecars that cannot be read.
// No vscode import: the provider turns these plain nodes into TreeItems.

import type { Codebook } from './codebook/codebookModel';
import type { Sidecar, Tag } from './sidecar/sidecarModel';

/** One sidecar found in the workspace, as the index read it. */
export interface IndexedSidecar {
  /** Keys are URI strings, so the tree never depends on the vscode Uri class. */
  sidecarUri: string;
  reportUri: string;
  /** File name of the report, shown in the tree. */
  reportName: string;
  /** Path of the report relative to the workspace, to tell reports of the same name apart. */
  reportPath: string;
  status: 'ok' | 'read-only' | 'invalid' | 'report-missing';
  sidecar?: Sidecar;
  /** Why the sidecar cannot be used (invalid, report missing), or why it is read-only. */
  message?: string;
  /** Ids of tags whose passage could not be found in the report's current text. */
  lostTagIds: ReadonlySet<string>;
}

export interface PassageNode {
  kind: 'passage';
  reportUri: string;
  reportName: string;
  tagId: string;
  themeId: string;
  quote: string;
  /** Not `note`: menu commands receive the node as their argument, where `note` would read as a new note. */
  tagNote?: string;
  section?: string;
  paragraph?: number;
  readOnly: boolean;
}

export interface ReportNode {
  kind: 'report';
  themeId: string;
  reportUri: string;
  reportName: string;
  reportPath: string;
  passages: PassageNode[];
}

export interface ThemeNode {
  kind: 'theme';
  themeId: string;
  label: string;
  colour?: string;
  /** Not in the codebook in use (removed, hidden, or from another workspace): shown with its stored label. */
  unknown: boolean;
  count: number;
  reports: ReportNode[];
}

export interface GroupNode {
  kind: 'group';
  groupId: string;
  label: string;
  count: number;
  themes: ThemeNode[];
}

export interface OrphanNode {
  kind: 'orphan';
  /** Why it was orphaned, when the tags file says. */
  reason?: string;
  reportUri: string;
  reportName: string;
  tagId: string;
  quote: string;
  themeLabels: string[];
  /** Not `note`: menu commands receive the node as their argument, where `note` would read as a new note. */
  tagNote?: string;
  readOnly: boolean;
}

export interface OrphansNode {
  kind: 'orphans';
  orphans: OrphanNode[];
}

export interface ProblemNode {
  kind: 'problem';
  sidecarUri: string;
  fileName: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface ProblemsNode {
  kind: 'problems';
  problems: ProblemNode[];
}

export type TagsTreeNode = GroupNode | ThemeNode | ReportNode | PassageNode | OrphansNode | OrphanNode | ProblemsNode | ProblemNode;
export type TagsTreeRoot = GroupNode | OrphansNode | ProblemsNode;

export const OTHER_GROUP_ID = '(other)';
export const OTHER_GROUP_LABEL = 'Themes not in the codebook';

export interface TreeFilter {
  /** Only these themes (ids); undefined: all. */
  themeIds?: ReadonlySet<string>;
}

export function buildTagsTree(sidecars: readonly IndexedSidecar[], codebook: Codebook, filter: TreeFilter = {}): TagsTreeRoot[] {
  const themeInfo = new Map<string, { groupId: string; label: string; colour: string; order: number }>();
  let order = 0;
  for (const group of codebook.groups) for (const theme of group.themes) themeInfo.set(theme.id, { groupId: group.id, label: theme.label, colour: theme.colour, order: order++ });

  const themes = new Map<string, ThemeNode>();
  const orphans: OrphanNode[] = [];
  const problems: ProblemNode[] = [];
  const sorted = [...sidecars].sort((a, b) => compareText(a.reportPath, b.reportPath));
  for (const entry of sorted) {
    if (entry.status === 'invalid' || entry.status === 'report-missing') {
      problems.push({ kind: 'problem', sidecarUri: entry.sidecarUri, fileName: fileNameOf(entry.sidecarUri), severity: 'error', message: entry.message ?? 'This tags file cannot be read.' });
      continue;
    }
    if (entry.status === 'read-only') {
      problems.push({ kind: 'problem', sidecarUri: entry.sidecarUri, fileName: fileNameOf(entry.sidecarUri), severity: 'warning', message: entry.message ?? 'This tags file was written by a newer version; its tags are shown read-only.' });
    }
    const readOnly = entry.status === 'read-only';
    const tags = [...(entry.sidecar?.tags ?? [])].sort((a, b) => a.anchor.position.start - b.anchor.position.start);
    for (const tag of tags) {
      if (filter.themeIds && !tag.themes.some((t) => filter.themeIds!.has(t.id))) continue;
      if (tag.orphaned || entry.lostTagIds.has(tag.id)) {
        orphans.push({
          kind: 'orphan', reportUri: entry.reportUri, reportName: entry.reportName, tagId: tag.id, quote: tag.anchor.quote.exact,
          themeLabels: tag.themes.map((t) => themeInfo.get(t.id)?.label ?? t.label), ...(tag.note ? { tagNote: tag.note } : {}), readOnly,
          ...(tag.orphanReason ? { reason: tag.orphanReason } : {}),
        });
        continue;
      }
      for (const theme of tag.themes) {
        if (filter.themeIds && !filter.themeIds.has(theme.id)) continue;
        let node = themes.get(theme.id);
        if (!node) {
          const info = themeInfo.get(theme.id);
          node = { kind: 'theme', themeId: theme.id, label: info?.label ?? theme.label, ...(info ? { colour: info.colour } : {}), unknown: !info, count: 0, reports: [] };
          themes.set(theme.id, node);
        }
        let report = node.reports.find((r) => r.reportUri === entry.reportUri);
        if (!report) {
          report = { kind: 'report', themeId: theme.id, reportUri: entry.reportUri, reportName: entry.reportName, reportPath: entry.reportPath, passages: [] };
          node.reports.push(report);
        }
        report.passages.push(passageNode(entry, tag, theme.id, readOnly));
        node.count++;
      }
    }
  }

  const groups: GroupNode[] = [];
  for (const group of codebook.groups) {
    const inGroup = group.themes.map((t) => themes.get(t.id)).filter((t): t is ThemeNode => t !== undefined);
    if (inGroup.length > 0) groups.push({ kind: 'group', groupId: group.id, label: group.label, count: countOf(inGroup), themes: inGroup });
  }
  const others = [...themes.values()].filter((t) => t.unknown).sort((a, b) => compareText(a.label, b.label));
  if (others.length > 0) groups.push({ kind: 'group', groupId: OTHER_GROUP_ID, label: OTHER_GROUP_LABEL, count: countOf(others), themes: others });

  const roots: TagsTreeRoot[] = [...groups];
  if (orphans.length > 0) roots.push({ kind: 'orphans', orphans });
  if (problems.length > 0) roots.push({ kind: 'problems', problems });
  return roots;
}

export function childrenOf(node: TagsTreeNode): TagsTreeNode[] {
  switch (node.kind) {
    case 'group':
      return node.themes;
    case 'theme':
      return node.reports;
    case 'report':
      return node.passages;
    case 'orphans':
      return node.orphans;
    case 'problems':
      return node.problems;
    default:
      return [];
  }
}

/** Passages (tags × themes) under a node; 1 for a passage. */
export function countUnder(node: TagsTreeNode): number {
  switch (node.kind) {
    case 'group':
    case 'theme':
      return node.count;
    case 'report':
      return node.passages.length;
    case 'orphans':
      return node.orphans.length;
    case 'problems':
      return node.problems.length;
    default:
      return 1;
  }
}

/** A stable id per node, so the tree keeps what the user expanded across refreshes. */
export function nodeId(node: TagsTreeNode): string {
  switch (node.kind) {
    case 'group':
      return `group:${node.groupId}`;
    case 'theme':
      return `theme:${node.themeId}`;
    case 'report':
      return `report:${node.themeId}:${node.reportUri}`;
    case 'passage':
      return `passage:${node.themeId}:${node.reportUri}:${node.tagId}`;
    case 'orphans':
      return 'orphans';
    case 'orphan':
      return `orphan:${node.reportUri}:${node.tagId}`;
    case 'problems':
      return 'problems';
    case 'problem':
      return `problem:${node.sidecarUri}`;
  }
}

/** The quote on one line, cut at a word near `max` characters. */
export function shortenQuote(quote: string, max = 80): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** "Section title · ¶ 12", from what was recorded when the passage was tagged. */
export function passageDescription(node: Pick<PassageNode, 'section' | 'paragraph'>): string {
  const parts: string[] = [];
  if (node.section) parts.push(node.section);
  if (node.paragraph !== undefined) parts.push(`¶ ${node.paragraph}`);
  return parts.join(' · ');
}

function passageNode(entry: IndexedSidecar, tag: Tag, themeId: string, readOnly: boolean): PassageNode {
  return {
    kind: 'passage', reportUri: entry.reportUri, reportName: entry.reportName, tagId: tag.id, themeId, quote: tag.anchor.quote.exact,
    ...(tag.note ? { tagNote: tag.note } : {}),
    ...(tag.context?.section ? { section: tag.context.section } : {}),
    ...(tag.context?.paragraph !== undefined ? { paragraph: tag.context.paragraph } : {}),
    readOnly,
  };
}

function countOf(themes: readonly ThemeNode[]): number {
  return themes.reduce((n, t) => n + t.count, 0);
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });
}

function fileNameOf(uri: string): string {
  const path = uri.split(/[?#]/)[0] ?? uri;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
