import assert from 'node:assert/strict';
import { EDIT_TAG_COMMAND, REMOVE_TAG_COMMAND, tagHoverMarkdown, tagsAt } from '../../../src/core/presentation/tagHoverText';
import { escapeMarkdown } from '../../../src/core/platform/text/markdownEscape';
import { tag } from '../codebook/helpers';

const URI = 'file:///ws/fennbridge-ilacs-2025.txt';

describe('tag hover', () => {
  it('finds the tags over a position, overlapping ones included, orphans never', () => {
    const tags = [tag('a', 10, 20, [{ id: 't1', label: 'One' }]), tag('b', 15, 30, [{ id: 't2', label: 'Two' }]), tag('o', 10, 30, [{ id: 't3', label: 'Gone' }], { orphaned: true })];
    assert.deepEqual(tagsAt(tags, 16).map((t) => t.id), ['a', 'b']);
    assert.deepEqual(tagsAt(tags, 25).map((t) => t.id), ['b']);
    assert.deepEqual(tagsAt(tags, 5), []);
  });

  it('lists themes, note, author and date, with edit and remove links carrying the report and tag', () => {
    const md = tagHoverMarkdown([tag('t-1', 0, 5, [{ id: 'hp.missing', label: 'Children who go missing' }, { id: 'lm.oversight', label: 'Management oversight' }], { note: 'Compare 2021', author: 'J. Patel', modified: '2026-03-04T10:00:00.000Z' })], URI);
    assert.match(md, /\*\*Children who go missing, Management oversight\*\*/);
    assert.match(md, /\*Compare 2021\*/);
    assert.match(md, /Tagged J\\\. Patel, on 4 March 2026/);
    const links = [...md.matchAll(/\(command:([\w.]+)\?([^ )]+)/g)].map((m) => ({ command: m[1], args: JSON.parse(decodeURIComponent(m[2]!)) as unknown }));
    assert.deepEqual(links, [
      { command: EDIT_TAG_COMMAND, args: { reportUri: URI, tagId: 't-1' } },
      { command: REMOVE_TAG_COMMAND, args: { reportUri: URI, tagId: 't-1' } },
    ]);
  });

  it('escapes the user’s words, so a note cannot add links, images or HTML', () => {
    const md = tagHoverMarkdown([tag('x', 0, 5, [{ id: 't', label: 'Theme' }], { note: '[click](command:workbench.action.files.delete) <img src=x> *bold*' })], URI);
    assert.doesNotMatch(md, /\[click\]\(command:workbench/);
    assert.doesNotMatch(md, /<img/);
    assert.match(md, /\\\[click\\\]\\\(command:workbench\\\.action\\\.files\\\.delete\\\)/);
    assert.equal(escapeMarkdown('a_b'), 'a\\_b');
  });
});
