// Settling a disagreement between two coders: the moderated result is written as a third coder ("agreed"), as
// tags of its own beside the two coders' tags, which are never changed or deleted (the moderation stays auditable).
// A decision covers the whole passage in dispute: every tag of either coder with the theme that overlaps the
// disagreement, and every tag overlapping those, so settling "; plans drift" settles the sentence it belongs to.

import { createAnchor } from '../tags/anchoring/anchorCreation';
import { needsReanchoring, reanchorTags } from '../tags/anchoring/reanchoring';
import type { Sidecar, Tag } from '../tags/sidecar/sidecarModel';
import { textHash } from '../tags/sidecar/textHash';
import type { Span } from './codedRanges';

/** The coder the settled result is written as, unless the caller names another. */
export const AGREED_CODER = 'agreed';

/**
 * accept-a / accept-b: the agreed coding is that coder's tags of the passage (none, if that coder left it uncoded);
 * keep-both: both coders' tags, each kept as its own agreed tag; mark-agreed: one agreed tag over the whole passage
 * either coder coded (the difference is settled as coded).
 */
export type SettleDecision = 'accept-a' | 'accept-b' | 'keep-both' | 'mark-agreed';
export const SETTLE_DECISIONS: readonly SettleDecision[] = ['accept-a', 'accept-b', 'keep-both', 'mark-agreed'];

export interface SettleRequest {
  coderA: string;
  coderB: string;
  themeId: string;
  /** The disagreement's passage (UTF-16 offsets in `text`). */
  start: number;
  end: number;
  decision: SettleDecision;
  /** Defaults to AGREED_CODER; must differ from both coders. */
  agreedCoder?: string;
}

export interface SettleOptions {
  /** Defaults to the current time; tests pass a fixed one. */
  now?: string;
  /** Defaults to a random UUID. */
  newId?: () => string;
}

export interface Settlement {
  sidecar: Sidecar;
  /** The agreed tags written (empty when the decision leaves the passage uncoded or it is coded so already). */
  added: Tag[];
  /** The passage the decision covered. */
  passage: Span;
  /** One sentence for the user: what was written. */
  message: string;
}

export class SettleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettleError';
  }
}

/** The sidecar with the settled result added as the agreed coder's tags; the input is not changed. */
export function settleDisagreement(sidecar: Sidecar, text: string, request: SettleRequest, options: SettleOptions = {}): Settlement {
  const agreed = request.agreedCoder ?? AGREED_CODER;
  if (agreed === request.coderA || agreed === request.coderB) throw new SettleError(`The settled result cannot be written as "${agreed}": that is one of the two coders being compared. Compare two other coders.`);
  if (!(request.end > request.start)) throw new SettleError(`A disagreement needs a passage: ${request.start} to ${request.end} is empty.`);
  // Tags anchored to an older text are found again in this one first, as opening the report would.
  const hash = textHash(text);
  const tags = needsReanchoring(sidecar, text, hash) ? reanchorTags(sidecar.tags, text).tags : sidecar.tags;
  const inTheme = (coder: string) => tags.filter((t) => t.author === coder && !t.orphaned && t.themes.some((th) => th.id === request.themeId));
  const disputed = disputedTags([...inTheme(request.coderA), ...inTheme(request.coderB)], { start: request.start, end: request.end });
  if (disputed.length === 0) throw new SettleError('Neither coder has a tag with this theme on the passage any more: the tags changed since the view was drawn. Refresh and try again.');
  const passage = { start: Math.min(...disputed.map((t) => t.anchor.position.start)), end: Math.max(...disputed.map((t) => t.anchor.position.end)) };
  const theme = disputed[0]!.themes.find((th) => th.id === request.themeId)!;
  const chosen = agreedSpans(disputed, request, passage, text);
  const existing = new Set(inTheme(agreed).map((t) => `${t.anchor.position.start}:${t.anchor.position.end}`));
  const now = options.now ?? new Date().toISOString();
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const added: Tag[] = [];
  for (const c of chosen) {
    const key = `${c.start}:${c.end}`;
    // Settling the same passage twice the same way writes it once.
    if (existing.has(key)) continue;
    existing.add(key);
    const anchor = c.from ? c.from.anchor : createAnchor(text, c.start, c.end);
    const context = c.from?.context ?? disputed[0]!.context;
    added.push({
      id: newId(),
      themes: [{ id: theme.id, label: theme.label }],
      ...(c.from?.note ? { note: c.from.note } : {}),
      author: agreed,
      created: now,
      modified: now,
      anchor,
      ...(context ? { context } : {}),
    });
  }
  return { sidecar: { ...sidecar, report: { ...sidecar.report, textHash: hash }, tags: [...tags, ...added] }, added, passage, message: settleMessage(request, agreed, theme.label, chosen.length, added.length) };
}

