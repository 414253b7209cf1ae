// Sentences the editor shows about a report's tags.

export interface ReanchorCounts {
  stayed: number;
  moved: number;
  orphaned: number;
}

/** "3 tags moved, 1 orphaned" after the report changed outside the editor; undefined when every tag stayed. */
export function reanchorSummaryMessage(fileName: string, counts: ReanchorCounts): string | undefined {
  if (counts.moved === 0 && counts.orphaned === 0) return undefined;
  const parts: string[] = [];
  if (counts.moved > 0) parts.push(`${counts.moved} ${counts.moved === 1 ? 'tag' : 'tags'} moved`);
  if (counts.orphaned > 0) parts.push(parts.length > 0 ? `${counts.orphaned} orphaned` : `${counts.orphaned} ${counts.orphaned === 1 ? 'tag' : 'tags'} orphaned`);
  const tail = counts.orphaned > 0 ? ' Orphaned tags keep their quote; re-attach or delete them from the Tags view.' : '';
  return `${fileName} changed since it was last tagged: ${parts.join(', ')}.${tail}`;
}
