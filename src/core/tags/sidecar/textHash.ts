// The fingerprint of a report's text kept in its sidecar, which tells whether the report changed since its tags
// were anchored.

import { createHash } from 'node:crypto';

/** sha256 (hex) of the text as UTF-8: the value stored in a sidecar's report.textHash. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
