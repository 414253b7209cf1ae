// `report reanchor <report> [--json] [--always]`: finds a report's tags again after its text changed
// (its hash differs from the sidecar's), saves the sidecar, and says how many stayed, moved or were orphaned.

import { type ReanchorTagResult, reanchorTags, type Tag, tagsHoldTheirWords, textHash } from '../core';
import { EXIT } from './exitCodes';
import { parse, type CliCommand } from './command';
import { analyseForContext, contextIn, loadProblem, onePositional, openReport, saveOrReport, SIDECAR_EXIT, storeFor } from './tagCommand';

/** What a tags file that cannot be used stopped. */
const NOT_REANCHORED = 'its tags were not re-anchored; nothing was changed';

export const reanchorCommand: CliCommand = {
  name: 'reanchor',
  summary: "find a report's tags again after its text changed, and save them",
  help: `Usage: report reanchor <report> [--always] [--json] [--root <folder>]

When the report's text differs from the text its tags were anchored to (the sidecar's textHash),
or a tag's stored position does not hold its quoted words, finds each tag's passage again by its
quote and context, writes the sidecar, and prints how many tags stayed, moved or were orphaned.
An orphaned tag keeps its quote and is never moved to the wrong words; re-attach it in the editor.

Options:
  --always          re-anchor even when the text hash is unchanged
  --json            print {sidecar, changed, summary, results} as JSON
  --root <folder>   the workspace folder the sidecar must stay in (default: the report's folder);
                    it must hold the report (exit code 2; 3 when it does not exist)

Exit codes: as for every command (report --help), plus
  6  the tags file is malformed, conflicted or from a newer version (it was not changed)`,

  async run(args, io) {
    const { values, positionals } = parse('reanchor', args, {
      always: { type: 'boolean' },
      json: { type: 'boolean' },
      root: { type: 'string' },
    });
    const reportArg = onePositional('reanchor', positionals);
    const report = await openReport(reportArg, io);
    if (typeof report === 'number') return report;
    const store = await storeFor('reanchor', report.path, reportArg, values.root, io);
    if (typeof store === 'number') return store;
    const loaded = await store.load(report.path);
    const problem = loadProblem(loaded, NOT_REANCHORED);
    if (problem) {
      io.stderr(`report: ${problem}\n`);
      return SIDECAR_EXIT.sidecarProblem;
    }
    if (loaded.status !== 'loaded') {
      const summary = { stayed: 0, moved: 0, orphaned: 0 };
      if (values.json) io.stdout(JSON.stringify({ sidecar: null, changed: false, summary, results: [] }, null, 2) + '\n');
      else io.stdout(`${reportArg} has no tags (no ${reportArg}.tags.json); nothing to re-anchor.\n`);
      return EXIT.ok;
    }
    // Such as a position that does not fit its quote: the file is still used, and the user told.
    for (const warning of loaded.warnings) io.stderr(`report: ${warning}\n`);
    const hash = textHash(report.text);
    const changed = loaded.sidecar.report.textHash !== hash;
    // The same text, but a stored place that does not hold its quote (a hand-edited file): found again by its words.
    const misplaced = !changed && !tagsHoldTheirWords(loaded.sidecar.tags, report.text);
    // Unchanged text: tags stay where they are, and orphans stay orphaned.
    let results: ReanchorTagResult[] = loaded.sidecar.tags.map((t) => (t.orphaned ? { id: t.id, status: 'orphaned', reason: 'not-found' } : { id: t.id, status: 'stayed' }));
    let summary = { stayed: results.filter((r) => r.status === 'stayed').length, moved: 0, orphaned: results.filter((r) => r.status === 'orphaned').length };
    let tags: Tag[] = loaded.sidecar.tags;
    if (changed || misplaced || values.always) {
      const outcome = reanchorTags(loaded.sidecar.tags, report.text);
      ({ summary, results } = outcome);
      // Moved tags sit in another place of the report now: record where.
      const model = summary.moved > 0 ? await analyseForContext(report.text, report.path) : undefined;
      tags = outcome.tags.map((tag, i) => {
        if (outcome.results[i]!.status !== 'moved' || !model) return tag;
        const context = contextIn(model, tag.anchor.position);
        const { context: _old, ...rest } = tag;
        return context ? { ...rest, context } : rest;
      });
      const byId = new Map(tags.map((t) => [t.id, t]));
      const saved = await saveOrReport(io, () =>
        store.save(report.path, (sidecar) => ({
          ...sidecar,
          report: { ...sidecar.report, textHash: hash },
          tags: sidecar.tags.map((t) => byId.get(t.id) ?? t),
        })),
        NOT_REANCHORED,
      );
      if (typeof saved === 'number') return saved;
    }
    if (values.json) {
      io.stdout(JSON.stringify({ sidecar: loaded.sidecarPath, changed, summary, results }, null, 2) + '\n');
      return EXIT.ok;
    }
    const lead = changed
      ? `${reportArg} changed since its tags were anchored.`
      : misplaced
        ? `${reportArg} is unchanged, but a stored position did not hold its tag's words; re-anchored by the words.`
        : values.always
          ? `${reportArg} is unchanged; re-anchored anyway.`
          : `${reportArg} is unchanged since its tags were anchored; nothing to do.`;
    io.stdout(`${lead}\n${summary.stayed} stayed, ${summary.moved} moved, ${summary.orphaned} orphaned (${tags.length} tag${tags.length === 1 ? '' : 's'}).\n`);
    for (const [i, result] of results.entries()) {
      if (result.status !== 'orphaned') continue;
      const quote = tags[i]?.anchor.quote.exact ?? '';
      io.stdout(`  orphaned ${result.id} (${result.reason ?? 'not found'}): "${quote.length > 60 ? quote.slice(0, 57) + '...' : quote}"\n`);
    }
    return EXIT.ok;
  },
};
