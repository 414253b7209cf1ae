// Headings of Markdown input, from remark's syntax tree (only Markdown input pays for remark).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { DocLine } from './documentLines';
import type { HeadingCandidate } from './headings';
import { parseArea } from './gradeWords';

interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}

function plainText(node: MdNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

export function findMarkdownHeadings(text: string, lines: DocLine[]): HeadingCandidate[] {
  const tree = unified().use(remarkParse).parse(text) as MdNode;
  const out: HeadingCandidate[] = [];
  for (const node of tree.children ?? []) {
    if (node.type !== 'heading' || !node.position) continue;
    const lineIndex = node.position.start.line - 1;
    const lastLine = Math.max(lineIndex, node.position.end.line - 1);
    const line = lines[lineIndex];
    if (!line) continue;
    const title = plainText(node).replace(/\s+/g, ' ').trim().replace(/(?<=[A-Za-z?):])\d{1,2}$/, '');
    const depth = node.depth ?? 1;
    // The heading's text, without the "#" markers, is what the heading range covers.
    const contentStart = line.start + line.info.first + line.info.hashes;
    const endLine = lines[lastLine]!;
    const headingRange = { start: Math.min(contentStart, endLine.start + endLine.info.last), end: node.position.end.offset ?? endLine.start + endLine.info.last };
    if (lastLine > lineIndex) headingRange.end = line.start + line.info.last; // setext: the underline is no part of the title
    headingRange.end = Math.max(headingRange.start, headingRange.end - trailingHashes(text, headingRange));
    const candidate: HeadingCandidate = { line: lineIndex, lastLine, title, role: 'other', headingRange, depth };
    const known = line.info.heading;
    const tail = line.info.gradeTail;
    if (tail && line.info.judgementLabelStart) {
      const area = parseArea(title.slice(0, Math.max(0, title.length - (line.info.last - tail.start))));
      if (area) {
        candidate.role = 'judgement';
        candidate.judgementArea = area;
        candidate.grade = tail.grade;
        candidate.gradeRange = { start: line.start + tail.start, end: line.start + tail.end };
      }
    }
    if (candidate.role === 'other') {
      if (known) candidate.role = known.role;
      else if (out.length === 0 && depth === 1) candidate.role = 'title';
      else candidate.generic = true;
    }
    out.push(candidate);
  }
  return out;
}

/** Closing "#" markers ("## Title ##") are no part of the title. */
function trailingHashes(text: string, range: { start: number; end: number }): number {
  const m = /\s+#+\s*$/.exec(text.slice(range.start, range.end));
  return m ? m[0].length : 0;
}
