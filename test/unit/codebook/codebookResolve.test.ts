import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { fallbackColour } from '../../../src/core/tags/codebook/codebookColours';
import { parseCodebookFile } from '../../../src/core/tags/codebook/codebookFile';
import { FALLBACK_GROUP, resolveCodebook } from '../../../src/core/tags/codebook/codebookResolve';
import { defaultCodebook } from '../../../src/core/tags/codebook/defaultCodebook';
import { findTheme, smallCodebook, themeIds } from './helpers';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/codebook.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';

describe('workspace codebook: extend and replace', () => {
  it('without a file, uses the defaults unchanged', () => {
    const { codebook, problems } = resolveCodebook(smallCodebook());
    assert.deepEqual(codebook, smallCodebook());
    assert.deepEqual(problems, []);
  });

  it('extends by default: adds groups and themes after the built-in ones', () => {
    const file = {
      groups: [{ id: 'local', label: 'Northmoor priorities' }],
      themes: [
        { id: 'local.family-hubs', label: 'Family hubs', group: 'local', colour: '#2a9a94', cues: ['family hub*'] },
        { id: 'hp.private-fostering', label: 'Private fostering', group: 'hp', cues: ['privately fostered'] },
      ],
    };
    assert.ok(validate(file));
    const { codebook, problems } = resolveCodebook(smallCodebook(), json(file));
    assert.deepEqual(problems, []);
    assert.deepEqual(codebook.groups.map((g) => g.id), ['hp', 'lm', 'local']);
    assert.deepEqual(themeIds(codebook), ['hp.missing', 'hp.front-door', 'hp.private-fostering', 'lm.oversight', 'lm.workforce', 'local.family-hubs']);
    const hub = findTheme(codebook, 'local.family-hubs')!;
    assert.deepEqual(hub, { id: 'local.family-hubs', label: 'Family hubs', colour: '#2a9a94', cues: ['family hub*'], groupId: 'local' });
    // No colour given: a stable fallback colour.
    assert.equal(findTheme(codebook, 'hp.private-fostering')!.colour, fallbackColour('hp.private-fostering'));
  });

  it('overrides label, colour and cues of a built-in theme by repeating its id, keeping what is not given', () => {
    const file = {
      themes: [
        { id: 'hp.missing', label: 'Missing from home and care', colour: '#ABC' },
        { id: 'hp.front-door', cues: ['MASH'] },
        { id: 'lm.oversight', addCues: ['managerial oversight', 'Management Oversight'] },
      ],
    };
    assert.ok(validate(file));
    const { codebook, problems } = resolveCodebook(smallCodebook(), json(file));
    assert.deepEqual(problems, []);
    const missing = findTheme(codebook, 'hp.missing')!;
    assert.equal(missing.label, 'Missing from home and care');
    assert.equal(missing.colour, '#aabbcc');
    assert.deepEqual(missing.cues, ['return home interview*', 'go missing']);
    assert.deepEqual(findTheme(codebook, 'hp.front-door')!.cues, ['MASH']);
    assert.deepEqual(findTheme(codebook, 'lm.oversight')!.cues, ['management oversight', 'managerial oversight']);
    // The defaults object itself is untouched.
    assert.equal(findTheme(smallCodebook(), 'hp.missing')!.label, 'Children who go missing');
  });

  it('moves a built-in theme to another group when "group" is given', () => {
    const { codebook } = resolveCodebook(smallCodebook(), json({ themes: [{ id: 'lm.workforce', group: 'hp' }] }));
    assert.deepEqual(codebook.groups[0]!.themes.map((t) => t.id), ['hp.missing', 'hp.front-door', 'lm.workforce']);
    assert.equal(findTheme(codebook, 'lm.workforce')!.groupId, 'hp');
    assert.deepEqual(codebook.groups[1]!.themes.map((t) => t.id), ['lm.oversight']);
  });

  it('hides themes, and groups with the themes and groups under them', () => {
    const file = { groups: [{ id: 'sub', label: 'Under leadership', parent: 'lm' }], themes: [{ id: 'sub.x', label: 'X', group: 'sub' }], hide: ['hp.front-door', 'lm'] };
    const { codebook, problems } = resolveCodebook(smallCodebook(), json(file));
    assert.deepEqual(problems, []);
    assert.deepEqual(themeIds(codebook), ['hp.missing']);
    assert.deepEqual(codebook.groups.map((g) => g.id), ['hp']);
  });

  it('nests groups via "parent"', () => {
    const file = { groups: [{ id: 'local', label: 'Local' }, { id: 'local.send', label: 'SEND', parent: 'local', description: 'Area SEND work' }] };
    const { codebook, problems } = resolveCodebook(smallCodebook(), json(file));
    assert.deepEqual(problems, []);
    const send = codebook.groups.find((g) => g.id === 'local.send')!;
    assert.equal(send.parent, 'local');
    assert.equal(send.description, 'Area SEND work');
  });

  it('replaces the defaults with "mode": "replace"', () => {
    const file = { mode: 'replace', groups: [{ id: 'q', label: 'Quality' }], themes: [{ id: 'hp.missing', label: 'Missing', group: 'q', cues: ['missing'] }] };
    assert.ok(validate(file));
    const { codebook, problems } = resolveCodebook(defaultCodebook(), json(file));
    assert.deepEqual(problems, []);
    assert.deepEqual(codebook.groups.map((g) => g.id), ['q']);
    assert.deepEqual(themeIds(codebook), ['hp.missing']);
    assert.deepEqual(findTheme(codebook, 'hp.missing')!.cues, ['missing']);
  });

  it('accepts comments and a $schema property', () => {
    const text = '{\n  "$schema": "./schemas/codebook.schema.json",\n  // our extra themes\n  "hide": ["hp.missing"]\n}\n';
    const { codebook, problems } = resolveCodebook(smallCodebook(), text);
    assert.deepEqual(problems, []);
    assert.ok(!themeIds(codebook).includes('hp.missing'));
  });
});

