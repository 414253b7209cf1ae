// Dates as reports print them ("15 to 26 May 2023", "9 July 2018 to 20 July 2018", "3 and 4 December 2024").
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_SHORT = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\b/;

function monthIndex(word: string): number {
  const w = word.toLowerCase();
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full;
  const m = MONTH_SHORT.exec(w);
  return m ? MONTHS.findIndex((name) => name.startsWith(m[1]!.slice(0, 3))) : -1;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 0 || d < 1 || d > 31 || y < 1990 || y > 2100) return undefined;
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** One date ("13 June 2017", "13th June 2017"), as ISO. */
export function parseDate(text: string): string | undefined {
  const m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  return m ? iso(Number(m[3]), monthIndex(m[2]!), Number(m[1])) : undefined;
}

/** A date range: days, months and years missing from the first date come from the last one. */
export function parseDateRange(text: string): { start?: string; end?: string } {
  const parts: { d: number; m: number; y: number }[] = [];
  const re = /\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?)?(?:,?\s+(\d{4}))?\b/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const month = m[2] ? monthIndex(m[2]) : -1;
    if (m[2] && month < 0) continue;
    parts.push({ d: Number(m[1]), m: month, y: m[3] ? Number(m[3]) : -1 });
    if (parts.length > 4) break;
  }
  if (parts.length === 0) return {};
  const last = parts[parts.length - 1]!;
  if (last.m < 0 || last.y < 0) return {};
  let month = last.m;
  let year = last.y;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p.m < 0) p.m = month;
    // "28 December to 10 January 2020": an earlier, later-numbered month belongs to the year before.
    if (p.y < 0) p.y = p.m > month ? year - 1 : year;
    month = p.m;
    year = p.y;
  }
  const first = parts[0]!;
  const start = iso(first.y, first.m, first.d);
  const end = iso(last.y, last.m, last.d);
  const out: { start?: string; end?: string } = {};
  if (start) out.start = start;
  if (end) out.end = end;
  return out;
}
