// Builders for the codebook tests. All report text here is invented (Northmoor is not a real authority).

import type { Codebook } from '../../../src/core/tags/codebook/codebookModel';
import type { Sidecar, Tag, TagTheme } from '../../../src/core/tags/sidecar/sidecarModel';

/** A small codebook for tests that should not depend on the built-in one. */
export function smallCodebook(): Codebook {
  return {
    groups: [
      {
        id: 'hp',
        label: 'Help and protection',
        themes: [
          { id: 'hp.missing', label: 'Children who go missing', colour: '#3f7fbf', cues: ['return home interview*', 'go missing'], groupId: 'hp' },
          { id: 'hp.front-door', label: 'Front door', colour: '#b8652a', cues: ['front door', 'multi-agency safeguarding hub', 'threshold*'], groupId: 'hp' },
        ],
      },
      {
        id: 'lm',
        label: 'Leadership and management',
        themes: [
          { id: 'lm.oversight', label: 'Management oversight', colour: '#4a9a4a', cues: ['management oversight'], groupId: 'lm' },
          { id: 'lm.workforce', label: 'Workforce', colour: '#a0509e', cues: ['caseload*', 'agency social workers', 'PLO'], groupId: 'lm' },
        ],
      },
    ],
  };
}

export function themeIds(codebook: Codebook): string[] {
  return codebook.groups.flatMap((g) => g.themes.map((t) => t.id));
}

export function findTheme(codebook: Codebook, id: string) {
  return codebook.groups.flatMap((g) => g.themes).find((t) => t.id === id);
}

export function tag(id: string, start: number, end: number, themes: TagTheme[], extra: Partial<Tag> = {}): Tag {
  return {
    id,
    themes,
    created: '2025-03-01T10:00:00.000Z',
    modified: '2025-03-01T10:00:00.000Z',
    anchor: { position: { start, end, unit: 'utf-16' }, quote: { exact: 'x', prefix: '', suffix: '' } },
    ...extra,
  };
}

export function sidecar(tags: Tag[], dismissed?: string[]): Sidecar {
  const s: Sidecar = {
    format: 'inspection-report-annotator/tags',
    version: 1,
    report: { fileName: 'northmoor.txt', textHash: '0'.repeat(64) },
    tags,
  };
  if (dismissed) s.dismissedSuggestions = dismissed;
  return s;
}
