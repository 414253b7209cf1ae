// Reading the reports two coders tagged, for an agreement: each report's text (through the one report reader)
// and its sidecar's tags, re-anchored in memory when the text changed since tagging. Nothing is written.
// A folder contributes every report that has a sidecar: an untagged report was not part of the moderation.

import { findEvidenceFiles } from '../evidence/evidenceFiles';
import type { IFileSystem } from '../platform/fs/fileSystem';
import { readReportText } from '../platform/fs/reportReading';
import { needsReanchoring, reanchorTags } from '../tags/anchoring/reanchoring';
import type { Tag } from '../tags/sidecar/sidecarModel';
import { parseSidecar } from '../tags/sidecar/sidecarParser';
import { sidecarPathFor } from '../tags/sidecar/sidecarStore';
import type { AgreementReport } from './agreementModel';

export interface AgreementReading {
  reports: AgreementReport[];
  /** One sentence each: a malformed sidecar, an unreadable report, a re-anchoring that orphaned tags. */
  problems: string[];
}

export interface AgreementReadingOptions {
  /** The report's numbered paragraphs (for paragraph units); omitted, paragraphs are blank-line blocks. */
  numberedParagraphs?: (text: string, path: string) => readonly { start: number; end: number }[];
}

/** Reads report files and folders (recursively). A path that is neither raises the file system's error. */
export async function readAgreementReports(paths: readonly string[], fs: IFileSystem, options: AgreementReadingOptions = {}): Promise<AgreementReading> {
  const reading: AgreementReading = { reports: [], problems: [] };
  for (const path of paths) {
    const stat = await fs.stat(path);
    if (stat?.kind === 'directory') {
      const { pairs, problems } = await findEvidenceFiles([path], fs);
      for (const p of problems) reading.problems.push(`${p.path}: ${'reason' in p ? String(p.reason) : p.kind}`);
      for (const pair of pairs) if (pair.reportPath && pair.sidecarPath) await readOne(pair.reportPath, pair.sidecarPath, fs, options, reading);
    } else {
      // A report given by name is read even without a sidecar: then it is untagged, not an error.
      await readOne(path, sidecarPathFor(path), fs, options, reading, true);
    }
  }
  return reading;
}

async function readOne(reportPath: string, sidecarPath: string, fs: IFileSystem, options: AgreementReadingOptions, into: AgreementReading, named = false): Promise<void> {
  // A report named and also inside a folder named counts once.
  if (into.reports.some((r) => r.id === reportPath)) return;
  let text: string;
  try {
    text = await readReportText(fs, reportPath);
  } catch (error) {
    // A report named on the command line must be readable; one found in a folder is skipped and listed.
    if (named) throw error;
    into.problems.push((error as Error).message);
    return;
  }
  const tags = (await readTags(sidecarPath, text, fs, into.problems)).map(withCoderNormalised);
  const numbered = options.numberedParagraphs?.(text, reportPath);
  into.reports.push({ id: reportPath, text, tags, ...(numbered ? { numberedParagraphs: numbered } : {}) });
}

/**
 * A coder's name in one Unicode form (NFC), in memory only: "Zoë" typed on one machine and stored decomposed by
 * another tool print alike and are one coder, here and in the --coder a user types.
 */
function withCoderNormalised(tag: Tag): Tag {
  const author = tag.author?.normalize('NFC');
  return author === tag.author ? tag : { ...tag, author };
}

async function readTags(sidecarPath: string, text: string, fs: IFileSystem, problems: string[]): Promise<Tag[]> {
  if (!(await fs.stat(sidecarPath))) return [];
  const parsed = parseSidecar(await fs.readFile(sidecarPath), sidecarPath.slice(Math.max(sidecarPath.lastIndexOf('/'), sidecarPath.lastIndexOf('\\')) + 1));
  if (!parsed.ok) {
    problems.push(`${sidecarPath}: left out: ${parsed.error.message}`);
    return [];
  }
  if (!needsReanchoring(parsed.sidecar, text)) return parsed.sidecar.tags;
  // The report changed since tagging (or a stored place does not hold its words): find each passage again, as
  // opening the report would (in memory only).
  const reanchored = reanchorTags(parsed.sidecar.tags, text);
  if (reanchored.summary.orphaned > 0) problems.push(`${sidecarPath}: ${reanchored.summary.orphaned} tag(s) could not be found in the changed report and are left out`);
  return reanchored.tags;
}
