// Every environment fault as one line naming the file and saying what to do, and the command line's exit code
// for it. Faults that cannot be produced for real here (EACCES as root, a full disk, a read-only file system)
// are checked on the errors Node raises for them.

import assert from 'node:assert/strict';
import { describeFileFault, FileFaultError, shownPath } from '../../../src/core/platform/fs/fileFaults';
import { EXIT, exitForFault } from '../../../src/cli/exitCodes';

const nodeError = (code: string, path: string) => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path, syscall: 'open' });

const CASES: Array<[code: string, kind: string, says: RegExp, exit: number]> = [
  ['ENOENT', 'not-found', /^\/w\/r\.txt: no such file$/, EXIT.notFound],
  ['EISDIR', 'is-directory', /^\/w\/r\.txt: is a directory where a file was expected; give a file's path, or move the directory out of the way$/, EXIT.unreadable],
  ['EACCES', 'no-permission', /^\/w\/r\.txt: permission denied; check the permissions of the file and its folder$/, EXIT.unreadable],
  ['EPERM', 'no-permission', /permission denied/, EXIT.unreadable],
  ['EROFS', 'read-only', /^\/w\/r\.txt: is on a read-only file system.*copy the report to a writable folder$/, EXIT.cannotWrite],
  ['ENOSPC', 'no-space', /^\/w\/r\.txt: could not be written, the disk \(or your quota\) is full; free some space/, EXIT.cannotWrite],
  ['ENAMETOOLONG', 'name-too-long', /^\/w\/r\.txt: the name is too long for the file system .* at most 231\); rename it to a shorter name$/, EXIT.unreadable],
  ['ELOOP', 'symlink-loop', /^\/w\/r\.txt: symbolic links lead round in a loop; fix or remove the link$/, EXIT.unreadable],
  ['EIO', 'io', /^\/w\/r\.txt: could not be read or written \(EIO\); check the disk/, EXIT.unreadable],
];

describe('file faults: one clear line and a documented exit code each', () => {
  for (const [code, kind, says, exit] of CASES) {
    it(`${code}: ${kind}, exit ${exit}`, () => {
      const fault = describeFileFault(nodeError(code, '/w/r.txt'));
      assert.equal(fault?.kind, kind);
      assert.match(fault!.message, says);
      assert.equal(exitForFault(fault!.kind), exit);
    });
  }

  it('the core readers’ own faults keep their words: FIFO, device, too large', () => {
    const fifo = describeFileFault(new FileFaultError('ENOTREGULAR', '/w/p.txt: is a FIFO (named pipe), not a regular file, so it was not opened', '/w/p.txt'));
    assert.deepEqual(fifo, { kind: 'special-file', message: '/w/p.txt: is a FIFO (named pipe), not a regular file, so it was not opened; give a regular text file' });
    assert.equal(exitForFault('special-file'), EXIT.unreadable);
    const big = describeFileFault(new FileFaultError('EFBIG', '/w/big.txt: is larger than 128 MB', '/w/big.txt'));
    assert.equal(big?.kind, 'too-large');
    assert.equal(exitForFault('too-large'), EXIT.tooLarge);
  });

  it('an error without an errno code is a bug, not a fault: left for the caller to report as one', () => {
    assert.equal(describeFileFault(new TypeError('x is undefined')), undefined);
    assert.equal(describeFileFault(new RangeError('Maximum call stack size exceeded')), undefined);
    assert.equal(describeFileFault('a string'), undefined);
  });

  it('a hostile 300-character path is cut in the middle, so the line stays short', () => {
    const path = `/w/${'n'.repeat(300)}.txt`;
    const fault = describeFileFault(nodeError('ENAMETOOLONG', path))!;
    assert.ok(fault.message.length < 400, `${fault.message.length} characters`);
    assert.ok(fault.message.startsWith('/w/nnn') && fault.message.includes('…') && fault.message.includes('nnn.txt: the name is too long'));
    assert.equal(shownPath('/short/path.txt'), '/short/path.txt');
  });
});
