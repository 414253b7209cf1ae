// A rendered draft as a standalone HTML page: the Markdown (GFM, footnotes included) read with remark and written
// out node by node, the footnotes as an ordered list of notes at the end, each linked to and from its mark.
// Everything from the draft is escaped, raw HTML in it shows as text, and only web, mail and relative links are
// kept as links, so a draft cannot put script into the page.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  alt?: string;
  title?: string | null;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  checked?: boolean | null;
  lang?: string | null;
  identifier?: string;
  align?: (string | null)[] | null;
  children?: MdNode[];
}

const SAFE_URL = /^(?:https?:|mailto:|#|[^:]*$)/i;

export function draftHtml(markdown: string, title: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode;
  const definitions = new Map<string, MdNode>();
  for (const node of tree.children ?? []) if (node.type === 'footnoteDefinition' && node.identifier !== undefined) definitions.set(node.identifier, node);
  // Notes are numbered in the order they are first referred to, as GitHub does.
  const order: string[] = [];
  const references = new Map<string, number>();
  const body = children(tree);
  const notes = order.map((id, i) => {
    const back = ` <a href="#fnref-${i + 1}" aria-label="Back to the text">↩</a>`;
    const note = children(definitions.get(id)!);
    // The way back goes at the end of the note's last paragraph.
    return `<li id="fn-${i + 1}">${note.endsWith('</p>\n') ? note.slice(0, -'</p>\n'.length) + back + '</p>' : note + back}</li>`;
  });
  const section = notes.length > 0 ? `<section class="footnotes">\n<h2>Notes</h2>\n<ol>\n${notes.join('\n')}\n</ol>\n</section>\n` : '';
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body}${section}</body>\n</html>\n`;

  function children(node: MdNode): string {
    return (node.children ?? []).map(html).join('');
  }

  function html(node: MdNode): string {
    switch (node.type) {
      case 'text':
        return escapeHtml(node.value ?? '');
      case 'html':
        return escapeHtml(node.value ?? '');
      case 'paragraph':
        return `<p>${children(node)}</p>\n`;
      case 'heading':
        return `<h${node.depth}>${children(node)}</h${node.depth}>\n`;
      case 'emphasis':
        return `<em>${children(node)}</em>`;
      case 'strong':
        return `<strong>${children(node)}</strong>`;
      case 'delete':
        return `<del>${children(node)}</del>`;
      case 'inlineCode':
        return `<code>${escapeHtml(node.value ?? '')}</code>`;
      case 'code':
        return `<pre><code>${escapeHtml(node.value ?? '')}</code></pre>\n`;
      case 'break':
        return '<br>\n';
      case 'thematicBreak':
        return '<hr>\n';
      case 'blockquote':
        return `<blockquote>\n${children(node)}</blockquote>\n`;
      case 'list':
        return listHtml(node, children);
      case 'listItem':
        return `<li>${node.checked === true ? '☑ ' : node.checked === false ? '☐ ' : ''}${children(node).replace(/^<p>([\s\S]*)<\/p>\n$/, '$1')}</li>\n`;
      case 'link':
        return SAFE_URL.test(node.url ?? '') ? `<a href="${escapeHtml(node.url ?? '')}">${children(node)}</a>` : children(node);
      case 'image':
        return SAFE_URL.test(node.url ?? '') ? `<img src="${escapeHtml(node.url ?? '')}" alt="${escapeHtml(node.alt ?? '')}">` : escapeHtml(node.alt ?? '');
      case 'table':
        return tableHtml(node, children);
      case 'footnoteReference':
        return footnoteMark(node.identifier ?? '');
      case 'footnoteDefinition':
      case 'definition':
        return '';
      default:
        // Reference-style links and anything newer: their words, never raw syntax.
        return node.children ? children(node) : escapeHtml(node.value ?? '');
    }
  }

  function footnoteMark(id: string): string {
    if (!definitions.has(id)) return escapeHtml(`[^${id}]`);
    let n = order.indexOf(id) + 1;
    if (n === 0) n = order.push(id);
    // A note referred to again: its later marks get ids of their own; the note links back to the first.
    const seen = (references.get(id) ?? 0) + 1;
    references.set(id, seen);
    return `<sup><a href="#fn-${n}" id="fnref-${n}${seen > 1 ? `-${seen}` : ''}">${n}</a></sup>`;
  }
}

function listHtml(node: MdNode, children: (node: MdNode) => string): string {
  const tag = node.ordered ? 'ol' : 'ul';
  const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${node.start}"` : '';
  return `<${tag}${start}>\n${children(node)}</${tag}>\n`;
}

function tableHtml(node: MdNode, children: (node: MdNode) => string): string {
  const rows = node.children ?? [];
  const cells = (row: MdNode, tag: 'th' | 'td') =>
    (row.children ?? []).map((cell, i) => {
      const align = node.align?.[i];
      return `<${tag}${align ? ` style="text-align: ${align}"` : ''}>${children(cell)}</${tag}>`;
    }).join('');
  const [head, ...bodyRows] = rows;
  const thead = head ? `<thead>\n<tr>${cells(head, 'th')}</tr>\n</thead>\n` : '';
  const tbody = bodyRows.length > 0 ? `<tbody>\n${bodyRows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('\n')}\n</tbody>\n` : '';
  return `<table>\n${thead}${tbody}</table>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
