// What a passage dragged into a draft carries, read back: PASSAGE_MIME's JSON list of { reportUri, tagId } (a tree
// view's drag controller, the Evidence view's rows), or a `text/uri-list` of report URIs with the citation's own
// fragment, `#tag=<id>`. Pure, so what a drop inserts can be tested from the data a drag source builds.

export const PASSAGE_MIME = 'application/vnd.inspection-reports.passage+json';

export interface DraggedPassage {
  reportUri: string;
  tagId: string;
}

/** The passages in a drag: from the JSON list when there is one, else from the URI list; anything else gives none. */
export function draggedPassagesFrom(json: string | undefined, uriList: string | undefined): DraggedPassage[] {
  if (json !== undefined) {
    try {
      const value: unknown = JSON.parse(json);
      const list: unknown[] = Array.isArray(value) ? value : [value];
      return list.filter((p): p is DraggedPassage => typeof p === 'object' && p !== null && typeof (p as DraggedPassage).reportUri === 'string' && typeof (p as DraggedPassage).tagId === 'string');
    } catch {
      return [];
    }
  }
  if (uriList === undefined) return [];
  // A report URI with `#tag=<id>`; other URIs (a plain file, a web page) are left to other drop handlers.
  return uriList
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => {
      const hash = line.indexOf('#');
      if (hash < 0) return [];
      // Each `&` part decoded on its own: VS Code's Uri.toString() writes `tag%3Dt1`, a webview `tag=t%201`.
      const tagId = line
        .slice(hash + 1)
        .split('&')
        .map(decoded)
        .find((part) => part?.startsWith('tag=') && part.length > 4)
        ?.slice(4);
      return tagId ? [{ reportUri: line.slice(0, hash), tagId }] : [];
    });
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
