// JSON: the evidence set as data, wrapped with a format name and version (schemas/evidence.schema.json).

import type { EvidenceSet } from '../evidence/evidenceModel';

export const EVIDENCE_FORMAT = 'inspection-report-annotator/evidence';
export const EVIDENCE_VERSION = 1;

export interface EvidenceDocument extends EvidenceSet {
  format: typeof EVIDENCE_FORMAT;
  version: number;
}

export function exportJson(set: EvidenceSet): string {
  const document: EvidenceDocument = { format: EVIDENCE_FORMAT, version: EVIDENCE_VERSION, ...set };
  return JSON.stringify(document, null, 2) + '\n';
}
