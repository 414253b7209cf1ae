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

const SIF_PATH = '/reports/harbourside-2014.txt';

/** A passage of a SIF report that sits on an item of the board's list ("What does the LSCB need to improve?"). */
export function boardItem(overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return item({
    tagId: 'b1',
    themes: [{ id: 'training', label: 'Multi-agency training' }],
    quote: 'Evaluate the impact of multi-agency training on the practice of frontline staff.',
    reportPath: SIF_PATH,
    reportFileName: 'harbourside-2014.txt',
    reportKind: 'sif-inspection',
    authority: 'Harbourside',
    reportDate: '2014-08-08',
    section: 'What does the LSCB need to improve?',
    sectionRole: 'other',
    paragraph: 131,
    judgementArea: undefined,
    grade: undefined,
    position: undefined,
    listOwner: 'lscb',
    ...overrides,
  });
}

/**
 * Two SIF reports of one authority: each lists the council's areas for improvement and the board's, and the
 * board's item recurs word for word (it must not count as the council's recurring weakness); the council's items
 * share a theme, so they do recur.
 */
export function sifEvidence(items: EvidenceItem[]): EvidenceSet {
  const board = 'Evaluate the impact of multi-agency training on the practice of frontline staff.';
  const sif = (path: string, date: string, council: string) => ({
    path,
    fileName: path.slice(path.lastIndexOf('/') + 1),
    kind: 'sif-inspection' as const,
    authority: 'Harbourside',
    date,
    judgements: [{ area: 'lscb' as const, grade: 'requires-improvement' as const }],
    improvements: [
      { text: council, priority: false, owner: 'local-authority' as const, number: 27, line: 210, themeIds: ['missing'] },
      { text: board, priority: false, owner: 'lscb' as const, number: 131, line: 980, themeIds: ['training'] },
    ],
    tagCount: items.filter((i) => i.reportPath === path).length,
    orphanedCount: 0,
  });
  return {
    generated: '2026-01-05T12:00:00.000Z',
    folders: ['/reports'],
    reports: [
      sif(SIF_PATH, '2014-08-08', 'Ensure that return home interviews are offered to every child who goes missing.'),
      sif('/reports/harbourside-2017.txt', '2017-03-01', 'Make sure that children who go missing from care are seen when they come back.'),
    ],
    items,
    themes: countThemes(items),
    recurringImprovements: [],
    gradesOverTime: [],
    problems: [],
  };
}
