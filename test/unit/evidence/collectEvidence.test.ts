import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { collectEvidence, type CollectProgress } from '../../../src/core/evidence/collectEvidence';
import type { EvidenceSet } from '../../../src/core/evidence/evidenceModel';
import { filterEvidence } from '../../../src/core/evidence/evidenceFilter';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { MemoryFileSystem } from '../../../src/core/platform/fs/memoryFileSystem';
import { fixtureAnalyser } from './fixtureModels';

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));
const NOW = () => new Date('2026-01-05T12:00:00.000Z');

const name = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** A tags file for `fileName` with one tag on "Hello" (offsets 0-5) and its recorded context. */
function oneTagSidecar(fileName: string): string {
  return JSON.stringify({
    format: 'inspection-report-annotator/tags',
    version: 1,
    report: { fileName, textHash: 'a'.repeat(64), kind: 'focused-visit', authority: 'Kingsbridge', date: '2023-06-14' },
    tags: [
      {
        id: 't1',
        themes: [{ id: 'supervision', label: 'Supervision' }],
        created: '2023-07-01T10:00:00.000Z',
        modified: '2023-07-01T10:00:00.000Z',
        anchor: { position: { start: 0, end: 5, unit: 'utf-16' }, quote: { exact: 'Hello', prefix: '', suffix: '' } },
        context: { section: 'Main findings', sectionRole: 'main-findings' },
      },
    ],
  });
}

