// The Tags view's tree, built from in-memory sidecars and a small codebook: what the user sees under each
// group, theme and report, the orphaned tags, and the tags files that cannot be read.

import assert from 'node:assert/strict';
import {
  buildTagsTree,
  childrenOf,
  countUnder,
  nodeId,
  OTHER_GROUP_ID,
  OTHER_GROUP_LABEL,
  passageDescription,
  shortenQuote,
  type IndexedSidecar,
  type TagsTreeNode,
} from '../../../src/core/tags/tagsTree';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { sidecar, smallCodebook } from '../codebook/helpers';

function tagged(id: string, start: number, quote: string, themes: Array<[string, string]>, extra: Partial<Tag> = {}): Tag {
  return {
    id,
    themes: themes.map(([tid, label]) => ({ id: tid, label })),
    created: '2025-03-01T10:00:00.000Z',
    modified: '2025-03-01T10:00:00.000Z',
    anchor: { position: { start, end: start + quote.length, unit: 'utf-16' }, quote: { exact: quote, prefix: '', suffix: '' } },
    ...extra,
  };
}

function indexed(name: string, tags: Tag[], extra: Partial<IndexedSidecar> = {}): IndexedSidecar {
  return {
    sidecarUri: `file:///ws/reports/${name}.tags.json`,
    reportUri: `file:///ws/reports/${name}`,
    reportName: name,
    reportPath: `reports/${name}`,
    status: 'ok',
    sidecar: sidecar(tags),
    lostTagIds: new Set(),
    ...extra,
  };
}

/** The tree as the user reads it: one line per node, indented, "label (count)" or the passage quote. */
function outline(nodes: readonly TagsTreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => {
    const pad = '  '.repeat(depth);
    let line: string;
    switch (n.kind) {
      case 'group':
      case 'theme':
        line = `${n.label} (${countUnder(n)})`;
        break;
      case 'report':
        line = `${n.reportName} (${countUnder(n)})`;
        break;
      case 'passage':
        line = `“${shortenQuote(n.quote)}” ${passageDescription(n)}`.trim();
        break;
      case 'orphans':
        line = `Orphaned tags (${countUnder(n)})`;
        break;
      case 'orphan':
        line = `“${n.quote}” [${n.themeLabels.join(', ')}]`;
        break;
      case 'problems':
        line = `Problems (${countUnder(n)})`;
        break;
      case 'problem':
        line = `${n.severity}: ${n.fileName}: ${n.message}`;
        break;
    }
    return [pad + line, ...outline(childrenOf(n), depth + 1)];
  });
}

const northmoor = indexed('northmoor-2024.txt', [
  // Listed out of order: the tree shows passages in report order.
  tagged('t2', 900, 'Caseloads are high and agency social workers cover many teams.', [['lm.workforce', 'Workforce']], {
    context: { section: 'Impact of leaders', paragraph: 41 },
  }),
  tagged('t1', 120, 'Return home interviews are timely.', [['hp.missing', 'Children who go missing'], ['lm.oversight', 'Management oversight']], {
    context: { section: 'Help and protection', paragraph: 12 },
    note: 'Compare with 2021',
  }),
]);
const eastcombe = indexed('eastcombe-2023.txt', [
  tagged('e1', 50, 'Children who go missing are seen quickly.', [['hp.missing', 'Children who go missing']]),
  tagged('e2', 400, 'Corporate parenting board meets rarely.', [['local.board', 'Corporate parenting']]),
]);

