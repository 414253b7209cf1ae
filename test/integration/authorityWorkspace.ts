// A workspace of tagged reports under real English authorities' names, for the Evidence view's heat map by
// authority and by region: the project's own invented Westmere reports (test/fixtures/reports) with every mention
// of Westmere given another authority's name as the reports print it, and a tags file of `tags` passages each
// (bench/benchTags.ts, one theme a passage), so a region's passages are the sum of its authorities' tags;
// `themes` keeps to the codebook's first few themes, as an analysis of a dozen themes would.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTags } from '../../bench/benchTags';
import { textHash } from '../../src/core/tags/anchoring/anchorCreation';
import { defaultCodebook } from '../../src/core/tags/codebook/defaultCodebook';
import type { Tag } from '../../src/core/tags/sidecar/sidecarModel';
import { serialiseSidecar } from '../../src/core/tags/sidecar/sidecarSerialiser';
import { SIDECAR_FORMAT, SIDECAR_SUFFIX, SIDECAR_VERSION } from '../../src/core/tags/sidecar/sidecarModel';

const FIXTURES = resolve(__dirname, '..', '..', 'test', 'fixtures', 'reports');
const TEMPLATES = ['ilacs-2019-westmere.txt', 'focused-visit-2019-westmere.txt'];

/** Tags of only the first `themes` themes of the codebook (each tag's theme moved round into that range). */
function withThemes(tags: Tag[], themes: number | undefined): Tag[] {
  if (!themes) return tags;
  const codebook = defaultCodebook().groups.flatMap((g) => g.themes).slice(0, themes);
  return tags.map((tag, i) => {
    // Uneven, as real tagging is: the first themes come up far more often than the last.
    const theme = codebook[(i * i + tags.length) % codebook.length]!;
    return { ...tag, themes: [{ id: theme.id, label: theme.label }] };
  });
}

export interface AuthorityReports {
  /** The name as the reports print it. */
  authority: string;
  /** How many reports (an ILACS inspection, then focused visits). */
  reports?: number;
  /** Tags in each report's tags file. */
  tags: number;
}

/** Writes the reports and tags files into `folder`; gives the passages written per authority. */
export function writeAuthorityWorkspace(folder: string, authorities: readonly AuthorityReports[], options: { themes?: number } = {}): Map<string, number> {
  const templates = TEMPLATES.map((name) => ({ name, text: readFileSync(join(FIXTURES, name), 'utf8') }));
  const written = new Map<string, number>();
  mkdirSync(folder, { recursive: true });
  authorities.forEach((entry, a) => {
    const slug = entry.authority.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    for (let r = 0; r < (entry.reports ?? 1); r++) {
      const template = templates[Math.min(r, templates.length - 1)]!;
      const text = template.text.split('Westmere').join(entry.authority);
      const fileName = template.name.replace('westmere', `${slug}-${r}`);
      writeFileSync(join(folder, fileName), text);
      const tags = withThemes(makeTags(text, entry.tags, 1000 + a * 10 + r), options.themes);
      writeFileSync(join(folder, fileName + SIDECAR_SUFFIX), serialiseSidecar({ format: SIDECAR_FORMAT, version: SIDECAR_VERSION, report: { fileName, textHash: textHash(text) }, tags } as Parameters<typeof serialiseSidecar>[0]));
      written.set(entry.authority, (written.get(entry.authority) ?? 0) + tags.length);
    }
  });
  return written;
}