describe('collectEvidence over the fixture folders', () => {
  let set: EvidenceSet;
  const progress: CollectProgress[] = [];
  const texts = new Map<string, string>();

  before(async () => {
    set = await collectEvidence([`${FIXTURES}/reports`, `${FIXTURES}/problems`], new NodeFileSystem(), {
      analyse: fixtureAnalyser,
      now: NOW,
      onProgress: (p) => progress.push(p),
      onReportText: (path, text) => texts.set(name(path), text),
    });
  });

  it('lists every report, tagged or not, and leaves out text files that are not reports', () => {
    const listed = set.reports.map((r) => [name(r.path), r.kind, r.tagCount] as const);
    assert.deepEqual(listed, [
      ['broken.txt', 'monitoring-visit', 0],
      ['future.txt', 'monitoring-visit', 1],
      ['lone.txt', 'monitoring-visit', 1],
      ['kingsbridge-focused-visit-2023.txt', 'focused-visit', 0],
      ['westmere-ilacs-2021.txt', 'ilacs-inspection', 2],
      ['westmere-ilacs-2024.txt', 'ilacs-inspection', 6],
    ]);
    assert.ok(!set.reports.some((r) => r.fileName === 'notes.md'));
    assert.equal(set.reports.find((r) => r.fileName === 'lone.txt')?.textMissing, true);
  });

  it('places each passage in its section, paragraph and graded judgement', () => {
    const plans = set.items.find((i) => i.tagId === 'w24-plans')!;
    assert.equal(plans.section, 'The experiences and progress of children who need help and protection: good');
    assert.equal(plans.paragraph, 2);
    assert.equal(plans.judgementArea, 'help-protection');
    assert.equal(plans.grade, 'good');
    assert.equal(plans.authority, 'Westmere');
    assert.equal(plans.reportDate, '2024-03-12');
    assert.equal(plans.orphaned, false);
    assert.equal(texts.get('westmere-ilacs-2024.txt')!.slice(plans.position!.start, plans.position!.end), plans.quote);

    // The heading of this section states no grade in the model: the judgement table supplies it.
    const caseloads = set.items.find((i) => i.tagId === 'w24-caseloads')!;
    assert.deepEqual([caseloads.judgementArea, caseloads.grade, caseloads.paragraph], ['leaders', 'good', 5]);
    assert.deepEqual(caseloads.themes.map((t) => t.id), ['workforce', 'leadership']);

    const afi = set.items.find((i) => i.tagId === 'w24-afi-plans')!;
    assert.equal(afi.section, 'What needs to improve?');
    assert.equal(afi.paragraph, undefined);
    assert.equal(afi.grade, undefined);
  });

  it('keeps overlapping passages as two items', () => {
    const plans = set.items.find((i) => i.tagId === 'w24-plans')!;
    const families = set.items.find((i) => i.tagId === 'w24-families')!;
    assert.ok(families.position!.start < plans.position!.end && plans.position!.start < families.position!.end);
  });

  it('keeps an orphaned tag with its stored quote and lists it as a problem', () => {
    const gone = set.items.find((i) => i.tagId === 'w24-gone')!;
    assert.equal(gone.orphaned, true);
    assert.equal(gone.quote, 'This sentence was in an earlier draft of the report.');
    assert.equal(gone.position, undefined);
    const problem = set.problems.find((p) => p.kind === 'orphaned-tag')!;
    assert.equal(problem.tagId, 'w24-gone');
    assert.match(problem.message, /could not be found in westmere-ilacs-2024\.txt; kept as orphaned/);
    assert.equal(set.reports.find((r) => r.fileName === 'westmere-ilacs-2024.txt')!.orphanedCount, 1);
  });

  it('lists malformed and newer sidecars and sidecars without a report, and keeps what can be read', () => {
    const byKind = (kind: string) => set.problems.filter((p) => p.kind === kind).map((p) => name(p.path));
    assert.deepEqual(byKind('malformed-sidecar'), ['broken.txt.tags.json']);
    assert.deepEqual(byKind('newer-sidecar-version'), ['future.txt.tags.json']);
    assert.deepEqual(byKind('sidecar-without-report'), ['lone.txt.tags.json']);
    assert.match(set.problems.find((p) => p.kind === 'malformed-sidecar')!.message, /broken\.txt\.tags\.json is not valid JSON/);
    // The newer sidecar's tag is read; the lone sidecar's tag is listed from the sidecar alone.
    assert.ok(set.items.some((i) => i.tagId === 'f1' && i.grade === undefined && !i.orphaned));
    const lone = set.items.find((i) => i.tagId === 'l1')!;
    assert.deepEqual([lone.orphaned, lone.authority, lone.reportDate, lone.reportKind], [true, 'Northfold', '2023-05-02', 'monitoring-visit']);
  });

  it('counts passages per theme x report and theme x judgement area', () => {
    const plans = set.themes.find((t) => t.themeId === 'plans-and-planning')!;
    assert.equal(plans.total, 4);
    assert.deepEqual(
      Object.fromEntries(Object.entries(plans.perReport).map(([path, n]) => [name(path), n])),
      { 'westmere-ilacs-2024.txt': 3, 'westmere-ilacs-2021.txt': 1 },
    );
    assert.deepEqual(plans.perArea, { none: 3, 'help-protection': 1 });
    const leadership = set.themes.find((t) => t.themeId === 'leadership')!;
    assert.deepEqual([leadership.total, leadership.perArea], [1, { leaders: 1 }]);
  });

  it('finds the improvement that recurs in Westmere, with its years', () => {
    assert.equal(set.recurringImprovements.length, 1);
    const recurring = set.recurringImprovements[0]!;
    assert.equal(recurring.authority, 'Westmere');
    assert.deepEqual(recurring.years, [2021, 2024]);
    assert.deepEqual(recurring.matchedBy, ['theme', 'wording']);
    assert.deepEqual(recurring.sharedThemeIds, ['plans-and-planning']);
    assert.ok(recurring.occurrences.every((o) => /written plans for children in need/.test(o.text)));
  });

  it('gives grades over time per authority and judgement area', () => {
    const westmere = set.gradesOverTime.find((g) => g.authority === 'Westmere')!;
    assert.deepEqual(westmere.areas['help-protection']!.map((p) => [p.date, p.grade]), [
      ['2021-12-17', 'requires-improvement'],
      ['2024-03-12', 'good'],
    ]);
    assert.deepEqual(westmere.areas['care-leavers']!.map((p) => p.grade), ['requires-improvement']);
  });

  it('reports progress for every file, ending at the total', () => {
    assert.ok(progress.length >= 6);
    const last = progress[progress.length - 1]!;
    assert.equal(last.done, last.total);
  });

  it('filters by theme, authority, kind, dates and grade, recomputing the counts', () => {
    const plansOnly = filterEvidence(set, { themeIds: ['plans-and-planning'], authority: 'WESTMERE ' });
    assert.deepEqual(plansOnly.reports.map((r) => r.fileName), ['westmere-ilacs-2021.txt', 'westmere-ilacs-2024.txt']);
    assert.ok(plansOnly.items.every((i) => i.themes.some((t) => t.id === 'plans-and-planning')));
    assert.deepEqual(plansOnly.themes.map((t) => t.themeId), ['plans-and-planning']);

    const since = filterEvidence(set, { since: '2023-01-01' });
    assert.deepEqual(since.reports.map((r) => r.fileName).sort(), ['broken.txt', 'future.txt', 'kingsbridge-focused-visit-2023.txt', 'lone.txt', 'westmere-ilacs-2024.txt']);
    assert.equal(since.recurringImprovements.length, 0);

    const good = filterEvidence(set, { grades: ['good'] });
    assert.deepEqual(good.items.map((i) => i.tagId).sort(), ['w24-caseloads', 'w24-families', 'w24-plans']);

    const letters = filterEvidence(set, { kinds: ['focused-visit'] });
    assert.deepEqual([letters.reports.length, letters.items.length], [1, 0]);
  });
});

