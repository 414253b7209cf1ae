import assert from 'node:assert/strict';
import { parseCodebookFile } from '../../../src/core/tags/codebook/codebookFile';
import { resolveCodebook } from '../../../src/core/tags/codebook/codebookResolve';
import { addTheme, mergeThemeInSidecar, mergeThemes, recolourTheme, renameTheme, renameThemeInSidecar, slugify } from '../../../src/core/tags/codebook/themeOperations';
import { findTheme, sidecar, smallCodebook, tag, themeIds } from './helpers';

function ok(r: ReturnType<typeof addTheme>): string {
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.text;
}

const USER_FILE = `{
  // Northmoor's own themes
  "groups": [
    { "id": "local", "label": "Northmoor priorities" }
  ],
  "themes": [
    {
      "id": "local.hubs",
      "label": "Family hubs",
      "group": "local",
      "cues": ["family hub*"]
    }
  ]
}
`;

describe('theme operations on the workspace codebook file', () => {
  const defaults = smallCodebook();

  it('adds a theme to a new file, with an id made from the group and label', () => {
    const text = ok(addTheme(undefined, defaults, { label: 'Children’s voice', group: 'hp', colour: '#AA3377', cues: ['wishes and feelings'] }));
    assert.equal(text, `{
  "themes": [
    {
      "id": "hp.childrens-voice",
      "label": "Children’s voice",
      "group": "hp",
      "colour": "#aa3377",
      "cues": [
        "wishes and feelings"
      ]
    }
  ]
}
`);
    const { codebook, problems } = resolveCodebook(defaults, text);
    assert.deepEqual(problems, []);
    assert.equal(findTheme(codebook, 'hp.childrens-voice')!.label, 'Children’s voice');
  });

  it('adds to an existing file keeping its comments, entries and layout, and avoids taken ids', () => {
    const text = ok(addTheme(USER_FILE, defaults, { label: 'Family hubs', group: 'local' }));
    assert.ok(text.startsWith(USER_FILE.slice(0, USER_FILE.indexOf('    }\n  ]'))), 'earlier content unchanged');
    assert.ok(text.includes('// Northmoor\'s own themes'));
    const { codebook } = resolveCodebook(defaults, text);
    assert.deepEqual(codebook.groups.find((g) => g.id === 'local')!.themes.map((t) => t.id), ['local.hubs', 'local.family-hubs']);
  });

  it('refuses bad additions with a message', () => {
    const noGroup = addTheme(USER_FILE, defaults, { label: 'X', group: 'nope' });
    assert.deepEqual(noGroup, { ok: false, message: 'There is no group "nope" to add the theme to.' });
    const taken = addTheme(USER_FILE, defaults, { id: 'hp.missing', label: 'X', group: 'hp' });
    assert.deepEqual(taken, { ok: false, message: 'There is already a theme with the id "hp.missing".' });
    const colour = addTheme(USER_FILE, defaults, { label: 'X', group: 'hp', colour: 'blue' });
    assert.equal(colour.ok, false);
  });

  it('never rewrites a file that is not valid JSON', () => {
    const broken = '{ "themes": [ { "id": "a" } ';
    for (const r of [addTheme(broken, defaults, { label: 'X', group: 'hp' }), renameTheme(broken, defaults, 'hp.missing', 'M'), recolourTheme(broken, defaults, 'hp.missing', '#000000'), mergeThemes(broken, defaults, 'hp.missing', 'hp.front-door')]) {
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.message, /^\.inspection-codebook\.json was not changed, because it cannot be read: .*not valid JSON.*Fix the file first\.$/);
    }
  });

  it('never rewrites a file with a key given twice (the reader takes the last, an edit the first)', () => {
    const twice = USER_FILE.replace('"themes": [', '"themes": [],\n  "themes": [');
    const parsed = parseCodebookFile(twice);
    assert.equal(parsed.codebook, undefined);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, p.path, p.line, p.column]),
      [['error', 'themes', 7, 3]],
    );
    assert.match(parsed.problems[0]!.message, /^\.inspection-codebook\.json gives the key "themes" twice in the top-level object, at line 6, column 3 and again at line 7, column 3\. .*never changed until this is fixed/);
    const inEntry = USER_FILE.replace('"label": "Family hubs",', '"label": "Family hubs",\n      "label": "Hubs",');
    for (const text of [twice, inEntry]) {
      for (const r of [addTheme(text, defaults, { label: 'X', group: 'hp' }), renameTheme(text, defaults, 'local.hubs', 'M'), recolourTheme(text, defaults, 'local.hubs', '#000000'), mergeThemes(text, defaults, 'local.hubs', 'hp.front-door')]) {
        assert.equal(r.ok, false);
        assert.match(r.ok ? '' : r.message, /^\.inspection-codebook\.json was not changed, because it cannot be read: .*gives the key "(themes|label)" twice/);
      }
    }
  });

  it('renames a built-in theme by adding an entry, and a file theme in place', () => {
    const renamedDefault = ok(renameTheme(USER_FILE, defaults, 'hp.missing', 'Missing children'));
    let resolved = resolveCodebook(defaults, renamedDefault).codebook;
    assert.equal(findTheme(resolved, 'hp.missing')!.label, 'Missing children');
    assert.deepEqual(findTheme(resolved, 'hp.missing')!.cues, findTheme(defaults, 'hp.missing')!.cues);
    assert.ok(renamedDefault.includes('{\n      "id": "hp.missing",\n      "label": "Missing children"\n    }'));

    const renamedOwn = ok(renameTheme(USER_FILE, defaults, 'local.hubs', 'Family hubs and centres'));
    assert.equal(renamedOwn, USER_FILE.replace('"label": "Family hubs"', '"label": "Family hubs and centres"'));
    resolved = resolveCodebook(defaults, renamedOwn).codebook;
    assert.equal(findTheme(resolved, 'local.hubs')!.label, 'Family hubs and centres');

    const same = renameTheme(USER_FILE, defaults, 'local.hubs', 'Family hubs');
    assert.deepEqual(same, { ok: true, text: USER_FILE, changed: false });
    assert.equal(renameTheme(USER_FILE, defaults, 'no.such', 'X').ok, false);
  });

  it('recolours, editing an override entry that is already there', () => {
    const once = ok(recolourTheme(undefined, defaults, 'lm.oversight', '#123456'));
    const twice = ok(recolourTheme(once, defaults, 'lm.oversight', '#654321'));
    assert.equal((twice.match(/"lm\.oversight"/g) ?? []).length, 1, 'one entry, edited');
    assert.equal(findTheme(resolveCodebook(defaults, twice).codebook, 'lm.oversight')!.colour, '#654321');
    assert.equal(recolourTheme(once, defaults, 'lm.oversight', 'dark red').ok, false);
  });

  it('merges a built-in theme into another: cues move over and the merged theme is hidden', () => {
    const text = ok(mergeThemes(USER_FILE, defaults, 'hp.missing', 'hp.front-door'));
    const { codebook, problems } = resolveCodebook(defaults, text);
    assert.deepEqual(problems, []);
    assert.ok(!themeIds(codebook).includes('hp.missing'));
    assert.deepEqual(findTheme(codebook, 'hp.front-door')!.cues, ['front door', 'multi-agency safeguarding hub', 'threshold*', 'return home interview*', 'go missing']);
    assert.ok(text.includes('"hide": [\n    "hp.missing"\n  ]'));
    assert.ok(text.includes('// Northmoor'), 'comments kept');
  });

  it('merges a file theme into a built-in one: its entry is removed', () => {
    const text = ok(mergeThemes(USER_FILE, defaults, 'local.hubs', 'hp.front-door'));
    const { codebook, problems } = resolveCodebook(defaults, text);
    assert.deepEqual(problems, []);
    assert.ok(!themeIds(codebook).includes('local.hubs'));
    assert.ok(findTheme(codebook, 'hp.front-door')!.cues.includes('family hub*'));
    assert.ok(!text.includes('"hide"'), 'nothing to hide');
  });

  it('refuses to merge a theme into itself or an unknown theme', () => {
    assert.equal(mergeThemes(USER_FILE, defaults, 'hp.missing', 'hp.missing').ok, false);
    assert.equal(mergeThemes(USER_FILE, defaults, 'hp.missing', 'hp.nothing').ok, false);
  });

  it('makes readable ids', () => {
    assert.equal(slugify('  Voice of the child – lived experience '), 'voice-of-the-child-lived-experience');
    assert.equal(slugify('Café culture'), 'cafe-culture');
  });
});

