// The Evidence view's heat map by authority and by region: passages per theme summed over each authority's
// reports and each region's authorities, counted here in the extension host from the theme counts per report
// (themes x reports numbers, not passages), so the webview draws 150 authorities without walking any passages.
// Every report of the set counts its authority in, even with no passage: the gaps are part of the picture.

import type { EvidenceReport, ThemeSummary } from './evidenceModel';
import { ENGLISH_REGIONS, OTHER_REGION, regionKey, regionOf } from '../vocabulary/regions';

/** One row (or column) of the heat map: an authority or a region, with its passages per theme. */
export interface HeatGroup {
  /** Stable id: the authority's key (see regionKey) or the region's name. */
  key: string;
  label: string;
  /** The ONS region, or OTHER_REGION. */
  region: string;
  /** Reports of this group in the set (with passages or not). */
  reports: number;
  /** Passages, counted once per theme they carry (as the themes' totals are). */
  total: number;
  /** Theme id -> passages; themes without any are absent. */
  perTheme: Record<string, number>;
  /** A region's authorities (a region's group only). */
  authorities?: number;
}

export interface AuthorityHeat {
  /** By region in ONS order (OTHER_REGION last), then by name. */
  authorities: HeatGroup[];
  /** The regions that hold a report, in ONS order, OTHER_REGION last. */
  regions: HeatGroup[];
}

/** How a report that names no authority is grouped. */
export const NO_AUTHORITY_LABEL = 'No authority named';

const REGION_ORDER = new Map<string, number>([...ENGLISH_REGIONS, OTHER_REGION].map((r, i) => [r, i]));

export function buildAuthorityHeat(reports: readonly Pick<EvidenceReport, 'path' | 'authority'>[], themes: readonly ThemeSummary[]): AuthorityHeat {
  const byKey = new Map<string, HeatGroup & { spellings: Set<string> }>();
  const groupOfReport = new Map<string, HeatGroup>();
  // Thousands of reports name a few hundred authorities: each name is keyed once.
  const groupOfName = new Map<string | undefined, HeatGroup & { spellings: Set<string> }>();
  for (const report of reports) {
    const name = report.authority?.trim() || undefined;
    let group = groupOfName.get(name);
    if (!group) {
      const key = name ? regionKey(name) || name.toLowerCase() : '';
      group = byKey.get(key);
      if (!group) {
        group = { key, label: name ?? NO_AUTHORITY_LABEL, region: regionOf(name) ?? OTHER_REGION, reports: 0, total: 0, perTheme: {}, spellings: new Set() };
        byKey.set(key, group);
      }
      if (name) group.spellings.add(name);
      groupOfName.set(name, group);
    }
    group.reports++;
    groupOfReport.set(report.path, group);
  }
  for (const theme of themes) {
    // Summed per group first: one write per group and theme, not one per report.
    const sums = new Map<HeatGroup, number>();
    for (const path in theme.perReport) {
      const group = groupOfReport.get(path);
      if (group) sums.set(group, (sums.get(group) ?? 0) + theme.perReport[path]!);
    }
    for (const [group, n] of sums) {
      group.perTheme[theme.themeId] = (group.perTheme[theme.themeId] ?? 0) + n;
      group.total += n;
    }
  }
  const authorities: HeatGroup[] = [...byKey.values()].map(({ spellings, ...group }) => ({ ...group, label: shortestSpelling(spellings) ?? group.label }));
  authorities.sort((a, b) => REGION_ORDER.get(a.region)! - REGION_ORDER.get(b.region)! || a.label.localeCompare(b.label));
  return { authorities, regions: sumByRegion(authorities) };
}

/** "Trafford" over "Trafford Council's": the plainest of the ways the reports print the name. */
function shortestSpelling(spellings: Set<string>): string | undefined {
  return [...spellings].sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
}

function sumByRegion(authorities: readonly HeatGroup[]): HeatGroup[] {
  const regions = new Map<string, HeatGroup>();
  for (const a of authorities) {
    let region = regions.get(a.region);
    if (!region) {
      region = { key: a.region, label: a.region, region: a.region, reports: 0, total: 0, perTheme: {}, authorities: 0 };
      regions.set(a.region, region);
    }
    region.reports += a.reports;
    region.authorities!++;
    region.total += a.total;
    for (const [theme, n] of Object.entries(a.perTheme)) region.perTheme[theme] = (region.perTheme[theme] ?? 0) + n;
  }
  // Authorities come in region order, so the regions do too.
  return [...regions.values()];
}
