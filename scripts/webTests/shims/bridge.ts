// The integration tests reach the disk of the machine running code-server (to put a report outside the workspace,
// read an export back, ask for a screenshot) with node:fs. A web worker has no disk, so in the web extension host
// those calls go, synchronously, to scripts/webTestBridge.mjs over a synchronous XMLHttpRequest (allowed in workers).

interface BridgeAnswer {
  value?: unknown;
  bytes?: string;
  error?: { message: string; code?: string };
}

declare const IRA_WEB_TEST_BRIDGE: string;

interface SyncRequest {
  open(method: string, url: string, async: boolean): void;
  setRequestHeader(name: string, value: string): void;
  send(body?: string): void;
  readonly status: number;
  readonly responseText: string;
}

export function encodeArgument(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    let binary = '';
    for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000));
    return { $bytes: btoa(binary) };
  }
  return value;
}

/** Runs `op` on the runner's side and returns its value (bytes come back as a Uint8Array). */
export function callBridge(op: string, ...args: unknown[]): unknown {
  const XHR = (globalThis as unknown as { XMLHttpRequest: new () => SyncRequest }).XMLHttpRequest;
  const request = new XHR();
  request.open('POST', `${IRA_WEB_TEST_BRIDGE}/call`, false);
  // text/plain keeps the cross-origin request "simple": no preflight.
  request.setRequestHeader('Content-Type', 'text/plain');
  request.send(JSON.stringify({ op, args: args.map(encodeArgument) }));
  if (request.status !== 200) throw new Error(`web test bridge: ${op} answered HTTP ${request.status}`);
  const answer = JSON.parse(request.responseText) as BridgeAnswer;
  if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  if (answer.bytes !== undefined) return Buffer.from(answer.bytes, 'base64');
  return answer.value;
}
