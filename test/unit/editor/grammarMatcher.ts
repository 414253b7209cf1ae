// A small line matcher over the TextMate grammar's top-level rules, enough to check which lines get a
// grade scope. The grammar's regexes are written in the subset Oniguruma and JavaScript share, except
// \x{HHHH}, translated here. Rules are tried in the grammar's order; the earliest match on a line wins,
// ties going to the earlier rule, as in TextMate.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Rule {
  match?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
}
interface Grammar {
  patterns: { include: string }[];
  repository: Record<string, Rule>;
}

export const grammarPath = join(import.meta.dirname, '../../../syntaxes/inspection-report.tmLanguage.json');
export const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as Grammar;

const compiled = grammar.patterns.map(({ include }) => {
  const id = include.replace(/^#/, '');
  const rule = grammar.repository[id];
  if (!rule?.match) throw new Error(`rule ${id} has no match`);
  return { id, rule, re: new RegExp(rule.match.replace(/\\x\{([0-9A-Fa-f]+)\}/g, '\\u{$1}'), 'gu') };
});

export interface ScopedText {
  rule: string;
  text: string;
  scope: string;
}

/** Every scoped piece of one line (only the first, leftmost match of each rule position, like one pass of TextMate). */
export function scopeLine(line: string): ScopedText[] {
  const out: ScopedText[] = [];
  let pos = 0;
  while (pos <= line.length) {
    let best: { id: string; rule: Rule; m: RegExpExecArray } | undefined;
    for (const c of compiled) {
      c.re.lastIndex = pos;
      const m = c.re.exec(line);
      if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { id: c.id, rule: c.rule, m };
    }
    if (!best) break;
    const { id, rule, m } = best;
    if (rule.name) out.push({ rule: id, text: m[0], scope: rule.name });
    for (const [n, cap] of Object.entries(rule.captures ?? {})) {
      const t = m[Number(n)];
      if (t) out.push({ rule: id, text: t, scope: cap.name });
    }
    pos = m.index + m[0].length;
  }
  return out;
}

/** The grade words the grammar scopes on this line, if any. */
export function gradesOnLine(line: string): string[] {
  return scopeLine(line)
    .filter((s) => s.scope.includes('constant.language.grade'))
    .map((s) => s.text);
}
