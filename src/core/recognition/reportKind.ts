// Which kind of document this is, from its opening lines (titles and letter headings).
import type { ReportKind } from './model';
import type { DocLine } from './documentLines';

/** The first `limit` non-blank lines, cleaned, lower case. */
export function openingLines(lines: DocLine[], limit: number): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (out.length >= limit) break;
    if (!line.info.blank) out.push(line.info.lower.replace(/^#{1,6}\s+/, '').replace(/\*\*/g, ''));
  }
  return out;
}

export function detectKind(lines: DocLine[]): ReportKind {
  const opening = openingLines(lines, 45);
  const head = opening.slice(0, 12).join('\n');
  const joined = opening.join(' ');
  if (/^(?:report to|agenda item|minutes|meeting|date of meeting|report of|report title|committee)\b.{0,60}[:\d]/m.test(head) || /^subject\s*:/m.test(head)) {
    return 'committee-paper';
  }
  if (/area send inspection|local area partnership|joint inspection of .{0,40}special educational needs|send inspection of/.test(joined)) return 'area-send';
  if (/re-inspection of services for children/.test(joined)) return 'sif-reinspection';
  if (/^review of the effectiveness of the local safeguarding children/m.test(opening.slice(0, 4).join('\n'))) return 'sif-inspection';
  if (/inspection of services for children in need of help and protection/.test(joined)) return 'sif-inspection';
  if (/inspection of (?:services for )?looked after children(?:'s)? services|looked after children services|inspection of looked after children/.test(joined)) return 'lac-inspection-2013';
  if (opening.some((l) => /^focused visit (?:to|of) /.test(l))) return 'focused-visit';
  if (opening.some((l) => /^monitoring visit (?:to|of) /.test(l))) return 'monitoring-visit';
  // Letters whose heading the PDF conversion scrambled still say what they are in their first sentence.
  const letter = /this letter summarises the (?:findings|outcome) of (?:a|the) (focused|monitoring) visit/.exec(joined);
  if (letter) return letter[1] === 'focused' ? 'focused-visit' : 'monitoring-visit';
  if (/inspection of .{0,80}(?:local authority children's services|children's social care services|children's services|children's trust|children and families trust)/.test(joined)) return 'ilacs-inspection';
  if (/(?:local authority children's services|children's social care services) inspection/.test(joined)) return 'ilacs-inspection';
  return 'unknown';
}
