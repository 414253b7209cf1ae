// Small helpers for tests that run inside a real VS Code (see test/integration/README.md for the pattern).
import * as vscode from 'vscode';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { InspectionReportsApi } from '../../src/extension/extension';

/** `${publisher}.${name}` from package.json. */
export const EXTENSION_ID = 'inspection-report-annotator.inspection-report-annotator';

/** The temporary copy of test/fixtures/workspace the editor was opened on. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The test editor was opened without a workspace folder');
  return folder.uri;
}

/**
 * A file anywhere on the test machine's disk, as the extension host names it: `file:` in a Node host, the
 * workspace's own scheme (vscode-remote:) in the browser's web worker host, which has no file: file system.
 */
export function diskUri(absolutePath: string): vscode.Uri {
  return workspaceRoot().with({ path: absolutePath, query: '', fragment: '' });
}

/** A file of the fixture workspace, by its path relative to the workspace root. */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Activates the extension under test and returns it (its exports are whatever activate() returned). */
export async function activateExtension<T = unknown>(): Promise<vscode.Extension<T>> {
  const extension = vscode.extensions.getExtension<T>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not installed in the test editor`);
  await extension.activate();
  return extension;
}

/** What the extension's activate() returned: the way tests reach its internals (it registers no test-only commands). */
export async function extensionApi(): Promise<InspectionReportsApi> {
  const extension = await activateExtension<InspectionReportsApi>();
  return extension.exports;
}

/** Opens a fixture file in an editor, the way a user double-clicking it in the Explorer would. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Polls until `probe` returns a value other than undefined/false, or fails with `what` after `timeoutMs`.
 * Use it for anything the editor does asynchronously (diagnostics, decorations, tree refreshes).
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface ScreenshotOptions {
  /** A CSS selector of the workbench (e.g. '.part.sidebar', '.part.editor'): only that element is captured. */
  selector?: string;
  timeoutMs?: number;
}

/** Where an element was when the picture was taken, in the picture's CSS pixels (see `area`). */
export interface MeasuredBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Entirely inside the picture and inside the frames (webviews) that hold it. */
  whole: boolean;
}

export interface MeasuredScreenshot {
  path: string;
  /** The captured part of the page, in CSS pixels (the PNG may have more pixels per CSS pixel). */
  area: { x: number; y: number; width: number; height: number };
  /** For each name given in `measure`, the boxes of the elements its selector matched in any frame. */
  boxes: Record<string, MeasuredBox[]>;
}

/**
 * Asks the runner (which owns the browser page) for a PNG of the workbench as it is now.
 * Returns the PNG's path, or undefined when the runner cannot take screenshots (desktop Electron runner).
 * `name` is a file name (saved under out/integration-screenshots/, or IRA_SCREENSHOT_OUT) or an absolute path.
 */
export async function takeScreenshot(name: string, options: ScreenshotOptions = {}): Promise<string | undefined> {
  return (await takeMeasuredScreenshot(name, options))?.path;
}

/**
 * A screenshot as takeScreenshot takes it, with the boxes of the elements that `measure`'s CSS selectors match
 * (looked up in every frame, webviews included) at the moment it was taken: what a test needs to check the
 * picture shows what the page says it drew.
 */
export async function takeMeasuredScreenshot(name: string, options: ScreenshotOptions & { measure?: Record<string, string> } = {}): Promise<MeasuredScreenshot | undefined> {
  const requests = process.env.IRA_SCREENSHOT_DIR;
  if (!requests) return undefined;
  const fileName = name.endsWith('.png') ? name : `${name}.png`;
  const out = isAbsolute(fileName) ? fileName : resolve(process.env.IRA_SCREENSHOT_OUT ?? join(__dirname, '..', 'integration-screenshots'), fileName);
  // Unique across test bundles: each *.test.js carries its own copy of this module.
  const id = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
  mkdirSync(requests, { recursive: true });
  // Write then rename, so the runner never reads a half-written request.
  writeFileSync(join(requests, `${id}.tmp`), JSON.stringify({ out, selector: options.selector, measure: options.measure }));
  renameSync(join(requests, `${id}.tmp`), join(requests, `${id}.request.json`));
  const done = join(requests, `${id}.done`);
  await waitFor(`screenshot ${fileName}`, () => existsSync(done), options.timeoutMs ?? 15_000, 100);
  const answer = readFileSync(done, 'utf8');
  rmSync(done, { force: true });
  if (answer.startsWith('ERROR')) throw new Error(`Screenshot ${fileName} failed: ${answer}`);
  return JSON.parse(answer) as MeasuredScreenshot;
}
