// Report text made inert in Markdown: quotes and notes can hold anything (asterisks, HTML tags, links,
// "# headings" at the start of a wrapped line), and must show as the words they are.

/** One line of inline text: whitespace collapsed, every character Markdown or HTML could act on escaped. */
export function inertMarkdown(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      .trim()
      // CommonMark lets any ASCII punctuation be backslash-escaped; escape those that start syntax
      // anywhere (emphasis, code, links, images, HTML, entities, GFM tables and strikethrough).
      .replace(/[\\`*_[\]&|~!]/g, (c) => `\\${c}`)
      // Angle brackets as entities, not backslash escapes: GFM ends a bare URL before "&gt;" but would take a
      // "\\>" into it, showing the backslash.
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Bare URLs stay as typed: GFM renderers may make them clickable, but then the visible text
      // is the target itself, so nothing is hidden (a [text](target) link is escaped above).
      // Block syntax only matters at the start of the line.
      .replace(/^([#+\-=>])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}
