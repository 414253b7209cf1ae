import { strict as assert } from 'node:assert';
import { reanchorTags } from '../../../src/core/tags/anchoring/reanchoring';
import type { Tag } from '../../../src/core/tags/sidecar/sidecarModel';
import { slice, tagAt } from './helpers';
import { layOut, sentenceRanges, STYLE_A, STYLE_B } from './reportLayout';
import { seededRandom, syntheticBlocks } from './syntheticReport';

// Speed is the benchmark's business (npm run bench); these check that every one of 1,000 tags is found.

describe('reanchorTags at scale', () => {
  const report = layOut(syntheticBlocks(90_000), STYLE_A);
  const random = seededRandom(11);
  const sentences = sentenceRanges(report.source);
  const tags: Tag[] = Array.from({ length: 1000 }, (_v, i) => {
    const s = sentences[Math.floor(random() * sentences.length)]!;
    // Whole sentences, or a run of words inside one.
    const words = [...report.source.slice(s.start, s.end).matchAll(/\S+/g)];
    const from = Math.floor(random() * Math.max(1, words.length - 4));
    const to = Math.min(words.length, from + 3 + Math.floor(random() * 8));
    const start = s.start + words[from]!.index;
    const end = s.start + words[to - 1]!.index + words[to - 1]![0].length;
    const range = report.range(start, end);
    return tagAt(`p${i}`, report.text, range.start, range.end);
  });

  /** Median CPU milliseconds of five runs after a warm-up (CPU time, so a busy machine does not fail the test). */
  function medianCpuMs(run: () => void): { median: number; times: number[] } {
    run();
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const before = process.cpuUsage();
      run();
      const used = process.cpuUsage(before);
      times.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    return { median: times[2]!, times };
  }

  it(`re-anchors 1,000 tags after an insertion at the top of a 110 KB report `, () => {
    assert.ok(report.text.length >= 110_000 && report.text.length < 125_000, `report is ${report.text.length} characters`);
    const newText = 'Draft for the quality assurance panel - not for circulation.\n\n' + report.text;
    let result = reanchorTags(tags, newText);
    const { median, times } = medianCpuMs(() => {
      result = reanchorTags(tags, newText);
    });
    assert.equal(result.summary.orphaned, 0, JSON.stringify(result.results.filter((r) => r.status === 'orphaned').slice(0, 3)));
    result.tags.forEach((t, i) => assert.equal(slice(newText, t), tags[i]!.anchor.quote.exact));
    if (process.env.ANCHORING_TIMES) console.log(`      insertion at the top: median ${median.toFixed(1)} ms CPU (${times.map((t) => t.toFixed(1)).join(', ')})`);
  });

  it(`re-anchors 1,000 tags in a reconversion of the report (other line width, CRLF, straight quotes) `, () => {
    const reconverted = layOut(syntheticBlocks(90_000), STYLE_B);
    let result = reanchorTags(tags, reconverted.text);
    const { median, times } = medianCpuMs(() => {
      result = reanchorTags(tags, reconverted.text);
    });
    const lost = result.results.flatMap((r, i) => (r.status === 'orphaned' ? [{ ...r, quote: tags[i]!.anchor.quote }] : []));
    assert.equal(lost.length, 0, JSON.stringify(lost));
    if (process.env.ANCHORING_TIMES) console.log(`      reconversion: median ${median.toFixed(1)} ms CPU (${times.map((t) => t.toFixed(1)).join(', ')})`);
  });
});
