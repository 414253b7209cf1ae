// Repairing a sidecar that git left with conflict markers: both sides are kept, so no tag is lost.

import { splitConflict, hasConflictMarkers } from './sidecarParser';
import { compareTimestamps, mergeSidecars } from './sidecarMerge';
import { SIDECAR_VERSION, type Sidecar } from './sidecarModel';

export type RepairResult =
  | { ok: true; sidecar: Sidecar; summary: { ours: number; theirs: number; merged: number } }
  | { ok: false; message: string };

/**
 * The union of both sides' tags (deduplicated by id, the newer `modified` winning per tag), dismissed
 * suggestions unioned, report fields from the side edited last. With diff3 markers (`|||||||`) the base
 * is used too, so a tag deleted on one side and untouched on the other stays deleted.
 */
export function repairConflict(text: string, fileName = 'tags file'): RepairResult {
  if (!hasConflictMarkers(text)) return { ok: false, message: `${fileName} has no conflict markers to repair.` };
  const { sides } = splitConflict(text, fileName);
  const { ours, theirs, base } = sides;
  if (!ours || !theirs) {
    return { ok: false, message: `${fileName} cannot be repaired automatically: ${sides.problems.join(' ')} Resolve the conflict by hand.` };
  }
  if (ours.version > SIDECAR_VERSION || theirs.version > SIDECAR_VERSION) {
    return { ok: false, message: `${fileName} was written by a newer version of the Inspection Report Annotator; repair it with that version.` };
  }
  // Report fields come from the side edited last: it is the one most likely to describe the current text.
  const [older, newerSide] = compareTimestamps(lastModified(ours), lastModified(theirs)) >= 0 ? [theirs, ours] : [ours, theirs];
  const merged = mergeSidecars(base, newerSide, older);
  merged.report = { ...newerSide.report };
  return { ok: true, sidecar: merged, summary: { ours: ours.tags.length, theirs: theirs.tags.length, merged: merged.tags.length } };
}

function lastModified(sidecar: Sidecar): string {
  let latest = '';
  for (const tag of sidecar.tags) if (latest === '' || compareTimestamps(tag.modified, latest) > 0) latest = tag.modified;
  return latest;
}
