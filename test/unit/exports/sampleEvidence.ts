// A small evidence set, written out in full so each export's exact output can be checked.

import type { EvidenceItem, EvidenceSet } from '../../../src/core/evidence/evidenceModel';
import { countThemes } from '../../../src/core/evidence/themeCounts';

export const REPORT_TEXT =
  'Inspection of Westmere local authority children’s services\n' +
  '23. Children in care 🧒 live in stable homes.\n' +
  'Most plans are “specific”, said one manager.\n';

export function item(overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    tagId: 't1',
    themes: [{ id: 'stability', label: 'Placement stability' }],
    quote: 'Children in care 🧒 live in stable homes.',
    reportPath: '/reports/westmere-2024.txt',
    reportFileName: 'westmere-2024.txt',
    reportKind: 'ilacs-inspection',
    authority: 'Westmere',
    reportDate: '2024-03-12',
    section: 'The experiences and progress of children in care: good',
    sectionRole: 'judgement',
    paragraph: 23,
    judgementArea: 'in-care',
    grade: 'good',
    orphaned: false,
    position: { start: REPORT_TEXT.indexOf('Children'), end: REPORT_TEXT.indexOf('homes.') + 6 },
    created: '2024-03-20T10:00:00.000Z',
    modified: '2024-03-20T10:00:00.000Z',
    ...overrides,
  };
}

export function evidence(items: EvidenceItem[]): EvidenceSet {
  return {
    generated: '2026-01-05T12:00:00.000Z',
    folders: ['/reports'],
    reports: [
      {
        path: '/reports/westmere-2024.txt',
        fileName: 'westmere-2024.txt',
        kind: 'ilacs-inspection',
        authority: 'Westmere',
        date: '2024-03-12',
        judgements: [{ area: 'in-care', grade: 'good' }],
        improvements: [],
        sidecarPath: '/reports/westmere-2024.txt.tags.json',
        tagCount: items.length,
        orphanedCount: items.filter((i) => i.orphaned).length,
      },
      {
        path: '/reports/kingsbridge-2023.txt',
        fileName: 'kingsbridge-2023.txt',
        kind: 'focused-visit',
        authority: 'Kingsbridge',
        date: '2023-06-14',
        judgements: [],
        improvements: [],
        tagCount: 0,
        orphanedCount: 0,
      },
    ],
    items,
    themes: countThemes(items),
    recurringImprovements: [],
    gradesOverTime: [],
    problems: [],
  };
}
