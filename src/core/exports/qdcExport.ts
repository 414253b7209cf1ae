// REFI-QDA codebook (.qdc): the workspace codebook alone, for QDA tools to import before coding.
// Cues have no place in the standard and are not exported.

import type { Codebook } from '../tags/codebook/codebookModel';
import { codebookCodes, codesXml } from './refiCodes';

export const QDA_CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export function exportQdc(codebook: Codebook): string {
  // The standard requires at least one Code; an empty file would be rejected on import anyway.
  if (codebook.groups.length === 0) throw new Error('The codebook has no theme groups, so there is nothing to export.');
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<CodeBook xmlns="${QDA_CODEBOOK_NAMESPACE}" origin="Inspection Report Annotator">\n` +
    `${codesXml(codebookCodes(codebook), '  ')}\n` +
    `</CodeBook>\n`
  );
}