/** Takes the agreed tags a settlement wrote out again (undo), by id; the coders' own tags are untouched. */
export function undoSettlement(sidecar: Sidecar, addedIds: readonly string[]): { sidecar: Sidecar; removed: number } {
  const ids = new Set(addedIds);
  const tags = sidecar.tags.filter((t) => !ids.has(t.id));
  return { sidecar: { ...sidecar, tags }, removed: sidecar.tags.length - tags.length };
}

/**
 * Whether a disagreement has been settled: the agreed coder has coded, with its theme, some of the passage in dispute
 * around it (the same passage a decision covers, so accepting the shorter of two tags settles the longer's rest too).
 */
export function isSettled(tags: readonly Tag[], disagreement: Omit<SettleRequest, 'decision'>): boolean {
  const agreed = disagreement.agreedCoder ?? AGREED_CODER;
  const ofTheme = (t: Tag) => !t.orphaned && t.themes.some((th) => th.id === disagreement.themeId);
  const disputed = disputedTags(tags.filter((t) => ofTheme(t) && (t.author === disagreement.coderA || t.author === disagreement.coderB)), disagreement);
  const region = disputed.length === 0 ? disagreement : { start: Math.min(...disputed.map((t) => t.anchor.position.start)), end: Math.max(...disputed.map((t) => t.anchor.position.end)) };
  return tags.some((t) => t.author === agreed && ofTheme(t) && t.anchor.position.start < region.end && t.anchor.position.end > region.start);
}

/** The tags overlapping the disagreement, and transitively those overlapping them: the passage in dispute. */
function disputedTags(tags: readonly Tag[], around: Span): Tag[] {
  const region = { ...around };
  const taken = new Set<Tag>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of tags) {
      const p = t.anchor.position;
      if (taken.has(t) || !(p.start < region.end && p.end > region.start)) continue;
      taken.add(t);
      region.start = Math.min(region.start, p.start);
      region.end = Math.max(region.end, p.end);
      grew = true;
    }
  }
  return tags.filter((t) => taken.has(t));
}

interface ChosenSpan extends Span {
  /** The coder's tag it copies (anchor, note, context); absent for a passage made from several tags. */
  from?: Tag;
}

function agreedSpans(disputed: readonly Tag[], request: SettleRequest, passage: Span, text: string): ChosenSpan[] {
  const of = (coder: string) => disputed.filter((t) => t.author === coder).map((t) => ({ start: t.anchor.position.start, end: t.anchor.position.end, from: t }));
  switch (request.decision) {
    case 'accept-a':
      return of(request.coderA);
    case 'accept-b':
      return of(request.coderB);
    case 'keep-both':
      return [...of(request.coderA), ...of(request.coderB)];
    case 'mark-agreed': {
      const single = disputed.find((t) => t.anchor.position.start === passage.start && t.anchor.position.end === passage.end);
      if (single) return [{ ...passage, from: single }];
      // Anchored afresh so its quote is the whole passage; whitespace at the edges is not coded (as when tagging).
      let { start, end } = passage;
      while (start < end && /\s/u.test(text[start]!)) start++;
      while (end > start && /\s/u.test(text[end - 1]!)) end--;
      return [{ start, end }];
    }
  }
}

function settleMessage(request: SettleRequest, agreed: string, label: string, chosen: number, added: number): string {
  if (chosen === 0) {
    const who = request.decision === 'accept-a' ? request.coderA : request.coderB;
    return `Settled: ${who} did not code this passage with ${label}, so the ${agreed} coding leaves it uncoded; nothing was written.`;
  }
  if (added === 0) return `Already settled: the ${agreed} coding has this passage with ${label}; nothing new was written.`;
  return `Settled: ${added} ${agreed} tag${added === 1 ? '' : 's'} with ${label} written; ${request.coderA}'s and ${request.coderB}'s tags are kept.`;
}
