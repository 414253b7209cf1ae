// The hover over a tagged passage: each tag's themes, note, author and date, with links to edit or remove it.
// The report's and the user's words are escaped: the hover is trusted only for the tag commands named here.

import type { Tag } from '../tags/sidecar/sidecarModel';
import { escapeMarkdown } from '../platform/text/markdownEscape';

export const EDIT_TAG_COMMAND = 'inspectionReports.tags.edit';
export const REMOVE_TAG_COMMAND = 'inspectionReports.tags.remove';
/** The only commands a tag hover may run (MarkdownString.isTrusted.enabledCommands). */
export const TAG_HOVER_COMMANDS: readonly string[] = [EDIT_TAG_COMMAND, REMOVE_TAG_COMMAND];

/** Argument of the tag commands (also used by the tags side view). */
export interface TagCommandArgs {
  reportUri: string;
  tagId: string;
}

/** Tags whose passage contains `offset` (its end included, so the hover works at the last letter). Orphans have no passage here. */
export function tagsAt(tags: readonly Tag[], offset: number): Tag[] {
  return tags.filter((t) => t.orphaned !== true && t.anchor.position.start <= offset && offset <= t.anchor.position.end);
}

/** Markdown for the tags at one place; `reportUri` goes into the command links. */
export function tagHoverMarkdown(tags: readonly Tag[], reportUri: string): string {
  return tags
    .map((tag) => {
      const args: TagCommandArgs = { reportUri, tagId: tag.id };
      const encoded = encodeURIComponent(JSON.stringify(args));
      const lines = [`**${escapeMarkdown(tag.themes.map((t) => t.label).join(', '))}**`];
      if (tag.note !== undefined && tag.note !== '') lines.push(`*${escapeMarkdown(tag.note)}*`);
      const by = [tag.author !== undefined && tag.author !== '' ? escapeMarkdown(tag.author) : undefined, formatDate(tag.modified)].filter((x) => x !== undefined);
      if (by.length > 0) lines.push(`Tagged ${by.join(', ')}`);
      lines.push(`[Edit tag](command:${EDIT_TAG_COMMAND}?${encoded} "Change the themes or note") · [Remove tag](command:${REMOVE_TAG_COMMAND}?${encoded} "Remove this tag")`);
      return lines.join('  \n');
    })
    .join('\n\n---\n\n');
}

/** "on 3 March 2025" from an ISO timestamp; undefined when it cannot be read. */
function formatDate(iso: string): string | undefined {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `on ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
