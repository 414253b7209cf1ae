// Tags for the benchmark's reports: word-aligned passages of 30-200 characters spread evenly over the text, each
// with one theme of the default codebook, the same on every machine for the same seed.

import { createAnchor } from '../src/core/tags/anchoring/anchorCreation';
import { defaultCodebook } from '../src/core/tags/codebook/defaultCodebook';
import type { Tag } from '../src/core/tags/sidecar/sidecarModel';
import { seededRandom } from './syntheticReport';

export function makeTags(text: string, count: number, seed: number): Tag[] {
  const random = seededRandom(seed);
  const themes = defaultCodebook().groups.flatMap((g) => g.themes);
  const tags: Tag[] = [];
  for (let i = 0; i < count; i++) {
    let start = Math.floor(((i + random()) / count) * Math.max(0, text.length - 250));
    while (start < text.length && !/\s/.test(text[start]!)) start++;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let end = Math.min(text.length, start + 30 + Math.floor(random() * 170));
    while (end < text.length && /\S/.test(text[end]!)) end++;
    const theme = themes[Math.floor(random() * themes.length)]!;
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    tags.push({ id: `t${seed}-${i}`, themes: [{ id: theme.id, label: theme.label }], created: at, modified: at, anchor: createAnchor(text, start, end) });
  }
  return tags;
}