describe('theme operations on sidecars', () => {
  const missing = { id: 'hp.missing', label: 'Children who go missing' };
  const door = { id: 'hp.front-door', label: 'Front door' };
  const oversight = { id: 'lm.oversight', label: 'Management oversight' };

  it('renames a theme on every tag that has it, and says when nothing changed', () => {
    const before = sidecar([tag('a', 0, 5, [missing, oversight]), tag('b', 6, 9, [door])]);
    const { sidecar: after, changed, tagsChanged } = renameThemeInSidecar(before, 'hp.missing', 'Missing from home and care', '2025-04-01T09:00:00.000Z');
    assert.equal(changed, true);
    assert.equal(tagsChanged, 1);
    assert.deepEqual(after.tags[0]!.themes, [{ id: 'hp.missing', label: 'Missing from home and care' }, oversight]);
    assert.equal(after.tags[0]!.modified, '2025-04-01T09:00:00.000Z');
    assert.equal(after.tags[1], before.tags[1], 'untouched tags are the same objects');
    assert.equal(before.tags[0]!.themes[0]!.label, 'Children who go missing', 'the input is not changed');
    const again = renameThemeInSidecar(after, 'hp.missing', 'Missing from home and care');
    assert.equal(again.changed, false);
    assert.equal(again.sidecar, after);
  });

  it('merges: the theme is replaced on tags, without duplicates, and dismissed suggestions follow', () => {
    const before = sidecar([tag('a', 0, 5, [missing, door]), tag('b', 6, 9, [missing]), tag('c', 10, 12, [oversight], { orphaned: true })], ['hp.missing:00000000aaaaaaaa', 'lm.oversight:11111111bbbbbbbb']);
    const { sidecar: after, changed, tagsChanged } = mergeThemeInSidecar(before, 'hp.missing', door);
    assert.equal(changed, true);
    assert.equal(tagsChanged, 2);
    assert.deepEqual(after.tags.map((t) => t.themes), [[door], [door], [oversight]]);
    assert.equal(after.tags[0]!.modified, before.tags[0]!.modified, 'without `now`, modified times are kept');
    assert.equal(after.tags[2]!.orphaned, true);
    assert.deepEqual(after.dismissedSuggestions, ['hp.front-door:00000000aaaaaaaa', 'lm.oversight:11111111bbbbbbbb']);
    assert.equal(mergeThemeInSidecar(after, 'hp.missing', door).changed, false);
  });
});
