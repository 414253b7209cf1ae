// The integration tests' node:fs, run for the web extension host (scripts/webTests/shims/bridge.ts): a tiny HTTP
// server on 127.0.0.1 that performs the few synchronous file calls the suites make on this machine's disk, hands
// over the runner's environment, and takes the suite's output and results. Test-only; closed with the run.
import { createServer } from 'node:http';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';

const FILE_CALLS = new Set(['readFileSync', 'writeFileSync', 'existsSync', 'mkdirSync', 'mkdtempSync', 'rmSync', 'renameSync',
  'copyFileSync', 'appendFileSync', 'readdirSync', 'utimesSync']);

const decode = (arg) => (arg && typeof arg === 'object' && typeof arg.$bytes === 'string' ? Buffer.from(arg.$bytes, 'base64') : arg);

/** Runs one call; `hooks` answer the non-file ones (env, output, results). */
function perform(op, args, hooks) {
  if (op === 'tmpdir') return { value: tmpdir() };
  if (op === 'statSync') {
    const s = fs.statSync(args[0]);
    return { value: { size: s.size, mtimeMs: s.mtimeMs, file: s.isFile(), directory: s.isDirectory() } };
  }
  if (op === 'readdirSync' && args[1]?.withFileTypes) {
    // Entries cross as plain data; the shim gives them back isFile() and isDirectory().
    const entries = fs.readdirSync(args[0], args[1]);
    return { value: entries.map((e) => ({ name: e.name, parentPath: e.parentPath ?? e.path, file: e.isFile(), directory: e.isDirectory() })) };
  }
  if (op in hooks) return { value: hooks[op](...args) ?? null };
  if (!FILE_CALLS.has(op)) throw new Error(`the web test bridge does not do ${op}`);
  if (op === 'readFileSync' && args[1] == null) return { bytes: fs.readFileSync(args[0]).toString('base64') };
  const value = fs[op](...args.map(decode));
  return { value: value === undefined ? null : value };
}

/** Starts the bridge; resolves to { url, close }. */
export async function startWebTestBridge(hooks) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let answer;
      try {
        const { op, args } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        answer = perform(op, args ?? [], hooks);
      } catch (err) {
        answer = { error: { message: err.message, code: err.code } };
      }
      // The web worker's origin is the workbench's (or its iframe's), never this port's.
      res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
