// A long invented report for performance and property tests: plainly fictional sentences from a seeded generator,
// so every run sees the same text.

import type { Block } from './reportLayout';
import { seededRandom } from '../../../bench/syntheticReport';

// One seeded generator for the benchmark and the tests: same seed, same text everywhere.
export { seededRandom };

const SUBJECTS = ['Social workers', 'Managers', 'Leaders', 'Independent reviewing officers', 'Personal advisers', 'Family practitioners', 'Partners in health', 'The virtual school', 'Senior leaders', 'Team managers', 'Foster carers', 'Practice supervisors', 'Elected members', 'The emergency duty team', 'Police colleagues', 'Commissioners'];
const VERBS = ['review', 'record', 'understand', 'strengthen', 'oversee', 'challenge', 'update', 'plan for', 'respond to', 'listen to', 'support', 'monitor', 'visit', 'improve', 'audit', 'explain'];
const OBJECTS = ['the wishes of children', 'care plans', 'return home interviews', 'pathway plans', 'placement stability', 'the quality of assessments', 'risks to older children', 'family time arrangements', 'education plans', 'the local offer', 'private fostering visits', 'strategy discussions', 'the needs of brothers and sisters', 'housing for care leavers', 'health assessments', 'life-story work'];
const MANNERS = ['promptly', 'carefully', 'with too little urgency', 'in plain language', 'every six weeks', 'after each review', 'with partners', 'inconsistently', 'well', 'in most cases', 'with warmth', 'less effectively at weekends', 'thoroughly', 'when risks escalate', 'without delay', 'in a timely way'];
const TAILS = ['', '', ', although progress has been slower than planned', ', and children say this helps', ', but records do not always show it', ', which leaders know', ', so plans rarely drift', ', including for disabled children'];


export function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(MANNERS)}${pick(TAILS)}.`;
}

/** Blocks of a report whose plain source text is at least `minChars` long. */
export function syntheticBlocks(minChars: number, seed = 7): Block[] {
  const random = seededRandom(seed);
  const blocks: Block[] = [{ kind: 'heading', body: 'Inspection of Fernleigh local authority children\u2019s services' }];
  let chars = 0;
  let paragraph = 0;
  while (chars < minChars) {
    if (paragraph % 8 === 0) blocks.push({ kind: 'heading', body: `Findings, part ${paragraph / 8 + 1}` });
    paragraph++;
    const count = 3 + Math.floor(random() * 4);
    const body = Array.from({ length: count }, () => sentence(random)).join(' ');
    blocks.push({ kind: 'numbered', number: String(paragraph), body });
    chars += body.length + 2;
  }
  return blocks;
}
