// A small invented focused-visit letter (Ashcombe is not a real authority), its tags file, and an in-memory
// workspace in which a draft cites it, for the citation parser and checker tests.

import { createAnchor } from '../../../src/core/tags/anchoring/anchorCreation';
import { emptySidecar } from '../../../src/core/tags/sidecar/emptySidecar';
import type { Sidecar, Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { textHash } from '../../../src/core/tags/sidecar/textHash';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';

export const REPORT_PATH = '/ws/reports/ashcombe-fv-2025.txt';
export const DRAFT_PATH = '/ws/sef.md';

export const REPORT =
  'Focused visit to Ashcombe children’s services\n\n' +
  'Inspectors looked at the local authority’s arrangements for children in need of help and protection.\n\n' +
  'Headline findings\n\n' +
  '3. Most children are seen regularly and alone by social workers who know them well. Their wishes and\n' +
  'feelings are recorded and inform their plans.\n\n' +
  '4. Too many strategy discussions do not include health partners, so decisions are made without all the\n' +
  'information that is known about children.\n\n' +
  '5. Senior leaders have a realistic understanding of the quality of practice.\n';

export const PASSAGES = {
  seen: 'Most children are seen regularly and alone by social workers who know them well.',
  strategy: 'Too many strategy discussions do not include health partners, so decisions are made without all the\ninformation that is known about children.',
  leaders: 'Senior leaders have a realistic understanding of the quality of practice.',
};

export function tagOn(text: string, id: string, words: string, extra: Partial<Tag> = {}): Tag {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`fixture: "${words}" is not in the report`);
  return {
    id,
    themes: [{ id: 'voice', label: 'Voice of the child' }],
    created: '2025-07-01T00:00:00.000Z',
    modified: '2025-07-01T00:00:00.000Z',
    anchor: createAnchor(text, start, start + words.length),
    ...extra,
  };
}

export function sidecarFor(text: string, tags: Tag[]): Sidecar {
  return { ...emptySidecar('ashcombe-fv-2025.txt', textHash(text), { kind: 'focused-visit', authority: 'Ashcombe' }), tags };
}

export function standardTags(text = REPORT): Tag[] {
  return [
    tagOn(text, 't1', PASSAGES.seen, { note: 'Strength to lead with' }),
    tagOn(text, 't2', PASSAGES.strategy, { themes: [{ id: 'partnership', label: 'Partnership working' }] }),
    tagOn(text, 't3', PASSAGES.leaders),
  ];
}

/** A workspace with the report and its tags file (tagged against `taggedText`, the report now holding `text`). */
export function workspace(text = REPORT, tags = standardTags(), taggedText = text): MemoryFileSystem {
  return new MemoryFileSystem({
    [REPORT_PATH]: text,
    [REPORT_PATH + '.tags.json']: JSON.stringify(sidecarFor(taggedText, tags), null, 2),
  });
}
