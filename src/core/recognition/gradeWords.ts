// Grade words and judgement-area labels as reports print them, mapped to the model's values.
import type { Grade, JudgementArea } from './model';

/** A whole grade as printed, in any of its spellings ("Requires improvement to be good", "require improvement"). */
export const GRADE_PATTERN = String.raw`(?:outstanding|good|inadequate|adequate|requires? improvement(?: to be good)?)`;

/** GRADE_PATTERN with each word's first letter in either case, for regexes that must stay case-sensitive elsewhere. */
export const GRADE_PATTERN_ANY_CASE = String.raw`(?:[Oo]utstanding|[Gg]ood|[Ii]nadequate|[Aa]dequate|[Rr]equires? [Ii]mprovement(?: to be [Gg]ood)?)`;

export function parseGrade(text: string): Grade | undefined {
  const t = text.toLowerCase();
  if (t.includes('outstanding')) return 'outstanding';
  if (t.includes('improvement')) return 'requires-improvement';
  if (t.includes('inadequate')) return 'inadequate';
  if (/\bgood\b/.test(t)) return 'good';
  if (/\badequate\b/.test(t)) return 'adequate';
  return undefined;
}

/**
 * The area a judgement label names. 2018-2022 ILACS reports judge children in care and care leavers
 * together; we map that combined area to `in-care`, the children it mostly concerns, so a grade for
 * "children in care" is comparable across frameworks.
 */
const areaCache = new Map<string, JudgementArea | undefined>();

export function parseArea(label: string): JudgementArea | undefined {
  if (areaCache.has(label)) return areaCache.get(label);
  const area = readArea(label);
  if (areaCache.size > 20_000) areaCache.clear();
  areaCache.set(label, area);
  return area;
}

function readArea(label: string): JudgementArea | undefined {
  const t = label.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
  if (/safeguarding children board|\blscb\b/.test(t)) return 'lscb';
  if (/overall effectiveness|overall judge?ment|^overall$/.test(t)) return 'overall';
  if (/impact of leaders|leadership,? management|leadership and management|^leadership$/.test(t)) return 'leaders';
  if (/adoption/.test(t)) return 'adoption';
  if (/^outcomes for looked after children/.test(t)) return 'in-care';
  if (/help and protection|help and\/or protection/.test(t)) return 'help-protection';
  if (/children in care and care leavers|looked after and achieving permanence|children looked after|children in care/.test(t) && !/^(?:the )?(?:experiences and progress of )?(?:children )?care leavers/.test(t)) {
    return 'in-care';
  }
  if (/care leavers/.test(t)) return 'care-leavers';
  return undefined;
}

/** A table cell that is a grade or a piece of one wrapped over two lines ("Requires" / "improvement to be good"). */
export const GRADE_CELL = /^(?:outstanding|good|inadequate|adequate|requires?|requires? improvement(?: to(?: be)?)?(?: good)?|improvement(?: to(?: be)?)?(?: good)?|(?:to )?be good)$/i;

/** A grade printed in full: another grade after it starts a new table row. */
export const GRADE_COMPLETE = /^(?:outstanding|good|inadequate|adequate|requires? improvement(?: to be good)?)$/i;
