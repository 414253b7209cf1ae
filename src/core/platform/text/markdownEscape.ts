// Report text (quotes, notes, theme labels, authors, printed grades) made inert inside the Markdown that VS Code
// renders untrusted in hovers and tooltips: it must show as the words it is, never as a link, image or HTML.
// One line of inline text; the Markdown export has its own rules for whole documents (exports/markdownText.ts).

/**
 * Backslash-escapes every ASCII punctuation character Markdown (CommonMark + GFM) could act on, writes "<" and
 * ">" as entities, and escapes an "&" only where it would start an entity ("&lt;" must show as typed; a lone "&"
 * already does). GFM also turns bare addresses into links after escapes are decoded ("https://…", "www.…",
 * "a@b.c"), so an invisible word joiner goes after the scheme or "www" and before "@". Line breaks and runs of
 * spaces become one space.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~"'=]|&(?=#?\w+;)/g, (c) => `\\${c}`)
    // Angle brackets as entities: a backslash before one would be taken into a GFM bare address.
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\b(https?|ftp)(?=:)/gi, '$1\u2060')
    .replace(/\b(www)(?=\\\.)/gi, '$1\u2060')
    .replace(/@/g, '\u2060@')
    .replace(/\s+/g, ' ');
}
