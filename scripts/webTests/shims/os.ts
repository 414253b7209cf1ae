// node:os for the integration tests in the web extension host: the runner machine's temp folder.

import { callBridge } from './bridge';

let temp: string | undefined;

export function tmpdir(): string {
  temp ??= callBridge('tmpdir') as string;
  return temp;
}

export const EOL = '\n';
