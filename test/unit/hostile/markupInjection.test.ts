// Report text, notes, labels and names holding HTML, script, `javascript:` and `command:` links, or Markdown that
// looks like HTML: every place that renders them as Markdown (tag hover, grade hover, Markdown export) must show
// them as the words they are, and the CSV export must not let a spreadsheet run a formula.
//
// The Markdown is parsed with remark (CommonMark + GFM, as VS Code's hover renderer reads it): no HTML node, no
// image, no link but the hover's own command links, and the visible text is the original words, unchanged.

import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { tagHoverMarkdown, TAG_HOVER_COMMANDS } from '../../../src/core/presentation/tagHoverText';
import { escapeMarkdown } from '../../../src/core/platform/text/markdownEscape';
import { exportMarkdown } from '../../../src/core/exports/markdownExport';
import { exportCsv } from '../../../src/core/exports/csvExport';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { evidence, item } from '../exports/sampleEvidence';

export const HOSTILE_STRINGS = [
  '<script>alert("x")</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '[click me](javascript:alert(1))',
  '[edit](command:workbench.action.terminal.new)',
  '![pic](https://example.invalid/track.png)',
  '<https://example.invalid/x>',
  '<iframe srcdoc="<b>x</b>"></iframe>',
  '&lt;script&gt; and AT&amp;T &#60;b&#62;',
  '**bold** _em_ `code` ~~gone~~ | a | b |',
  '# Heading\n- list item\n> quote\n1. one',
  '$(alert) $(zap) theme icons',
  '<!-- hidden --> visible',
  'javascript:alert(document.cookie)',
  '\\<b>escaped already\\</b>',
];

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

function parse(markdown: string): MdNode {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown) as unknown as MdNode;
}

function walk(node: MdNode, visit: (n: MdNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

/** Nodes that would be live in a renderer, and the visible text (what a reader sees), spaces collapsed. */
function inspect(markdown: string): { html: string[]; images: string[]; links: string[]; text: string } {
  const html: string[] = [];
  const images: string[] = [];
  const links: string[] = [];
  const text: string[] = [];
  walk(parse(markdown), (n) => {
    if (n.type === 'html') html.push(n.value ?? '');
    if (n.type === 'image' || n.type === 'imageReference') images.push(n.url ?? '');
    if (n.type === 'link' || n.type === 'linkReference' || n.type === 'definition') links.push(n.url ?? '');
    if (n.type === 'text' || n.type === 'inlineCode') text.push(n.value ?? '');
  });
  return { html, images, links, text: text.join('').replace(/\u2060/g, '').replace(/\s+/g, ' ').trim() };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function hostileTag(note: string, label: string, author: string): Tag {
  return {
    id: 't-1',
    themes: [{ id: 'theme', label }],
    note,
    author,
    created: '2026-03-01T09:00:00.000Z',
    modified: '2026-03-01T09:00:00.000Z',
    anchor: { position: { start: 0, end: 5, unit: 'utf-16' }, quote: { exact: 'words', prefix: '', suffix: '' } },
  };
}

describe('hostile input: markup in hovers and exports', () => {
  for (const hostile of HOSTILE_STRINGS) {
    it(`tag hover shows ${JSON.stringify(hostile)} as written, with only its own command links`, () => {
      const markdown = tagHoverMarkdown([hostileTag(hostile, hostile, hostile)], 'file:///ws/report.txt');
      const seen = inspect(markdown);
      assert.deepEqual(seen.html, [], 'no HTML');
      assert.deepEqual(seen.images, [], 'no image');
      assert.equal(seen.links.length, 2, `only Edit and Remove are links: ${seen.links.join(' | ')}`);
      for (const url of seen.links) assert.ok(TAG_HOVER_COMMANDS.some((c) => url.startsWith(`command:${c}?`)), url);
      // Theme label, note and author each appear verbatim (newlines in a note become spaces).
      assert.ok(seen.text.includes(collapse(hostile)), `visible text "${seen.text}" keeps "${collapse(hostile)}"`);
      assert.equal(seen.text.split(collapse(hostile)).length - 1, 3, 'label, note and author all shown as written');
    });

    it(`hover and tooltip escaping shows ${JSON.stringify(hostile)} as written`, () => {
      const seen = inspect(`Printed as: “${escapeMarkdown(hostile)}”`);
      assert.deepEqual([seen.html, seen.images, seen.links], [[], [], []]);
      assert.equal(seen.text, `Printed as: “${collapse(hostile)}”`);
    });
  }

  it('Markdown export: quotes, notes, authors and theme labels holding markup stay inert', () => {
    const items = HOSTILE_STRINGS.map((hostile, i) =>
      item({ tagId: `t${i}`, quote: hostile, note: hostile, author: hostile, themes: [{ id: `th${i}`, label: hostile }] }),
    );
    const markdown = exportMarkdown(evidence(items), { title: '<script>alert(1)</script>' });
    const seen = inspect(markdown);
    assert.deepEqual(seen.html, [], 'no HTML in the export');
    assert.deepEqual(seen.images, [], 'no image in the export');
    assert.deepEqual(seen.links.filter((u) => !/^https?:\/\/example\.invalid\//.test(u)), [], 'no link but bare addresses, shown as themselves');
    for (const hostile of HOSTILE_STRINGS) assert.ok(seen.text.includes(collapse(hostile)), `export shows ${JSON.stringify(hostile)}`);
    // Structure the export itself makes is still there: one level-2 heading per theme, nothing more from the text.
    const headings: number[] = [];
    walk(parse(markdown), (n) => {
      if (n.type === 'heading') headings.push((n as MdNode & { depth: number }).depth);
    });
    assert.equal(headings.filter((d) => d === 1).length, 1);
    // One per theme, plus the export's own "Reports with no tagged passages" (the sample has an untagged report).
    assert.equal(headings.filter((d) => d === 2).length, HOSTILE_STRINGS.length + 1);
  });

  it('CSV export: every cell a spreadsheet would run as a formula is prefixed with an apostrophe', () => {
    const formulas = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=cmd|\' /C calc\'!A0'];
    const items = formulas.map((f, i) => item({ tagId: `t${i}`, quote: f, note: f, author: f, authority: f, section: f, themes: [{ id: f, label: f }] }));
    const csv = exportCsv({ items });
    const cells = parseCsv(csv).slice(1);
    for (const [i, f] of formulas.entries()) {
      const row = cells[i]!;
      for (const cell of [row[0], row[1], row[2], row[6], row[8], row[12], row[13]]) {
        assert.equal(cell, `'${f}`, `cell ${JSON.stringify(cell)} neutralised`);
      }
    }
    // Nothing else is touched: a quote merely containing "=" keeps its words.
    assert.equal(parseCsv(exportCsv({ items: [item({ quote: 'Plans = good; 1+1' })] }))[1]![2], 'Plans = good; 1+1');
    for (const row of cells) for (const cell of row) assert.ok(!/^[=+\-@\t\r]/.test(cell), `no live formula: ${JSON.stringify(cell)}`);
  });
});

/** RFC 4180 reader (quoted cells, doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
