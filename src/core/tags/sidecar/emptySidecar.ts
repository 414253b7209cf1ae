// A new, empty tags file for a report.

import { SIDECAR_FORMAT, SIDECAR_VERSION, type Sidecar } from './sidecarModel';

export function emptySidecar(reportFileName: string, textHash: string, report: Omit<Sidecar['report'], 'fileName' | 'textHash'> = {}): Sidecar {
  return { format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName: reportFileName, textHash, ...report }, tags: [] };
}
