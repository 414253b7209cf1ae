// Invented report text and sidecar builders for the sidecar tests (no real report is copied here).

import { createHash } from 'node:crypto';
import type { Anchor, Sidecar, Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { emptySidecar } from '../../../src/core/tags/tagOperations';

export const REPORT_NAME = 'Inspection of Northmoor local authority childrens services.txt';

export const REPORT_TEXT = [
  'Inspection of Northmoor local authority children\u2019s services',
  '',
  'Inspection dates: 3 to 14 March 2025',
  '',
  'The experiences and progress of children in care: requires improvement to be good',
  '',
  '1. Social workers in Northmoor visit children regularly and know them well.',
  '2. Too many children wait too long for permanence; plans drift after review.',
  '3. Leaders have recently strengthened the quality assurance framework.',
  '',
].join('\n');

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function anchorFor(text: string, exact: string, occurrence = 0): Anchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`"${exact}" not in text`);
  const end = start + exact.length;
  return {
    position: { start, end, unit: 'utf-16' },
    quote: { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
  };
}

export function makeTag(id: string, exact: string, overrides: Partial<Tag> = {}): Tag {
  return {
    id,
    themes: [{ id: 'permanence', label: 'Permanence' }],
    created: '2026-01-05T10:00:00.000Z',
    modified: '2026-01-05T10:00:00.000Z',
    anchor: anchorFor(REPORT_TEXT, exact),
    ...overrides,
  };
}

export function makeSidecar(tags: Tag[] = [], extra: Partial<Sidecar> = {}): Sidecar {
  return { ...emptySidecar(REPORT_NAME, sha256(REPORT_TEXT), { kind: 'ilacs-inspection', authority: 'Northmoor' }), tags, ...extra };
}

/** What git writes when both sides changed the same region: one hunk between the common head and tail. */
export function conflicted(ours: string, theirs: string, base?: string): string {
  const versions = [ours, theirs, ...(base === undefined ? [] : [base])].map((v) => v.split('\n'));
  const shortest = Math.min(...versions.map((v) => v.length));
  let head = 0;
  while (head < shortest && versions.every((v) => v[head] === versions[0]![head])) head++;
  let tail = 0;
  while (tail < shortest - head && versions.every((v) => v[v.length - 1 - tail] === versions[0]![versions[0]!.length - 1 - tail])) tail++;
  const middle = (v: string[]) => v.slice(head, v.length - tail);
  const [a, b, c] = versions;
  const baseLines = c ? ['||||||| merged common ancestors', ...middle(c)] : [];
  return [...a!.slice(0, head), '<<<<<<< HEAD', ...middle(a!), ...baseLines, '=======', ...middle(b!), '>>>>>>> feature/qa-pass', ...a!.slice(a!.length - tail)].join('\n');
}
