// `report merge-tags <report> <other.tags.json>`: brings another coder's tags of the same report into the report's
// own tags file, keeping who coded what; nothing is lost or doubled (see mergeCoderTags in the core).

import { resolve } from 'node:path';
import { type MergeSummary, mergeCoderTags, NodeFileSystem, parseSidecar, type Sidecar, sidecarPathFor } from '../core';
import { parse, UsageError, type CliCommand } from './command';
import { EXIT } from './exitCodes';
import { loadProblem, openReport, saveOrReport, SIDECAR_EXIT, sidecarProblemText, storeFor } from './tagCommand';

/** What a tags file that cannot be used stopped. */
const NOT_MERGED = 'nothing was merged';

export const mergeTagsCommand: CliCommand = {
  name: 'merge-tags',
  summary: "merge another coder's tags file of the same report into the report's own",
  help: `Usage: report merge-tags <report> <other.tags.json> [--json] [--root <folder>]

Adds the tags of another copy of the report's tags file (a colleague's, or the same file from
another branch or folder) to <report>.tags.json. Each tag keeps its coder (author). A tag already
there is not added twice: the same id (the newer copy wins), or the same coder, passage and
themes. When the other file was anchored to a different text of the report, its tags are found
again in this text first; tags that cannot be found come in orphaned, with their quote, never lost.
The other file is only read.

Options:
  --json            print {sidecar, added, updated, duplicates, orphaned} as JSON
  --root <folder>   the workspace folder the tags file must stay in (default: the report's folder);
                    it must hold the report (exit code 2; 3 when it does not exist)

Exit codes: as for every command (report --help), plus
  6  a tags file is malformed, conflicted or from a newer version (nothing was changed)`,

  async run(args, io) {
    const { values, positionals } = parse('merge-tags', args, { json: { type: 'boolean' }, root: { type: 'string' } });
    if (positionals.length !== 2) throw new UsageError(`merge-tags: give the report and the other tags file (got ${positionals.length} argument${positionals.length === 1 ? '' : 's'})`);
    const [reportArg, otherArg] = positionals as [string, string];
    const report = await openReport(reportArg, io);
    if (typeof report === 'number') return report;
    const otherPath = resolve(io.cwd, otherArg);
    if (otherPath === sidecarPathFor(report.path)) throw new UsageError(`merge-tags: ${otherArg} is the report's own tags file; give another coder's copy`);
    const other = await readOther(otherPath, otherArg);
    if (typeof other === 'string') {
      io.stderr(`report: ${other}\n`);
      return SIDECAR_EXIT.sidecarProblem;
    }
    const store = await storeFor('merge-tags', report.path, reportArg, values.root, io);
    if (typeof store === 'number') return store;
    const problem = loadProblem(await store.load(report.path), NOT_MERGED);
    if (problem) {
      io.stderr(`report: ${problem}\n`);
      return SIDECAR_EXIT.sidecarProblem;
    }
    let summary: MergeSummary | undefined;
    const saved = await saveOrReport(io, () => store.save(report.path, (own) => {
      const merged = mergeCoderTags(own, other, report.text);
      summary = merged.summary;
      return merged.sidecar;
    }), NOT_MERGED);
    if (typeof saved === 'number') return saved;
    const s = summary!;
    if (values.json) {
      io.stdout(JSON.stringify({ sidecar: saved.sidecarPath, added: s.added, updated: s.updated, duplicates: s.duplicates, orphaned: s.orphaned }, null, 2) + '\n');
    } else {
      const orphaned = s.orphaned ? `; ${s.orphaned} of those added or updated ${s.orphaned === 1 ? 'is' : 'are'} orphaned (passage not found in this text: kept with ${s.orphaned === 1 ? 'its' : 'their'} words, to re-attach)` : '';
      io.stdout(`Merged ${otherArg} into ${reportArg}.tags.json: ${s.added} added, ${s.updated} updated to a newer copy, ${s.duplicates} already there${orphaned}.\n`);
    }
    if (other.report.fileName !== report.path.slice(Math.max(report.path.lastIndexOf('/'), report.path.lastIndexOf('\\')) + 1)) {
      io.stderr(`merge-tags: warning: ${otherArg} was made for "${other.report.fileName}"; check it belongs to this report.\n`);
    }
    return EXIT.ok;
  },
};

/** The other coder's sidecar, or a sentence saying why it cannot be used. */
async function readOther(path: string, shown: string): Promise<Sidecar | string> {
  const text = await new NodeFileSystem().readFile(path);
  const parsed = parseSidecar(text, shown);
  if (!parsed.ok) return sidecarProblemText(parsed.error, NOT_MERGED);
  // The parser's warning names the file already.
  if (parsed.readOnly) return `${parsed.warnings[0] ?? `${shown} was written by a newer version`} (${NOT_MERGED}.)`;
  return parsed.sidecar;
}
