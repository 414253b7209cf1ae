// The entry VS Code's extension host loads as `extensionTestsPath`: runs every bundled
// out/integration/*.test.js with mocha and reports the result to the runner outside the editor.
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { format } from 'node:util';
import { join } from 'node:path';
import * as mochaModule from 'mocha';

type MochaClass = typeof import('mocha');

/** mocha 12 is an ES module; required from CommonJS its class sits on `default` or `Mocha` depending on the loader. */
function mochaClass(): MochaClass {
  const loaded = mochaModule as unknown as { default?: unknown; Mocha?: unknown };
  const candidates = [loaded.Mocha, loaded.default, (loaded.default as { Mocha?: unknown } | undefined)?.Mocha, loaded];
  const found = candidates.find((c) => typeof c === 'function');
  if (!found) throw new Error('Could not find the Mocha class in the mocha module');
  return found as MochaClass;
}

/** One line per test in the results file the runner prints (IRA_TEST_RESULTS). */
export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  tests: TestOutcome[];
}

/**
 * In the browser harness the extension host's console reaches the runner only mixed into the workbench's
 * own log, so the reporter's lines are also appended to IRA_TEST_OUTPUT, which the runner prints as it grows.
 * (The host's console methods cannot be wrapped: VS Code installs them as getters with a no-op setter.)
 */
function teeReporterOutput(Mocha: MochaClass, file: string): void {
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    appendFileSync(file, format(...args) + '\n');
    original(...args);
  };
}

export async function run(): Promise<void> {
  // Stack traces of failures then point into the .ts sources (the bundles carry source maps).
  process.setSourceMapsEnabled(true);
  const Mocha = mochaClass();
  if (process.env.IRA_TEST_OUTPUT) teeReporterOutput(Mocha, process.env.IRA_TEST_OUTPUT);
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    // A real editor opens documents and activates extensions: seconds, not milliseconds.
    timeout: Number(process.env.IRA_TEST_TIMEOUT_PER_TEST ?? 20_000),
    ...(process.env.IRA_TEST_GREP ? { grep: process.env.IRA_TEST_GREP } : {}),
  });
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(join(__dirname, f));

  const results: SuiteResults = { passes: 0, failures: 0, pending: 0, tests: [] };
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run((count) => resolve(count));
      runner.on('pass', (t) => {
        results.passes++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
      });
      runner.on('fail', (t, err: Error) => {
        results.failures++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) });
      });
      runner.on('pending', (t) => {
        results.pending++;
        results.tests.push({ title: t.fullTitle(), state: 'pending' });
      });
    } catch (err) {
      reject(err);
    }
  });
  if (process.env.IRA_TEST_RESULTS) writeFileSync(process.env.IRA_TEST_RESULTS, JSON.stringify(results, null, 2));
  if (files.length === 0) throw new Error(`No *.test.js files next to ${__filename}`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