describe('Tags view tree', () => {
  it('groups themes under their codebook group, reports by path, passages in report order, with counts', () => {
    const roots = buildTagsTree([northmoor, eastcombe], smallCodebook());
    assert.deepEqual(outline(roots), [
      'Help and protection (2)',
      '  Children who go missing (2)',
      '    eastcombe-2023.txt (1)',
      '      “Children who go missing are seen quickly.”',
      '    northmoor-2024.txt (1)',
      '      “Return home interviews are timely.” Help and protection · ¶ 12',
      'Leadership and management (2)',
      '  Management oversight (1)',
      '    northmoor-2024.txt (1)',
      '      “Return home interviews are timely.” Help and protection · ¶ 12',
      '  Workforce (1)',
      '    northmoor-2024.txt (1)',
      '      “Caseloads are high and agency social workers cover many teams.” Impact of leaders · ¶ 41',
      `${OTHER_GROUP_LABEL} (1)`,
      '  Corporate parenting (1)',
      '    eastcombe-2023.txt (1)',
      '      “Corporate parenting board meets rarely.”',
    ]);
  });

  it('keeps the note, colour and unknown-theme flag the provider shows', () => {
    const roots = buildTagsTree([northmoor, eastcombe], smallCodebook());
    const missing = childrenOf(roots[0]!)[0]!;
    assert.equal(missing.kind, 'theme');
    assert.deepEqual(missing.kind === 'theme' && [missing.colour, missing.unknown], ['#3f7fbf', false]);
    const passage = childrenOf(childrenOf(missing)[1]!)[0]!;
    assert.deepEqual(passage, {
      kind: 'passage',
      reportUri: 'file:///ws/reports/northmoor-2024.txt',
      reportName: 'northmoor-2024.txt',
      tagId: 't1',
      themeId: 'hp.missing',
      quote: 'Return home interviews are timely.',
      tagNote: 'Compare with 2021',
      section: 'Help and protection',
      paragraph: 12,
      readOnly: false,
    });
    const other = roots.find((r) => r.kind === 'group' && r.groupId === OTHER_GROUP_ID)!;
    const board = childrenOf(other)[0]!;
    assert.deepEqual(board.kind === 'theme' && { label: board.label, unknown: board.unknown, colour: board.colour }, { label: 'Corporate parenting', unknown: true, colour: undefined });
  });

  it('shows the codebook label, not the label stored in the sidecar, for a known theme', () => {
    const renamed = indexed('westfold.txt', [tagged('w1', 0, 'Oversight is weak.', [['lm.oversight', 'Old label']])]);
    assert.deepEqual(outline(buildTagsTree([renamed], smallCodebook())).slice(0, 2), ['Leadership and management (1)', '  Management oversight (1)']);
  });

  it('lists orphaned tags (flagged, or lost in the current text) apart, never under a theme', () => {
    const report = indexed(
      'harbourside.txt',
      [
        tagged('h1', 10, 'Thresholds are applied well.', [['hp.front-door', 'Front door']]),
        tagged('h2', 80, 'This sentence was edited away.', [['hp.front-door', 'Front door'], ['x.gone', 'Removed theme']], { orphaned: true }),
        tagged('h3', 200, 'Lost in the current text.', [['lm.workforce', 'Workforce']]),
      ],
      { lostTagIds: new Set(['h3']) },
    );
    const roots = buildTagsTree([report], smallCodebook());
    assert.deepEqual(outline(roots), [
      'Help and protection (1)',
      '  Front door (1)',
      '    harbourside.txt (1)',
      '      “Thresholds are applied well.”',
      'Orphaned tags (2)',
      '  “This sentence was edited away.” [Front door, Removed theme]',
      '  “Lost in the current text.” [Workforce]',
    ]);
  });

  it('gives an orphan the reason its tags file records, for the tooltip', () => {
    const why = 'Its words are gone from where they were; the same words still appear in one other place, but nothing there shows it is the tagged passage (other surroundings, or a passage printed more than once), so the tag was not moved there.';
    const report = indexed('harbourside.txt', [tagged('h2', 80, 'The local authority', [['hp.front-door', 'Front door']], { orphaned: true, orphanReason: why })]);
    const orphans = buildTagsTree([report], smallCodebook()).find((r) => r.kind === 'orphans');
    assert.ok(orphans && orphans.kind === 'orphans');
    assert.deepEqual(orphans.orphans.map((o) => [o.quote, o.reason]), [['The local authority', why]]);
  });

  it('reports unreadable and newer-version tags files as problems; a read-only file still shows its tags', () => {
    const broken = indexed('broken.txt', [], { status: 'invalid', sidecar: undefined, message: 'Line 3: a comma was expected.' });
    const missingReport = indexed('gone.txt', [], { status: 'report-missing', sidecar: undefined });
    const newer = indexed('newer.txt', [tagged('n1', 5, 'Managers check plans.', [['lm.oversight', 'Management oversight']])], { status: 'read-only' });
    const roots = buildTagsTree([newer, broken, missingReport], smallCodebook());
    assert.deepEqual(outline(roots), [
      'Leadership and management (1)',
      '  Management oversight (1)',
      '    newer.txt (1)',
      '      “Managers check plans.”',
      'Problems (3)',
      '  error: broken.txt.tags.json: Line 3: a comma was expected.',
      '  error: gone.txt.tags.json: This tags file cannot be read.',
      '  warning: newer.txt.tags.json: This tags file was written by a newer version; its tags are shown read-only.',
    ]);
    const passage = childrenOf(childrenOf(childrenOf(roots[0]!)[0]!)[0]!)[0]!;
    assert.equal(passage.kind === 'passage' && passage.readOnly, true);
  });

  it('filters to the chosen themes: a tag with two themes shows only under the chosen one', () => {
    const roots = buildTagsTree([northmoor, eastcombe], smallCodebook(), { themeIds: new Set(['lm.oversight']) });
    assert.deepEqual(outline(roots), [
      'Leadership and management (1)',
      '  Management oversight (1)',
      '    northmoor-2024.txt (1)',
      '      “Return home interviews are timely.” Help and protection · ¶ 12',
    ]);
  });

  it('is empty when nothing is tagged', () => {
    assert.deepEqual(buildTagsTree([indexed('empty.txt', [])], smallCodebook()), []);
  });

  it('gives every node a stable id, the same across rebuilds and distinct within a tree', () => {
    const ids = (roots: readonly TagsTreeNode[]): string[] => roots.flatMap((n) => [nodeId(n), ...ids(childrenOf(n))]);
    const broken = indexed('broken.txt', [], { status: 'invalid', sidecar: undefined });
    const first = ids(buildTagsTree([northmoor, eastcombe, broken], smallCodebook()));
    assert.deepEqual(ids(buildTagsTree([eastcombe, broken, northmoor], smallCodebook())), first);
    assert.equal(new Set(first).size, first.length);
    assert.ok(first.includes('passage:lm.oversight:file:///ws/reports/northmoor-2024.txt:t1'));
    assert.ok(first.includes('problem:file:///ws/reports/broken.txt.tags.json'));
  });

  it('decodes the tags file name shown for a problem', () => {
    const spaced = indexed('x.txt', [], { sidecarUri: 'file:///ws/My%20Reports/Harbour%20side.txt.tags.json', status: 'invalid', sidecar: undefined, message: 'Not JSON.' });
    assert.deepEqual(outline(buildTagsTree([spaced], smallCodebook())), ['Problems (1)', '  error: Harbour side.txt.tags.json: Not JSON.']);
  });
});

describe('Tags view labels', () => {
  it('shortens a long quote at a word, on one line, without trailing punctuation', () => {
    const quote = 'Leaders know their services well,\n  and they have  acted on   most of the recommendations made at the last inspection in 2021.';
    assert.equal(shortenQuote(quote, 60), 'Leaders know their services well, and they have acted on…');
    assert.equal(shortenQuote('  Short\nquote. '), 'Short quote.');
  });

  it('describes a passage by section and paragraph, either alone', () => {
    assert.equal(passageDescription({ section: 'Care leavers', paragraph: 7 }), 'Care leavers · ¶ 7');
    assert.equal(passageDescription({ paragraph: 0 }), '¶ 0');
    assert.equal(passageDescription({ section: 'Summary' }), 'Summary');
    assert.equal(passageDescription({}), '');
  });
});
