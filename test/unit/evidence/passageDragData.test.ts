// What a passage row of the Evidence view carries when dragged into a Markdown draft: the report's file URI with
// the citation's own fragment (`#tag=<id>`) as text/uri-list, and the passage as the JSON list the drop handler
// (src/extension/drafts/passageDrop.ts) reads. Built by a pure function of the webview script, loaded here in Node.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

interface DragScript {
  passageDragData(reportPath: string, tagId: string): Record<string, string>;
}

const PASSAGE_MIME = 'application/vnd.inspection-reports.passage+json';
const script = createRequire(__filename)(path.resolve(__dirname, '../../../media/evidence/evidence.js')) as DragScript;

/** The report path and tag a drop handler gets back from the URI list (as vscode.Uri.parse would read it). */
function fromUriList(list: string, windows = false): { reportPath: string; tagId: string } {
  const url = new URL(list.trim());
  const tag = /^#tag=(.+)$/.exec(url.hash);
  assert.ok(tag, `no #tag= fragment in ${list}`);
  url.hash = '';
  return { reportPath: fileURLToPath(url, { windows }), tagId: decodeURIComponent(tag[1]!) };
}

describe('dragging a passage row of the Evidence view', () => {
  it('carries the report URI with #tag=<id> and the passage for the drop handler', () => {
    const data = script.passageDragData('/ws/reports/ashcombe-fv-2025.txt', 't3f9');
    assert.deepEqual(Object.keys(data).sort(), [PASSAGE_MIME, 'text/uri-list']);
    assert.equal(data['text/uri-list'], 'file:///ws/reports/ashcombe-fv-2025.txt#tag=t3f9');
    assert.deepEqual(JSON.parse(data[PASSAGE_MIME]!), [{ reportUri: 'file:///ws/reports/ashcombe-fv-2025.txt', tagId: 't3f9' }]);
  });

  it('keeps file names with spaces, brackets, # and % intact, so the dropped citation finds the report', () => {
    const reportPath = '/ws/Ashcombe FV (July 2025) #2 100%.txt';
    const data = script.passageDragData(reportPath, 't1');
    assert.deepEqual(fromUriList(data['text/uri-list']!), { reportPath, tagId: 't1' });
    const [passage] = JSON.parse(data[PASSAGE_MIME]!) as { reportUri: string }[];
    assert.equal(fileURLToPath(passage!.reportUri), reportPath);
  });

  it('turns Windows drive and network paths into file URIs', () => {
    const drive = script.passageDragData('C:\\Users\\sef\\reports\\lincs fv.txt', 't2')['text/uri-list']!;
    assert.equal(drive, 'file:///C%3A/Users/sef/reports/lincs%20fv.txt#tag=t2');
    assert.deepEqual(fromUriList(drive, true), { reportPath: 'C:\\Users\\sef\\reports\\lincs fv.txt', tagId: 't2' });
    const unc = script.passageDragData('\\\\server\\share\\reports\\a.txt', 't4')['text/uri-list']!;
    assert.deepEqual(fromUriList(unc, true), { reportPath: '\\\\server\\share\\reports\\a.txt', tagId: 't4' });
  });
});
