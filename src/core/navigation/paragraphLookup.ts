// "Go to Paragraph": the numbered paragraph a reader asks for by the number the report prints ("87", or "2.3" in a
// committee paper numbered by section), written as they would cite it ("para 87", "¶ 2.3", "paragraph 12."). A SIF
// report numbers its areas for improvement and strengths in the same sequence, so a numbered item is found too.

import { paragraphLabel } from '../recognition/model';
import type { Range, ReportModel } from '../recognition/model';

export interface ParagraphFound {
  /** As the report prints it: "87", "2.3". */
  label: string;
  range: Range;
  line: number;
}

export type ParagraphLookup = { found: ParagraphFound } | { problem: string };

/** "para 2.3" / "¶2.3" / "paragraph 87." -> "2.3" / "87"; undefined when the words are no paragraph number. */
export function paragraphQuery(query: string): string | undefined {
  const m = /^\s*(?:¶|§|paras?\.?|paragraphs?)?\s*(\d{1,3}(?:\.\d{1,2})?)\.?\s*$/i.exec(query);
  // "02.3" is "2.3": a number's leading zeros are not part of how it is cited.
  return m ? m[1]!.split('.').map((part) => String(Number(part))).join('.') : undefined;
}

/** The paragraph (or numbered list item) the query names, or why there is none. */
export function findParagraph(model: ReportModel, query: string): ParagraphLookup {
  const wanted = paragraphQuery(query);
  if (wanted === undefined) {
    return { problem: `"${query.trim()}" is not a paragraph number. Type the number the report prints, for example ${example(model)}.` };
  }
  const paragraph = model.paragraphs.find((p) => paragraphLabel(p) === wanted);
  if (paragraph) return { found: { label: wanted, range: paragraph.range, line: paragraph.line } };
  const item = [...model.improvements, ...model.strengths].find((i) => i.number !== undefined && String(i.number) === wanted);
  if (item) return { found: { label: wanted, range: item.range, line: item.line } };
  return { problem: `This report has no paragraph ${wanted}. ${numberingSummary(model)}` };
}

/** "Its numbered paragraphs run from 1.1 to 5.1 (11 of them)." or that it numbers none. */
function numberingSummary(model: ReportModel): string {
  const { paragraphs } = model;
  if (paragraphs.length === 0) return 'It has no numbered paragraphs that were recognised.';
  const first = paragraphLabel(paragraphs[0]!);
  const last = paragraphLabel(paragraphs[paragraphs.length - 1]!);
  return paragraphs.length === 1 ? `Its one numbered paragraph is ${first}.` : `Its numbered paragraphs run from ${first} to ${last} (${paragraphs.length} of them).`;
}

function example(model: ReportModel): string {
  const p = model.paragraphs[Math.min(1, model.paragraphs.length - 1)];
  return p ? paragraphLabel(p) : '12';
}
