// `report outline <file> [--json]`: recognise one report and print its structure.

import { basename, extname, resolve } from 'node:path';
import { outlineJson, outlineText } from '../core';
import { parse, UsageError, type CliCommand } from './command';
import { EXIT } from './exitCodes';
import { readReportFile } from './readReportFile';

export const outlineCommand: CliCommand = {
  name: 'outline',
  summary: 'show what a report contains: kind, grades, sections, areas for improvement',
  help: `Usage: report outline <file> [--json] [--markdown]

Recognises one report (plain text from pdftotext, or Markdown) and prints its outline:
kind, authority, dates, the grades it gives, the section tree and the areas for improvement.

Options:
  --json      print the model as JSON (keys: kind, authority, metadata, judgements,
              earlierJudgements, improvements, sections, paragraphs)
  --markdown  read the file as Markdown (automatic for .md / .markdown files)
  -h, --help  show this help`,

  async run(args, io) {
    const { values, positionals } = parse('outline', args, { json: { type: 'boolean' }, markdown: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('outline: missing <file> (try: report outline samples/westmere-ilacs-2025.txt)');
    if (positionals.length > 1) throw new UsageError(`outline: expected one file, got ${positionals.length}`);
    const path = positionals[0];
    const read = await readReportFile(resolve(io.cwd, path));
    if (!read.ok) {
      io.stderr(`report: ${read.message.replace(resolve(io.cwd, path), path)}\n`);
      return read.exitCode;
    }
    if (read.warning) io.stderr(`report: warning: ${read.warning.replace(resolve(io.cwd, path), path)}\n`);
    const markdown = values.markdown === true || /^\.(md|markdown)$/i.test(extname(path));
    // Loaded here, not at start-up, so `report --help` and the other commands do not pay for the engine.
    const { analyseReport } = await import('../core/recognition/analyse');
    const model = analyseReport(read.text, { markdown });
    io.stdout(values.json ? JSON.stringify(outlineJson(model), null, 2) + '\n' : outlineText(model, { fileName: basename(path) }));
    return EXIT.ok;
  },
};

