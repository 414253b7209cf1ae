// Whether a document is a report: always when the user (or the file name) chose the report language;
// for plain text and Markdown only when the engine recognises the opening as a known kind, so every
// other .txt or .md file is left alone. Detection reads only the start of the text: the kind is
// decided by the opening lines, and a large unrelated file must not cost a full analysis.

import type { ReportKind } from './model';

export const REPORT_LANGUAGE = 'inspection-report';
export const AUTO_DETECT_LANGUAGES: readonly string[] = ['plaintext', 'markdown'];

/** Characters of the opening read to recognise the kind (a title page, address block and first paragraphs). */
export const DETECTION_SAMPLE_CHARS = 12_000;

/** The start of the text, cut at a line end so that no heading is read half-way. */
export function detectionSample(text: string, maxChars = DETECTION_SAMPLE_CHARS): string {
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf('\n', maxChars);
  return text.slice(0, cut > 0 ? cut : maxChars);
}

/** `recognise` is only called when the language allows detection: it is the costly part. */
export function isReportDocument(languageId: string, autoDetect: boolean, recognise: () => ReportKind): boolean {
  if (languageId === REPORT_LANGUAGE) return true;
  if (!autoDetect || !AUTO_DETECT_LANGUAGES.includes(languageId)) return false;
  return recognise() !== 'unknown';
}
