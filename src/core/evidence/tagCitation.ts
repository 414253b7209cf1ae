// "Copy with Citation" from the editor: the tagged passage under the cursor, and the citation fields for it from the
// report as it is now (its text and recognised structure), falling back to the stored quote when the words are gone.

import type { ReportModel } from '../recognition/model';
import type { CitationFields } from './citation';
import type { Tag } from '../tags/sidecar/sidecarModel';
import { locatePassage } from './passageLocation';

/** The tagged passage under the cursor: the shortest one containing it (tags can nest). */
export function tagAtOffset(tags: readonly Tag[], offset: number): Tag | undefined {
  return tags
    .filter((t) => !t.orphaned && t.anchor.position.start <= offset && offset <= t.anchor.position.end)
    .sort((a, b) => a.anchor.position.end - a.anchor.position.start - (b.anchor.position.end - b.anchor.position.start))[0];
}

export function citationFieldsFor(state: { text: string; model: ReportModel }, tag: Tag, fileName: string): CitationFields & { quote: string } {
  const location = locatePassage(state.text, state.model, tag);
  const meta = state.model.metadata;
  const inspected = meta.inspectionDates?.end ?? meta.inspectionDates?.start;
  const date = meta.publishedDate ? { reportDate: meta.publishedDate, reportDateKind: 'published' as const } : inspected ? { reportDate: inspected, reportDateKind: 'inspection' as const } : {};
  return {
    quote: location.position ? state.text.slice(location.position.start, location.position.end) : tag.anchor.quote.exact,
    reportKind: state.model.kind,
    ...(meta.authority ? { authority: meta.authority } : {}),
    ...date,
    reportFileName: fileName,
    ...(location.paragraph !== undefined ? { paragraph: location.paragraph } : {}),
    ...(location.paragraphLabel !== undefined ? { paragraphLabel: location.paragraphLabel } : {}),
    ...(location.section !== undefined ? { section: location.section } : {}),
    ...(location.sectionRole !== undefined ? { sectionRole: location.sectionRole } : {}),
    ...(location.grade !== undefined ? { grade: location.grade } : {}),
    orphaned: !location.found,
  };
}
