import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { GRADES, JUDGEMENT_AREAS, type ReportKind, type SectionRole } from '../../../src/core/recognition/model';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';
import { serialiseSidecar } from '../../../src/core/tags/sidecar/sidecarSerialiser';
import { makeSidecar, makeTag } from './helpers';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/tags.schema.json', import.meta.url), 'utf8'));

function sampleSidecar() {
  return makeSidecar(
    [
      makeTag('b-second', 'Too many children wait too long', { note: 'Drift after review', author: 'A. Reviewer', context: { section: 'The experiences and progress of children in care', sectionRole: 'judgement', paragraph: 2, judgementArea: 'in-care', grade: 'requires-improvement' } }),
      makeTag('a-first', 'visit children regularly', { themes: [{ id: 'visits', label: 'Visits' }, { id: 'relationships', label: 'Relationships' }] }),
      makeTag('c-third', 'Too many children wait too long for permanence', { orphaned: true }),
    ],
    { dismissedSuggestions: ['para-3:qa', 'para-1:visits'] },
  );
}

describe('sidecar format', () => {
  it('round-trips: what is written parses back to the same sidecar', () => {
    const sidecar = sampleSidecar();
    const text = serialiseSidecar(sidecar);
    const parsed = parseSidecar(text, `${sidecar.report.fileName}.tags.json`);
    assert.ok(parsed.ok, !parsed.ok ? parsed.error.message : '');
    assert.equal(parsed.readOnly, false);
    assert.deepEqual(parsed.warnings, []);
    assert.equal(serialiseSidecar(parsed.sidecar), text);
    assert.deepEqual(new Set(parsed.sidecar.tags.map((t) => t.id)), new Set(['a-first', 'b-second', 'c-third']));
    assert.equal(parsed.sidecar.tags.find((t) => t.id === 'b-second')?.note, 'Drift after review');
  });

  it('produces files that the shipped schema accepts (ajv, draft-07)', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const written = JSON.parse(serialiseSidecar(sampleSidecar()));
    assert.equal(validate(written), true, JSON.stringify(validate.errors));
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('is byte-identical for the same content whatever the input order', () => {
    const a = sampleSidecar();
    const b = sampleSidecar();
    b.tags.reverse();
    b.dismissedSuggestions = [...(b.dismissedSuggestions ?? [])].reverse();
    // Same data, keys inserted in another order.
    const shuffledTag = b.tags[0]!;
    b.tags[0] = Object.fromEntries(Object.entries(shuffledTag).reverse()) as typeof shuffledTag;
    assert.equal(serialiseSidecar(a), serialiseSidecar(b));
  });

  it('writes known keys in a fixed order, 2-space indented, with a trailing newline', () => {
    const text = serialiseSidecar(sampleSidecar());
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    const top = Object.keys(JSON.parse(text));
    assert.deepEqual(top, ['format', 'version', 'report', 'tags', 'dismissedSuggestions']);
    assert.match(text, /^\{\n {2}"format": "inspection-report-annotator\/tags",\n {2}"version": 1,\n {2}"report": \{\n {4}"fileName"/);
    const tag = JSON.parse(text).tags[1];
    assert.deepEqual(Object.keys(tag), ['id', 'themes', 'note', 'author', 'created', 'modified', 'anchor', 'context']);
    assert.deepEqual(Object.keys(tag.anchor.position), ['start', 'end', 'unit']);
    assert.deepEqual(JSON.parse(text).dismissedSuggestions, ['para-1:visits', 'para-3:qa']);
  });

  it('sorts tags by start, then end, then id', () => {
    const text = serialiseSidecar(sampleSidecar());
    const ids = JSON.parse(text).tags.map((t: { id: string }) => t.id);
    // a-first starts earliest; b-second and c-third start together, b ends sooner.
    assert.deepEqual(ids, ['a-first', 'b-second', 'c-third']);
    const same = makeSidecar([makeTag('zz', 'Leaders have'), makeTag('aa', 'Leaders have')]);
    assert.deepEqual(JSON.parse(serialiseSidecar(same)).tags.map((t: { id: string }) => t.id), ['aa', 'zz']);
  });

  it('keeps unknown keys, after the known ones, through a round trip', () => {
    const raw = JSON.parse(serialiseSidecar(sampleSidecar()));
    raw.reviewStatus = 'second-read';
    raw.report.localRef = 'QA-17';
    raw.tags[0].confidence = 0.8;
    raw.tags[0].anchor.position.page = 4;
    const reordered = { reviewStatus: raw.reviewStatus, ...raw };
    const parsed = parseSidecar(JSON.stringify(reordered), 'x.tags.json');
    assert.ok(parsed.ok);
    const again = JSON.parse(serialiseSidecar(parsed.sidecar));
    assert.deepEqual(Object.keys(again), ['format', 'version', 'report', 'tags', 'dismissedSuggestions', 'reviewStatus']);
    assert.equal(again.report.localRef, 'QA-17');
    assert.deepEqual(Object.keys(again.tags[0]).slice(-1), ['confidence']);
    assert.deepEqual(again.tags[0].anchor.position, { start: raw.tags[0].anchor.position.start, end: raw.tags[0].anchor.position.end, unit: 'utf-16', page: 4 });
  });

  it('the example in docs/sidecar-format.md is a valid file', () => {
    const doc = readFileSync(new URL('../../../docs/sidecar-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.ok(example);
    const parsed = parseSidecar(example, 'Northmoor ILACS 2025.txt.tags.json');
    assert.ok(parsed.ok, !parsed.ok ? parsed.error.message : '');
    assert.deepEqual(parsed.warnings, []);
  });

  it('schema enums list exactly the model values', () => {
    const kinds: Record<ReportKind, true> = { 'ilacs-inspection': true, 'sif-inspection': true, 'sif-reinspection': true, 'lac-inspection-2013': true, 'cp-inspection-2013': true, jtai: true, 'focused-visit': true, 'monitoring-visit': true, 'committee-paper': true, 'area-send': true, unknown: true };
    const roles: Record<SectionRole, true> = {
      title: true, overview: true, 'headline-findings': true, summary: true, 'executive-summary': true, 'what-needs-to-improve': true, 'priority-action': true,
      'areas-for-improvement': true, recommendations: true, 'main-findings': true, findings: true, judgement: true, 'areas-covered': true, strengths: true,
      'progress-since-last-inspection': true, 'summary-for-children': true, 'information-about-area': true, 'information-about-inspection': true, lscb: true,
      descriptors: true, subtopic: true, closing: true, other: true,
    };
    const context = schema.definitions.tag.properties.context.properties;
    assert.deepEqual([...schema.properties.report.properties.kind.enum].sort(), Object.keys(kinds).sort());
    assert.deepEqual([...context.sectionRole.enum].sort(), Object.keys(roles).sort());
    assert.deepEqual([...context.judgementArea.enum].sort(), [...JUDGEMENT_AREAS].sort());
    assert.deepEqual([...context.grade.enum].sort(), [...GRADES].sort());
  });
});

describe('sidecar format (property)', () => {
  const tagArb = fc
    .record({
      id: fc.uuid(),
      start: fc.nat({ max: 5000 }),
      length: fc.integer({ min: 1, max: 200 }),
      exact: fc.string({ minLength: 1, maxLength: 40 }),
      prefix: fc.string({ maxLength: 32 }),
      suffix: fc.string({ maxLength: 32 }),
      themes: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z.-]{0,15}$/), { minLength: 1, maxLength: 3 }),
      note: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
      orphaned: fc.option(fc.constant(true), { nil: undefined }),
      modified: fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
    })
    .map((t) => ({
      id: t.id,
      themes: t.themes.map((id) => ({ id, label: id.toUpperCase() })),
      ...(t.note !== undefined ? { note: t.note } : {}),
      created: new Date(t.modified - 1000).toISOString(),
      modified: new Date(t.modified).toISOString(),
      anchor: { position: { start: t.start, end: t.start + t.length, unit: 'utf-16' as const }, quote: { exact: t.exact, prefix: t.prefix, suffix: t.suffix } },
      ...(t.orphaned ? { orphaned: true } : {}),
    }));

  it('any sidecar: written, read and written again gives the same bytes, valid by the schema, whatever the tag order', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    fc.assert(
      fc.property(fc.uniqueArray(tagArb, { selector: (t) => t.id, maxLength: 12 }), (tags) => {
        const text = serialiseSidecar(makeSidecar(tags));
        const parsed = parseSidecar(text, 'x.tags.json');
        assert.ok(parsed.ok, !parsed.ok ? parsed.error.message : '');
        assert.equal(serialiseSidecar(parsed.sidecar), text);
        assert.equal(serialiseSidecar(makeSidecar([...tags].reverse())), text);
        assert.equal(validate(JSON.parse(text)), true);
      }),
      { numRuns: 200 },
    );
  });
});
