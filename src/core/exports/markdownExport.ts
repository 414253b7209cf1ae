// Markdown: passages grouped by theme (with where in the judgements they sit), each with its citation; then the reports with no tagged
// passages (the gaps), areas for improvement that recur, and the problems met. Report text is escaped.

import type { EvidenceItem, EvidenceSet } from '../evidence/evidenceModel';
import { formatCitation, longDate } from '../evidence/citation';
import { inertMarkdown } from './markdownText';
import { NO_JUDGEMENT_AREA } from '../evidence/themeCounts';
import { JUDGEMENT_AREAS } from '../recognition/model';
import { areaLabel, kindCitation, OWNER_WORDS } from '../vocabulary/labels';
import { recurringScopeNote } from '../evidence/recurringImprovements';

export interface MarkdownExportOptions {
  title?: string;
}

function passage(item: EvidenceItem): string[] {
  const lines = [`> ${inertMarkdown(item.quote)}`, '', `— ${inertMarkdown(formatCitation(item))}`];
  // The board's items are the board's to act on, not the council's: say so beside the passage.
  if (item.listOwner && item.listOwner !== 'local-authority') {
    const { name, short } = OWNER_WORDS[item.listOwner];
    lines.push('', `On the list of ${inertMarkdown(name)} (${inertMarkdown(short)}), not the local authority's.`);
  }
  if (item.note) lines.push('', `Note${item.author ? ` (${inertMarkdown(item.author)})` : ''}: ${inertMarkdown(item.note)}`);
  else if (item.author) lines.push('', `Tagged by ${inertMarkdown(item.author)}`);
  lines.push('');
  return lines;
}

/** "Help and protection 3, Children in care 1, outside judgement sections 2", in the order judgements come. */
function areaBreakdown(perArea: Record<string, number>): string {
  const parts = JUDGEMENT_AREAS.filter((a) => perArea[a]).map((a) => `${areaLabel(a)} ${perArea[a]}`);
  if (perArea[NO_JUDGEMENT_AREA]) parts.push(`outside judgement sections ${perArea[NO_JUDGEMENT_AREA]}`);
  return parts.join(', ');
}

export function exportMarkdown(set: EvidenceSet, options: MarkdownExportOptions = {}): string {
  const out: string[] = [`# ${inertMarkdown(options.title ?? 'Evidence by theme')}`, ''];
  const tagged = new Set(set.items.map((i) => i.reportPath));
  out.push(
    `${set.items.length} tagged passage${set.items.length === 1 ? '' : 's'} from ${tagged.size} of ${set.reports.length} report${set.reports.length === 1 ? '' : 's'}; generated ${longDate(set.generated)}.`,
    '',
  );

  for (const theme of set.themes) {
    out.push(`## ${inertMarkdown(theme.label)} (${theme.total})`, '');
    const where = areaBreakdown(theme.perArea);
    if (where) out.push(`In the judgements: ${where}.`, '');
    for (const item of set.items) if (item.themes.some((t) => t.id === theme.themeId)) out.push(...passage(item));
  }

  const gaps = set.reports.filter((r) => !tagged.has(r.path));
  if (gaps.length > 0) {
    out.push('## Reports with no tagged passages', '');
    for (const report of gaps) {
      const label = [report.authority, kindCitation(report.kind), report.date ? longDate(report.date) : undefined].filter(Boolean).join(', ');
      out.push(`- ${inertMarkdown(report.fileName)}${label ? ` (${inertMarkdown(label)})` : ''}`);
    }
    out.push('');
  }

  const imported = set.reports.filter((r) => r.source);
  if (imported.length > 0) {
    out.push('## Reports imported from PDF', '');
    for (const report of imported) {
      const { pdf, sha256, importer } = report.source!;
      out.push(`- ${inertMarkdown(report.fileName)}: from ${inertMarkdown(pdf)} (SHA-256 \`${sha256}\`), by ${inertMarkdown(importer)}`);
    }
    out.push('');
  }

  if (set.recurringImprovements.length > 0) {
    out.push('## Recurring areas for improvement', '');
    const scope = recurringScopeNote(set.reports);
    if (scope) out.push(inertMarkdown(scope), '');
    for (const recurring of set.recurringImprovements) {
      out.push(`### ${inertMarkdown(recurring.authority)}: ${recurring.years.join(', ') || 'undated'}`, '');
      for (const o of recurring.occurrences) out.push(`- ${o.year ?? 'undated'}: ${inertMarkdown(o.text)}`);
      out.push('');
    }
  }

  if (set.problems.length > 0) {
    out.push('## Problems', '');
    for (const problem of set.problems) out.push(`- ${inertMarkdown(problem.message)}`);
    out.push('');
  }
  return out.join('\n');
}
