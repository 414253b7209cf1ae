// The coder's name for new tags (core chooseCoderName): the `inspectionReports.tagging.author` setting, else the
// git user name, else the OS login name. Git and the OS are asked once, at activation, in the background; in the
// web host neither exists and only the setting counts.

import * as vscode from 'vscode';
import { chooseCoderName, type CoderName } from '../../core';
import { isWebHost } from '../platform/runtime';

const detected: { git?: string; os?: string } = {};
let detecting: Promise<void> | undefined;

/** The name new tags record as their author (undefined: none known, no author recorded). */
export function currentCoder(scope?: vscode.ConfigurationScope): CoderName | undefined {
  const setting = vscode.workspace.getConfiguration('inspectionReports', scope).get<string>('tagging.author', '');
  return chooseCoderName({ setting, ...detected });
}

/** Asks git and the OS for the user's name (once); resolves when known or given up. */
export function detectCoder(log: vscode.LogOutputChannel): Promise<void> {
  detecting ??= (async () => {
    detected.git = (await gitExtensionUserName()) ?? (await gitCommandUserName());
    detected.os = await osUserName();
    const coder = currentCoder();
    log.info(coder ? `Tags record their coder as "${coder.name}" (from the ${coder.source === 'setting' ? 'setting inspectionReports.tagging.author' : coder.source === 'git' ? 'git user name' : 'OS login name'}).` : 'No coder name is known: tags record no author. Set inspectionReports.tagging.author.');
  })().catch((error: unknown) => log.warn(`Could not find the coder's name: ${(error as Error).message}`));
  return detecting;
}

/** git config user.name through the built-in Git extension, when it is already running (never started for this). */
async function gitExtensionUserName(): Promise<string | undefined> {
  type GitApi = { repositories: { getConfig(key: string): Promise<string>; getGlobalConfig(key: string): Promise<string> }[] };
  const git = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  const repository = git?.isActive ? git.exports.getAPI(1).repositories[0] : undefined;
  if (!repository) return undefined;
  return (await repository.getConfig('user.name').catch(() => '')) || (await repository.getGlobalConfig('user.name').catch(() => '')) || undefined;
}

/** Node modules loaded by a computed name, so the web bundle, which has neither, never tries to include them. */
function nodeModule<T>(name: string): Promise<T> {
  return import(name) as Promise<T>;
}

/** `git config user.name` run in the first workspace folder (its repository's setting, else the global one). */
async function gitCommandUserName(): Promise<string | undefined> {
  if (isWebHost) return undefined;
  const { execFile } = await nodeModule<typeof import('node:child_process')>('node:child_process');
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', 'user.name'], { timeout: 3000, windowsHide: true, ...(folder ? { cwd: folder } : {}) }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
  });
}

async function osUserName(): Promise<string | undefined> {
  if (isWebHost) return undefined;
  try {
    const { userInfo } = await nodeModule<typeof import('node:os')>('node:os');
    return userInfo().username || undefined;
  } catch {
    // No user entry (some containers): no name from the OS.
    return undefined;
  }
}
