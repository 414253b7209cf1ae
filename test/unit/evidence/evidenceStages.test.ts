import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { describeProblem, toEvidenceProblem, type CollectionProblem } from '../../../src/core/evidence/evidenceProblems';
import { findEvidenceFiles } from '../../../src/core/evidence/evidenceFiles';
import { readSidecar } from '../../../src/core/evidence/readSidecar';
import { resolveReport, type ReportSettings } from '../../../src/core/evidence/resolveReport';
import { collectPassages } from '../../../src/core/evidence/collectPassages';
import { summariseEvidence } from '../../../src/core/evidence/summariseEvidence';
import { readSidecarForEvidence, type SidecarParser } from '../../../src/core/evidence/sidecarReading';
import type { Sidecar } from '../../../src/core/tags/sidecar/sidecarModel';
import { buildModel, fixtureAnalyser } from './fixtureModels';

const LETTER = 'Monitoring visit to Eastholm children’s services\n\nHello. Practice has improved since the last visit.\n';

function tag(id: string, exact: string, start: number) {
  return {
    id,
    themes: [{ id: 'supervision', label: 'Supervision' }],
    created: '2024-02-01T10:00:00.000Z',
    modified: '2024-02-01T10:00:00.000Z',
    anchor: { position: { start, end: start + exact.length, unit: 'utf-16' }, quote: { exact, prefix: '', suffix: '' } },
    context: { section: 'Main findings', sectionRole: 'main-findings' },
  };
}

function sidecarText(fileName: string, tags: unknown[], version = 1): string {
  return JSON.stringify({
    format: 'inspection-report-annotator/tags',
    version,
    report: { fileName, textHash: 'a'.repeat(64), kind: 'monitoring-visit', authority: 'Eastholm', date: '2024-01-09' },
    tags,
  });
}

const settings = (overrides: Partial<ReportSettings> = {}): ReportSettings => ({ analyse: fixtureAnalyser, maxReportMB: 2, ...overrides });

describe('evidence problems: one wording per typed problem', () => {
  it('words each problem as the Evidence view, the CLI and the exports show it, under its recorded kind', () => {
    const cases: Array<[CollectionProblem, string, string]> = [
      [{ kind: 'unreadable-folder', path: '/r', reason: 'EACCES: permission denied' }, 'unreadable-folder', 'Cannot read folder /r: EACCES: permission denied'],
      [{ kind: 'unreadable-sidecar', path: '/r/a.txt.tags.json', reason: 'EIO' }, 'malformed-sidecar', 'Cannot read /r/a.txt.tags.json: EIO'],
      [{ kind: 'malformed-sidecar', path: '/r/a.txt.tags.json', explanation: 'a.txt.tags.json is not valid JSON.' }, 'malformed-sidecar', 'a.txt.tags.json is not valid JSON. Its tags are not in this evidence.'],
      [{ kind: 'newer-sidecar-version', path: '/r/a.txt.tags.json', version: 3 }, 'newer-sidecar-version', '/r/a.txt.tags.json has format version 3, newer than this version understands; read as far as understood.'],
      [{ kind: 'missing-report', path: '/r/lone.txt.tags.json', expectedReport: 'lone.txt' }, 'sidecar-without-report', '/r/lone.txt.tags.json has no report beside it (expected lone.txt); its tags are listed from the sidecar alone.'],
      [{ kind: 'unreadable-report', path: '/r/a.txt', reason: 'EIO: i/o error' }, 'unreadable-report', 'Cannot read report /r/a.txt: EIO: i/o error'],
      [{ kind: 'unanalysable-report', path: '/r/a.txt', reason: 'engine failed' }, 'unreadable-report', 'Could not analyse /r/a.txt: engine failed'],
      [
        { kind: 'report-too-large', path: '/r/big.txt', sizeMB: 2.1, limitMB: 2, tagsKept: false },
        'report-too-large',
        '/r/big.txt is 2.1 MB, over the 2 MB limit for a report, so it was not read. Raise "inspectionReports.analysis.maxSizeMB" (0 for no limit) if it is a report.',
      ],
    ];
    for (const [problem, kind, message] of cases) assert.deepEqual(toEvidenceProblem(problem), { kind, path: problem.path, message });
  });

  it('gives an orphaned tag its id, and shortens a long quote to one line', () => {
    const quote = 'Leaders have\n  strengthened the oversight of plans for children in need, and plans are now reviewed on time.';
    const recorded = toEvidenceProblem({ kind: 'orphaned-tag', path: '/r/a.txt.tags.json', tagId: 't9', quote, reportFileName: 'a.txt' });
    // Key order matters: the JSON export writes the problem as it is.
    assert.equal(
      JSON.stringify(recorded),
      JSON.stringify({ kind: 'orphaned-tag', path: '/r/a.txt.tags.json', tagId: 't9', message: 'Tag t9 ("Leaders have strengthened the oversight of plans for childr…") could not be found in a.txt; kept as orphaned with its stored quote.' }),
    );
  });

  it('says a too-large report keeps its tags only when its sidecar was read', () => {
    const base = { kind: 'report-too-large', path: '/r/big.txt', sizeMB: 3, limitMB: 2 } as const;
    assert.match(describeProblem({ ...base, tagsKept: true }), /so it was not read; its tags are listed from the tags file alone\. Raise/);
    assert.doesNotMatch(describeProblem({ ...base, tagsKept: false }), /its tags/);
  });
});

