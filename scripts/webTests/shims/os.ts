// node:os for the integration tests in the web extension host: the runner machine's temp folder.

import { callBridge } from './bridge';

let temp: string | undefined;

export function tmpdir(): string {
  temp ??= callBridge('tmpdir') as string;
  return temp;
}

export const EOL = '\n';

// For the extension's own modules bundled with a suite: the web bundle's answers, as in the real browser bundle.
export { availableParallelism, hostname } from '../../../src/extension/platform/web/nodeOs';
