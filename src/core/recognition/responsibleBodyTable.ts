// Area SEND reports print their priority actions (and some their areas for improvement) as a table:
// "Responsible body | Areas for priority action". Each row is one item: the body's name, then what its
// leaders should do. The row starts where a body's name stands beside the words that open the action
// ("Leaders across the partnership should …"); text beside no name, bullets included, continues the row.
// Columns move between pages and may touch, so the row is found from what the cells say, not where they sit.
import type { DocLine } from './documentLines';

export interface TableRow {
  pieces: { text: string; start: number; end: number }[];
  line: number;
}

/** The action's opening words: who should act. */
const OPENER = /(?:^|\s)((?:Leaders|The (?:local )?(?:area )?partnership|The local area)\b)/;

/** The table's header row, "Responsible body   Areas for priority action", on one line or as its first cell alone. */
export function isResponsibleBodyHeader(info: DocLine['info']): boolean {
  return /^responsible bod(?:y|ies)\b/i.test(info.clean);
}

export function readResponsibleBodyTable(lines: DocLine[], footer: boolean[], from: number, to: number): TableRow[] {
  const rows: TableRow[] = [];
  let current: TableRow | undefined;
  for (let i = from; i <= to; i++) {
    const line = lines[i];
    if (!line) break;
    const info = line.info;
    if (info.blank || footer[i] || isResponsibleBodyHeader(info)) continue;
    const cells = info.cells;
    const opener = OPENER.exec(info.norm.slice(info.first, info.last));
    // A body's name beside the opening words: "Bury Metropolitan Borough   Leaders across …", or touching it.
    const at = opener ? info.first + opener.index + opener[0].length - opener[1]!.length : -1;
    // Not a sentence inside the action: "… SEND effectively. Leaders should use these views …".
    const besideName = opener && opener.index > 0 && !endsSentence(info.norm.slice(info.first, at).trimEnd()) ? at : -1;
    if (besideName > 0) {
      current = { pieces: [{ text: info.norm.slice(besideName, info.last), start: line.start + besideName, end: line.start + info.last }], line: i };
      rows.push(current);
      continue;
    }
    // Reading-order text puts the name on lines of its own, then the action from its opening words: the name's
    // lines end no sentence, and a row's own sentences ("Leaders should also …") follow a full stop.
    if (opener && opener.index === 0 && (!current || !endsSentence(previousText(lines, footer, i, from)))) {
      current = { pieces: [{ text: info.norm.slice(info.first, info.last), start: line.start + info.first, end: line.start + info.last }], line: i };
      rows.push(current);
      continue;
    }
    if (!current || (!endsSentence(info.clean) && nameBeforeOpener(lines, footer, i, to))) continue;
    // The action's continuation: the last cell when the name's column also has words on this line.
    const cell = cells && cells.length > 1 ? cells[cells.length - 1]! : undefined;
    // A sub-bullet's glyph is no part of the text (its own cell in layout text, the line's start in reading order).
    const start = cell ? cell.start : info.bullet ? info.bullet.contentStart : info.first;
    current.pieces.push({ text: info.norm.slice(start, info.last), start: line.start + start, end: line.start + info.last });
  }
  return rows;
}

function endsSentence(text: string): boolean {
  return /[.:;!?]["'’”)]?$/.test(text);
}

function previousText(lines: DocLine[], footer: boolean[], i: number, from: number): string {
  for (let k = i - 1; k >= from; k--) if (!lines[k]!.info.blank && !footer[k]) return lines[k]!.info.clean;
  return '.';
}

/** A line of a body's name in reading-order text: the lines after it, up to the action's opening words, end no sentence. */
function nameBeforeOpener(lines: DocLine[], footer: boolean[], i: number, to: number): boolean {
  for (let k = i + 1; k <= to && k <= i + 4; k++) {
    const info = lines[k]!.info;
    if (info.blank || footer[k]) continue;
    if (OPENER.exec(info.clean)?.index === 0) return true;
    if (endsSentence(info.clean) || info.bullet) return false;
  }
  return false;
}
