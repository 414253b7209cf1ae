// Sentences the editor shows about a report's tags.

export interface ReanchorCounts {
  stayed: number;
  moved: number;
  orphaned: number;
}

/**
 * "3 tags moved, 1 orphaned" after the report changed outside the editor (or, `textChanged` false, after stored
 * places that did not hold their tags' words were found again by the words); undefined when every tag stayed.
 */
export function reanchorSummaryMessage(fileName: string, counts: ReanchorCounts, textChanged = true): string | undefined {
  if (counts.moved === 0 && counts.orphaned === 0) return undefined;
  const parts: string[] = [];
  if (counts.moved > 0) parts.push(`${counts.moved} ${counts.moved === 1 ? 'tag' : 'tags'} moved`);
  if (counts.orphaned > 0) parts.push(parts.length > 0 ? `${counts.orphaned} orphaned` : `${counts.orphaned} ${counts.orphaned === 1 ? 'tag' : 'tags'} orphaned`);
  const tail = counts.orphaned > 0 ? ' Orphaned tags keep their quote; re-attach or delete them from the Tags view.' : '';
  const why = textChanged ? `${fileName} changed since it was last tagged` : `${fileName} is as it was tagged, but its tags file placed some tags on other words; found again by their own words`;
  return `${why}: ${parts.join(', ')}.${tail}`;
}