describe('evidence stage: find the files', () => {
  it('pairs reports with sidecars and lists a sidecar alone as its own pair', async () => {
    const fs = new MemoryFileSystem({ '/r/a.txt': LETTER, '/r/a.txt.tags.json': '{}', '/r/lone.txt.tags.json': '{}', '/r/notes.pdf': 'x' });
    const { pairs, problems } = await findEvidenceFiles(['/r'], fs);
    assert.deepEqual(pairs, [{ reportPath: '/r/a.txt', sidecarPath: '/r/a.txt.tags.json' }, { sidecarPath: '/r/lone.txt.tags.json' }]);
    assert.deepEqual(problems, []);
  });
});

describe('evidence stage: read sidecars', () => {
  it('has nothing to say when there is no sidecar', async () => {
    assert.deepEqual(await readSidecar(undefined, new MemoryFileSystem(), readSidecarForEvidence), { problems: [] });
  });

  it('types an unreadable and a malformed sidecar', async () => {
    const fs = new MemoryFileSystem({ '/r/bad.txt.tags.json': '{ "format": ' });
    fs.readFile = async (path) => {
      if (path.includes('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return MemoryFileSystem.prototype.readFile.call(fs, path);
    };
    const locked = await readSidecar('/r/locked.txt.tags.json', fs, readSidecarForEvidence);
    assert.deepEqual(locked, { problems: [{ kind: 'unreadable-sidecar', path: '/r/locked.txt.tags.json', reason: 'EACCES: permission denied' }] });
    const bad = await readSidecar('/r/bad.txt.tags.json', fs, readSidecarForEvidence);
    assert.equal(bad.sidecar, undefined);
    assert.equal(bad.problems.length, 1);
    const problem = bad.problems[0]!;
    assert.equal(problem.kind, 'malformed-sidecar');
    assert.match(problem.kind === 'malformed-sidecar' ? problem.explanation : '', /^bad\.txt\.tags\.json is not valid JSON/);
  });

  it('reads a newer version as far as understood: the version notice first, then each tag it cannot show', async () => {
    const fs = new MemoryFileSystem({ '/r/a.txt.tags.json': sidecarText('a.txt', [tag('t1', 'Hello', 50), { id: 't2', shape: 'from the future' }], 2) });
    const read = await readSidecar('/r/a.txt.tags.json', fs, readSidecarForEvidence);
    assert.deepEqual(read.sidecar?.tags.map((t) => t.id), ['t1']);
    assert.deepEqual(read.problems.map((p) => p.kind), ['newer-sidecar-version', 'sidecar-warning']);
    const [newer, warning] = read.problems.map(toEvidenceProblem);
    assert.match(newer!.message, /a\.txt\.tags\.json was written by a newer version .*format version 2/);
    assert.match(warning!.message, /tags\[1\] is not in a form this version understands/);
  });

  it('decides a newer version from what the parser says, not from the words of its warnings', async () => {
    const parser: SidecarParser = (text) => ({ ok: true, sidecar: JSON.parse(text) as Sidecar, warnings: ['A newer-looking warning that is only a warning.'], newerVersion: {} });
    const fs = new MemoryFileSystem({ '/r/a.txt.tags.json': sidecarText('a.txt', [], 3) });
    const read = await readSidecar('/r/a.txt.tags.json', fs, parser);
    assert.deepEqual(read.problems.map(toEvidenceProblem).map((p) => [p.kind, p.message]), [
      ['newer-sidecar-version', '/r/a.txt.tags.json has format version 3, newer than this version understands; read as far as understood.'],
      ['sidecar-warning', 'A newer-looking warning that is only a warning.'],
    ]);
  });
});

describe('evidence stage: resolve reports', () => {
  it('names the report a lone sidecar expects', async () => {
    const resolved = await resolveReport({ sidecarPath: '/r/lone.txt.tags.json' }, new MemoryFileSystem(), settings(), true);
    assert.deepEqual(resolved, { path: '/r/lone.txt', problems: [{ kind: 'missing-report', path: '/r/lone.txt.tags.json', expectedReport: 'lone.txt' }] });
  });

  it('does not read a report over the limit, and says whether its tags were kept', async () => {
    const fs = new MemoryFileSystem({ '/r/big.txt': 'x'.repeat(2_600_000) });
    const reads: string[] = [];
    const original = fs.readFile.bind(fs);
    fs.readFile = async (path) => (reads.push(path), original(path));
    const originalBytes = fs.readBytes.bind(fs);
    // A read asked with the limit is refused before any byte comes back: only reads that return bytes count.
    fs.readBytes = async (path, maxBytes) => {
      const bytes = await originalBytes(path, maxBytes);
      reads.push(path);
      return bytes;
    };
    const resolved = await resolveReport({ reportPath: '/r/big.txt' }, fs, settings(), false);
    assert.deepEqual(reads, []);
    assert.deepEqual(resolved, { path: '/r/big.txt', problems: [{ kind: 'report-too-large', path: '/r/big.txt', sizeMB: 2.6, limitMB: 2, tagsKept: false }] });
  });

  it('keeps the text of a report the engine could not analyse, with the reason', async () => {
    const fs = new MemoryFileSystem({ '/r/a.txt': LETTER });
    const resolved = await resolveReport({ reportPath: '/r/a.txt' }, fs, settings({ analyse: () => { throw new Error('engine failed'); } }), false);
    assert.equal(resolved.text, LETTER);
    assert.equal(resolved.model, undefined);
    assert.deepEqual(resolved.problems, [{ kind: 'unanalysable-report', path: '/r/a.txt', reason: 'engine failed' }]);
  });

  it('reads and analyses a report once, through its one reader', async () => {
    const fs = new MemoryFileSystem({ '/r/a.md': LETTER });
    const reads: string[] = [];
    const original = fs.readFile.bind(fs);
    fs.readFile = async (path) => (reads.push(path), original(path));
    const originalBytes = fs.readBytes.bind(fs);
    fs.readBytes = async (path, maxBytes) => (reads.push(path), originalBytes(path, maxBytes));
    const seen: Array<boolean | undefined> = [];
    const resolved = await resolveReport({ reportPath: '/r/a.md' }, fs, settings({ analyse: (text, o) => (seen.push(o.markdown), fixtureAnalyser(text)) }), false);
    assert.deepEqual([reads, seen, resolved.model?.kind, resolved.problems], [['/r/a.md'], [true], 'monitoring-visit', []]);
  });
});

describe('evidence stage: collect passages', () => {
  const sidecar = JSON.parse(sidecarText('a.txt', [tag('t1', 'Hello', 50), tag('t2', 'A sentence from an earlier draft.', 200)])) as Sidecar;

  it('places found passages and keeps a lost one, orphaned, as a typed problem on the tags file', () => {
    const collected = collectPassages({ path: '/r/a.txt', text: LETTER, model: fixtureAnalyser(LETTER), problems: [] }, sidecar, '/r/a.txt.tags.json')!;
    assert.deepEqual(collected.items.map((i) => [i.tagId, i.orphaned, i.position]), [['t1', false, { start: 50, end: 55 }], ['t2', true, undefined]]);
    assert.deepEqual([collected.report.tagCount, collected.report.orphanedCount, collected.report.authority, collected.report.date], [2, 1, 'Eastholm', '2024-01-09']);
    assert.deepEqual(collected.problems, [{ kind: 'orphaned-tag', path: '/r/a.txt.tags.json', tagId: 't2', quote: 'A sentence from an earlier draft.', reportFileName: 'a.txt' }]);
  });

  it('lists tags from the sidecar alone when there is no text, without an orphan problem for each', () => {
    const collected = collectPassages({ path: '/r/a.txt', problems: [] }, sidecar, '/r/a.txt.tags.json')!;
    assert.deepEqual([collected.report.textMissing, collected.report.orphanedCount, collected.problems], [true, 2, []]);
    assert.equal(collected.items[0]!.section, 'Main findings');
  });

  it('leaves out a text file that is neither a recognised report nor tagged', () => {
    const notes = 'Notes for the team meeting.\n';
    assert.equal(collectPassages({ path: '/r/notes.txt', text: notes, model: fixtureAnalyser(notes), problems: [] }, undefined, undefined), undefined);
  });
});

describe('evidence stage: collect passages of a report that lists the board\'s items', () => {
  const SIF =
    'Harbourside children\u2019s services: SIF inspection, published 8 August 2014\n\n' +
    'What does the local authority need to improve?\n\n' +
    '27. Ensure that every child who goes missing is offered a return home\ninterview.\n\n' +
    'The local authority has the following strengths:\n\n' +
    '45. Social workers know their children well.\n\n' +
    'What does the LSCB need to improve?\n\n' +
    '131. Evaluate the impact of multi-agency training on the practice of\nfrontline staff.\n\n' +
    'The LSCB\u2019s strengths\n\n' +
    '140. The board\u2019s chair holds partners to account.\n';
  const model = buildModel(SIF, {
    kind: 'sif-inspection',
    authority: 'Harbourside',
    published: '2014-08-08',
    improvements: ['Ensure that every child'],
    boardImprovements: ['Evaluate the impact'],
    strengths: [['Social workers know', 'local-authority'], ['The board\u2019s chair', 'lscb']],
  });
  const quotes = ['return home', 'multi-agency training', 'holds partners', 'Social workers know'];
  const tags = quotes.map((q, i) => tag(`t${i}`, q, SIF.indexOf(q)));
  const collected = collectPassages({ path: '/r/h.txt', text: SIF, model, problems: [] }, { ...(JSON.parse(sidecarText('h.txt', [])) as Sidecar), tags } as Sidecar, '/r/h.txt.tags.json')!;

  it("keeps the board's improvements, marked as the board's, beside the council's and with their numbers", () => {
    assert.deepEqual(
      collected.report.improvements.map((i) => [i.owner, i.number ?? null, i.text.slice(0, 20)]),
      [['local-authority', 27, 'Ensure that every ch'], ['lscb', 131, 'Evaluate the impact ']],
    );
    // Strengths are never areas for improvement.
    assert.ok(!collected.report.improvements.some((i) => i.text.startsWith('Social workers')));
  });

  it('marks each passage with whose list it lies on, and leaves a passage off any list unmarked', () => {
    assert.deepEqual(
      collected.items.map((i) => [i.quote, i.listOwner ?? 'none']),
      [['return home', 'local-authority'], ['multi-agency training', 'lscb'], ['holds partners', 'lscb'], ['Social workers know', 'local-authority']],
    );
    const plain = collectPassages({ path: '/r/h.txt', text: SIF, model, problems: [] }, { ...(JSON.parse(sidecarText('h.txt', [])) as Sidecar), tags: [tag('p', 'SIF inspection', SIF.indexOf('SIF inspection'))] } as Sidecar, undefined)!;
    assert.equal(plain.items[0]!.listOwner, undefined);
  });
});

describe('evidence stage: summarise', () => {
  it('orders reports and passages by path and position, and words the problems in the order met', () => {
    const a = collectPassages({ path: '/r/b.txt', text: LETTER, model: fixtureAnalyser(LETTER), problems: [] }, JSON.parse(sidecarText('b.txt', [tag('t2', 'Practice', 57), tag('t1', 'Hello', 50)])) as Sidecar, '/r/b.txt.tags.json')!;
    const b = collectPassages({ path: '/r/a.txt', text: LETTER, model: fixtureAnalyser(LETTER), problems: [] }, undefined, undefined)!;
    const set = summariseEvidence(
      { reports: [a.report, b.report], items: a.items, problems: [{ kind: 'unreadable-folder', path: '/x', reason: 'gone' }, { kind: 'missing-report', path: '/r/c.txt.tags.json', expectedReport: 'c.txt' }] },
      ['/r'],
      '2026-01-05T12:00:00.000Z',
    );
    assert.deepEqual(set.reports.map((r) => r.path), ['/r/a.txt', '/r/b.txt']);
    assert.deepEqual(set.items.map((i) => i.tagId), ['t1', 't2']);
    assert.deepEqual(set.problems.map((p) => [p.kind, p.message]), [
      ['unreadable-folder', 'Cannot read folder /x: gone'],
      ['sidecar-without-report', '/r/c.txt.tags.json has no report beside it (expected c.txt); its tags are listed from the sidecar alone.'],
    ]);
    assert.deepEqual(set.themes.map((t) => [t.themeId, t.total]), [['supervision', 2]]);
  });
});
