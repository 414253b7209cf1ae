// What the Moderation view draws, built from the core's agreement figures: the coders to choose from, the theme
// rows with their kappa band, the overall figures and the disagreements (numbered, so the webview names one by
// its index and never supplies a path).

import { type AgreementReport, type AgreementResult, type AgreementUnit, codersOf, computeAgreement, type Disagreement, findDisagreements, type KappaBand, kappaBand } from '../../core';

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
  disagreements: (Omit<Disagreement, 'coder'> & { index: number; coder: string; report: string })[];
}

/** The figures for the chosen coders; with fewer than two coders (or none chosen yet), the first two. */
export function buildModerationModel(reports: readonly AgreementReport[], choice: ModerationChoice, reportLabel: (id: string) => string): { model: ModerationModel; disagreements: Disagreement[] } {
  const coders = [...codersOf(reports.map((r) => r.tags))].map(([name, tags]) => ({ name, tags })).sort((x, y) => x.name.localeCompare(y.name));
  const names = coders.map((c) => c.name);
  const coderA = choice.coderA && names.includes(choice.coderA) ? choice.coderA : names[0];
  const coderB = choice.coderB && names.includes(choice.coderB) && choice.coderB !== coderA ? choice.coderB : names.find((n) => n !== coderA);
  const base = { coders, unit: choice.unit, reports: reports.length, ...(coderA ? { coderA } : {}), ...(coderB ? { coderB } : {}) };
  if (!coderA || !coderB) return { model: { ...base, themes: [], disagreements: [] }, disagreements: [] };
  const result = computeAgreement(reports, { coderA, coderB, unit: choice.unit });
  const found = reports.flatMap((r) => findDisagreements(r, coderA, coderB));
  return {
    model: {
      ...base,
      themes: result.themes.map((t) => ({ ...t, band: kappaBand(t.kappa) })),
      overall: result.overall,
      disagreements: found.map((d, index) => ({ ...d, index, coder: d.coder === 'A' ? coderA : coderB, report: reportLabel(d.reportId) })),
    },
    disagreements: found,
  };
}
