// Which kind of document this is, from its own title words (never its year). A report or letter states what it
// is in a title line near the top; later lines often MENTION other kinds ("since the joint targeted area
// inspection in 2018"), so a title that starts a line wins over a phrase inside a sentence, and the
// earliest title wins over later ones.
import type { ReportKind } from './model';
import type { DocLine } from './documentLines';

/** The first `limit` non-blank lines, cleaned, lower case. */
export function openingLines(lines: DocLine[], limit: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (out.length >= limit) break;
    if (line.info.blank) continue;
    // Each replace only where it can match: few lines hold markdown.
    let text = line.info.lower;
    if (text.charCodeAt(0) === 35) text = text.replace(/^#{1,6}\s+/, '');
    if (text.includes('**')) text = text.replace(/\*\*/g, '');
    out.push(text);
  }
  return out;
}

/**
 * Title phrases, tested at the start of an opening line joined to the next two (titles wrap over up to three lines). Order matters
 * only between titles on the same line: the more specific first.
 */
const TITLES: readonly [RegExp, ReportKind][] = [
  [/^re-inspection of services for children/, 'sif-reinspection'],
  [/^inspection of services for children in need of help and protection/, 'sif-inspection'],
  [/^inspection of local authority arrangements for the protection of children/, 'cp-inspection-2013'],
  [/^inspection of (?:services for )?looked after children/, 'lac-inspection-2013'],
  [/^joint targeted area inspection of /, 'jtai'],
  [/^focused visit (?:to|of) /, 'focused-visit'],
  [/^monitoring visit (?:to|of) /, 'monitoring-visit'],
  [/^(?:area send inspection|joint local area send inspection|send inspection of)\b/, 'area-send'],
  [/^inspection of .{0,80}(?:local authority children's services|children's social care services|children's services|children's trust|children and families trust)/, 'ilacs-inspection'],
];

/** Whether each of the first `limit` non-blank lines starts with a capital, as a title does and a wrapped sentence's middle does not. */
function capitalised(lines: DocLine[], limit: number): boolean[] {
  const out: boolean[] = [];
  for (const line of lines) {
    if (out.length >= limit) break;
    if (!line.info.blank) out.push(/^(?:#{1,6}\s+)?(?:\*\*)?[A-Z]/.test(line.info.clean));
  }
  return out;
}

/** The kind named by the earliest title line of the opening, if any. */
function titleKind(opening: string[], capital: boolean[]): ReportKind | undefined {
  for (let i = 0; i < opening.length; i++) {
    if (!capital[i]) continue;
    const pair = opening.slice(i, i + 3).join(' ');
    for (const [re, kind] of TITLES) if (re.test(pair)) return kind;
    // A SIF report whose conversion lost its title still opens with the LSCB review's heading.
    if (i < 4 && /^review of the effectiveness of the local safeguarding children/.test(pair)) return 'sif-inspection';
  }
  return undefined;
}

export function detectKind(lines: DocLine[]): ReportKind {
  const opening = openingLines(lines, 45);
  const head = opening.slice(0, 12).join('\n');
  if (/^(?:report to|agenda item|minutes|meeting|date of meeting|report of|report title|committee)\b.{0,60}[:\d]/m.test(head) || /^subject\s*:/m.test(head)) {
    return 'committee-paper';
  }
  return titleKind(opening, capitalised(lines, 45)) ?? kindFromWording(opening.join(' '));
}

/** No title line: the document's wording anywhere in its opening, most specific first. */
function kindFromWording(joined: string): ReportKind {
  if (/area send inspection|local area partnership|joint inspection of .{0,40}special educational needs|send inspection of/.test(joined)) return 'area-send';
  // Letters whose heading the PDF conversion scrambled still say what they are in their first sentence.
  const letter = /this letter summarises the (?:findings|outcome) of (?:a|the) (focused|monitoring) visit|this letter summarises the findings of (?:a|the) (joint targeted area inspection)/.exec(joined);
  if (letter) return letter[2] ? 'jtai' : letter[1] === 'focused' ? 'focused-visit' : 'monitoring-visit';
  if (/re-inspection of services for children/.test(joined)) return 'sif-reinspection';
  if (/inspection of services for children in need of help and protection/.test(joined)) return 'sif-inspection';
  if (/inspection of local authority arrangements for the protection of children/.test(joined)) return 'cp-inspection-2013';
  if (/inspection of (?:services for )?looked after children(?:'s)? services|looked after children services|inspection of looked after children/.test(joined)) return 'lac-inspection-2013';
  if (/inspection of .{0,80}(?:local authority children's services|children's social care services|children's services|children's trust|children and families trust)/.test(joined)) return 'ilacs-inspection';
  if (/(?:local authority children's services|children's social care services) inspection/.test(joined)) return 'ilacs-inspection';
  return 'unknown';
}

/** Letters after a visit (focused, monitoring, JTAI): dated like letters, and they grade nothing themselves. */
export function isVisitLetter(kind: ReportKind): boolean {
  return kind === 'focused-visit' || kind === 'monitoring-visit' || kind === 'jtai';
}
