// What a draft cites and what it leaves out, so the author sees gaps: per heading, how many citations it has and of
// which themes; per theme, how many of its tagged passages the draft cites and which it does not; per tagged
// report, whether it is cited at all. Citations are matched to tags by report path and tag id.

import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { DraftCitation } from './citationModel';
import { citationLabel } from './citationInsertion';
import { citedReportPath } from './draftSources';
import type { Sidecar, Tag } from '../tags/sidecar/sidecarModel';

export interface TaggedReport {
  /** Absolute path of the report (the tags file without its suffix). */
  reportPath: string;
  sidecar: Sidecar;
}

export interface UncitedPassage {
  reportPath: string;
  tagId: string;
  /** The tagged words, on one line. */
  quote: string;
}

export interface SectionCoverage {
  /** The heading's words; "(before the first heading)" for citations above every heading. */
  heading: string;
  /** 1-based line of the heading (0 before the first). */
  line: number;
  depth: number;
  citations: number;
  /** Theme label → citations in this section of a passage with that theme, in first-cited order. */
  themes: Map<string, number>;
}

export interface ThemeCoverage {
  id: string;
  label: string;
  /** Tagged passages with this theme in the workspace, and how many of them the draft cites. */
  tagged: number;
  cited: number;
  uncited: UncitedPassage[];
}

export interface ReportCoverage {
  reportPath: string;
  /** "Ashcombe focused visit, 14 July 2025", or the file name. */
  label: string;
  tagged: number;
  cited: number;
}

export interface DraftCoverage {
  sections: SectionCoverage[];
  /** Themes most left out first (by uncited passages), then by label. */
  themes: ThemeCoverage[];
  /** Uncited reports first, then by label. */
  reports: ReportCoverage[];
  /** Citations that name no tag of a tagged report (missing report or tag): counted in their section only. */
  unmatched: number;
}

interface Heading {
  text: string;
  line: number;
  depth: number;
  offset: number;
}

export function draftCoverage(draft: string, draftPath: string, citations: readonly DraftCitation[], reports: readonly TaggedReport[]): DraftCoverage {
  const tags = new Map<string, Tag>();
  for (const r of reports) for (const tag of r.sidecar.tags) if (!tag.orphaned) tags.set(key(r.reportPath, tag.id), tag);
  const cited = new Set<string>();
  const sections = headingsOf(draft).map((h) => ({ heading: h.text, line: h.line, depth: h.depth, citations: 0, themes: new Map<string, number>(), offset: h.offset }));
  let unmatched = 0;
  for (const citation of citations) {
    const k = key(citedReportPath(draftPath, citation.reportPath), citation.tag);
    const tag = tags.get(k);
    if (tag) cited.add(k);
    else unmatched++;
    let section = findLast(sections, (s) => s.offset <= citation.range.start);
    if (!section) sections.unshift((section = { heading: '(before the first heading)', line: 0, depth: 0, citations: 0, themes: new Map(), offset: -1 }));
    section.citations++;
    for (const theme of tag?.themes ?? []) section.themes.set(theme.label, (section.themes.get(theme.label) ?? 0) + 1);
  }
  return {
    sections: sections.map(({ offset: _offset, ...s }) => s),
    themes: themeCoverage(reports, cited),
    reports: reports
      .map((r) => {
        const live = r.sidecar.tags.filter((t) => !t.orphaned);
        return { reportPath: r.reportPath, label: citationLabel(r.sidecar), tagged: live.length, cited: live.filter((t) => cited.has(key(r.reportPath, t.id))).length };
      })
      .filter((r) => r.tagged > 0)
      .sort((a, b) => Number(a.cited > 0) - Number(b.cited > 0) || a.label.localeCompare(b.label) || a.reportPath.localeCompare(b.reportPath)),
    unmatched,
  };
}

function themeCoverage(reports: readonly TaggedReport[], cited: ReadonlySet<string>): ThemeCoverage[] {
  const themes = new Map<string, ThemeCoverage>();
  for (const r of reports) {
    for (const tag of r.sidecar.tags) {
      if (tag.orphaned) continue;
      const isCited = cited.has(key(r.reportPath, tag.id));
      for (const t of tag.themes) {
        let theme = themes.get(t.id);
        if (!theme) themes.set(t.id, (theme = { id: t.id, label: t.label, tagged: 0, cited: 0, uncited: [] }));
        theme.tagged++;
        if (isCited) theme.cited++;
        else theme.uncited.push({ reportPath: r.reportPath, tagId: tag.id, quote: tag.anchor.quote.exact.replace(/\s+/g, ' ').trim() });
      }
    }
  }
  return [...themes.values()].sort((a, b) => b.uncited.length - a.uncited.length || a.label.localeCompare(b.label));
}

function key(reportPath: string, tagId: string): string {
  return `${path.normalize(reportPath)}#${tagId}`;
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { line: number; offset?: number } };
}

function headingsOf(draft: string): Heading[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(draft) as MdNode;
  return (tree.children ?? [])
    .filter((n) => n.type === 'heading')
    .map((n) => ({ text: textOf(n).replace(/\s+/g, ' ').trim() || '(empty heading)', line: n.position?.start.line ?? 0, depth: n.depth ?? 1, offset: n.position?.start.offset ?? 0 }));
}

function textOf(node: MdNode): string {
  return node.value ?? (node.children ?? []).map(textOf).join('');
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}
