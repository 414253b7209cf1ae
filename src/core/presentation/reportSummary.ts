// The one-line description of a recognised report (status bar) and its longer tooltip.

import type { ReportModel } from '../recognition/model';
import { areaLabel, gradeLabel, kindTitle } from '../vocabulary/labels';

export interface ReportSummary {
  /** e.g. "ILACS inspection report · Westmere". */
  short: string;
  /** Several lines: kind, authority, dates, overall grade, counts. */
  details: string[];
}

export function summariseReport(model: ReportModel): ReportSummary {
  const md = model.metadata;
  const kind = kindTitle(model.kind);
  const short = md.authority ? `${kind} · ${md.authority}` : kind;
  const details = [kind];
  if (md.authority) details.push(`Authority: ${md.authority}`);
  if (md.inspectionDates) details.push(`Dates: ${md.inspectionDates.text}`);
  else if (md.publishedDate) details.push(`Published: ${md.publishedDate}`);
  const overall = model.judgements.find((j) => j.area === 'overall');
  if (overall) details.push(`${areaLabel('overall')}: ${gradeLabel(overall.grade)}`);
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  details.push(
    [
      plural(model.judgements.length, 'judgement', 'judgements'),
      plural(model.improvements.length, 'area for improvement', 'areas for improvement'),
      plural(model.paragraphs.length, 'numbered paragraph', 'numbered paragraphs'),
    ].join(', '),
  );
  return { short, details };
}
