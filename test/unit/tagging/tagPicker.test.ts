import assert from 'node:assert/strict';
import { NOT_IN_CODEBOOK, themePickEntries, themesForIds } from '../../../src/core/tags/tagPicker';
import { defaultCodebook } from '../../../src/core/tags/codebook/defaultCodebook';
import { smallCodebook } from '../codebook/helpers';

describe('theme quick pick entries', () => {
  it('lists each group under a separator, in codebook order, with cues in the searchable detail', () => {
    const entries = themePickEntries(smallCodebook());
    assert.deepEqual(
      entries.map((e) => (e.kind === 'separator' ? `-- ${e.label}` : e.label)),
      ['-- Help and protection', 'Children who go missing', 'Front door', '-- Leadership and management', 'Management oversight', 'Workforce'],
    );
    const frontDoor = entries.find((e) => e.kind === 'theme' && e.themeId === 'hp.front-door');
    assert.ok(frontDoor && frontDoor.kind === 'theme');
    assert.match(frontDoor.detail ?? '', /multi-agency safeguarding hub/);
    assert.equal(frontDoor.picked, false);
  });

  it('pre-ticks the themes of the tag being edited and keeps themes the codebook no longer has', () => {
    const entries = themePickEntries(smallCodebook(), [{ id: 'lm.workforce', label: 'Workforce' }, { id: 'old.theme', label: 'Retired theme' }]);
    const picked = entries.filter((e) => e.kind === 'theme' && e.picked).map((e) => e.label);
    assert.deepEqual(picked, ['Workforce', 'Retired theme']);
    assert.deepEqual(entries.at(-2), { kind: 'separator', label: NOT_IN_CODEBOOK });
  });

  it('leaves out empty groups, and names nested groups with their parent', () => {
    const codebook = smallCodebook();
    codebook.groups.push({ id: 'empty', label: 'Nothing here', themes: [] });
    codebook.groups.push({ id: 'lm.sub', label: 'Workforce stability', parent: 'lm', themes: [{ id: 'x', label: 'Turnover', colour: '#123456', cues: [], groupId: 'lm.sub' }] });
    const separators = themePickEntries(codebook).filter((e) => e.kind === 'separator').map((e) => e.label);
    assert.deepEqual(separators, ['Help and protection', 'Leadership and management', 'Leadership and management › Workforce stability']);
  });

  it('the built-in codebook gives a separator per group and every theme once', () => {
    const codebook = defaultCodebook();
    const entries = themePickEntries(codebook);
    const themeCount = codebook.groups.reduce((n, g) => n + g.themes.length, 0);
    assert.equal(entries.filter((e) => e.kind === 'theme').length, themeCount);
    assert.equal(entries.filter((e) => e.kind === 'separator').length, codebook.groups.filter((g) => g.themes.length > 0).length);
  });
});

describe('themesForIds', () => {
  it('gives codebook labels, and the stored label of a theme the codebook lost', () => {
    assert.deepEqual(themesForIds(smallCodebook(), ['lm.oversight', 'old'], [{ id: 'old', label: 'Old label' }]), [
      { id: 'lm.oversight', label: 'Management oversight' },
      { id: 'old', label: 'Old label' },
    ]);
  });

  it('names unknown ids instead of tagging nothing', () => {
    assert.throws(() => themesForIds(smallCodebook(), ['hp.missing', 'hp.mising-typo']), /"hp\.mising-typo"/);
  });
});
