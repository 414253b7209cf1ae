// The one-line description of a recognised report (status bar) and its longer tooltip.

import type { ReportModel } from '../recognition/model';
import { areaLabel, gradeLabel, reportTitle, LIST_ITEM_WORDS, OWNER_WORDS } from '../vocabulary/labels';

export interface ReportSummary {
  /** e.g. "ILACS inspection report · Westmere". */
  short: string;
  /** Several lines: kind, authority, dates, overall grade, counts. */
  details: string[];
}

export function summariseReport(model: ReportModel): ReportSummary {
  const md = model.metadata;
  const kind = reportTitle(model.kind, model.metadata);
  const short = md.authority ? `${kind} · ${md.authority}` : kind;
  const details = [kind];
  if (md.authority) details.push(`Authority: ${md.authority}`);
  if (md.inspectionDates) details.push(`Dates: ${md.inspectionDates.text}`);
  else if (md.publishedDate) details.push(`Published: ${md.publishedDate}`);
  const overall = model.judgements.find((j) => j.area === 'overall');
  if (overall) details.push(`${areaLabel('overall')}: ${gradeLabel(overall.grade)}`);
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  // The local authority's areas for improvement are what it must act on; the board's (SIF) are counted apart.
  const councils = model.improvements.filter((i) => i.owner === 'local-authority').length;
  const boards = model.improvements.length - councils;
  const improvements = LIST_ITEM_WORDS.improvement;
  details.push(
    [
      plural(model.judgements.length, 'judgement', 'judgements'),
      plural(councils, improvements.phrase, improvements.plural) + (boards > 0 ? ` + ${boards} for the ${OWNER_WORDS.lscb.short}` : ''),
      ...(model.strengths.length > 0 ? [plural(model.strengths.length, LIST_ITEM_WORDS.strength.phrase, LIST_ITEM_WORDS.strength.plural)] : []),
      plural(model.paragraphs.length, 'numbered paragraph', 'numbered paragraphs'),
    ].join(', '),
  );
  return { short, details };
}