describe('collectEvidence edge cases', () => {
  it('lists an unreadable folder as a problem and still returns the rest', async () => {
    const fs = new MemoryFileSystem({ '/a/westmere.txt': 'Monitoring visit to Eastholm children’s services\n' });
    const set = await collectEvidence(['/a', '/missing'], fs, { analyse: fixtureAnalyser, now: NOW });
    assert.deepEqual(set.reports.map((r) => r.path), ['/a/westmere.txt']);
    // The in-memory fake lists a missing folder as empty; a real one throws, which is what we report.
    const failing = new MemoryFileSystem();
    failing.readDirectory = async (path) => {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    };
    const none = await collectEvidence(['/locked'], failing, { analyse: fixtureAnalyser, now: NOW });
    assert.deepEqual(none.problems.map((p) => [p.kind, p.path]), [['unreadable-folder', '/locked']]);
    assert.match(none.problems[0]!.message, /permission denied/);
  });

  it('lists a report that cannot be read, and keeps its tags from the sidecar', async () => {
    const sidecar = oneTagSidecar('r.txt');
    const fs = new MemoryFileSystem({ '/f/r.txt': 'Hello', '/f/r.txt.tags.json': sidecar });
    const original = fs.readFile.bind(fs);
    fs.readFile = async (path) => {
      if (path.endsWith('r.txt')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      return original(path);
    };
    const originalBytes = fs.readBytes.bind(fs);
    fs.readBytes = async (path, maxBytes) => {
      if (path.endsWith('r.txt')) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      return originalBytes(path, maxBytes);
    };
    const set = await collectEvidence(['/f'], fs, { analyse: fixtureAnalyser, now: NOW });
    assert.deepEqual(set.problems.map((p) => p.kind), ['unreadable-report']);
    assert.match(set.problems[0]!.message, /^Cannot read report \/f\/r\.txt: could not be read or written \(EIO\); check the disk and try again$/);
    assert.deepEqual(set.items.map((i) => [i.tagId, i.section, i.orphaned]), [['t1', 'Main findings', true]]);
  });

  it('keeps a tag not found orphaned where its record says, taking no position or "found" from a hand-edited context', async () => {
    const sidecar = JSON.parse(oneTagSidecar('r.txt')) as { tags: Array<{ anchor: { quote: { exact: string } }; context: Record<string, unknown> }> };
    const tag = sidecar.tags[0]!;
    tag.anchor.quote.exact = 'Goodbye';
    tag.context = { ...tag.context, found: true, position: { start: 0, end: 5 }, paragraphLabel: '9.9' };
    // Read and analysed (the words are not there), and unreadable (no text at all): orphaned either way.
    for (const readable of [true, false]) {
      const fs = new MemoryFileSystem({ '/f/r.txt': 'Hello there', '/f/r.txt.tags.json': JSON.stringify(sidecar) });
      if (!readable) fs.readBytes = async () => Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
      const set = await collectEvidence(['/f'], fs, { analyse: fixtureAnalyser, now: NOW });
      const item = set.items[0]!;
      assert.deepEqual([item.orphaned, item.position, item.section, item.sectionRole, item.paragraphLabel], [true, undefined, 'Main findings', 'main-findings', undefined], `readable: ${readable}`);
      assert.equal(set.reports[0]!.orphanedCount, 1);
    }
  });

  it('does not read a file over the size limit: a problem says so, and its tags come from the sidecar', async () => {
    const sidecar = oneTagSidecar('big.txt');
    const big = 'Hello ' + 'x'.repeat(2_100_000);
    const fs = new MemoryFileSystem({ '/f/big.txt': big, '/f/big.txt.tags.json': sidecar, '/f/server.log.txt': 'y'.repeat(3_000_000) });
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
    const set = await collectEvidence(['/f'], fs, { analyse: fixtureAnalyser, now: NOW });
    assert.deepEqual(reads, ['/f/big.txt.tags.json'], 'neither large file was read');
    assert.deepEqual(set.problems.map((p) => [p.kind, p.path]), [['report-too-large', '/f/big.txt'], ['report-too-large', '/f/server.log.txt']]);
    assert.match(set.problems[0]!.message, /big\.txt is 2\.1 MB, over the 2 MB limit for a report, so it was not read; its tags are listed from the tags file alone/);
    assert.match(set.problems[1]!.message, /server\.log\.txt is 3 MB, over the 2 MB limit .*maxSizeMB/);
    assert.deepEqual(set.items.map((i) => [i.tagId, i.section, i.orphaned]), [['t1', 'Main findings', true]]);
    assert.deepEqual(set.reports.map((r) => [r.fileName, r.textMissing]), [['big.txt', true]]);
    // A higher limit, or none, reads and analyses it.
    const unlimited = await collectEvidence(['/f'], fs, { analyse: fixtureAnalyser, now: NOW, maxReportMB: 0 });
    assert.deepEqual(unlimited.problems.filter((p) => p.kind === 'report-too-large'), []);
  });

  it('analyses Markdown reports as Markdown, and follows a folder symlink loop only once', async () => {
    const fs = new MemoryFileSystem({ '/w/a.md': '# Monitoring visit to Eastholm\n', '/w/sub/b.txt': 'Monitoring visit to Eastholm\n' });
    fs.symlink('/w', '/w/sub/loop');
    const seen: Array<[string, boolean | undefined]> = [];
    const set = await collectEvidence(['/w'], fs, {
      analyse: (text, options) => {
        seen.push([text.slice(0, 1), options.markdown]);
        return fixtureAnalyser(text);
      },
    });
    assert.deepEqual(set.reports.map((r) => r.path), ['/w/a.md', '/w/sub/b.txt']);
    assert.deepEqual(seen.sort(), [['#', true], ['M', false]]);
  });

  it('stops between files when cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`/many/r${String(i).padStart(2, '0')}.txt`] = 'Monitoring visit to Eastholm\n';
    let cancelled = false;
    const set = await collectEvidence(['/many'], new MemoryFileSystem(files), {
      analyse: fixtureAnalyser,
      concurrency: 8,
      onProgress: (p) => (cancelled = p.done >= 8),
      isCancelled: () => cancelled,
    });
    assert.equal(set.reports.length, 8);
  });
});

