// A filter from the Evidence webview or a command's arguments is untrusted: only well-formed fields are kept.

import assert from 'node:assert/strict';
import { sanitiseFilter } from '../../../src/core/evidence/filterMessage';

describe('filter from a webview message', () => {
  it('keeps every well-formed field as sent', () => {
    const filter = { themeIds: ['voice'], authority: 'Westmere', kinds: ['focused-visit'], grades: ['good'], since: '2022-01-01', until: '2024-12-31' };
    assert.deepEqual(sanitiseFilter(filter), filter);
  });

  it('drops empty and wrongly typed entries, unknown fields and malformed dates', () => {
    assert.deepEqual(
      sanitiseFilter({ themeIds: ['voice', '', 3, null], authority: '', kinds: 'focused-visit', grades: [], since: '12/03/2024', until: '2024-03-12T00:00', extra: true }),
      { themeIds: ['voice'] },
    );
  });

  it('reads anything that is not an object as no filter', () => {
    for (const raw of [undefined, null, 'themeIds', 42, []]) assert.deepEqual(sanitiseFilter(raw), {});
  });
});
