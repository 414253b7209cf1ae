// A workspace codebook with every mistake at once (duplicate ids, unknown colours, a cycle of groups, a self-parent,
// hostile labels): each gets a clear message with its line, and everything else in the file still loads.

import { strict as assert } from 'node:assert';
import { resolveCodebook } from '../../../src/core/tags/codebook/codebookResolve';
import { defaultCodebook } from '../../../src/core/tags/codebook/defaultCodebook';

const FILE = `{
  // A hand-edited codebook, as a user might leave it.
  "groups": [
    { "id": "local", "label": "Local priorities" },
    { "id": "a", "label": "A", "parent": "b" },
    { "id": "b", "label": "B", "parent": "a" },
    { "id": "self", "label": "Self", "parent": "self" },
    { "id": "local", "label": "Local again" }
  ],
  "themes": [
    { "id": "local.hubs", "label": "Family hubs", "group": "local", "colour": "#2a9a94" },
    { "id": "local.hubs", "label": "Family hubs (copy)", "group": "local" },
    { "id": "local.red", "label": "Red flags", "group": "local", "colour": "red" },
    { "id": "local.bad", "label": "Bad colour", "group": "local", "colour": "#12345z" },
    { "id": "local.xss", "label": "<img src=x onerror=alert(1)>", "group": "a", "colour": "javascript:alert(1)" },
    { "id": "local.ok", "label": "Still loads", "group": "b", "cues": ["drift"] },
    { "id": "__proto__", "label": "Proto", "group": "local" }
  ]
}
`;

const lineOf = (needle: string, occurrence = 0): number => {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = FILE.indexOf(needle, at + 1);
  return FILE.slice(0, at).split('\n').length;
};

describe('hostile input: a codebook with every mistake at once', () => {
  const { codebook, problems } = resolveCodebook(defaultCodebook(), FILE);
  const themes = codebook.groups.flatMap((g) => g.themes);
  const theme = (id: string) => themes.find((t) => t.id === id);
  const messages = problems.map((p) => p.message).join('\n');

  it('names each problem with its line', () => {
    assert.match(messages, /The theme id "local\.hubs" is used twice/);
    assert.match(messages, /The group id "local" is used twice/);
    assert.match(messages, /colour of .*must be written #rrggbb.*not "red"/);
    assert.match(messages, /not "#12345z"/);
    assert.match(messages, /not "javascript:alert\(1\)"/);
    assert.match(messages, /cycle/);
    const duplicate = problems.find((p) => p.message.includes('"local.hubs" is used twice'))!;
    assert.equal(duplicate.line, lineOf('"id": "local.hubs"', 1));
    const red = problems.find((p) => p.message.includes('"red"'))!;
    assert.equal(red.line, lineOf('"red"'));
  });

  it('loads everything else: the first of two duplicates, fallback colours, the groups out of the cycle', () => {
    assert.equal(theme('local.hubs')!.label, 'Family hubs');
    assert.equal(theme('local.hubs')!.colour, '#2a9a94');
    for (const id of ['local.red', 'local.bad', 'local.xss']) assert.match(theme(id)!.colour, /^#[0-9a-f]{6}$/i, `${id} gets a fallback colour`);
    assert.equal(theme('local.xss')!.label, '<img src=x onerror=alert(1)>', 'a label is kept as text (escaped wherever it is shown)');
    assert.deepEqual(theme('local.ok')!.cues, ['drift']);
    // No group is its own ancestor after resolution.
    const parent = new Map(codebook.groups.map((g) => [g.id, g.parent]));
    for (const g of codebook.groups) {
      const seen = new Set<string>();
      for (let at: string | undefined = g.id; at !== undefined; at = parent.get(at)) {
        assert.ok(!seen.has(at), `group ${g.id} reaches itself`);
        seen.add(at);
      }
    }
    // The built-in codebook is all still there.
    for (const t of defaultCodebook().groups.flatMap((g) => g.themes)) assert.ok(theme(t.id), `built-in ${t.id} kept`);
    assert.equal(({} as Record<string, unknown>).label, undefined, 'no prototype pollution');
  });
});
