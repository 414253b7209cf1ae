// Which extension host this code runs in. The web bundle (scripts/build.mjs) has no Node: its injected `process`
// stand-in (platform/web/webGlobals.ts) names no Node version, and there is no local disk or worker thread to use.

const nodeVersion = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;

/** True in the browser's web worker extension host (vscode.dev, github.dev, code-server's web host). */
export const isWebHost = nodeVersion === undefined;