describe('collectEvidence with the recognition engine', () => {
  let set: EvidenceSet;
  before(async () => {
    set = await collectEvidence([`${FIXTURES}/reports`], new NodeFileSystem(), { now: NOW });
  });

  it('recognises the reports, lists the untagged letter, and ignores the notes file', () => {
    assert.deepEqual(
      set.reports.map((r) => [r.fileName, r.kind, r.authority, r.tagCount]),
      [
        ['kingsbridge-focused-visit-2023.txt', 'focused-visit', 'Kingsbridge', 0],
        ['westmere-ilacs-2021.txt', 'ilacs-inspection', 'Westmere', 2],
        ['westmere-ilacs-2024.txt', 'ilacs-inspection', 'Westmere', 6],
      ],
    );
  });

  it('places passages in graded judgement sections and numbered paragraphs', () => {
    const placed = (id: string) => {
      const i = set.items.find((x) => x.tagId === id)!;
      return [i.section, i.paragraph, i.judgementArea, i.grade];
    };
    assert.deepEqual(placed('w24-plans'), ['The experiences and progress of children who need help and protection: good', 2, 'help-protection', 'good']);
    assert.deepEqual(placed('w24-leavers'), ['The experiences and progress of care leavers: requires improvement to be good', 4, 'care-leavers', 'requires-improvement']);
    assert.deepEqual(placed('w24-afi-plans'), ['What needs to improve?', undefined, undefined, undefined]);
  });

  it('finds the recurring improvement and the grades over time', () => {
    assert.deepEqual(
      set.recurringImprovements.map((r) => [r.authority, r.years, r.matchedBy]),
      [['Westmere', [2021, 2024], ['theme', 'wording']]],
    );
    const westmere = set.gradesOverTime.find((g) => g.authority === 'Westmere')!;
    assert.deepEqual(westmere.areas['help-protection']!.map((p) => p.grade), ['requires-improvement', 'good']);
  });
});
