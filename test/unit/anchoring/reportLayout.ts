// Lays out an invented report the way a PDF-to-text conversion does (wrapped lines, hanging indents, bullets,
// hyphenated line breaks, running page footers, curly or straight quotes, LF or CRLF), remembering where every
// character of the plain source text went, so tests know the exact offsets a tag must land on.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Block {
  kind: 'heading' | 'bullet' | 'numbered';
  /** Paragraph number, for numbered blocks. */
  number?: string;
  body: string;
}

export interface LayoutStyle {
  width: number;
  /** Body lines per page; a footer follows each page. */
  linesPerPage: number;
  curlyQuotes: boolean;
  eol: '\n' | '\r\n';
  hyphenate: boolean;
  bullet: string;
  footerTitle: string;
  footerDates: string;
}

export interface LaidOutReport {
  text: string;
  /** The blocks' bodies joined by blank lines: the offsets `at` takes. */
  source: string;
  /** Offset in `text` of source character i. */
  at(i: number): number;
  /** Range in `text` of source[start, end). */
  range(start: number, end: number): { start: number; end: number };
}

export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'anchoring');

export function readBlocks(fileName: string): Block[] {
  return readFileSync(join(FIXTURE_DIR, fileName), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): Block => {
      if (line.startsWith('# ')) return { kind: 'heading', body: line.slice(2) };
      if (line.startsWith('* ')) return { kind: 'bullet', body: line.slice(2) };
      const m = /^(\d+)\.\s+(.*)$/.exec(line);
      if (m === null) throw new Error(`Unrecognised fixture line: ${line}`);
      return { kind: 'numbered', number: m[1]!, body: m[2]! };
    });
}

export function layOut(blocks: readonly Block[], style: LayoutStyle): LaidOutReport {
  const source = blocks.map((b) => b.body).join('\n\n');
  const map = new Array<number>(source.length).fill(-1);
  let out = '';
  let lineStart = 0;
  let linesOnPage = 0;
  let page = 1;
  let doubleQuoteOpen = false;

  const endLine = (): void => {
    out += style.eol;
    lineStart = out.length;
    linesOnPage++;
    if (linesOnPage >= style.linesPerPage) {
      out += `${style.eol}${style.footerTitle}${style.eol}${style.footerDates}${' '.repeat(60)}${page}${style.eol}${style.eol}`;
      lineStart = out.length;
      linesOnPage = 0;
      page++;
    }
  };
  const fold = (ch: string): string => {
    if (!style.curlyQuotes) return ch;
    if (ch === "'") return '\u2019';
    if (ch === '"') {
      doubleQuoteOpen = !doubleQuoteOpen;
      return doubleQuoteOpen ? '\u201C' : '\u201D';
    }
    return ch;
  };
  const emitSource = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      map[i] = out.length;
      out += fold(source[i]!);
    }
  };

  let offset = 0;
  for (const [b, block] of blocks.entries()) {
    if (b > 0) {
      // The blank line between blocks stands for the source's "\n\n".
      map[offset - 2] = out.length;
      endLine();
      map[offset - 1] = out.length;
      endLine();
    }
    const first = block.kind === 'bullet' ? `${style.bullet} ` : block.kind === 'numbered' ? `${block.number}.`.padEnd(8) : '';
    const indent = block.kind === 'bullet' ? '  ' : block.kind === 'numbered' ? ' '.repeat(8) : '';
    out += first;
    let hasWord = false;
    let w = offset;
    for (const word of block.body.split(' ')) {
      const wordEnd = w + word.length;
      const lineLength = out.length - lineStart;
      if (hasWord && lineLength + 1 + word.length > style.width) {
        const room = style.width - lineLength - 2;
        if (style.hyphenate && /^[A-Za-z]{6,}$/.test(word) && room >= 3) {
          const k = Math.min(room, word.length - 3);
          map[w - 1] = out.length;
          out += ' ';
          emitSource(w, w + k);
          out += '-';
          endLine();
          out += indent;
          emitSource(w + k, wordEnd);
        } else {
          map[w - 1] = out.length;
          endLine();
          out += indent;
          emitSource(w, wordEnd);
        }
      } else {
        if (hasWord) {
          map[w - 1] = out.length;
          out += ' ';
        }
        emitSource(w, wordEnd);
      }
      hasWord = true;
      w = wordEnd + 1;
    }
    offset += block.body.length + 2;
  }
  out += style.eol;
  return {
    text: out,
    source,
    at: (i) => map[i]!,
    range: (start, end) => ({ start: map[start]!, end: map[end - 1]! + 1 }),
  };
}

/** Sentences of the source, as [start, end) offsets: the passages the tests tag. */
export function sentenceRanges(source: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  const sentence = /[^\s][^\n]*?(?:[.?!](?=\s|$)|(?=\n)|$)/g;
  for (const m of source.matchAll(sentence)) {
    if (m[0].trim().length > 0) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}

export const STYLE_A: LayoutStyle = {
  width: 92,
  linesPerPage: 22,
  curlyQuotes: true,
  eol: '\n',
  hyphenate: true,
  bullet: '\u25FC',
  footerTitle: 'Inspection of Wexcombe local authority children\u2019s services',
  footerDates: '2 to 13 February 2026',
};

export const STYLE_B: LayoutStyle = {
  width: 70,
  linesPerPage: 31,
  curlyQuotes: false,
  eol: '\r\n',
  hyphenate: false,
  bullet: '\uF06E',
  footerTitle: "Inspection of Wexcombe local authority children's services",
  footerDates: '2 to 13 February 2026',
};
