// The footnote text of each citation when a draft is rendered for publication: the cited report's title, who
// wrote it, what kind it is, its date, the numbered paragraph, section and page the passage sits in now (the
// report is analysed as it is today), and optionally the passage's words. A citation that does not hold says so instead of vouching.

import * as path from 'node:path';
import type { CitationCheck } from './citationModel';
import { citedReportPath, type DraftSources } from './draftSources';
import { pageAt } from './reportPages';
import { type CitationFields, formatCitation } from '../evidence/citation';
import { inertMarkdown } from '../exports/markdownText';
import { analyseReport } from '../recognition/analyse';
import type { ReportModel } from '../recognition/model';
import { tagContext } from '../tags/anchoring/tagContext';
import type { Sidecar } from '../tags/sidecar/sidecarModel';

/** Whether a note repeats the cited passage's words after the reference. */
export type FootnoteQuote = 'passage' | 'none';

export interface Footnote {
  /** 1-based; citations of the same tag share a number. */
  number: number;
  /** The note's text as inline Markdown (report words made inert). */
  markdown: string;
  /** False when the citation's status is not `ok`: the note says what is wrong instead. */
  holds: boolean;
}

interface ReportFacts {
  /** The report's text now, for the page a passage is on. */
  text?: string;
  model?: ReportModel;
  sidecar?: Sidecar;
}

/** One footnote per check, in the draft's order; a tag cited twice gets its first number again. */
export async function draftFootnotes(checks: readonly CitationCheck[], draftPath: string, sources: DraftSources, quote: FootnoteQuote): Promise<Footnote[]> {
  const reports = new Map<string, Promise<ReportFacts>>();
  const numbers = new Map<string, number>();
  const notes: Footnote[] = [];
  let next = 1;
  for (const check of checks) {
    const absolute = citedReportPath(draftPath, check.citation.reportPath);
    // Only a citation that holds is merged with others: each broken one keeps its own message.
    const key = check.status === 'ok' ? `${absolute}#${check.citation.tag}` : `#${notes.length}`;
    const known = numbers.get(key);
    if (known !== undefined) {
      notes.push({ ...notes.find((n) => n.number === known)!, number: known });
      continue;
    }
    numbers.set(key, next);
    let facts: Promise<ReportFacts> | undefined = Promise.resolve({});
    // Only a citation the checker found a passage for is worth analysing its report for.
    if (check.passage) {
      facts = reports.get(absolute);
      if (!facts) reports.set(absolute, (facts = readFacts(absolute, sources)));
    }
    notes.push({ number: next++, markdown: noteText(check, await facts, quote), holds: check.status === 'ok' });
  }
  return notes;
}

async function readFacts(reportPath: string, sources: DraftSources): Promise<ReportFacts> {
  const text = await sources.readReport(reportPath);
  const sidecar = await sources.readSidecar(reportPath);
  return { ...(text.ok ? { text: text.value, model: analyseReport(text.value) } : {}), ...(sidecar.ok && sidecar.value ? { sidecar: sidecar.value } : {}) };
}

function noteText(check: CitationCheck, facts: ReportFacts, quote: FootnoteQuote): string {
  const passage = check.passage;
  if (check.status !== 'ok' || !passage) {
    return `**Citation not verified (${check.status}):** ${inertMarkdown(check.message)} (${inertMarkdown(check.citation.target)})`;
  }
  const reference = referenceText(check, facts);
  return quote === 'passage' ? `${reference}: “${inertMarkdown(passage.text)}”` : `${reference}.`;
}

/** "*Title*, Ashcombe focused visit, dated …, para 3, section '…', p. 2": the title and page only when known. */
function referenceText(check: CitationCheck, facts: ReportFacts): string {
  const title = facts.model?.metadata.title?.trim();
  const page = facts.text === undefined ? undefined : pageAt(facts.text, check.passage!.start);
  const cited = formatCitation(citationFields(check, facts)) + (page === undefined ? '' : `, p. ${page}`);
  return (title ? `*${inertMarkdown(title)}*, ` : '') + inertMarkdown(cited);
}

/** The report's facts as recognised now, falling back to what its tags file recorded. */
function citationFields(check: CitationCheck, facts: ReportFacts): CitationFields {
  const passage = check.passage!;
  const { model, sidecar } = facts;
  const meta = model?.metadata;
  const context = model ? tagContext(model, passage) : {};
  const inspected = meta?.inspectionDates?.end ?? meta?.inspectionDates?.start;
  const date = meta?.publishedDate
    ? { reportDate: meta.publishedDate, reportDateKind: 'published' as const }
    : inspected
      ? { reportDate: inspected, reportDateKind: 'inspection' as const }
      : sidecar?.report.date
        ? { reportDate: sidecar.report.date }
        : {};
  const kind = model && model.kind !== 'unknown' ? model.kind : (sidecar?.report.kind ?? 'unknown');
  const authority = meta?.authority ?? sidecar?.report.authority;
  const grade = context.grade ?? (context.judgementArea ? model?.judgements.find((j) => j.area === context.judgementArea)?.grade : undefined);
  // A committee paper numbers paragraphs by section ("2.3"): cite the number as printed.
  const printed = model?.paragraphs.find((p) => p.range.start <= passage.start && passage.start < p.range.end)?.label;
  return {
    reportKind: kind,
    ...(authority ? { authority } : {}),
    ...date,
    reportFileName: path.basename(passage.reportPath),
    ...(context.paragraph !== undefined ? { paragraph: context.paragraph } : {}),
    ...(printed !== undefined ? { paragraphLabel: printed } : {}),
    ...(context.section !== undefined ? { section: context.section } : {}),
    ...(context.sectionRole !== undefined ? { sectionRole: context.sectionRole } : {}),
    ...(grade !== undefined ? { grade } : {}),
    orphaned: false,
  };
}
