// Importing a PDF over a text that already has tags: the tags are found again in the new text with the
// shared re-anchoring (reanchorTags), moved tags get their place in the report recorded again, and the
// sidecar's report records the new text's hash and where it came from.

import { analyseReport } from '../recognition/analyse';
import { reanchorTags, type ReanchorTagResult } from '../tags/anchoring/reanchoring';
import { tagContext } from '../tags/anchoring/tagContext';
import type { Sidecar, Tag } from '../tags/sidecar/sidecarModel';
import type { ImportProvenance } from './provenance';

export interface ReimportSummary {
  summary: { stayed: number; moved: number; orphaned: number };
  results: ReanchorTagResult[];
  /** The quotes of the tags that could not be found again (kept in the sidecar, to re-attach or delete). */
  orphanedQuotes: { id: string; quote: string }[];
}

/** The sidecar for the new text, and what happened to each tag. */
export function reanchorForImport(sidecar: Sidecar, text: string, textHash: string, source: ImportProvenance): { sidecar: Sidecar; outcome: ReimportSummary } {
  const { tags, summary, results } = reanchorTags(sidecar.tags, text);
  const model = summary.moved > 0 ? analyseReport(text) : undefined;
  const placed: Tag[] = tags.map((tag, i) => {
    if (results[i]?.status !== 'moved' || !model) return tag;
    const { context: _stale, ...rest } = tag;
    const context = tagContext(model, tag.anchor.position);
    return Object.keys(context).length > 0 ? { ...rest, context } : rest;
  });
  const orphanedQuotes = placed.filter((_, i) => results[i]?.status === 'orphaned').map((t) => ({ id: t.id, quote: t.anchor.quote.exact }));
  // `source` is an optional report field of the sidecar format (docs/sidecar-format.md); readers keep it.
  const report = { ...sidecar.report, textHash, source };
  return { sidecar: { ...sidecar, report, tags: placed }, outcome: { summary, results, orphanedQuotes } };
}
