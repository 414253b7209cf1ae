// Percentage agreement and Cohen's kappa from the four counts of a two-coder, coded/not-coded table.

import type { Kappa, UnitCounts } from './agreementModel';

export function percentAgreement(c: UnitCounts): number {
  const all = c.aOnly + c.bOnly + c.both + c.neither;
  return all === 0 ? 1 : (c.both + c.neither) / all;
}

/**
 * Cohen's kappa = (p_o − p_e) / (1 − p_e), p_e from each coder's marginal share. When neither coder coded anything
 * the coders agree completely and kappa is 1 (as NVivo reports it); otherwise p_e = 1 leaves kappa undefined.
 */
export function cohensKappa(c: UnitCounts): Kappa {
  const all = c.aOnly + c.bOnly + c.both + c.neither;
  if (c.aOnly + c.bOnly + c.both === 0) return 1;
  const po = (c.both + c.neither) / all;
  const pa = (c.both + c.aOnly) / all;
  const pb = (c.both + c.bOnly) / all;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  if (pe >= 1) return 'undefined';
  return (po - pe) / (1 - pe);
}

export function addCounts(into: UnitCounts, c: UnitCounts): void {
  into.aOnly += c.aOnly;
  into.bOnly += c.bOnly;
  into.both += c.both;
  into.neither += c.neither;
}

export function emptyCounts(): UnitCounts {
  return { aOnly: 0, bOnly: 0, both: 0, neither: 0 };
}
