import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { contrastRatio, colourDifference } from '../../../src/core/tags/codebook/codebookColours';
import { foldCue } from '../../../src/core/tags/suggestions/codebookCueMatcher';
import { parseCodebookFile } from '../../../src/core/tags/codebook/codebookFile';
import { DEFAULT_CODEBOOK_DATA, defaultCodebook } from '../../../src/core/tags/codebook/defaultCodebook';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/codebook.schema.json', import.meta.url), 'utf8'));
const defaultText = readFileSync(new URL('../../../src/core/tags/codebook/defaultCodebook.json', import.meta.url), 'utf8');

describe('default codebook', () => {
  const codebook = defaultCodebook();
  const themes = codebook.groups.flatMap((g) => g.themes);

  it('is valid against the codebook schema and reads without problems', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    assert.ok(validate(DEFAULT_CODEBOOK_DATA), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(parseCodebookFile(defaultText).problems, []);
  });

  it('has the themes QA officers look for, in groups', () => {
    assert.ok(codebook.groups.length >= 5);
    assert.ok(themes.length >= 50, `${themes.length} themes`);
    for (const id of ['pq.voice', 'lm.management-oversight', 'lm.supervision', 'lm.workforce', 'lm.caseloads', 'lm.quality-assurance', 'lm.partnership', 'hp.exploitation', 'hp.missing', 'sd.disabled-children', 'sd.private-fostering', 'cc.corporate-parenting', 'cc.sufficiency', 'cc.permanence', 'cc.health', 'cc.education', 'cl.housing', 'sd.unaccompanied', 'sd.lado', 'hp.domestic-abuse', 'hp.neglect', 'hp.pre-birth', 'hp.pre-proceedings', 'cc.iro', 'hp.abe']) {
      assert.ok(themes.some((t) => t.id === id), `missing ${id}`);
    }
  });

  it('has unique, readable ids and every theme sits in the group its id names', () => {
    const ids = [...codebook.groups.map((g) => g.id), ...themes.map((t) => t.id)];
    assert.equal(new Set(ids).size, ids.length);
    for (const g of codebook.groups) {
      for (const t of g.themes) {
        assert.match(t.id, /^[a-z]+\.[a-z0-9-]+$/);
        assert.equal(t.groupId, g.id);
        assert.ok(t.id.startsWith(`${g.id}.`), t.id);
      }
    }
  });

  it('has a label, description and matchable cues for every theme, without repeats', () => {
    for (const t of themes) {
      assert.ok(t.label.length > 2 && (t.description ?? '').length > 10, t.id);
      assert.ok(t.cues.length >= 1, `${t.id} has no cues`);
      const lower = t.cues.map((c) => c.toLowerCase());
      assert.equal(new Set(lower).size, lower.length, `${t.id} repeats a cue`);
      for (const c of t.cues) assert.ok(foldCue(c), `${t.id}: cue "${c}" cannot match`);
    }
  });

  it('has colours legible on light and dark editor backgrounds, distinct within each group', () => {
    for (const t of themes) {
      assert.match(t.colour, /^#[0-9a-f]{6}$/);
      assert.ok(contrastRatio(t.colour, '#ffffff') >= 3, `${t.id} ${t.colour} too light for a light theme`);
      assert.ok(contrastRatio(t.colour, '#1e1e1e') >= 3, `${t.id} ${t.colour} too dark for a dark theme`);
    }
    for (const g of codebook.groups) {
      for (let i = 0; i < g.themes.length; i++) {
        for (let j = i + 1; j < g.themes.length; j++) {
          const [a, b] = [g.themes[i]!, g.themes[j]!];
          assert.ok(colourDifference(a.colour, b.colour) >= 20, `${a.id} ${a.colour} and ${b.id} ${b.colour} look alike`);
        }
      }
    }
  });

  it('returns a fresh copy each time', () => {
    const a = defaultCodebook();
    a.groups[0]!.themes[0]!.cues.push('changed');
    assert.ok(!defaultCodebook().groups[0]!.themes[0]!.cues.includes('changed'));
  });
});
