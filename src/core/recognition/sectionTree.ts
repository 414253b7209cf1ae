// Headings -> a tree of sections with ranges. Plain text has no heading levels, so nesting comes from
// what the headings are: SIF's part headings contain sections; "Priority and immediate action" sits
// under "What does the local authority need to improve?"; a judgement section's "Summary" sits under it;
// unknown short headings are sub-headings of the section they appear in.
import type { Section, SectionRole } from './model';
import type { DocLine } from './documentLines';
import type { HeadingCandidate } from './headings';

const IMPROVEMENT_ROLES = new Set<SectionRole>(['what-needs-to-improve', 'priority-action', 'areas-for-improvement', 'recommendations']);
export function isImprovementRole(role: SectionRole): boolean {
  return IMPROVEMENT_ROLES.has(role);
}

interface Open {
  rank: number;
  section: Section;
  candidate: HeadingCandidate;
}

function rankOf(h: HeadingCandidate, stack: Open[]): number {
  if (h.depth !== undefined) return h.depth;
  const lower = h.title.toLowerCase();
  // Inside "What the inspection judgements mean", "The local authority" / "The LSCB" are its sub-headings.
  if (stack[0]?.section.role === 'descriptors' && h.role !== 'information-about-inspection' && h.role !== 'descriptors') return 1;
  switch (h.role) {
    case 'descriptors':
      return /^what the/.test(lower) ? 0 : 1;
    case 'information-about-inspection':
      return 0;
    case 'lscb':
      return /^(?:the local safeguarding|review of|local safeguarding|section 2)/.test(lower) ? 0 : 1;
    case 'other':
      if (/^(?:the local authority|inspection judge?ments about the local authority)$/.test(lower)) return 0;
      if (h.generic) {
        const top = stack[stack.length - 1];
        if (top && (top.section.role === 'title' || /^contents$/i.test(top.section.title))) return 1;
        return top && isImprovementRole(top.section.role) ? top.rank + 1 : top?.candidate.generic ? top.rank : Math.max(2, (top?.rank ?? 1) + 1);
      }
      return 1;
    case 'priority-action':
    case 'areas-for-improvement': {
      const parent = stack.find((o) => o.rank === 1);
      return parent && parent.section.role === 'what-needs-to-improve' && /^what does/i.test(parent.section.title) ? 2 : 1;
    }
    case 'summary':
    case 'findings':
    case 'recommendations':
    case 'executive-summary':
    case 'strengths': {
      const parent = stack.find((o) => o.rank === 1);
      return parent && (parent.section.role === 'judgement' || parent.section.role === 'lscb') ? 2 : 1;
    }
    default:
      return 1;
  }
}

export function buildSectionTree(headings: HeadingCandidate[], lines: DocLine[], footer: boolean[]): Section[] {
  const roots: Section[] = [];
  const stack: Open[] = [];
  const all: { section: Section; rank: number; index: number }[] = [];
  const sorted = [...headings].sort((a, b) => a.line - b.line);
  for (let k = 0; k < sorted.length; k++) {
    const h = sorted[k]!;
    if (k > 0 && h.line <= sorted[k - 1]!.lastLine) continue;
    const rank = rankOf(h, stack);
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    let role = h.role;
    if (h.generic && parent && isImprovementRole(parent.section.role)) role = 'subtopic';
    const section: Section = {
      title: h.title, role, level: stack.length + 1,
      range: { start: h.headingRange.start, end: h.headingRange.end },
      headingRange: h.headingRange, line: h.line + 1, endLine: h.lastLine + 1, children: [],
    };
    if (h.judgementArea) section.judgementArea = h.judgementArea;
    if (h.grade) section.grade = h.grade;
    (parent ? parent.section.children : roots).push(section);
    stack.push({ rank, section, candidate: h });
    all.push({ section, rank, index: h.line });
  }
  // A section ends where the next section at its level or above begins (its children lie inside it).
  const ends: number[] = new Array(all.length);
  const pending: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const depth = all[k]!.section.level;
    while (pending.length && all[pending[pending.length - 1]!]!.section.level >= depth) ends[pending.pop()!] = all[k]!.index - 1;
    pending.push(k);
  }
  for (const k of pending) ends[k] = lines.length - 1;
  for (let k = 0; k < all.length; k++) {
    const { section, index } = all[k]!;
    let last = ends[k]!;
    while (last > index && (lines[last]!.info.blank || footer[last])) last--;
    last = Math.max(last, section.endLine - 1);
    section.endLine = last + 1;
    section.range = { start: section.headingRange.start, end: Math.max(lines[last]!.start + lines[last]!.info.last, section.headingRange.end) };
  }
  return roots;
}

export function* walkSections(sections: Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.children);
  }
}
