// Markup other converters leave in report text: `**bold**`, HTML tags (`<p>`, `<li>`, `<strong>`),
// HTML entities. They are blanked to spaces in place, so the line keeps its length and every column is
// still a column of the original text (tags anchor on offsets into it); a mask says which spaces were
// markup, so they never count as a column gap or a word break.

/** Characters that can start markup: most lines have none. */
const MAY_HOLD_MARKUP = /\*\*|<|&[#a-z]/i;
const TAG = /<\/?(?:p|li|ul|ol|br|strong|b|em|i|span|div|h[1-6]|td|tr|th|table|tbody|thead)\b[^<>]{0,80}>/gi;
const ENTITY = /&(?:amp|lt|gt|quot|apos|nbsp|ndash|mdash|lsquo|rsquo|ldquo|rdquo|#\d{2,5}|#x[0-9a-f]{2,4});/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"' };

export interface Unmarked {
  /** Same length as the input. */
  text: string;
  /** 1 where a character was markup, now blanked; undefined when the line had none. */
  mask?: Uint8Array;
}

function entityChar(entity: string): string {
  const body = entity.slice(1, -1).toLowerCase();
  if (body.startsWith('#x')) return String.fromCharCode(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCharCode(Number(body.slice(1)));
  return NAMED[body] ?? ' ';
}

export function blankMarkup(line: string): Unmarked {
  if (!MAY_HOLD_MARKUP.test(line)) return { text: line };
  const chars = line.split('');
  let mask: Uint8Array | undefined;
  const blank = (from: number, to: number, keep?: string) => {
    mask ??= new Uint8Array(line.length);
    for (let k = from; k < to; k++) { chars[k] = ' '; mask[k] = 1; }
    // A list item's tag becomes a bullet; an entity becomes its character (the rest of it is markup).
    if (keep) { chars[from] = keep; mask[from] = 0; }
  };
  if (line.includes('**')) for (const m of line.matchAll(/\*\*/g)) blank(m.index, m.index + 2);
  if (line.includes('<')) {
    for (const m of line.matchAll(TAG)) blank(m.index, m.index + m[0].length, /^<li\b/i.test(m[0]) ? '-' : undefined);
  }
  if (line.includes('&')) for (const m of line.matchAll(ENTITY)) blank(m.index, m.index + m[0].length, entityChar(m[0]));
  return mask ? { text: chars.join(''), mask } : { text: line };
}

/** The text without its blanked markup (for reading words); columns are lost, so only for matching. */
export function withoutMarkup(text: string, mask: Uint8Array | undefined, from: number, to: number): string {
  if (!mask) return text.slice(from, to);
  let out = '';
  for (let k = from; k < to; k++) if (!mask[k]) out += text[k];
  return out;
}
