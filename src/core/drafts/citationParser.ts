// Finds the citations of a Markdown draft (see docs/citations.md) with remark's syntax tree, so that links in
// lists, tables, blockquotes and emphasis are found as Markdown reads them, and code is never taken for a link.
// Each citation gets the words it vouches for: the quotation right before the link in the same paragraph (or
// table cell), or, when the link ends a blockquote, the rest of that blockquote.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { DraftCitation, DraftRange } from './citationModel';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string;
  /** Of a reference link and of a definition: the label that joins them, normalised by the parser. */
  identifier?: string;
  children?: MdNode[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}

/** A run of the container's text as Markdown reads it, and where it came from in the draft. */
interface Segment {
  /** Offset of this run in the flattened text. */
  at: number;
  value: string;
  source: DraftRange;
}

interface Flattened {
  text: string;
  segments: Segment[];
  /** Offset in `text` where the citation link starts and ends. */
  linkAt: number;
  linkEnd: number;
}

const PHRASING_CONTAINERS = new Set(['paragraph', 'tableCell', 'heading']);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Between a closing quotation mark and the link: spaces, a full stop, comma or colon, an opening bracket, a dash. */
const GAP_BEFORE_LINK = /[\s.,;:(\u2013\u2014-]*$/;
/** After a link that ends a blockquote: closing punctuation only. */
const TRAILING_PUNCTUATION = /^[\s.,;:)\]]*$/;
const CLOSING_TO_OPENING: Record<string, string> = { '"': '"\u201C\u201E', '\u201D': '"\u201C\u201E', '\u2019': '\u2018' };

