// Title, authority, dates, inspectors and addressee, read from the opening of the document.
import type { InspectionType, ReportKind, ReportMetadata } from './model';
import type { DocLine } from './documentLines';
import { parseDate, parseDateRange } from './dates';
import { isVisitLetter } from './reportKind';

const DATE_ONLY = /^\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4}$/;

export interface TitleBlock {
  /** Line indexes of the title (one or two lines, wrapped). */
  from: number;
  to: number;
  text: string;
}

function cleanText(line: DocLine): string {
  // Each replace runs only where its pattern can match ("#" first, "**" inside, a digit last): most lines need none.
  let text = line.info.clean;
  if (text.charCodeAt(0) === 35) text = text.replace(/^#{1,6}\s+/, '');
  if (text.includes('**')) text = text.replace(/\*\*/g, '');
  // Footnote digits glued to a word ("safeguarding children board1") are no part of the title.
  const end = text.charCodeAt(text.length - 1);
  if (end >= 48 && end <= 57) text = text.replace(/(?<=[a-z])\d$/, '');
  return text.trim();
}

/** The report's title lines: the first lines up to the dates line (reports) or the "… visit to …" line (letters). */
export function findTitle(lines: DocLine[], kind: ReportKind): TitleBlock | undefined {
  const limit = Math.min(lines.length, 120);
  if (isVisitLetter(kind) || kind === 'area-send') {
    for (let i = 0; i < limit; i++) {
      if (/^(?:focused visit (?:to|of) |monitoring visit (?:to|of) |area send inspection of )/.test(lines[i]!.info.lower.replace(/^#{1,6}\s+/, ''))) {
        let to = i;
        if (!/(?:services|partnership)$/.test(lines[i]!.info.lower) && i + 1 < lines.length && !lines[i + 1]!.info.blank && lines[i + 1]!.info.clean.length < 60) to = i + 1;
        return { from: i, to, text: joinClean(lines, i, to) };
      }
    }
  }
  let from = -1;
  for (let i = 0; i < limit; i++) {
    const info = lines[i]!.info;
    if (info.blank || info.footer) {
      if (from >= 0) return { from, to: i - 1, text: joinClean(lines, from, i - 1) };
      continue;
    }
    if (from < 0) {
      if (kind === 'committee-paper' || /^(?:ofsted|piccadilly gate|agora|www\.)/i.test(info.clean)) return undefined;
      from = i;
    }
    if (/^(?:inspection dates?|dates? of (?:inspection|visit)|report published|lead inspector)\b/i.test(info.clean) || i - from >= 8) {
      return i > from ? { from, to: i - 1, text: joinClean(lines, from, i - 1) } : undefined;
    }
  }
  return from >= 0 ? { from, to: from, text: joinClean(lines, from, from) } : undefined;
}

function joinClean(lines: DocLine[], from: number, to: number): string {
  const parts: string[] = [];
  for (let i = from; i <= to; i++) parts.push(cleanText(lines[i]!));
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The area as a reader cites it: "Lincolnshire County Council" is Lincolnshire. The council's own words
 * go ("County Council", "Metropolitan Borough Council", "MBC", a leading "the"); a name that is the
 * area's name keeps them ("Royal Borough of Greenwich", "London Borough of Hackney", "City of York").
 */
export function areaName(authority: string): string {
  const name = authority
    .replace(/^the\s+/i, '')
    .replace(/\s+(?:(?:metropolitan\s+)?(?:county|city|borough|district|metropolitan)\s+)*council$/i, '')
    .replace(/\s+(?:MBC|unitary authority)$/i, '')
    .trim();
  return name.length >= 3 ? name : authority;
}

/** A committee paper names the authority in its subject: "Ofsted Inspection of Lincolnshire Children's Services". */
const PAPER_AUTHORITY = /\b[Ii]nspection of (?:the )?([A-Z][\w'&-]*(?:(?: and| upon| on| of| the|-)? [A-Z][\w'&-]*){0,6}?)(?: [Ll]ocal [Aa]uthority)? [Cc]hildren's (?:[Ss]ocial [Cc]are )?[Ss]ervices\b/;

function authorityFrom(title: string, opening: string[]): string | undefined {
  const t = title.replace(/[’]/g, "'");
  const patterns = [
    /^inspection of (.+?) local authority children's services/i,
    /^inspection of (.+?(?:children's trust|children and families trust|trust))\b/i,
    /^(?:focused|monitoring) visit (?:to|of) (.+?)(?: local authority)? children's services/i,
    /^area send inspection of (.+?)(?: local area partnership|$)/i,
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (m) return m[1]!.trim();
  }
  // 2014-19 reports put the council's name above "Inspection of …", wrapped over two lines when long.
  const above = /^(?!(?:re-)?inspection of )(.{3,90}?) (?:re-)?inspection of (?:services for children|children's social care)/i.exec(t);
  if (above && !/inspection|review/i.test(above[1]!)) return above[1]!.trim();
  // Otherwise the first line, when the title block does not hold it.
  const first = opening[0];
  if (first && opening[1] && /^(?:re-)?inspection of /i.test(opening[1]) && !/inspection/i.test(first)) return first;
  return undefined;
}

/**
 * One week on site (Monday to Friday: at most 6 days from first to last) is a short ILACS inspection; two weeks
 * or more a standard one. Dates in two parts ("… and 14 to 15 February 2023") say nothing certain.
 */
function inspectionType(dates: NonNullable<ReportMetadata['inspectionDates']>): InspectionType | undefined {
  if (!dates.start || !dates.end || /\band\b/.test(dates.text)) return undefined;
  const days = (Date.parse(dates.end) - Date.parse(dates.start)) / 86_400_000;
  if (!(days >= 0)) return undefined;
  return days <= 6 ? 'short' : 'standard';
}

export function readMetadata(lines: DocLine[], kind: ReportKind, title: TitleBlock | undefined): ReportMetadata {
  const meta: ReportMetadata = { leadInspectors: [] };
  const opening: string[] = [];
  for (let i = 0; i < lines.length && opening.length < 90; i++) {
    if (!lines[i]!.info.blank && !lines[i]!.info.footer) {
      opening.push(cleanText(lines[i]!));
    }
  }
  if (title) meta.title = title.text;
  const authority = authorityFrom(title?.text ?? '', opening) ?? (kind === 'committee-paper' ? PAPER_AUTHORITY.exec(opening.slice(0, 30).join('\n').replace(/’/g, "'"))?.[1] : undefined);
  if (authority) meta.authority = areaName(authority);

  const joined = opening.join('\n');
  const flat = joined.replace(/\n/g, ' ');
  const dates = /^(?:inspection dates?|dates? of (?:inspection|visit)|visit dates?)\s*:?\s*(.+)$/im.exec(joined);
  if (dates) {
    meta.inspectionDates = { text: dates[1]!.trim(), ...parseDateRange(dates[1]!) };
  } else {
    const visit = /\b(?:visit|inspection)(?: to [A-Z][^.]{0,80}?)? (?:on|between|from) (\d{1,2}(?:st|nd|rd|th)?(?: [A-Z][a-z]+)?(?: \d{4})?(?:,? (?:and|to|-|–) \d{1,2}(?:st|nd|rd|th)?(?: [A-Z][a-z]+)?)* [A-Z][a-z]+ \d{4})/.exec(flat);
    if (visit) meta.inspectionDates = { text: visit[1]!, ...parseDateRange(visit[1]!) };
  }

  if (kind === 'ilacs-inspection' && meta.inspectionDates) {
    const type = inspectionType(meta.inspectionDates);
    if (type) meta.inspectionType = type;
  }

  const published = /^(?:report published|publication date|date published|published)\s*:?\s*(.+)$/im.exec(joined);
  if (published) {
    // Reading-order text may put a form's values after all its labels ("Age group:" / "Published:" / "All" / "2 August 2013").
    const after = joined.slice(published.index + published[0].length).split('\n').slice(1, 3);
    const iso = parseDate(published[1]!) ?? after.map((l) => (DATE_ONLY.test(l) ? parseDate(l) : undefined)).find(Boolean);
    if (iso) meta.publishedDate = iso;
  } else if (isVisitLetter(kind) || kind === 'committee-paper') {
    const dateLine = opening.slice(0, 30).find((l) => DATE_ONLY.test(l) || /^date\s*:/i.test(l));
    const iso = dateLine ? parseDate(dateLine) : undefined;
    if (iso) meta.publishedDate = iso;
  }

  const lead = /^(?:lead|reporting) inspectors?\s*:?\s*(.+?)(?:\s+HMI)?$/im.exec(joined);
  if (lead) {
    for (const name of splitNames(lead[1]!.replace(/,?\s*(?:his|her|his\/her) majesty'?s inspectors?.*$/i, ''))) meta.leadInspectors.push(name);
  }
  const straight = flat.replace(/’/g, "'");
  const team =
    /(?:(?:his|her) majesty's inspectors?(?: for this (?:visit|inspection))?|the (?:lead )?inspectors?(?: for this visit)?) (?:were|was) (.+?)(?:\.\s|\.$)/i.exec(straight) ??
    /the visit was (?:conducted|carried out) by (?:(?:his|her) majesty's inspectors?,? )?(.+?)(?:,? (?:two|three|four|five) of (?:his|her) majesty's inspectors)?(?:\.\s|\.$)/i.exec(straight);
  if (team) {
    for (const name of splitNames(team[1]!)) if (!meta.leadInspectors.includes(name)) meta.leadInspectors.push(name);
  }

  const dear = /^dear (.+?),?$/im.exec(joined);
  if (dear) meta.addressee = dear[1]!.trim();
  return meta;
}

/** SIF reports name the lead inspector at the end, under "Information about this inspection". */
export function leadInspectorLine(line: DocLine): string[] {
  const m = /^(?:lead|reporting) inspectors?\s*:\s*(.+?)(?:\s+HMI)?$/i.exec(cleanText(line));
  return m ? splitNames(m[1]!) : [];
}

function splitNames(list: string): string[] {
  return list
    .replace(/,?\s*(?:(?:his|her) majesty's inspectors?|hmi)\b/gi, ',')
    .split(/,\s*|\s+and\s+|\s*;\s*/)
    .map((n) => n.replace(/\s*\((?:lead|lead inspector)\)$/i, '').replace(/\.$/, '').trim())
    .filter((n) => n.length > 2 && n.length < 60 && /^[A-Z]/.test(n) && !/inspector/i.test(n));
}
