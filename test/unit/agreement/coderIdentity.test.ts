// Who a new tag records as its coder, and what coding blind hides.

import { strict as assert } from 'node:assert';
import { chooseCoderName, tagsVisibleWhileCoding } from '../../../src/core';
import { coded } from './helpers';

describe('agreement: the coder a tag records', () => {
  it('the setting wins, then the git user name, then the OS login name', () => {
    assert.deepEqual(chooseCoderName({ setting: 'A. Khan', git: 'amira', os: 'akhan' }), { name: 'A. Khan', source: 'setting' });
    assert.deepEqual(chooseCoderName({ setting: '  ', git: 'Amira Khan\n', os: 'akhan' }), { name: 'Amira Khan', source: 'git' });
    assert.deepEqual(chooseCoderName({ setting: '', git: undefined, os: 'akhan' }), { name: 'akhan', source: 'os' });
    assert.equal(chooseCoderName({}), undefined);
  });
});

describe('agreement: coding blind', () => {
  const tags = [coded('Amira', 0, 1, 't'), coded('Ben', 0, 1, 't'), coded('agreed', 0, 1, 't'), { ...coded('x', 0, 1, 't'), author: undefined }];
  it('shows every tag when not blind, and only the coder\'s own while blind', () => {
    assert.equal(tagsVisibleWhileCoding(tags, { blind: false, coder: 'Ben' }).length, 4);
    assert.deepEqual(tagsVisibleWhileCoding(tags, { blind: true, coder: 'Ben' }).map((t) => t.author), ['Ben']);
    // With no name known, one's own tags are those that record no author.
    assert.deepEqual(tagsVisibleWhileCoding(tags, { blind: true, coder: undefined }).map((t) => t.author), [undefined]);
  });
});
