// The built-in codebook: themes QA officers and self-evaluation authors look for in inspections of
// children's services. The data lives in defaultCodebook.json, written in the same format as a
// workspace `.inspection-codebook.json` (mode "replace"), so it is checked by the same schema and code.

import type { Codebook } from './codebookModel';
import { readCodebookFile } from './codebookFile';
import { cloneCodebook, resolveCodebook } from './codebookResolve';
import defaultCodebookData from './defaultCodebook.json';

/** The built-in codebook as a workspace-file value, for tools that show or export it. */
export const DEFAULT_CODEBOOK_DATA: unknown = defaultCodebookData;

let cached: Codebook | undefined;

/** A fresh copy of the built-in codebook; callers may change it. */
export function defaultCodebook(): Codebook {
  cached ??= resolveCodebook({ groups: [] }, readCodebookFile(defaultCodebookData)).codebook;
  return cloneCodebook(cached);
}