describe('workspace codebook: bad input is reported and the rest loads', () => {
  it('invalid JSON: a message with the line and column, and the defaults are used', () => {
    const text = '{\n  "themes": [\n    { "id": "a", "label": "A" }\n    { "id": "b" }\n  ]\n}\n';
    const { codebook, problems } = resolveCodebook(smallCodebook(), text);
    assert.deepEqual(codebook, smallCodebook());
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 'error');
    assert.equal(problems[0]!.line, 4);
    assert.match(problems[0]!.message, /^\.inspection-codebook\.json is not valid JSON: a comma \(,\) was expected at line 4, column 5\. The whole file is ignored/);
  });

  it('empty file and non-object file', () => {
    assert.match(parseCodebookFile('  \n').problems[0]!.message, /is empty/);
    const list = parseCodebookFile('[1, 2]');
    assert.equal(list.codebook, undefined);
    assert.match(list.problems[0]!.message, /must hold a JSON object .* not a list/);
  });

  it('duplicate theme id: the first wins, the second is named with its path and line', () => {
    const file = { themes: [{ id: 'x.one', label: 'First', group: 'hp' }, { id: 'x.one', label: 'Second', group: 'lm' }, { id: 'x.two', label: 'Two', group: 'lm' }] };
    const text = json(file);
    const { codebook, problems } = resolveCodebook(smallCodebook(), text);
    assert.equal(findTheme(codebook, 'x.one')!.label, 'First');
    assert.ok(findTheme(codebook, 'x.two'), 'the rest still loads');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, 'themes[1].id');
    const second = text.indexOf('"x.one"', text.indexOf('"x.one"') + 1);
    assert.equal(problems[0]!.line, text.slice(0, second).split('\n').length);
    assert.equal(problems[0]!.message, 'The theme id "x.one" is used twice (themes[0] and themes[1]); the first is used and themes[1] is ignored.');
  });

  it('duplicate group id: the first wins', () => {
    const { codebook, problems } = resolveCodebook(smallCodebook(), json({ groups: [{ id: 'g', label: 'G1' }, { id: 'g', label: 'G2' }] }));
    assert.equal(codebook.groups.find((g) => g.id === 'g')!.label, 'G1');
    assert.match(problems[0]!.message, /group id "g" is used twice \(groups\[0\] and groups\[1\]\)/);
  });

  it('invalid colour: fallback colour and a message naming the theme, the value and the line', () => {
    const file = { themes: [{ id: 'x.red', label: 'Red', group: 'hp', colour: 'red' }, { id: 'hp.missing', colour: '#12345' }] };
    assert.equal(validate(file), false, 'the schema flags it too');
    const text = json(file);
    const { codebook, problems } = resolveCodebook(smallCodebook(), text);
    assert.equal(findTheme(codebook, 'x.red')!.colour, fallbackColour('x.red'));
    assert.equal(findTheme(codebook, 'hp.missing')!.colour, '#3f7fbf', 'a built-in theme keeps its colour');
    assert.deepEqual(problems.map((p) => p.path), ['themes[0].colour', 'themes[1].colour']);
    assert.equal(problems[0]!.message, 'The colour of theme "x.red" must be written #rrggbb (six hexadecimal digits, e.g. "#3a7bd5"), not "red"; a default colour is used instead.');
    assert.equal(problems[0]!.line, text.split('\n').findIndex((l) => l.includes('"red"')) + 1);
  });

  it('unknown or missing group: the theme is kept under the workspace group, with a hint for near misses', () => {
    const { codebook, problems } = resolveCodebook(smallCodebook(), json({ themes: [{ id: 'x.a', label: 'A', group: 'Im' }, { id: 'x.b', label: 'B' }] }));
    assert.deepEqual(codebook.groups.at(-1)!.themes.map((t) => t.id), ['x.a', 'x.b']);
    assert.equal(codebook.groups.at(-1)!.label, FALLBACK_GROUP.label);
    assert.match(problems[0]!.message, /names the group "Im", which does not exist; it is shown under "Workspace themes"\. Did you mean "lm"\?/);
    assert.match(problems[1]!.message, /"x\.b" has no "group"/);
  });

  it('missing id, missing label, spaces in an id', () => {
    const { codebook, problems } = resolveCodebook(smallCodebook(), json({ themes: [{ label: 'No id', group: 'hp' }, { id: 'x.nolabel', group: 'hp' }, { id: 'has space', label: 'S', group: 'hp' }] }));
    assert.match(problems[0]!.message, /The theme at themes\[0\] \("No id"\) has no "id"; it is ignored/);
    assert.match(problems[1]!.message, /id "has space" at themes\[2\] contains spaces.*try "has-space"/);
    assert.match(problems[2]!.message, /"x\.nolabel" has no "label"; its id is shown instead/);
    assert.equal(problems[2]!.severity, 'warning');
    assert.equal(findTheme(codebook, 'x.nolabel')!.label, 'x.nolabel');
  });

  it('unknown keys are named with a suggestion, and ignored', () => {
    const { codebook, problems } = resolveCodebook(smallCodebook(), json({ themes: [{ id: 'hp.missing', color: '#000000', lable: 'x' }], hidden: ['lm'] }));
    assert.deepEqual(problems.map((p) => p.message), [
      'Unknown key "hidden" in the top level of the codebook is ignored. Did you mean "hide"?',
      'Unknown key "color" in theme "hp.missing" is ignored. Did you mean "colour"?',
      'Unknown key "lable" in theme "hp.missing" is ignored. Known keys: id, label, description, colour, cues, addCues, group.',
    ]);
    assert.equal(findTheme(codebook, 'hp.missing')!.colour, '#3f7fbf');
  });

  it('cycles in nested groups are broken and reported', () => {
    const file = { groups: [{ id: 'a', label: 'A', parent: 'b' }, { id: 'b', label: 'B', parent: 'c' }, { id: 'c', label: 'C', parent: 'a' }, { id: 'd', label: 'D', parent: 'nowhere' }] };
    const { codebook, problems } = resolveCodebook(smallCodebook(), json(file));
    assert.equal(problems.length, 2);
    assert.match(problems[0]!.message, /"d" names the parent group "nowhere", which does not exist; "d" is shown at the top level/);
    assert.equal(problems[1]!.message, 'The groups "a" → "b" → "c" → "a" are each other\'s parents, which is a cycle; "c" is shown at the top level instead.');
    assert.equal(problems[1]!.path, 'groups[2].parent');
    const byId = new Map(codebook.groups.map((g) => [g.id, g]));
    assert.equal(byId.get('a')!.parent, 'b');
    assert.equal(byId.get('b')!.parent, 'c');
    assert.equal(byId.get('c')!.parent, undefined);
    assert.equal(byId.get('d')!.parent, undefined);
  });

  it('bad mode, wrong types and unknown hide ids', () => {
    const { codebook, problems } = resolveCodebook(smallCodebook(), json({ mode: 'merge', themes: { id: 'x' }, hide: ['hp.mising', 3] }));
    assert.deepEqual(themeIds(codebook), themeIds(smallCodebook()), 'extend is assumed, nothing hidden');
    const messages = problems.map((p) => p.message);
    assert.ok(messages.includes('"mode" must be "extend" (add to the built-in codebook) or "replace" (use only this file\'s themes), not "merge". "extend" is used.'));
    assert.ok(messages.includes('"themes" must be a list ([ … ]), not an object; it is ignored.'));
    assert.ok(messages.includes('hide[1] must be the id of a theme or group (a string), not 3; it is ignored.'));
    assert.ok(messages.includes('hide[0]: "hp.mising" is not the id of any theme or group, so nothing is hidden by it. Did you mean "hp.missing"?'));
  });

  it('bad cues are dropped one by one', () => {
    const { codebook, problems } = resolveCodebook(smallCodebook(), json({ themes: [{ id: 'x', label: 'X', group: 'hp', cues: ['ok cue', '', '***', 7] }] }));
    assert.deepEqual(findTheme(codebook, 'x')!.cues, ['ok cue']);
    assert.deepEqual(problems.map((p) => p.path), ['themes[0].cues[1]', 'themes[0].cues[2]', 'themes[0].cues[3]']);
  });
});

