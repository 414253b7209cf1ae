import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { exportMarkdown } from '../../../src/core/exports/markdownExport';
import { inertMarkdown } from '../../../src/core/exports/markdownText';
import { exportJson } from '../../../src/core/exports/jsonExport';
import { collectEvidence } from '../../../src/core/evidence/collectEvidence';
import { NodeFileSystem } from '../../../src/core/platform/fs/nodeFileSystem';
import { fixtureAnalyser } from '../evidence/fixtureModels';
import { filterEvidence } from '../../../src/core/evidence/evidenceFilter';
import { boardItem, evidence, item, sifEvidence } from './sampleEvidence';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Node types in the parsed Markdown; a bare URL shown as itself (GFM autolink literal) is not counted as a link. */
function nodeTypes(markdown: string): Set<string> {
  const types = new Set<string>();
  const walk = (node: MdNode & { url?: string }) => {
    // mailto:x, http://www.x and x itself all end with the text shown.
    const shownAsItself = node.type === 'link' && node.children?.length === 1 && node.children[0]!.type === 'text' && !!node.url?.endsWith(node.children[0]!.value!);
    if (!shownAsItself) types.add(node.type);
    node.children?.forEach(walk);
  };
  walk(unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode);
  return types;
}

function plainText(markdown: string): string {
  const parts: string[] = [];
  const walk = (node: MdNode) => {
    if (node.value !== undefined) parts.push(node.value);
    node.children?.forEach(walk);
  };
  walk(unified().use(remarkParse).use(remarkGfm).parse(markdown) as MdNode);
  return parts.join('');
}

describe('Markdown export', () => {
  it('groups passages by theme with citations, and lists reports with no passages', () => {
    const md = exportMarkdown(evidence([item({ note: 'Stable since 2021.', author: 'A. Reviewer' })]));
    assert.equal(
      md,
      [
        '# Evidence by theme',
        '',
        '1 tagged passage from 1 of 2 reports; generated 5 January 2026.',
        '',
        '## Placement stability (1)',
        '',
        'In the judgements: Children in care 1.',
        '',
        '> Children in care 🧒 live in stable homes.',
        '',
        "— Westmere ILACS inspection, published 12 March 2024, para 23, section 'The experiences and progress of children in care: good'",
        '',
        'Note (A. Reviewer): Stable since 2021.',
        '',
        '## Reports with no tagged passages',
        '',
        '- kingsbridge-2023.txt (Kingsbridge, focused visit, 14 June 2023)',
        '',
      ].join('\n'),
    );
  });

  it('says under each theme where in the judgements its passages sit, in the order judgements come', () => {
    const md = exportMarkdown(
      evidence([
        item({ tagId: 't1', judgementArea: 'in-care' }),
        item({ tagId: 't2', judgementArea: 'help-protection' }),
        item({ tagId: 't3', judgementArea: 'in-care' }),
        item({ tagId: 't4', judgementArea: undefined, section: 'Headline findings', sectionRole: 'headline-findings' }),
      ]),
    );
    assert.match(md, /## Placement stability \(4\)\n\nIn the judgements: Help and protection 1, Children in care 2, outside judgement sections 1\.\n/);
  });

  it('lists a passage under each of its themes', () => {
    const md = exportMarkdown(evidence([item({ themes: [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }] })]));
    assert.equal(md.split('> Children in care').length - 1, 2);
  });

  it('makes Markdown and HTML in quotes and notes inert', () => {
    const hostile = [
      '<script>alert(1)</script> **bold** _em_ `code` [link](http://example.invalid) ![img](x.png)',
      '# not a heading',
      '- not a list',
      '1. not a list either',
      '> not a quote',
      'https://example.invalid and www.example.invalid',
      '~~struck~~ | a | table | &amp; &#60;',
    ];
    for (const text of hostile) {
      const md = exportMarkdown(evidence([item({ quote: text, note: text, author: text })]));
      const types = nodeTypes(md);
      for (const forbidden of ['html', 'link', 'image', 'strong', 'emphasis', 'inlineCode', 'delete', 'table', 'definition']) {
        assert.ok(!types.has(forbidden), `${forbidden} made from ${JSON.stringify(text)}`);
      }
      // The words still read as typed.
      assert.ok(plainText(inertMarkdown(text)) === text, `${JSON.stringify(plainText(inertMarkdown(text)))} !== ${JSON.stringify(text)}`);
    }
  });

  it("marks a passage on the board's list, and says the board's items are left out of the recurring ones", () => {
    const md = exportMarkdown(filterEvidence(sifEvidence([boardItem(), boardItem({ tagId: 'l1', listOwner: 'local-authority', quote: 'Ensure that return home interviews are offered.' })]), {}));
    assert.ok(
      md.includes(
        "> Evaluate the impact of multi-agency training on the practice of frontline staff.\n\n— Harbourside SIF inspection, published 8 August 2014, para 131, section 'What does the LSCB need to improve?'\n\n" +
          "On the list of the Local Safeguarding Children Board (LSCB), not the local authority's.\n",
      ),
      md,
    );
    // The council's passage is not marked: most reports list only the council's items.
    assert.equal(md.split('On the list of').length - 1, 1);
    const recurring = md.slice(md.indexOf('## Recurring areas for improvement'));
    assert.equal(
      recurring,
      [
        '## Recurring areas for improvement',
        '',
        'Only the local authority\'s areas for improvement are compared; 2 items of the Local Safeguarding Children Board (LSCB) are left out.',
        '',
        '### Harbourside: 2014, 2017',
        '',
        '- 2014: Ensure that return home interviews are offered to every child who goes missing.',
        '- 2017: Make sure that children who go missing from care are seen when they come back.',
        '',
      ].join('\n'),
    );
  });

  it('collapses wrapped lines of a quote into one blockquote line', () => {
    const md = exportMarkdown(evidence([item({ quote: 'Most written plans are\n   not specific enough.' })]));
    assert.ok(md.includes('> Most written plans are not specific enough.\n'));
  });
});

