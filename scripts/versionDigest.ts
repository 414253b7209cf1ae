// What `npm run record:engine-digest` and `record:fold-digest` share: a version constant in a source file guards saved
// data (analyses, folded evidence), and a digest of the output over the fixtures is recorded for that version. With
// --bump the constant is first raised by one; without it a changed output is refused under the version (and basis)
// already recorded, since recording it would hide the change from the saved data.

import { readFileSync, writeFileSync } from 'node:fs';

export interface VersionDigest {
  /** The npm script, for messages ("record:engine-digest"). */
  task: string;
  /** What the digest is of, for the refusal ("recognition output"). */
  what: string;
  versionFile: string;
  /** The constant's name in versionFile ("ENGINE_VERSION"). */
  constant: string;
  recordFile: string;
  recorded: { version: number; digest: string } | undefined;
  current: { digest: string; fixtures: number };
  /** Other versions the output depends on, recorded with it: a digest recorded under others is no conflict. */
  basis?: Record<string, number>;
}

/** Records the digest (bumping the version first with --bump); the process's exit code. */
export function recordVersionDigest({ task, what, versionFile, constant, recordFile, recorded, current, basis = {} }: VersionDigest): number {
  const versionLine = new RegExp(`export const ${constant} = (\\d+);`);
  const source = readFileSync(versionFile, 'utf8');
  const match = versionLine.exec(source);
  if (!match) {
    console.error(`${task}: no "export const ${constant} = <n>;" line in ${versionFile}`);
    return 1;
  }
  let version = Number(match[1]);
  const sameBasis = recorded !== undefined && Object.entries(basis).every(([name, value]) => (recorded as unknown as Record<string, unknown>)[name] === value);
  if (process.argv.includes('--bump')) {
    version = Math.max(version, recorded?.version ?? 0) + 1;
    writeFileSync(versionFile, source.replace(versionLine, `export const ${constant} = ${version};`));
    console.log(`${task}: ${constant} is now ${version}`);
  } else if (recorded && recorded.version === version && sameBasis && recorded.digest !== current.digest) {
    console.error(`${task}: ${what} changed but ${constant} is still ${version}; run \`npm run ${task} -- --bump\`.`);
    return 1;
  }
  writeFileSync(recordFile, JSON.stringify({ version, ...basis, digest: current.digest, fixtures: current.fixtures }, null, 2) + '\n');
  const under = Object.entries(basis).map(([name, value]) => ` (${name} ${value})`).join('');
  console.log(`${task}: version ${version}${under}, ${current.fixtures} fixtures, digest ${current.digest}`);
  return 0;
}
