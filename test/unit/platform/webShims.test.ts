// The web bundle swaps Node's path, crypto and Buffer for stand-ins (src/extension/platform/web/): sidecar text
// hashes, analysis-cache keys, REFI-QDA GUIDs and sidecar paths must come out exactly as Node makes them, or a
// tags file written in vscode.dev would not match the same report on the desktop.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import * as webCrypto from '../../../src/extension/platform/web/nodeCrypto';
import * as webPath from '../../../src/extension/platform/web/nodePath';
import { WebBuffer } from '../../../src/extension/platform/web/webBuffer';

const TEXTS = ['', 'a', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(65), 'Children’s services — “requires improvement” ¶ 12 😀', 'Inspection of Fennbridge local authority children’s services\n'.repeat(500)];

describe('web bundle stand-ins for Node', () => {
  it('hashes text and bytes with SHA-256 and SHA-1 exactly as node:crypto does', () => {
    for (const algorithm of ['sha256', 'sha1']) {
      for (const text of TEXTS) {
        assert.equal(webCrypto.createHash(algorithm).update(text, 'utf8').digest('hex'), createHash(algorithm).update(text, 'utf8').digest('hex'), `${algorithm} of ${text.length} characters`);
      }
      const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff);
      assert.equal(webCrypto.createHash(algorithm).update(bytes).digest('hex'), createHash(algorithm).update(bytes).digest('hex'));
      // Several updates hash as their concatenation (the REFI-QDA GUIDs are made this way).
      assert.deepEqual([...webCrypto.createHash(algorithm).update('name').update('\u0000').update('part').digest()], [...createHash(algorithm).update('name\u0000part').digest()]);
    }
    assert.throws(() => webCrypto.createHash('md5'), /md5 is not available in the web extension host/);
  });

  it('treats paths as POSIX paths the way node:path.posix does', () => {
    const paths = ['/work/reports/a.txt', '/work/reports/', '/', 'a/b/../c', '/a/./b//c/', 'report.txt', '', '/a/b/c.tags.json', '../x'];
    for (const p of paths) {
      if (p === '') continue;
      assert.equal(webPath.basename(p), posix.basename(p), `basename ${p}`);
      assert.equal(webPath.dirname(p), posix.dirname(p), `dirname ${p}`);
      assert.equal(webPath.normalize(p), posix.normalize(p), `normalize ${p}`);
      assert.equal(webPath.isAbsolute(p), posix.isAbsolute(p), `isAbsolute ${p}`);
      assert.equal(webPath.extname(p), posix.extname(p), `extname ${p}`);
    }
    assert.equal(webPath.basename('/a/report.txt', '.txt'), 'report');
    assert.equal(webPath.join('/work', 'reports', '..', 'drafts', 'd.md'), posix.join('/work', 'reports', '..', 'drafts', 'd.md'));
    assert.equal(webPath.join('a', '', 'b'), posix.join('a', '', 'b'));
    for (const [from, to] of [['/work/reports', '/work/reports/a.txt'], ['/work/reports/x', '/work/drafts/d.md'], ['/a', '/a'], ['/', '/b/c']]) {
      assert.equal(webPath.relative(from!, to!), posix.relative(from!, to!), `relative ${from} ${to}`);
    }
    assert.equal(webPath.resolve('/work/reports', '../drafts/', 'd.md'), posix.resolve('/work/reports', '../drafts/', 'd.md'));
    assert.equal(webPath.resolve('/work', '/other', 'x'), posix.resolve('/work', '/other', 'x'));
    assert.equal(webPath.sep, '/');
  });

  it('turns bytes into hex, base64, UTF-8 and Latin-1 text as Buffer does', () => {
    const text = 'Westmere — “Good” ¶ 4';
    const bytes = WebBuffer.from(text);
    assert.deepEqual([...bytes], [...Buffer.from(text)]);
    for (const encoding of ['hex', 'base64', 'utf8', 'latin1']) assert.equal(bytes.toString(encoding), Buffer.from(text).toString(encoding as BufferEncoding), encoding);
    assert.equal(bytes.toString('latin1', 2, 6), Buffer.from(text).toString('latin1', 2, 6));
    assert.deepEqual([...WebBuffer.from(Buffer.from(text).toString('base64'), 'base64')], [...bytes]);
    const png = WebBuffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]);
    assert.equal(png.readUInt32BE(4), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]).readUInt32BE(4));
    assert.equal((png.subarray(0, 4) as typeof png).equals(Uint8Array.from([0x89, 0x50, 0x4e, 0x47])), true);
    assert.deepEqual([...WebBuffer.concat([WebBuffer.from('ab'), WebBuffer.from('cd')])], [...Buffer.from('abcd')]);
    assert.equal(WebBuffer.byteLength(text), Buffer.byteLength(text));
  });
});
