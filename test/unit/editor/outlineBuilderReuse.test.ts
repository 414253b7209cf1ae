// The editor keeps one OutlineBuilder per document and reuses last keystroke's names and details: after an
// edit to an item's text, a heading or a paragraph's number, the Outline must show the new words, exactly as
// a fresh build would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutline, OutlineBuilder, type OutlineSymbol } from '../../../src/core/navigation/outline';
import { analyseReport } from '../../../src/core/recognition/analyse';

const SIF = readFileSync(join(__dirname, '../../fixtures/reports/sif-2015-fernleigh.txt'), 'utf8');

/** name [detail] per symbol, indented by depth: what the Outline view shows. */
function render(symbols: OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` [${s.detail}]` : ''}`, ...render(s.children, depth + 1)]);
}

/** Builds with the kept builder and checks it against a fresh build of the same text; returns the Outline's lines. */
function buildBoth(builder: OutlineBuilder, text: string): string[] {
  const model = analyseReport(text);
  const reused = builder.build(model, text);
  assert.deepEqual(reused, buildOutline(model, text));
  return render(reused);
}

describe('outline builder kept between keystrokes', () => {
  it('shows an edited area for improvement, a retitled section and a renumbered paragraph as a fresh build does', () => {
    const builder = new OutlineBuilder();
    const model = analyseReport(SIF);
    const before = buildBoth(builder, SIF);

    const item = model.improvements[0]!;
    const word = SIF.indexOf(' ', item.range.start);
    const itemEdited = SIF.slice(0, word) + ' promptly' + SIF.slice(word);
    const afterItem = buildBoth(builder, itemEdited);
    assert.ok(afterItem.some((l) => l.includes('promptly')), afterItem.join('\n'));
    assert.ok(!before.some((l) => l.includes('promptly')));

    const section = model.sections.find((s) => s.title.includes(' ') && s.children.length === 0)!;
    const at = section.headingRange.start + section.title.indexOf(' ');
    const retitled = SIF.slice(0, at) + ' Renamed' + SIF.slice(at);
    const expectedTitle = section.title.replace(' ', ' Renamed ');
    const afterTitle = buildBoth(builder, retitled);
    assert.ok(afterTitle.some((l) => l.includes(expectedTitle.slice(0, 40))), afterTitle.join('\n'));

    // The last paragraph's printed number changed, its words not: the symbol's name must follow the number.
    const last = model.paragraphs[model.paragraphs.length - 1]!;
    const next = String(last.number + 1);
    const renumbered = SIF.slice(0, last.range.start) + next + SIF.slice(last.range.start + String(last.number).length);
    const afterNumber = buildBoth(builder, renumbered);
    assert.ok(afterNumber.some((l) => l.trim().startsWith(`¶ ${next} [`)), afterNumber.join('\n'));
    assert.ok(!afterNumber.some((l) => l.trim().startsWith(`¶ ${last.number} [`)), afterNumber.join('\n'));

    // And back: the original text gives the original Outline again.
    assert.deepEqual(buildBoth(builder, SIF), before);
  });
});
