// Who is coding: the name recorded as each new tag's author (its coder, for moderation). The setting wins; left
// empty, the git user name (what colleagues already know one by in a shared repository), then the OS login name.

export type CoderNameSource = 'setting' | 'git' | 'os';

export interface CoderName {
  name: string;
  source: CoderNameSource;
}

/** The coder's name from the candidates in order of preference; undefined when none is usable (no author recorded). */
export function chooseCoderName(candidates: { setting?: string | undefined; git?: string | undefined; os?: string | undefined }): CoderName | undefined {
  for (const source of ['setting', 'git', 'os'] as const) {
    // A name is one line: git config can end with a newline, and a pasted setting with spaces.
    const name = candidates[source]?.replace(/\s+/g, ' ').trim();
    if (name) return { name, source };
  }
  return undefined;
}
