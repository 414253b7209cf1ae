// What a passage row of the Evidence view carries when dragged into a Markdown draft, and what the drop then
// inserts: the row carries the report URI the extension sent with the passage (file:, or a remote or virtual
// workspace's scheme) with the citation's own fragment (`#tag=<id>`) as text/uri-list, and the passage as the JSON
// list the drop handler (src/extension/drafts/passageDrop.ts) reads. Built by a pure function of the webview
// script, loaded here in Node.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { citationForTag } from '../../../src/core/drafts/citationInsertion';
import { draggedPassagesFrom, PASSAGE_MIME } from '../../../src/core/drafts/draggedPassages';
import { PASSAGES, REPORT, REPORT_PATH, sidecarFor, standardTags } from '../drafts/draftFixtures';

interface DragScript {
  passageDragData(reportUri: string, tagId: string): Record<string, string>;
}

const script = createRequire(__filename)(path.resolve(__dirname, '../../../media/evidence/evidence.js')) as DragScript;

/** Both ways the drop handler can read a row's drag: the JSON list, and the URI list alone (as a plain-text editor would pass it on). */
function bothReadings(data: Record<string, string>) {
  return { json: draggedPassagesFrom(data[PASSAGE_MIME], data['text/uri-list']), uriList: draggedPassagesFrom(undefined, data['text/uri-list']) };
}

describe('dragging a passage row of the Evidence view', () => {
  it('carries the report URI it was given with #tag=<id> and the passage for the drop handler', () => {
    const data = script.passageDragData('file:///ws/reports/ashcombe-fv-2025.txt', 't3f9');
    assert.deepEqual(Object.keys(data).sort(), [PASSAGE_MIME, 'text/uri-list']);
    assert.equal(data['text/uri-list'], 'file:///ws/reports/ashcombe-fv-2025.txt#tag=t3f9');
    assert.deepEqual(JSON.parse(data[PASSAGE_MIME]!), [{ reportUri: 'file:///ws/reports/ashcombe-fv-2025.txt', tagId: 't3f9' }]);
  });

  it('keeps a remote or virtual workspace report where it is, rather than making it a local file', () => {
    for (const reportUri of ['vscode-remote://ssh-remote%2Bdesk/home/sef/reports/ashcombe-fv-2025.txt', 'vscode-vfs://github/ofsted-sef/reports/ashcombe-fv-2025.txt', 'vscode-test-web://mount/reports/a%20b.txt']) {
      const { json, uriList } = bothReadings(script.passageDragData(reportUri, 't1'));
      assert.deepEqual(json, [{ reportUri, tagId: 't1' }]);
      assert.deepEqual(uriList, [{ reportUri, tagId: 't1' }]);
    }
  });

  it('keeps file names with spaces, brackets, # and % and Windows paths intact, as the extension encoded them', () => {
    // As vscode.Uri.file(path).toString() gives them.
    const cases = [
      { uri: 'file:///ws/Ashcombe%20FV%20%28July%202025%29%20%232%20100%25.txt', reportPath: '/ws/Ashcombe FV (July 2025) #2 100%.txt', windows: false },
      { uri: 'file:///c%3A/Users/sef/reports/lincs%20fv.txt', reportPath: 'c:\\Users\\sef\\reports\\lincs fv.txt', windows: true },
      { uri: 'file://server/share/reports/a.txt', reportPath: '\\\\server\\share\\reports\\a.txt', windows: true },
    ];
    for (const { uri, reportPath, windows } of cases) {
      const { json, uriList } = bothReadings(script.passageDragData(uri, 't/2 & more'));
      assert.deepEqual(json, [{ reportUri: uri, tagId: 't/2 & more' }]);
      assert.deepEqual(uriList, [{ reportUri: uri, tagId: 't/2 & more' }]);
      assert.equal(fileURLToPath(uriList[0]!.reportUri, { windows }), reportPath);
    }
  });

  it('drops as the quote and its citation, the same from either reading of the row', () => {
    const sidecar = sidecarFor(REPORT, standardTags());
    const { json, uriList } = bothReadings(script.passageDragData('file:///ws/reports/ashcombe-fv-2025.txt', 't3'));
    for (const [passage] of [json, uriList]) {
      const reportPath = fileURLToPath(passage!.reportUri);
      assert.equal(reportPath, REPORT_PATH);
      assert.equal(citationForTag('/ws/sef.md', reportPath, sidecar, passage!.tagId, 'inline'), `“${PASSAGES.leaders}” ([Ashcombe focused visit](reports/ashcombe-fv-2025.txt#tag=t3))`);
    }
  });

  it('gives the drop handler nothing from a plain link, a list without #tag= or broken JSON', () => {
    assert.deepEqual(draggedPassagesFrom(undefined, 'file:///ws/reports/ashcombe-fv-2025.txt\r\nhttps://example.org/#top\n# a comment'), []);
    assert.deepEqual(draggedPassagesFrom('[{"reportUri": 3}]', undefined), []);
    assert.deepEqual(draggedPassagesFrom('not json', 'file:///ws/a.txt#tag=t1'), []);
    // As VS Code's Uri.toString() writes a fragment, `=` encoded.
    assert.deepEqual(draggedPassagesFrom(undefined, 'file:///ws/c.txt#tag%3Dt3'), [{ reportUri: 'file:///ws/c.txt', tagId: 't3' }]);
    assert.deepEqual(draggedPassagesFrom(undefined, 'file:///ws/a.txt#tag=t1\nfile:///ws/b.txt#x=1&tag=t2'), [
      { reportUri: 'file:///ws/a.txt', tagId: 't1' },
      { reportUri: 'file:///ws/b.txt', tagId: 't2' },
    ]);
  });
});