/** The `#tag=` fragment of a relative link, or undefined when the link is no citation. */
export function citationTarget(url: string): { reportPath: string; tag: string } | undefined {
  if (SCHEME.test(url) || url.startsWith('//')) return undefined;
  const hash = url.indexOf('#');
  if (hash < 0) return undefined;
  const tag = /(?:^|&)tag=([^&]*)/.exec(url.slice(hash + 1));
  if (!tag) return undefined;
  return { reportPath: decode(url.slice(0, hash)), tag: decode(tag[1]!).trim() };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function parseCitations(draft: string): DraftCitation[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(draft) as MdNode;
  const citations: DraftCitation[] = [];
  const ancestors: MdNode[] = [];
  // Reference-style links ("[Westmere 2025][w]" … "[w]: report.txt#tag=…") cite through their definition's target.
  const definitions = new Map<string, string>();
  collectDefinitions(tree, definitions);
  visit(tree);
  return citations;

  function visit(node: MdNode): void {
    const url = node.type === 'link' ? node.url : node.type === 'linkReference' && node.identifier !== undefined ? definitions.get(node.identifier) : undefined;
    if (url !== undefined && node.position) {
      const target = citationTarget(url);
      // The node itself (its place in the paragraph is found by identity), given its definition's target.
      node.url = url;
      if (target) citations.push(citationFor(draft, node, target, ancestors));
    }
    if (!node.children) return;
    ancestors.push(node);
    for (const child of node.children) visit(child);
    ancestors.pop();
  }
}

/** Each definition's target by its label; the first definition of a label wins, as in CommonMark. */
function collectDefinitions(node: MdNode, into: Map<string, string>): void {
  if (node.type === 'definition' && node.identifier !== undefined && node.url !== undefined && !into.has(node.identifier)) into.set(node.identifier, node.url);
  for (const child of node.children ?? []) collectDefinitions(child, into);
}

function citationFor(draft: string, link: MdNode, target: { reportPath: string; tag: string }, ancestors: readonly MdNode[]): DraftCitation {
  const range = rangeOf(link);
  const citation: DraftCitation = { target: link.url!, reportPath: target.reportPath, tag: target.tag, range, line: link.position!.start.line };
  const containerIndex = findLastIndex(ancestors, (a) => PHRASING_CONTAINERS.has(a.type));
  const container = ancestors[containerIndex];
  if (!container) return citation;
  const flat = flatten(container, link);
  const blockquote = ancestors[containerIndex - 1]?.type === 'blockquote' ? ancestors[containerIndex - 1]! : undefined;
  const quote = blockquote && endsBlockquote(blockquote, container, flat) ? blockquoteQuote(draft, blockquote, container, flat) : inlineQuote(draft, flat);
  if (quote) citation.quote = quote;
  return citation;
}

function endsBlockquote(blockquote: MdNode, container: MdNode, flat: Flattened): boolean {
  return blockquote.children![blockquote.children!.length - 1] === container && TRAILING_PUNCTUATION.test(flat.text.slice(flat.linkEnd));
}

/** `… “the quoted words” [label](target)`: the quotation ending right before the link. */
function inlineQuote(draft: string, flat: Flattened): DraftCitation['quote'] {
  const before = flat.text.slice(0, flat.linkAt);
  const close = before.length - GAP_BEFORE_LINK.exec(before)![0].length - 1;
  const openers = CLOSING_TO_OPENING[before[close] ?? ''];
  if (close < 0 || !openers) return undefined;
  const open = openingMark(before, close, openers);
  if (open < 0) return undefined;
  return { text: before.slice(open + 1, close), range: { start: sourceOffset(draft, flat, open), end: sourceOffset(draft, flat, close) + 1 }, style: 'inline' };
}

/**
 * The mark opening the quotation that `close` ends. Curly double quotes nest ("“… “never available” …”": the
 * whole quotation, not its last inner one), and a straight quote inside them is an inner quote, not the opening;
 * a straight closing quote pairs with the nearest opening mark, as straight quotes cannot nest.
 */
function openingMark(before: string, close: number, openers: string): number {
  if (before[close] !== '\u201D') {
    let open = close - 1;
    while (open >= 0 && !openers.includes(before[open]!)) open--;
    return open;
  }
  let depth = 0;
  for (let at = close - 1; at >= 0; at--) {
    const c = before[at];
    if (c === '\u201D') depth++;
    else if (c === '\u201C' || c === '\u201E') {
      if (depth === 0) return at;
      depth--;
    }
  }
  // No curly opening mark: a straight one may open it ("… ”), as a careless or converted draft has it.
  return before.lastIndexOf('"', close - 1);
}

/** A blockquote the link ends: every word of it before the link, without enclosing quotation marks or a dash. */
function blockquoteQuote(draft: string, blockquote: MdNode, container: MdNode, flat: Flattened): DraftCitation['quote'] {
  const earlier = blockquote.children!.filter((c) => c !== container).map((c) => flatten(c).text);
  const own = flat.text.slice(0, flat.linkAt).replace(/[\s,;:(\u2013\u2014-]+$/, '');
  let text = [...earlier, own].join('\n').replace(/[\s,;:(\u2013\u2014-]+$/, '');
  const trimmed = text.trim();
  const first = trimmed[0] ?? '';
  const last = trimmed[trimmed.length - 1] ?? '';
  if (CLOSING_TO_OPENING[last]?.includes(first) && trimmed.length > 1) text = trimmed.slice(1, -1);
  if (!text.trim()) return undefined;
  const start = rangeOf(blockquote.children![0]!).start;
  // The quote ends with its last word: in this paragraph, or in the one before when the link stands alone.
  const end = own ? sourceOffset(draft, flat, own.length - 1) + 1 : rangeOf(blockquote.children![blockquote.children!.length - 2] ?? container).end;
  return { text, range: { start, end }, style: 'blockquote' };
}

/** The container's text as read (escapes resolved, `>` markers gone), with the link's place in it. */
function flatten(container: MdNode, link?: MdNode): Flattened {
  const segments: Segment[] = [];
  let text = '';
  let linkAt = -1;
  let linkEnd = -1;
  add(container);
  return { text, segments, linkAt: linkAt < 0 ? text.length : linkAt, linkEnd: linkEnd < 0 ? text.length : linkEnd };

  function add(node: MdNode): void {
    if (node === link) linkAt = text.length;
    if (node.type === 'text' || node.type === 'inlineCode') push(node.value ?? '', node);
    else if (node.type === 'break') push('\n', node);
    else if (node.type === 'image') push(node.alt ?? '', node);
    for (const child of node.children ?? []) add(child);
    // Paragraphs of a blockquote read as separate lines.
    if (node !== container && PHRASING_CONTAINERS.has(node.type)) push('\n', node);
    if (node === link) linkEnd = text.length;
  }

  function push(value: string, node: MdNode): void {
    segments.push({ at: text.length, value, source: rangeOf(node) });
    text += value;
  }
}

/** The draft offset of a position in the flattened text: walks the run's source, skipping what Markdown removed. */
function sourceOffset(draft: string, flat: Flattened, at: number): number {
  const segment = findLast(flat.segments, (s) => s.at <= at && (at < s.at + s.value.length || s.value.length === 0)) ?? findLast(flat.segments, (s) => s.at <= at);
  if (!segment) return 0;
  let source = segment.source.start;
  for (let k = 0; k < at - segment.at && source < segment.source.end; k++) {
    const char = segment.value[k];
    while (source < segment.source.end && draft[source] !== char) source++;
    source++;
  }
  if (at - segment.at >= segment.value.length) return segment.source.end;
  // Land on the character itself, not on markup before it.
  const char = segment.value[at - segment.at];
  while (source < segment.source.end && draft[source] !== char) source++;
  return Math.min(source, segment.source.end);
}

function rangeOf(node: MdNode): DraftRange {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  const i = findLastIndex(items, test);
  return i < 0 ? undefined : items[i];
}
