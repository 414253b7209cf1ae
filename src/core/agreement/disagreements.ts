// Every passage where two coders disagree: for each theme, the stretches one coder coded and the other did not.

import type { AgreementReport } from './agreementModel';
import { coderThemes, subtractSpans, unionSpans } from './codedRanges';

export interface Disagreement {
  reportId: string;
  themeId: string;
  themeLabel: string;
  /** Which coder coded the passage (the other did not). */
  coder: 'A' | 'B';
  start: number;
  end: number;
  /** The passage's words, whitespace runs folded. */
  text: string;
}

export function findDisagreements(report: AgreementReport, coderA: string, coderB: string): Disagreement[] {
  const a = coderThemes(report.tags, coderA, report.text.length);
  const b = coderThemes(report.tags, coderB, report.text.length);
  const out: Disagreement[] = [];
  for (const id of new Set([...a.spans.keys(), ...b.spans.keys()])) {
    const label = a.labels.get(id) ?? b.labels.get(id) ?? id;
    const spansA = unionSpans(a.spans.get(id) ?? []);
    const spansB = unionSpans(b.spans.get(id) ?? []);
    for (const [coder, spans] of [['A', subtractSpans(spansA, spansB)], ['B', subtractSpans(spansB, spansA)]] as const) {
      for (const s of spans) {
        const text = report.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
        // A stretch of whitespace only (a line break one coder's tag ran over) is no disagreement a reader can see.
        if (text) out.push({ reportId: report.id, themeId: id, themeLabel: label, coder, start: s.start, end: s.end, text });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end || x.themeLabel.localeCompare(y.themeLabel));
}