describe('docs/codebook.md', () => {
  it('its example file loads against the built-in codebook without problems', () => {
    const doc = readFileSync(new URL('../../../docs/codebook.md', import.meta.url), 'utf8');
    const example = /```jsonc\n([\s\S]*?)```/.exec(doc)![1]!;
    const { codebook, problems } = resolveCodebook(defaultCodebook(), example);
    assert.deepEqual(problems, []);
    assert.equal(findTheme(codebook, 'hp.missing')!.label, 'Missing from home and care');
    assert.ok(findTheme(codebook, 'hp.missing')!.cues.includes('absent from placement'));
    assert.equal(findTheme(codebook, 'sd.young-carers'), undefined);
    assert.equal(codebook.groups.find((g) => g.id === 'local.send')!.parent, 'local');
  });
});

describe('schema and reader agree', () => {
  const cases: [string, unknown][] = [
    ['empty object', {}],
    ['full example', { $schema: 'x', mode: 'replace', groups: [{ id: 'g', label: 'G', description: 'd', parent: 'h' }], themes: [{ id: 't', label: 'T', description: 'd', colour: '#abcdef', cues: ['a'], addCues: ['b'], group: 'g' }], hide: ['t'] }],
    ['bad mode', { mode: 'merge' }],
    ['unknown top-level key', { themse: [] }],
    ['unknown theme key', { themes: [{ id: 't', color: '#ffffff' }] }],
    ['theme without id', { themes: [{ label: 'T' }] }],
    ['id with a space', { themes: [{ id: 'a b' }] }],
    ['bad colour', { themes: [{ id: 't', colour: 'red' }] }],
    ['cues not a list', { themes: [{ id: 't', cues: 'a' }] }],
    ['empty cue', { themes: [{ id: 't', cues: [''] }] }],
    ['empty label', { themes: [{ id: 't', label: '' }] }],
    ['group not an object', { groups: ['g'] }],
    ['hide not strings', { hide: [1] }],
  ];
  for (const [name, file] of cases) {
    it(`${name}: ${validate(file) ? 'valid' : 'invalid'} for both`, () => {
      const problems = parseCodebookFile(JSON.stringify(file)).problems;
      assert.equal(problems.length === 0, validate(file), JSON.stringify({ problems, errors: validate.errors }));
    });
  }
});
