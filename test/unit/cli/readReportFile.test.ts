import assert from 'node:assert/strict';
import { decodeReportBytes } from '../../../src/cli/readReportFile';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeReportBytes', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    const out = decodeReportBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Children’s services: good\n')]));
    assert.deepEqual(out, { ok: true, text: 'Children’s services: good\n' });
  });

  it('reads UTF-16 files that carry a byte-order mark', () => {
    const le = Uint8Array.from([0xff, 0xfe, ...[...'Good'].flatMap((c) => [c.charCodeAt(0), 0])]);
    assert.deepEqual(decodeReportBytes(le), { ok: true, text: 'Good' });
  });

  it('refuses content with NUL bytes as binary', () => {
    const out = decodeReportBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]));
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.reason : '', /binary file \(it contains NUL bytes\)/);
  });

  it('tells the user to convert a PDF first', () => {
    const out = decodeReportBytes(utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'));
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.reason : '', /is a PDF.*pdftotext -layout/);
  });

  it('reads prose with a few stray Windows-1252 bytes, with a warning', () => {
    // "Children’s services" with the apostrophe as the single byte 0x92, as old Windows exports write it.
    const bytes = Uint8Array.from([...utf8('Children'), 0x92, ...utf8('s services are good.\n'.repeat(3))]);
    const out = decodeReportBytes(bytes);
    assert.equal(out.ok, true);
    assert.ok(out.ok && out.text.startsWith('Children’s services are good.'));
    assert.match(out.ok ? (out.warning ?? '') : '', /not valid UTF-8 \(1 invalid byte sequence\); read as Windows-1252/);
  });

  it('refuses bytes that are mostly invalid UTF-8', () => {
    const noise = Uint8Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 0x7f));
    const out = decodeReportBytes(noise);
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.reason : '', /is not a text file \(\d+ invalid UTF-8 sequences in 400 bytes\)/);
  });
});
