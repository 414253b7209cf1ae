// node:fs for the web bundle. There is no local disk in the browser: every file goes through vscode.workspace.fs
// (platform/vscodeFileSystem.ts), which never takes its local-disk paths there (platform/runtime.ts). Should
// anything still reach for the disk, it gets a clear error instead of a missing-module crash at load time.

function unavailable(name: string): never {
  throw Object.assign(new Error(`${name}: there is no local disk in the web extension host`), { code: 'ENOSYS' });
}

const unavailableAsync = (name: string) => async (): Promise<never> => unavailable(name);

export const constants = { O_RDONLY: 0, O_NONBLOCK: 0, O_WRONLY: 1, O_CREAT: 64, O_EXCL: 128, O_NOFOLLOW: 0 };

export const promises = {
  open: unavailableAsync('fs.open'),
  readFile: unavailableAsync('fs.readFile'),
  writeFile: unavailableAsync('fs.writeFile'),
  rename: unavailableAsync('fs.rename'),
  rm: unavailableAsync('fs.rm'),
  unlink: unavailableAsync('fs.unlink'),
  stat: unavailableAsync('fs.stat'),
  lstat: unavailableAsync('fs.lstat'),
  realpath: unavailableAsync('fs.realpath'),
  readdir: unavailableAsync('fs.readdir'),
  mkdir: unavailableAsync('fs.mkdir'),
};

export type Stats = never;

export const statSync = (): never => unavailable('fs.statSync');
