// One-passage citation, for "copy with citation" and the Markdown export:
// Westmere ILACS inspection, published 12 March 2024, para 23, section 'The experiences and progress of children in care: good'
// (a committee paper's paragraph as it numbers it: "para 2.3").

import { gradeCitation, kindCitation } from '../vocabulary/labels';
import { isVisitLetter } from '../recognition/reportKind';
import type { EvidenceItem } from './evidenceModel';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-03-12" -> "12 March 2024"; anything unreadable is returned as given. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

export type CitationFields = Pick<
  EvidenceItem,
  'reportKind' | 'authority' | 'reportDate' | 'reportDateKind' | 'reportFileName' | 'paragraph' | 'paragraphLabel' | 'section' | 'sectionRole' | 'grade' | 'orphaned'
>;

export function formatCitation(item: CitationFields): string {
  let citation = citedReport(item);
  // A committee paper's "2.3" is cited as printed; elsewhere the number is the printed one.
  if (item.paragraph !== undefined) citation += `, para ${item.paragraphLabel ?? item.paragraph}`;
  if (item.section) {
    let section = cleanSection(item.section);
    // Judgement headings normally end with their grade; add it when this one does not.
    if (item.sectionRole === 'judgement' && item.grade && !section.toLowerCase().includes(gradeCitation(item.grade).split(' ')[0]!)) {
      section += `: ${gradeCitation(item.grade)}`;
    }
    citation += `, section '${section}'`;
  }
  if (item.orphaned) citation += ' (passage no longer found in the report; quoted as tagged)';
  return citation;
}

// An export cites hundreds of passages of one report in a row (500,000 at national scale): the report's part of
// the citation is kept for the report last cited, and section titles as cleaned, instead of formatting them again.
let lastReport: { kind: string; authority?: string; fileName: string; date?: string; dateKind?: string; cited: string } | undefined;
const cleanSections = new Map<string, string>();

/** "Westmere ILACS inspection, published 12 March 2024": the report, and when. */
function citedReport(item: CitationFields): string {
  const last = lastReport;
  if (last && last.kind === item.reportKind && last.authority === item.authority && last.fileName === item.reportFileName && last.date === item.reportDate && last.dateKind === item.reportDateKind) return last.cited;
  const kind = kindCitation(item.reportKind);
  let cited = item.authority ? `${item.authority} ${kind}` : `${item.reportFileName} (${kind})`;
  if (item.reportDate) {
    // Letters are dated; reports are published; when only the inspection dates are known, say so.
    const letter = isVisitLetter(item.reportKind) || item.reportKind === 'committee-paper';
    const verb = item.reportDateKind === 'inspection' ? (letter ? 'visit ended' : 'inspection ended') : letter ? 'dated' : 'published';
    cited += `, ${verb} ${longDate(item.reportDate)}`;
  }
  lastReport = { kind: item.reportKind, authority: item.authority, fileName: item.reportFileName, date: item.reportDate, dateKind: item.reportDateKind, cited };
  return cited;
}

function cleanSection(title: string): string {
  let clean = cleanSections.get(title);
  if (clean === undefined) {
    if (cleanSections.size >= 10_000) cleanSections.clear();
    clean = title.replace(/\s+/g, ' ').trim();
    cleanSections.set(title, clean);
  }
  return clean;
}

/** The passage and its citation, as pasted by "copy with citation". */
export function formatQuoteWithCitation(item: CitationFields & Pick<EvidenceItem, 'quote'>): string {
  return `“${item.quote.replace(/\s+/g, ' ').trim()}” (${formatCitation(item)})`;
}
