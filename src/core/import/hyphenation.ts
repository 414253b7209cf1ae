// Words hyphenated across line ends ("safe-" / "guarding") are joined on the first line, so a search
// or a tag quote finds the whole word. The hyphen goes when it was a soft hyphen, or when the document
// spells the word without one elsewhere ("safeguarding"); otherwise it stays ("multi-agency"), so no
// character of the report is lost on a guess.

const LINE_END_HYPHEN = /([A-Za-z]{2,})[-\u00AD]$/;
const NEXT_WORD = /^(\s*)([a-z][A-Za-z']*[.,;:)]*)(\s*)/;

export function joinHyphenatedWords(pages: readonly string[][]): string[][] {
  const words = wordsOf(pages);
  return pages.map((page) => joinInPage(page, words));
}

function wordsOf(pages: readonly string[][]): Set<string> {
  const words = new Set<string>();
  for (const page of pages) for (const line of page) for (const w of line.toLowerCase().match(/[a-z]+(?:-[a-z]+)*/g) ?? []) words.add(w);
  return words;
}

function joinInPage(page: readonly string[], words: ReadonlySet<string>): string[] {
  const lines = [...page];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const end = LINE_END_HYPHEN.exec(line);
    const next = NEXT_WORD.exec(lines[i + 1]!);
    if (!end || !next) continue;
    const head = end[1]!;
    const tail = next[2]!;
    const bare = tail.replace(/[.,;:)]+$/, '');
    const soft = line.endsWith('\u00AD');
    const dropHyphen = soft || (words.has((head + bare).toLowerCase()) && !words.has(`${head}-${bare}`.toLowerCase()));
    lines[i] = line.slice(0, -1) + (dropHyphen ? '' : '-') + tail;
    const rest = lines[i + 1]!.slice(next[0].length);
    if (rest.trim()) {
      lines[i + 1] = next[1]! + rest;
    } else {
      lines.splice(i + 1, 1);
    }
  }
  return lines;
}
