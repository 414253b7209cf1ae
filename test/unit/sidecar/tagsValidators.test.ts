import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import * as esbuild from 'esbuild';
import * as generated from '../../../src/core/tags/sidecar/tagsValidators.generated';
import { parseSidecar } from '../../../src/core/tags/sidecar/sidecarParser';

const root = new URL('../../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schemas/tags.schema.json', root), 'utf8'));
const westmere = JSON.parse(readFileSync(new URL('samples/westmere-ilacs-2025.txt.tags.json', root), 'utf8'));

interface GeneratorModule {
  expectedFiles(): { path: string; text: string }[];
}

/** The validators as the parser compiled them at run time before issue 14: the reference for the generated ones. */
function compiledAtRunTime(): Record<'validateSidecar' | 'validateTag' | 'validateReport', ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return {
    validateSidecar: ajv.compile(schema),
    validateTag: ajv.getSchema(`${schema.$id}#/definitions/tag`) as ValidateFunction,
    validateReport: ajv.getSchema(`${schema.$id}#/properties/report`) as ValidateFunction,
  };
}

const WRONG_VALUES: unknown[] = [null, -1, 0, 1.5, '', 'x', true, [], {}];

/** Every way to break one place in `doc`: drop it, replace it with a wrong value, repeat a list's first item. */
function* mutations(doc: unknown): Generator<{ where: string; value: unknown }> {
  const places: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    places.push(path);
    if (Array.isArray(value)) value.forEach((child, i) => walk(child, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(doc, []);
  for (const path of places) {
    const where = path.join('.') || '(root)';
    for (const wrong of WRONG_VALUES) yield { where: `${where} = ${JSON.stringify(wrong)}`, value: replaceAt(doc, path, () => wrong) };
    if (path.length > 0) yield { where: `${where} deleted`, value: replaceAt(doc, path, () => DELETE) };
    const original = valueAt(doc, path);
    if (Array.isArray(original) && original.length > 0) {
      yield { where: `${where} repeats its first item`, value: replaceAt(doc, path, () => [...original, original[0]]) };
    }
  }
}

const DELETE = Symbol('delete');

function valueAt(doc: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], doc);
}

function replaceAt(doc: unknown, path: (string | number)[], make: () => unknown): unknown {
  const copy = structuredClone(doc);
  if (path.length === 0) return make();
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const value = make();
  if (value === DELETE) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = value;
  return copy;
}

function assertSameVerdicts(name: 'validateSidecar' | 'validateTag' | 'validateReport', doc: unknown): number {
  const reference = compiledAtRunTime()[name];
  const ahead = generated[name];
  let invalid = 0;
  for (const { where, value } of mutations(doc)) {
    const expected = reference(value);
    assert.equal(ahead(value), expected, `${name}, ${where}: the generated validator disagrees with ajv's compiled one`);
    // The parser builds its messages from instancePath, keyword, params and message: all must match.
    assert.deepEqual(ahead.errors, reference.errors, `${name}, ${where}: the error objects differ`);
    if (!expected) invalid++;
  }
  return invalid;
}

describe('sidecar validators generated ahead of time (issue 14)', () => {
  it('are up to date with schemas/tags.schema.json (otherwise run `npm run generate:validators`)', async () => {
    // A computed address keeps TypeScript from looking for the script's types: it is plain JavaScript.
    const scriptUrl = new URL('scripts/generateValidators.mjs', root).href;
    const generator = (await import(scriptUrl)) as GeneratorModule;
    for (const file of generator.expectedFiles()) {
      const committed = readFileSync(new URL(file.path, root), 'utf8');
      assert.ok(
        committed === file.text,
        `${file.path} is stale: it was not generated from the current schemas/tags.schema.json (or ajv version). Run \`npm run generate:validators\` and commit the result.`,
      );
    }
  });

  it('accept the shipped sample and report exactly the errors the run-time compiled validators reported', () => {
    assert.equal(generated.validateSidecar(westmere), true, JSON.stringify(generated.validateSidecar.errors));
    const invalidSidecars = assertSameVerdicts('validateSidecar', westmere);
    const invalidTags = assertSameVerdicts('validateTag', westmere.tags[0]);
    const invalidReports = assertSameVerdicts('validateReport', westmere.report);
    // The mutations really exercise the error paths, not just valid documents.
    assert.ok(invalidSidecars > 200 && invalidTags > 100 && invalidReports > 20, `${invalidSidecars} / ${invalidTags} / ${invalidReports}`);
  });

  it('give the parser the same messages: a bad date and a missing hash are named with their lines', () => {
    const bad = structuredClone(westmere);
    bad.tags[1].created = 'yesterday';
    delete bad.report.textHash;
    const result = parseSidecar(JSON.stringify(bad, null, 2), 'westmere-ilacs-2025.txt.tags.json');
    assert.ok(!result.ok);
    assert.match(result.error.message, /report\.textHash is missing/);
    assert.match(result.error.message, /tags\[1\]\.created must be an ISO 8601 date and time such as "2026-03-14T09:30:00\.000Z", not "yesterday"/);
    assert.equal(result.error.line, 4);
  });

  it('keep ajv\'s schema compiler out of the bundle that reads sidecars', async () => {
    const result = await esbuild.build({
      entryPoints: [new URL('src/core/tags/sidecar/sidecarParser.ts', root).pathname],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      mainFields: ['module', 'main'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const fromAjv = Object.keys(result.metafile.inputs).filter((input) => input.includes('node_modules/ajv/'));
    // Only the tiny run-time helpers the generated code calls (string length in code points) may come along.
    assert.deepEqual(fromAjv.filter((input) => !input.includes('node_modules/ajv/dist/runtime/')), [], 'the parser bundle pulls in ajv itself');
  });
});
