// Inserting evidence while writing: the tagged passages a draft may cite, as completion entries whose text is the
// quote and its citation link (docs/citations.md), with what a user filters by (themes, authority, kind, date).

import * as path from 'node:path';
import { longDate } from '../evidence/citation';
import type { Sidecar } from '../tags/sidecar/sidecarModel';
import { kindCitation } from '../vocabulary/labels';

export type QuoteStyle = 'inline' | 'blockquote';

export interface EvidenceEntry {
  /** The passage, shortened to one line. */
  label: string;
  /** Themes and report. */
  detail: string;
  /** The whole passage and its note. */
  documentation: string;
  /** What typing after `@ev` matches: themes, authority, kind, date, file name and words. */
  filterText: string;
  insertText: string;
}

const LABEL_CHARS = 70;

/** The link target of a citation: the report relative to the draft, `/`-separated and URL-encoded, with `#tag=`. */
export function citationLinkTarget(draftPath: string, reportPath: string, tagId: string): string {
  const relative = path.relative(path.dirname(draftPath), reportPath).split(path.sep).join('/');
  // Brackets too: a `)` would end the link's target early.
  const encoded = relative.split('/').map((s) => encodeURIComponent(s).replace(/\(/g, '%28').replace(/\)/g, '%29')).join('/');
  return `${encoded}#tag=${encodeURIComponent(tagId)}`;
}

/** The link text: "Ashcombe focused visit, 1 July 2025", or the report's file name when it has no authority. */
export function citationLabel(sidecar: Sidecar): string {
  const report = sidecar.report;
  const kind = report.kind ? kindCitation(report.kind) : 'report';
  const who = report.authority ? `${report.authority} ${kind}` : report.fileName;
  // Square brackets would end the link text early.
  return (report.date ? `${who}, ${longDate(report.date)}` : who).replace(/[[\]]/g, '');
}

export function citationInsertText(quote: string, label: string, target: string, style: QuoteStyle): string {
  const words = quote.replace(/\s+/g, ' ').trim();
  return style === 'blockquote' ? `> ${words}\n>\n> — [${label}](${target})\n` : `“${words}” ([${label}](${target}))`;
}

/** Every tagged passage of the given reports (orphaned ones left out: their words are not in the report). */
export function evidenceEntries(draftPath: string, reports: readonly { reportPath: string; sidecar: Sidecar }[], style: QuoteStyle): EvidenceEntry[] {
  const entries: EvidenceEntry[] = [];
  for (const { reportPath, sidecar } of reports) {
    const label = citationLabel(sidecar);
    for (const tag of sidecar.tags) {
      const quote = tag.anchor.quote.exact;
      if (tag.orphaned || !quote.trim()) continue;
      const flat = quote.replace(/\s+/g, ' ').trim();
      const themes = tag.themes.map((t) => t.label);
      const { authority, kind, date } = sidecar.report;
      entries.push({
        label: flat.length > LABEL_CHARS ? `${flat.slice(0, LABEL_CHARS - 1)}…` : flat,
        detail: `${themes.join(', ')} — ${label}`,
        documentation: tag.note ? `${flat}\n\nNote: ${tag.note}` : flat,
        filterText: ['@ev', ...themes, authority ?? '', kind ?? '', date ?? '', path.basename(reportPath), flat].filter(Boolean).join(' '),
        insertText: citationInsertText(quote, label, citationLinkTarget(draftPath, reportPath, tag.id), style),
      });
    }
  }
  return entries;
}

/** The quote and citation for one tag of a report (dragged into a draft); undefined when the tag is gone or orphaned. */
export function citationForTag(draftPath: string, reportPath: string, sidecar: Sidecar, tagId: string, style: QuoteStyle): string | undefined {
  const tag = sidecar.tags.find((t) => t.id === tagId);
  if (!tag || tag.orphaned || !tag.anchor.quote.exact.trim()) return undefined;
  return citationInsertText(tag.anchor.quote.exact, citationLabel(sidecar), citationLinkTarget(draftPath, reportPath, tag.id), style);
}
