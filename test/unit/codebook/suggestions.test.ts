import assert from 'node:assert/strict';
import { defaultCodebook } from '../../../src/core/tags/codebook/defaultCodebook';
import { passageStarts, suggest, suggestionKey } from '../../../src/core/tags/suggestions/suggestions';
import { smallCodebook, tag } from './helpers';

// Invented, in the layout of `pdftotext -layout` text: numbered paragraphs, wrapped lines, a
// hyphenated line break and a page footer.
const REPORT = [
  'Inspection of Northmoor local authority children\u2019s services',
  '',
  '14.     Children who go missing are offered return home interviews, but too many of',
  '        these are not completed. When children go missing repeatedly, the learning',
  '        from return home interviews is not used well to reduce risk. Managers at the',
  '        front door apply thresholds consistently.',
  '',
  '15.     Social workers have manageable caseloads. Most children benefit from stable',
  '        relationships, although some have had several changes of social worker.',
  '        Management oversight is regular and recorded. The multi-agency safe-',
  '        guarding hub responds quickly to contacts.',
  '',
  'Inspection of Northmoor local authority children\u2019s services',
  '3 to 14 March 2025                                                                  4',
  '',
].join('\n');

describe('suggestions', () => {
  const codebook = smallCodebook();

  it('suggests each sentence containing a cue, once per theme, with the cue and a tidy quote', () => {
    const s = suggest(REPORT, codebook);
    const seen = s.map((x) => [x.themeId, x.quote]);
    assert.deepEqual(seen, [
      ['hp.missing', 'Children who go missing are offered return home interviews, but too many of these are not completed.'],
      ['hp.missing', 'When children go missing repeatedly, the learning from return home interviews is not used well to reduce risk.'],
      ['hp.front-door', 'Managers at the front door apply thresholds consistently.'],
      ['lm.workforce', 'Social workers have manageable caseloads.'],
      ['lm.oversight', 'Management oversight is regular and recorded.'],
      ['hp.front-door', 'The multi-agency safe- guarding hub responds quickly to contacts.'],
    ]);
    const first = s[0]!;
    assert.deepEqual(first.cues, ['go missing', 'return home interview*']);
    assert.equal(first.cue, 'go missing');
    assert.equal(REPORT.slice(first.cueRange.start, first.cueRange.end), 'go missing');
    assert.equal(REPORT.slice(first.range.start, first.range.end).split('\n')[0], 'Children who go missing are offered return home interviews, but too many of');
    assert.deepEqual(s[2]!.cues, ['front door', 'threshold*']);
    assert.ok(s.every((x) => x.key.startsWith(`${x.themeId}:`)));
    assert.equal(new Set(s.map((x) => x.key)).size, s.length);
  });

  it('finds a cue wrapped over a line break and hyphenated at the line end', () => {
    const last = suggest(REPORT, codebook).at(-1)!;
    assert.equal(last.cue, 'multi-agency safeguarding hub');
    assert.equal(REPORT.slice(last.cueRange.start, last.cueRange.end), 'multi-agency safe-\n        guarding hub');
  });

  it('does not match inside words', () => {
    const text = 'The council will employ more staff. Planned thresholding work is described. The doorway is open; front doorstep visits.';
    // "PLO" inside "employ" and "front door" inside "front doorstep" must not match; "threshold*" is a prefix cue.
    const s = suggest(text, codebook);
    assert.deepEqual(s.map((x) => [x.themeId, x.cue]), [['hp.front-door', 'threshold*']]);
    assert.deepEqual(suggest('Cases were escalated to PLO promptly.', codebook).map((x) => x.cue), ['PLO']);
  });

  it('keeps a suggestion\u2019s key when text elsewhere changes, so a dismissal sticks', () => {
    const before = suggest(REPORT, codebook);
    const target = before.find((x) => x.themeId === 'lm.oversight')!;
    const edited = REPORT.replace('Inspection of Northmoor local authority children\u2019s services\n\n14.', 'Inspection of Northmoor local authority children\u2019s services\n\nA new opening paragraph was added by the QA officer.\n\n14.');
    const after = suggest(edited, codebook);
    const moved = after.find((x) => x.themeId === 'lm.oversight')!;
    assert.notEqual(moved.range.start, target.range.start, 'the passage moved');
    assert.equal(moved.key, target.key);
    const filtered = suggest(edited, codebook, { dismissed: [target.key] });
    assert.equal(filtered.length, after.length - 1);
    assert.ok(!filtered.some((x) => x.key === target.key));
  });

  it('keeps the key when the same sentence is re-wrapped or re-hyphenated, and changes it when its words change', () => {
    assert.equal(suggestionKey('hp.x', 'The multi-agency safe-\n   guarding hub responds.'), suggestionKey('hp.x', 'The multiagency safeguarding hub\nresponds.'));
    assert.notEqual(suggestionKey('hp.x', 'The hub responds quickly.'), suggestionKey('hp.x', 'The hub responds slowly.'));
    assert.notEqual(suggestionKey('hp.x', 'The hub responds quickly.'), suggestionKey('hp.y', 'The hub responds quickly.'));
  });

  it('numbers identical passages so keys stay unique', () => {
    const s = suggest('Caseloads are high. Other text. Caseloads are high.', codebook);
    assert.equal(s.length, 2);
    assert.equal(s[1]!.key, `${s[0]!.key}#2`);
  });

  it('leaves out passages already tagged with the theme, but not with another theme or by an orphaned tag', () => {
    const all = suggest(REPORT, codebook);
    const oversight = all.find((x) => x.themeId === 'lm.oversight')!;
    const at = REPORT.indexOf('Management oversight');
    const sameTheme = tag('t1', at, at + 20, [{ id: 'lm.oversight', label: 'Management oversight' }]);
    assert.ok(!suggest(REPORT, codebook, { tags: [sameTheme] }).some((x) => x.key === oversight.key));
    const otherTheme = tag('t2', at, at + 20, [{ id: 'lm.workforce', label: 'Workforce' }]);
    assert.ok(suggest(REPORT, codebook, { tags: [otherTheme] }).some((x) => x.key === oversight.key));
    const orphan = tag('t3', at, at + 20, [{ id: 'lm.oversight', label: 'Management oversight' }], { orphaned: true });
    assert.ok(suggest(REPORT, codebook, { tags: [orphan] }).some((x) => x.key === oversight.key));
  });

  it('can suggest whole paragraphs, using known paragraph ranges where given', () => {
    const s = suggest(REPORT, codebook, { unit: 'paragraph' });
    const missing = s.filter((x) => x.themeId === 'hp.missing');
    assert.equal(missing.length, 1);
    assert.ok(missing[0]!.quote.startsWith('14. Children who go missing') && missing[0]!.quote.endsWith('apply thresholds consistently.'));
    const p15 = { start: REPORT.indexOf('15.'), end: REPORT.indexOf('contacts.') + 9 };
    const given = suggest(REPORT, codebook, { unit: 'paragraph', paragraphs: [p15] }).filter((x) => x.themeId === 'lm.oversight');
    assert.deepEqual(given.map((x) => x.range), [p15]);
  });

  it('treats bullets and blank lines as passage boundaries and skips abbreviations', () => {
    const text = 'What needs to improve?\n\n\u25FC The quality of management oversight, e.g. in supervision.\n\u25FC Caseloads of newly qualified staff\n';
    const s = suggest(text, codebook);
    assert.deepEqual(s.map((x) => x.quote), ['The quality of management oversight, e.g. in supervision.', 'Caseloads of newly qualified staff']);
    assert.deepEqual(passageStarts('One. Two. e.g. Three', 'sentence'), [0, 4]);
  });

  it('does not suggest headings, table rows or labels, but does suggest short sentences and bullet items', () => {
    const text = 'Management oversight\n\nJudgement                    Grade\nManagement oversight         Good\n\nCaseloads are high.\n\n\u25FC Caseloads\n';
    assert.deepEqual(suggest(text, codebook).map((x) => x.quote), ['Caseloads are high.', 'Caseloads']);
  });

  it('can leave out themes', () => {
    assert.ok(!suggest(REPORT, codebook, { excludeThemes: ['hp.missing'] }).some((x) => x.themeId === 'hp.missing'));
  });

  it('finds the built-in codebook cues throughout a report-sized text', () => {
    const paragraph = REPORT.split('\n').slice(2, 12).join('\n') + '\n\n';
    let text = '';
    for (let n = 0; text.length < 110_000; n++) text += paragraph.replace('14.', `${n}.`).replace('Social workers', `Social workers (${n})`);
    const big = defaultCodebook();
    suggest(text, big); // builds the matcher and warms up the JIT, as the first report opened does
    const times: number[] = [];
    let s: ReturnType<typeof suggest> = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      s = suggest(text, big);
      times.push(performance.now() - t0);
    }
    const ms = times.sort((a, b) => a - b)[1]!;
    assert.ok(s.length > 500);
    assert.ok(s.some((x) => x.themeId === 'hp.missing') && s.some((x) => x.themeId === 'lm.caseloads') && s.some((x) => x.themeId === 'hp.front-door'));
    if (process.env.SUGGESTION_TIMES) console.log(`      ${ms.toFixed(1)} ms for ${text.length} characters`);
  });
});

describe('suggestions: skipped ranges', () => {
  it('ignores cues inside ranges the caller marks as not to be suggested in', () => {
    const text = 'Caseloads are high.\n\nWhat the inspection judgements mean\n\nGood: caseloads are manageable.\n';
    const descriptors = { start: text.indexOf('What the'), end: text.length };
    const s = suggest(text, smallCodebook(), { skip: [descriptors] });
    assert.deepEqual(s.map((x) => x.quote), ['Caseloads are high.']);
  });
});
