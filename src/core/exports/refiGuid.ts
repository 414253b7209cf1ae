// REFI-QDA identifies everything by GUID (UUID text form). Ours are derived from stable names
// (name-based, UUID version 5 layout over SHA-1), so exporting the same evidence twice gives the same
// project, and a code keeps its GUID across exports of one codebook.

import { createHash } from 'node:crypto';

const NAMESPACE = 'inspection-report-annotator/refi-qda';

export function stableGuid(...parts: string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update('\u0000').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
