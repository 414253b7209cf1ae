// Exports limited to one coder (the moderation's "agreed" coder included), and REFI-QDA keeping each coder as a User.

import { strict as assert } from 'node:assert';
import { XMLParser } from 'fast-xml-parser';
import { coderNotFoundMessage, defaultCodebook, exportCsv, exportQdpx, limitEvidenceToCoder } from '../../../src/core';
import { evidence, item, REPORT_TEXT } from '../exports/sampleEvidence';

const amira = item({ tagId: 'a1', author: 'Amira' });
const ben = item({ tagId: 'b1', author: 'Ben', themes: [{ id: 'voice', label: 'Voice of the child' }] });
const agreed = item({ tagId: 'g1', author: 'agreed' });
const orphanOfBen = item({ tagId: 'b2', author: 'Ben', orphaned: true, position: undefined });
const set = { ...evidence([amira, ben, agreed, orphanOfBen]), problems: [{ kind: 'orphaned-tag' as const, path: '/reports/westmere-2024.txt.tags.json', message: 'not found', tagId: 'b2' }] };
set.reports[0]!.improvements = [{ text: 'Improve permanence planning.', priority: false, owner: 'local-authority', line: 3, themeIds: ['stability', 'voice'] }];

describe('exports limited to one coder', () => {
  it("keeps only the coder's passages, and works the counts out again", () => {
    const { set: limited, coders } = limitEvidenceToCoder(set, 'agreed');
    assert.deepEqual(limited.items.map((i) => i.tagId), ['g1']);
    assert.deepEqual(limited.themes.map((t) => [t.themeId, t.total]), [['stability', 1]]);
    assert.deepEqual(limited.reports.map((r) => [r.fileName, r.tagCount, r.orphanedCount]), [['westmere-2024.txt', 1, 0], ['kingsbridge-2023.txt', 0, 0]]);
    // Ben's theme on the improvement and Ben's orphan problem are not the agreed coder's.
    assert.deepEqual(limited.reports[0]!.improvements[0]!.themeIds, ['stability']);
    assert.deepEqual(limited.problems, []);
    assert.deepEqual([...coders], [['Amira', 1], ['Ben', 2], ['agreed', 1]]);
    const csv = exportCsv(limited);
    assert.equal(csv.split('\r\n').filter((l) => l.includes('agreed')).length, 1);
    assert.ok(!csv.includes('Amira') && !csv.includes('Ben'), 'no other coder in the CSV');
  });

  it('a coder with no passages leaves nothing, and the message names the coders there are', () => {
    const { set: limited, coders } = limitEvidenceToCoder(set, 'Carol');
    assert.equal(limited.items.length, 0);
    assert.equal(coderNotFoundMessage('Carol', coders), 'no passages were coded by "Carol"; the coders are: agreed (1), Amira (1), Ben (2)');
  });

  it('REFI-QDA: each coder is its own User and each coding names its coder; limited, only that one', () => {
    const texts = new Map([['/reports/westmere-2024.txt', REPORT_TEXT]]);
    const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['User', 'PlainTextSelection', 'TextSource'].includes(n) }).parse(xml);
    const all = parse(exportQdpx(evidence([amira, ben, agreed]), { texts, codebook: defaultCodebook() }).projectXml);
    const users = new Map<string, string>(all.Project.Users.User.map((u: { guid: string; name: string }) => [u.guid, u.name]));
    assert.deepEqual([...users.values()], ['Amira', 'Ben', 'agreed']);
    const selections = all.Project.Sources.TextSource[0].PlainTextSelection as { creatingUser: string }[];
    assert.deepEqual(selections.map((s) => users.get(s.creatingUser)).sort(), ['Amira', 'Ben', 'agreed']);
    const only = parse(exportQdpx(limitEvidenceToCoder(evidence([amira, ben, agreed]), 'agreed').set, { texts, codebook: defaultCodebook() }).projectXml);
    assert.deepEqual(only.Project.Users.User.map((u: { name: string }) => u.name), ['agreed']);
  });
});
