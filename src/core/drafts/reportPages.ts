// The page of a report a passage sits on. Reports converted from PDF by pdftotext keep a form feed (\f) between
// pages, so the page is 1 + the form feeds before the passage. A text with no form feed at all has lost its
// pages (typed, pasted or converted without them): there the page is unknown, never guessed as 1.

/** The 1-based page holding `offset` in the report's text, or undefined when the text marks no pages. */
export function pageAt(text: string, offset: number): number | undefined {
  let breaks = text.indexOf('\f');
  if (breaks < 0) return undefined;
  let page = 1;
  for (; breaks >= 0 && breaks < offset; breaks = text.indexOf('\f', breaks + 1)) page++;
  return page;
}
