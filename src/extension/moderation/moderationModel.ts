// What the Moderation view draws, built from the core's agreement figures: the coders to choose from, the theme
// rows with their kappa band, the overall figures and the disagreements (numbered, so the webview names one by
// its index and never supplies a path).

import { AGREED_CODER, type AgreementReport, type AgreementResult, type AgreementUnit, codersOf, computeAgreement, type Disagreement, findDisagreements, isSettled, type KappaBand, kappaBand } from '../../core';

export interface ModerationChoice {
  coderA?: string;
  coderB?: string;
  unit: AgreementUnit;
}

export interface ModerationModel {
  coders: { name: string; tags: number }[];
  coderA?: string;
  coderB?: string;
  unit: AgreementUnit;
  reports: number;
  themes: (AgreementResult['themes'][number] & { band: KappaBand })[];
  overall?: AgreementResult['overall'];
  /** Each with whether the agreed coder has settled it (see settleDisagreement in the core). */
  disagreements: (Omit<Disagreement, 'coder'> & { index: number; coder: string; report: string; settled: boolean })[];
  /** The coder settlements are written as: never offered by default, so the view opens on the two coders. */
  agreedCoder: string;
}

/** The figures for the chosen coders; with none chosen yet, the first two by name (the agreed coder last). */
export function buildModerationModel(reports: readonly AgreementReport[], choice: ModerationChoice, reportLabel: (id: string) => string): { model: ModerationModel; disagreements: Disagreement[] } {
  const coders = [...codersOf(reports.map((r) => r.tags))].map(([name, tags]) => ({ name, tags })).sort((x, y) => x.name.localeCompare(y.name));
  const names = coders.map((c) => c.name);
  const defaults = [...names.filter((n) => n !== AGREED_CODER), ...names.filter((n) => n === AGREED_CODER)];
  const coderA = choice.coderA && names.includes(choice.coderA) ? choice.coderA : defaults[0];
  const coderB = choice.coderB && names.includes(choice.coderB) && choice.coderB !== coderA ? choice.coderB : defaults.find((n) => n !== coderA);
  const base = { coders, unit: choice.unit, reports: reports.length, agreedCoder: AGREED_CODER, ...(coderA ? { coderA } : {}), ...(coderB ? { coderB } : {}) };
  if (!coderA || !coderB) return { model: { ...base, themes: [], disagreements: [] }, disagreements: [] };
  const result = computeAgreement(reports, { coderA, coderB, unit: choice.unit });
  const found = reports.flatMap((r) => findDisagreements(r, coderA, coderB));
  const tagsOf = new Map(reports.map((r) => [r.id, r.tags]));
  const settled = (d: Disagreement) => coderA !== AGREED_CODER && coderB !== AGREED_CODER && isSettled(tagsOf.get(d.reportId) ?? [], { coderA, coderB, themeId: d.themeId, start: d.start, end: d.end });
  return {
    model: {
      ...base,
      themes: result.themes.map((t) => ({ ...t, band: kappaBand(t.kappa) })),
      overall: result.overall,
      disagreements: found.map((d, index) => ({ ...d, index, coder: d.coder === 'A' ? coderA : coderB, report: reportLabel(d.reportId), settled: settled(d) })),
    },
    disagreements: found,
  };
}
