// How a kappa is commonly read, for the coloured bands of the Moderation view: below 0.4 poor, 0.4 to 0.75
// fair to good, above 0.75 excellent (Fleiss's reading; NVivo's documentation uses the same bands).

import type { Kappa } from './agreementModel';

export type KappaBand = 'low' | 'fair' | 'high' | 'none';

export function kappaBand(kappa: Kappa): KappaBand {
  if (kappa === 'undefined') return 'none';
  if (kappa < 0.4) return 'low';
  return kappa > 0.75 ? 'high' : 'fair';
}
