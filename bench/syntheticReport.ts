// A large SIF-style report for the benchmark, generated deterministically from the project's own SIF
// fixture (test/fixtures/reports/sif-2015-fernleigh.txt, invented text): its opening (title, judgement
// list) and its closing (descriptors, inspection team) frame many numbered paragraphs of invented prose,
// with judgement tables, areas for improvement and page footers laid out as `pdftotext -layout` prints them.

const WIDTH = 86;

/** A small seeded generator (mulberry32): the same seed gives the same report on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'Social workers', 'Managers in the front door', 'Independent reviewing officers', 'Leaders', 'Elected members',
  'Personal advisers', 'Child protection chairs', 'Partner agencies', 'Foster carers', 'The virtual school',
  'Team managers', 'Practitioners in the early help service', 'The principal social worker', 'Senior leaders',
];
const VERBS = [
  'visit children regularly and', 'know the families they work with well and', 'do not always record',
  'have improved how they', 'are beginning to', 'consistently', 'rarely', 'in most cases', 'now routinely',
];
const OBJECTS = [
  'check that plans are carried out within the timescales agreed with families',
  'see children alone, so that their wishes and feelings shape the help they receive',
  'consider the history of each family when they assess risk',
  'challenge partners when referrals do not give enough information',
  'review the progress of children looked after at regular intervals',
  'plan for permanence at the earliest opportunity',
  'support care leavers to find suitable accommodation and stay in touch',
  'use performance information to understand the quality of practice',
  'escalate concerns when drift and delay are evident in a child’s plan',
  'ensure that return home interviews are offered to every child who goes missing',
];
const TAILS = [
  'This is not yet consistent across all teams.', 'Inspectors saw some strong examples of this during the inspection.',
  'Caseloads are manageable, and staff say that they feel well supported.', 'Audits do not always identify these weaknesses.',
  'As a result, children’s circumstances improve.', 'The impact of this work is not yet evident for all children.',
  'Thresholds are understood and applied appropriately by partners.', 'Assessments are timely and mostly of good quality.',
];

const JUDGEMENT_SECTIONS: Array<{ label: string[]; grade: string; themes: string[] }> = [
  { label: ['The experiences and progress of children', 'who need help and protection'], grade: 'Inadequate', themes: ['Front door', 'Assessment and planning', 'Children missing from home'] },
  { label: ['The experiences and progress of children', 'looked after and achieving permanence'], grade: 'Requires improvement', themes: ['Placement stability', 'Permanence planning', 'Health and education'] },
  { label: ['Leadership, management and governance'], grade: 'Requires improvement', themes: ['Performance management', 'Workforce', 'Corporate parenting'] },
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function sentence(random: () => number): string {
  return `${pick(SUBJECTS, random)} ${pick(VERBS, random)} ${pick(OBJECTS, random)}. ${pick(TAILS, random)}`;
}

/** Words wrapped to `width`, the first line after `lead`, the rest after `indent` spaces. */
function wrap(words: string, lead: string, indent: number, width = WIDTH): string[] {
  const out: string[] = [];
  let line = lead;
  for (const word of words.split(' ')) {
    const start = out.length === 0 ? lead.length : indent;
    if (line.length > start && line.length + 1 + word.length > width) {
      out.push(line);
      line = ' '.repeat(indent) + word;
    } else {
      line += line.length > start ? ` ${word}` : word;
    }
  }
  out.push(line);
  return out;
}

/**
 * The report text: about `targetBytes` long (110 KB by default, the size of the longest SIF reports),
 * starting with the fixture's opening and ending with its closing pages.
 */
export function syntheticSifReport(fixture: string, targetBytes = 110_000, seed = 2015): string {
  const random = seededRandom(seed);
  const lines = fixture.split('\n');
  const contents = lines.findIndex((l) => l.startsWith('Contents'));
  const meaning = lines.findIndex((l) => l.startsWith('What the inspection judgements mean'));
  if (contents < 0 || meaning < 0) throw new Error('The SIF fixture has no "Contents" or "What the inspection judgements mean" line.');
  const opening = lines.slice(0, contents);
  const closing = lines.slice(meaning);
  const out: string[] = [...opening];
  let page = 2;
  let pageLines = 0;
  const push = (...more: string[]) => {
    for (const l of more) {
      out.push(l);
      if (++pageLines >= 54) {
        // A page break as pdftotext prints it: the page number at the right margin between blank lines.
        out.push('', '', `${' '.repeat(100)}${page++}`, '');
        pageLines = 0;
      }
    }
  };
  const closingBytes = closing.join('\n').length;
  const size = () => out.reduce((n, l) => n + l.length + 1, 0);

  push('The local authority', 'Summary of findings', 'Children’s services in the county require improvement because:');
  for (let i = 0; i < 6; i++) push(...wrap(sentence(random), ' ', 2));
  push('', 'What does the local authority need to improve?', 'Priority and immediate action', '');
  let item = 1;
  for (let i = 0; i < 3; i++, item++) push(...wrap(`Ensure that ${pick(OBJECTS, random)}.`, `${item}.`.padEnd(5), 5), '');
  push('Areas for improvement', '');
  for (const group of ['Leadership and management', 'Quality of practice', 'Partnerships']) {
    push(group, '');
    for (let i = 0; i < 4; i++, item++) push(...wrap(`Improve how ${pick(SUBJECTS, random).toLowerCase()} ${pick(OBJECTS, random)}.`, `${item}.`.padEnd(5), 5), '');
  }
  push('Inspection judgements about the local authority', '');

  let paragraph = item;
  let section = 0;
  // Judgement sections in turn, each a table then themed runs of numbered paragraphs, until the size is reached.
  while (size() + closingBytes < targetBytes) {
    const judged = JUDGEMENT_SECTIONS[section % JUDGEMENT_SECTIONS.length]!;
    push('Key judgement                               Judgement grade', '');
    const [first, second] = judged.label;
    if (second) push(first!, `${' '.repeat(44)}${judged.grade}`, second);
    else push(`${first!.padEnd(44)}${judged.grade}`);
    push('', 'Summary', '');
    for (const theme of judged.themes) {
      push(theme, '');
      const count = 4 + Math.floor(random() * 5);
      for (let k = 0; k < count && size() + closingBytes < targetBytes; k++) {
        let prose = sentence(random);
        const more = 1 + Math.floor(random() * 3);
        for (let m = 0; m < more; m++) prose += ` ${sentence(random)}`;
        push(...wrap(prose, `${paragraph++}.`.padEnd(5), 5), '');
      }
    }
    section++;
  }
  out.push(...closing);
  return out.join('\n');
}
