// What can go wrong while collecting evidence, as typed problems the stages pass along, and the ONE place
// that words them for people. The Evidence view, `report aggregate` and the exports all show the message
// made here (EvidenceProblem.message); nothing decides anything from a message's text.

import type { EvidenceProblem, ProblemKind } from './evidenceModel';

/** `path` is the file (or folder) the problem is about: the one a user would open to fix it. */
export type CollectionProblem =
  | { kind: 'unreadable-folder'; path: string; reason: string }
  /** The tags file exists but could not be read from disk. */
  | { kind: 'unreadable-sidecar'; path: string; reason: string }
  /** The tags file was read but is not a usable tags file; `explanation` is the parser's own sentence. */
  | { kind: 'malformed-sidecar'; path: string; explanation: string }
  /** Written by a newer version: read as far as understood. `notice` is the parser's explanation, when it gave one. */
  | { kind: 'newer-sidecar-version'; path: string; version: number; notice?: string }
  | { kind: 'sidecar-warning'; path: string; warning: string }
  /** A tags file with no report beside it; `expectedReport` is the file name it should sit beside. */
  | { kind: 'missing-report'; path: string; expectedReport: string }
  | { kind: 'unreadable-report'; path: string; reason: string }
  | { kind: 'unanalysable-report'; path: string; reason: string }
  /** `tagsKept`: the report's tags are still listed, from its tags file. */
  | { kind: 'report-too-large'; path: string; sizeMB: number; limitMB: number; tagsKept: boolean }
  /** `path` is the tags file; the tag's stored quote is no longer in the report `reportFileName`. */
  | { kind: 'orphaned-tag'; path: string; tagId: string; quote: string; reportFileName: string };

/** The kind recorded in the evidence set (schemas/evidence.schema.json), which groups some problems together. */
const RECORDED_KIND: Record<CollectionProblem['kind'], ProblemKind> = {
  'unreadable-folder': 'unreadable-folder',
  'unreadable-sidecar': 'malformed-sidecar',
  'malformed-sidecar': 'malformed-sidecar',
  'newer-sidecar-version': 'newer-sidecar-version',
  'sidecar-warning': 'sidecar-warning',
  'missing-report': 'sidecar-without-report',
  'unreadable-report': 'unreadable-report',
  'unanalysable-report': 'unreadable-report',
  'report-too-large': 'report-too-large',
  'orphaned-tag': 'orphaned-tag',
};

/** The sentence a user reads for a problem. */
export function describeProblem(problem: CollectionProblem): string {
  switch (problem.kind) {
    case 'unreadable-folder':
      return `Cannot read folder ${problem.path}: ${problem.reason}`;
    case 'unreadable-sidecar':
      return `Cannot read ${problem.path}: ${problem.reason}`;
    case 'malformed-sidecar':
      return `${problem.explanation} Its tags are not in this evidence.`;
    case 'newer-sidecar-version':
      return problem.notice ?? `${problem.path} has format version ${problem.version}, newer than this version understands; read as far as understood.`;
    case 'sidecar-warning':
      return problem.warning;
    case 'missing-report':
      return `${problem.path} has no report beside it (expected ${problem.expectedReport}); its tags are listed from the sidecar alone.`;
    case 'unreadable-report':
      return `Cannot read report ${problem.path}: ${problem.reason}`;
    case 'unanalysable-report':
      return `Could not analyse ${problem.path}: ${problem.reason}`;
    case 'report-too-large':
      return `${problem.path} is ${problem.sizeMB} MB, over the ${problem.limitMB} MB limit for a report, so it was not read${problem.tagsKept ? '; its tags are listed from the tags file alone' : ''}. Raise "inspectionReports.analysis.maxSizeMB" (0 for no limit) if it is a report.`;
    case 'orphaned-tag':
      return `Tag ${problem.tagId} ("${shorten(problem.quote)}") could not be found in ${problem.reportFileName}; kept as orphaned with its stored quote.`;
  }
}

/** The problem as the evidence set records it (and the JSON export writes it). */
export function toEvidenceProblem(problem: CollectionProblem): EvidenceProblem {
  return {
    kind: RECORDED_KIND[problem.kind],
    path: problem.path,
    ...(problem.kind === 'orphaned-tag' ? { tagId: problem.tagId } : {}),
    message: describeProblem(problem),
  };
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