describe('JSON export', () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schemas/evidence.schema.json', import.meta.url)), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);

  it('writes the evidence of the fixture folders in the documented schema', async () => {
    const fixtures = fileURLToPath(new URL('../../fixtures/evidence', import.meta.url));
    const set = await collectEvidence([`${fixtures}/reports`, `${fixtures}/problems`], new NodeFileSystem(), {
      analyse: fixtureAnalyser,
      now: () => new Date('2026-01-05T12:00:00.000Z'),
    });
    const document = JSON.parse(exportJson(set)) as { format: string; items: unknown[] };
    assert.ok(validate(document), ajv.errorsText(validate.errors));
    assert.equal(document.format, 'inspection-report-annotator/evidence');
    assert.equal(document.items.length, set.items.length);
  });

  it("carries whose list each improvement and passage is on, in the documented schema", () => {
    const document = JSON.parse(exportJson(sifEvidence([boardItem()]))) as {
      reports: Array<{ improvements: Array<{ owner?: string; number: number }> }>;
      items: Array<{ listOwner: string }>;
    };
    assert.ok(validate(document), ajv.errorsText(validate.errors));
    assert.deepEqual(
      document.reports[0]!.improvements.map((i) => [i.owner, i.number]),
      [['local-authority', 27], ['lscb', 131]],
    );
    assert.equal(document.items[0]!.listOwner, 'lscb');
    // A wrong owner, or an improvement without one, is not the documented layout.
    document.items[0]!.listOwner = 'council';
    assert.equal(validate(document), false);
    document.items[0]!.listOwner = 'lscb';
    assert.ok(validate(document));
    delete document.reports[0]!.improvements[0]!.owner;
    assert.equal(validate(document), false);
  });

  it('is a schema that can fail: a passage without its orphaned flag is rejected', () => {
    const document = JSON.parse(exportJson(evidence([item()])));
    delete document.items[0].orphaned;
    assert.equal(validate(document), false);
  });
});
