// Folding regions for a report: one per section (nested sections fold inside their parents), so a
// reviewer can collapse a long report down to its headings. Lines are 0-based, as editors count them.

import type { ReportModel, Section } from '../recognition/model';
import { LineIndex } from '../platform/text/lineIndex';

export interface FoldRegion {
  /** 0-based line of the section heading. */
  start: number;
  /** 0-based last line with text in the section. */
  end: number;
}

/** `text` is the analysed text, used to stop a region before the blank lines that close its section. */
export function foldingRegions(model: ReportModel, text: string): FoldRegion[] {
  const lines = lineReader(text);
  const out: FoldRegion[] = [];
  const seenStart = new Set<number>();
  const visit = (sections: Section[]): void => {
    for (const s of sections) {
      const start = s.line - 1;
      let end = Math.min(s.endLine - 1, lines.count - 1);
      while (end > start && lines.text(end).trim() === '') end--;
      // One region per start line: the editor keeps only one, and the outer section is the useful one.
      if (end > start && !seenStart.has(start)) {
        seenStart.add(start);
        out.push({ start, end });
      }
      visit(s.children);
    }
  };
  visit(model.sections);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The text's lines by number (0-based), as split(/\r\n|\r|\n/) gives them, without making a string per line:
 * asked on every keystroke, only a few lines (the ends of sections) are ever read.
 */
function lineReader(text: string): { count: number; text: (line: number) => string } {
  const index = new LineIndex(text);
  const count = index.lineCount;
  return { count, text: (line) => (line >= 0 && line < count ? text.slice(index.lineStart(line + 1), index.lineEnd(line + 1)) : '') };
}
