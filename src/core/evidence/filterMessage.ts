// A filter as it arrives from the Evidence webview or a command's arguments: untrusted JSON. Only well-formed
// fields are kept (non-empty strings, ISO dates), so a bad message narrows nothing rather than failing.

import type { EvidenceFilter } from './evidenceModel';

/** The filter as the core expects it, whatever the webview sent. */
export function sanitiseFilter(raw: unknown): EvidenceFilter {
  const f = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : []);
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const out: EvidenceFilter = {};
  const themeIds = strings(f.themeIds);
  if (themeIds.length) out.themeIds = themeIds;
  if (typeof f.authority === 'string' && f.authority !== '') out.authority = f.authority;
  const kinds = strings(f.kinds);
  if (kinds.length) out.kinds = kinds as EvidenceFilter['kinds'];
  const grades = strings(f.grades);
  if (grades.length) out.grades = grades as EvidenceFilter['grades'];
  const since = date(f.since);
  const until = date(f.until);
  if (since) out.since = since;
  if (until) out.until = until;
  return out;
}
