// The manifest is the extension's user interface: what the palette, menus, settings editor, theme colours
// and walkthroughs offer. These checks hold it to what the code really registers, reads and sets, so a
// renamed command, a forgotten setting or a missing picture shows up here rather than in front of a user.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { matchesPattern, readSourceFacts, type SourceFacts, type Use } from './sourceFacts';

const ROOT = resolve('.'); // mocha runs from the project root, as the other suites assume
const CATEGORY = 'Inspection Report';
/** Test-only commands: none may exist, since tests reach internals through what activate() returns. */
const TEST_ONLY = /^inspectionReports\.debug\./;

interface Command { command: string; title?: string; category?: string; icon?: unknown; enablement?: string }
interface MenuItem { command?: string; submenu?: string; when?: string; group?: string }
interface Setting { type?: string | string[]; default?: unknown; markdownDescription?: string; description?: string; enum?: unknown[] }
interface Color { id: string; description?: string; defaults?: Record<string, string> }
interface Step { id: string; description?: string; media?: Record<string, unknown>; completionEvents?: string[] }
interface Manifest {
  name: string;
  publisher: string;
  icon?: string;
  main?: string;
  activationEvents?: string[];
  contributes: {
    commands: Command[];
    menus: Record<string, MenuItem[]>;
    keybindings?: { command: string; key: string; when?: string }[];
    configuration: { properties: Record<string, Setting> } | { properties: Record<string, Setting> }[];
    colors: Color[];
    views: Record<string, { id: string; icon?: string }[]>;
    viewsContainers?: Record<string, { id: string; icon?: string }[]>;
    viewsWelcome?: { view: string; contents: string; when?: string }[];
    walkthroughs?: { id: string; steps: Step[] }[];
    jsonValidation?: { fileMatch: string | string[]; url: string }[];
    languages?: { id: string; configuration?: string; icon?: { light: string; dark: string } }[];
    grammars?: { path: string }[];
  };
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string; description?: string }; virtualWorkspaces?: unknown };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const facts: SourceFacts = readSourceFacts(ROOT, ['src/extension', 'src/core']);
const c = manifest.contributes;
const contributed = new Map(c.commands.map((x) => [x.command, x]));
const registered = new Set(facts.registeredCommands.map((u) => u.id));
const settings: Record<string, Setting> = Object.assign({}, ...[c.configuration].flat().map((x) => x.properties));
const viewIds = new Set(Object.values(c.views).flat().map((v) => v.id));
const contextKeys = new Set(facts.contextKeys.map((u) => u.id));
const palette = new Map((c.menus.commandPalette ?? []).map((m) => [m.command!, m]));
// Plain text of the extension layer, for contextValue strings (tree item kinds) and sample paths.
const sourceText = allSource();

function allSource(): string {
  const dir = join(ROOT, 'src/extension');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

const list = (uses: Use[]): string => uses.map((u) => `${u.id} (${u.at})`).join(', ');
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
/** A command a link or event may name: a contributed one, or the focus command VS Code makes for each view. */
const knownCommand = (id: string): boolean => contributed.has(id) || (id.endsWith('.focus') && viewIds.has(id.slice(0, -'.focus'.length)));

describe('package.json against the source', () => {
  it('reads every id the code uses (no expression the checks could not follow)', () => {
    assert.deepEqual(facts.unresolved, [], `these ids could not be worked out, so nothing checks them: ${list(facts.unresolved)}`);
    assert.ok(facts.registeredCommands.length > 20, 'the reader found suspiciously few registered commands');
  });

  describe('commands', () => {
    it('contributes every command the code registers', () => {
      const missing = facts.registeredCommands.filter((u) => !contributed.has(u.id));
      assert.deepEqual(missing, [], `registered but not in contributes.commands: ${list(missing)}`);
    });

    it('registers every contributed command (no palette entry that does nothing)', () => {
      const dead = c.commands.map((x) => x.command).filter((id) => !registered.has(id));
      assert.deepEqual(dead, [], `contributed but never registered: ${dead.join(', ')}`);
    });

    it('has no test-only commands (tests use the API activate() returns)', () => {
      const testOnly = [...registered, ...contributed.keys()].filter((id) => TEST_ONLY.test(id));
      assert.deepEqual(unique(testOnly), []);
    });

    it('gives every command a title and the one category', () => {
      const bad = c.commands.filter((x) => !x.title?.trim() || x.category !== CATEGORY).map((x) => x.command);
      assert.deepEqual(bad, [], `commands without a title or category "${CATEGORY}"`);
      const titles = c.commands.map((x) => x.title);
      assert.deepEqual(titles.filter((t, i) => titles.indexOf(t) !== i), [], 'two commands share a title: the palette cannot tell them apart');
    });

    it('hides from the palette the commands that cannot run without an argument', () => {
      const needy = unique(facts.registeredCommands.filter((u) => u.requiresArgument && contributed.has(u.id)).map((u) => u.id));
      const shown = needy.filter((id) => palette.get(id)?.when !== 'false');
      assert.deepEqual(shown, [], 'these need an argument but the palette offers them');
    });

    it('names only known commands in the code (executeCommand, code actions, tree items)', () => {
      const unknown = facts.referencedCommands.filter((u) => !registered.has(u.id));
      assert.deepEqual(unknown, [], `named but never registered: ${list(unknown)}`);
    });
  });

  describe('menus and keybindings', () => {
    const entries = Object.entries(c.menus).flatMap(([menu, items]) => items.map((item) => ({ menu, ...item })));

    it('lists only contributed commands', () => {
      const unknown = entries.filter((e) => e.command && !contributed.has(e.command)).map((e) => `${e.menu}: ${e.command}`);
      const keys = (c.keybindings ?? []).filter((k) => !contributed.has(k.command)).map((k) => k.command);
      assert.deepEqual([...unknown, ...keys], []);
    });

    it('gives an icon to every command shown as a toolbar button', () => {
      const buttons = entries.filter((e) => (e.menu === 'view/title' || e.menu === 'editor/title') ? e.group?.startsWith('navigation') : e.group?.startsWith('inline'));
      assert.ok(buttons.length > 0, 'no toolbar buttons found: the check would be empty');
      const bare = buttons.filter((e) => !contributed.get(e.command!)?.icon).map((e) => `${e.menu}: ${e.command}`);
      assert.deepEqual(bare, [], 'toolbar buttons without an icon show their whole title');
    });

    it('scopes every view menu entry to its view and every keybinding to reports', () => {
      const loose = entries.filter((e) => e.menu.startsWith('view/') && !/\bview == /.test(e.when ?? '')).map((e) => `${e.menu}: ${e.command}`);
      assert.deepEqual(loose, [], 'these would appear in every view');
      const global = (c.keybindings ?? []).filter((k) => !k.when?.includes('inspectionReports.')).map((k) => `${k.key} → ${k.command}`);
      assert.deepEqual(global, [], 'keybindings without a report `when` clause take keys from every editor');
    });

    it('tests only context keys, views and tree item kinds that exist', () => {
      const whens = [
        ...entries.map((e) => ({ where: `${e.menu}: ${e.command}`, when: e.when ?? '' })),
        ...(c.keybindings ?? []).map((k) => ({ where: `keybinding ${k.key}`, when: k.when ?? '' })),
        ...(c.viewsWelcome ?? []).map((w) => ({ where: `viewsWelcome ${w.view}`, when: w.when ?? '' })),
        ...c.commands.map((x) => ({ where: `enablement of ${x.command}`, when: x.enablement ?? '' })),
      ];
      const problems: string[] = [];
      for (const { where, when } of whens) {
        for (const m of when.matchAll(/\bview\s*==\s*([\w.]+)/g)) if (!viewIds.has(m[1]!)) problems.push(`${where}: no view ${m[1]}`);
        for (const m of when.matchAll(/\bviewItem\s*==\s*([\w.-]+)/g)) if (!new RegExp(`['"\`]${m[1]}['"\`]`).test(sourceText)) problems.push(`${where}: no tree item has contextValue ${m[1]}`);
        const stripped = when.replace(/\bview\s*==\s*[\w.]+/g, '').replace(/\bconfig\.[\w.]+/g, '');
        for (const m of stripped.matchAll(/\binspectionReports\.[\w.]+/g)) if (!contextKeys.has(m[0])) problems.push(`${where}: the code never sets ${m[0]}`);
        for (const m of when.matchAll(/\bconfig\.([\w.]+)/g)) if (m[1]!.startsWith('inspectionReports.') && !settings[m[1]!]) problems.push(`${where}: no setting ${m[1]}`);
      }
      assert.deepEqual(problems, []);
    });
  });

  describe('settings', () => {
    it('contributes every setting the code reads or watches', () => {
      const missing = facts.settingsRead.filter((u) => !settings[u.id]);
      assert.deepEqual(missing, [], `read but not contributed: ${list(missing)}`);
      const ids = Object.keys(settings);
      const watched = facts.settingsWatched.filter((u) => !ids.some((id) => id === u.id || id.startsWith(`${u.id}.`)));
      assert.deepEqual(watched, [], `watched but no such setting or section: ${list(watched)}`);
    });

    it('reads every contributed setting (none that does nothing)', () => {
      const read = new Set(facts.settingsRead.map((u) => u.id));
      assert.deepEqual(Object.keys(settings).filter((id) => !read.has(id)), []);
    });

    it('describes every setting with a type, a default of that type and a markdown description', () => {
      const problems: string[] = [];
      for (const [id, s] of Object.entries(settings)) {
        if (!s.markdownDescription?.trim()) problems.push(`${id}: no markdownDescription`);
        if (s.default === undefined) problems.push(`${id}: no default`);
        const types = [s.type ?? []].flat();
        const actual = s.default === null ? 'null' : Array.isArray(s.default) ? 'array' : typeof s.default;
        if (!types.some((t) => t === actual || (t === 'integer' && Number.isInteger(s.default)))) problems.push(`${id}: default ${JSON.stringify(s.default)} is not a ${types.join('|')}`);
      }
      assert.deepEqual(problems, []);
    });
  });

  describe('theme colours', () => {
    const colorIds = c.colors.map((x) => x.id);

    it('contributes every theme colour the code uses', () => {
      const missing = facts.themeColors.filter((u) => !colorIds.some((id) => matchesPattern(u.id, id)));
      assert.deepEqual(missing, [], `used but not contributed: ${list(missing)}`);
    });

    it('uses every contributed colour, with defaults for every kind of theme', () => {
      const unused = colorIds.filter((id) => !facts.themeColors.some((u) => matchesPattern(u.id, id)));
      assert.deepEqual(unused, [], 'contributed colours no code uses');
      const incomplete = c.colors.filter((x) => !x.description || ['light', 'dark', 'highContrast', 'highContrastLight'].some((k) => !x.defaults?.[k])).map((x) => x.id);
      assert.deepEqual(incomplete, []);
    });
  });

  describe('files the manifest points to', () => {
    it('exist', () => {
      const paths: string[] = [];
      if (manifest.icon) paths.push(manifest.icon);
      for (const l of c.languages ?? []) paths.push(...[l.configuration, l.icon?.light, l.icon?.dark].filter((p): p is string => !!p));
      for (const g of c.grammars ?? []) paths.push(g.path);
      for (const v of [...Object.values(c.views).flat(), ...Object.values(c.viewsContainers ?? {}).flat()]) if (v.icon) paths.push(v.icon);
      for (const j of c.jsonValidation ?? []) if (!/^https?:/.test(j.url)) paths.push(j.url);
      for (const w of c.walkthroughs ?? []) for (const s of w.steps) for (const m of Object.values(s.media ?? {})) {
        if (typeof m === 'string') paths.push(m);
        else if (m && typeof m === 'object') paths.push(...Object.values(m).filter((p): p is string => typeof p === 'string'));
      }
      assert.ok(paths.length > 5);
      assert.deepEqual(paths.filter((p) => !existsSync(join(ROOT, p))), []);
    });

    it('validates tags files and the codebook with schemas that parse', () => {
      const matches = (c.jsonValidation ?? []).flatMap((j) => [j.fileMatch].flat());
      assert.ok(matches.includes('*.tags.json') && matches.includes('.inspection-codebook.json'), `jsonValidation covers ${matches.join(', ')}`);
      for (const j of c.jsonValidation ?? []) assert.doesNotThrow(() => JSON.parse(readFileSync(join(ROOT, j.url), 'utf8')), j.url);
    });

    it('ships the sample report the Tags view opens', () => {
      const samples = unique([...sourceText.matchAll(/['"`](samples\/[^'"`]+)['"`]/g)].map((m) => m[1]!));
      assert.ok(samples.length > 0);
      assert.deepEqual(samples.filter((p) => !existsSync(join(ROOT, p))), []);
    });
  });

  describe('walkthroughs and welcome content', () => {
    it('complete on events that can happen', () => {
      const problems: string[] = [];
      for (const w of c.walkthroughs ?? []) for (const s of w.steps) {
        if (!s.completionEvents?.length && !/\(command:/.test(s.description ?? '')) problems.push(`${w.id}/${s.id}: can never be completed`);
        for (const e of s.completionEvents ?? []) {
          const [kind, arg = ''] = e.split(/:(.*)/s);
          const ok = kind === 'onCommand' ? knownCommand(arg) : kind === 'onContext' ? contextKeys.has(arg) || /^[\w.]+$/.test(arg) && !arg.startsWith('inspectionReports.')
            : kind === 'onView' ? viewIds.has(arg) : kind === 'onSettingChanged' ? !!settings[arg] || !arg.startsWith('inspectionReports.')
              : ['onLink', 'onEvent', 'extensionInstalled', 'onStepSelected'].includes(kind!);
          if (!ok) problems.push(`${w.id}/${s.id}: ${e}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('links only to commands and walkthroughs that exist', () => {
      const texts = [
        ...(c.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => s.description ?? '')),
        ...(c.viewsWelcome ?? []).map((w) => w.contents),
      ];
      const walkthroughIds = new Set((c.walkthroughs ?? []).map((w) => `${manifest.publisher}.${manifest.name}#${w.id}`));
      const problems: string[] = [];
      for (const text of texts) for (const m of text.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g)) {
        const [, id, query] = m;
        if (id!.startsWith('inspectionReports.') && !knownCommand(id!)) problems.push(`no command ${id}`);
        if (id === 'workbench.action.openWalkthrough') {
          const target = JSON.parse(decodeURIComponent(query ?? '""')) as string;
          if (!walkthroughIds.has(target)) problems.push(`no walkthrough ${target}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it('welcomes the user in every view', () => {
      const welcomed = new Set((c.viewsWelcome ?? []).map((w) => w.view));
      assert.deepEqual([...viewIds].filter((v) => !welcomed.has(v)), []);
    });
  });

  describe('marketplace and activation', () => {
    it('leaves onCommand/onView/own-language activation to VS Code, which infers it from the contributions', () => {
      const ownLanguages = (c.languages ?? []).map((l) => `onLanguage:${l.id}`);
      const redundant = (manifest.activationEvents ?? []).filter((e) => /^on(Command|View|Walkthrough):/.test(e) || ownLanguages.includes(e) || e === '*');
      assert.deepEqual(redundant, []);
    });

    it('states honestly how it behaves in restricted and virtual workspaces', () => {
      const u = manifest.capabilities?.untrustedWorkspaces;
      assert.ok(u && u.supported !== undefined, 'untrustedWorkspaces is declared');
      if (u.supported !== true) assert.ok(u.description && u.description.length > 20, 'a limited or missing trust mode needs a description');
      assert.ok(manifest.capabilities?.virtualWorkspaces !== undefined, 'virtualWorkspaces is declared');
    });

    it('has a 128 px PNG icon', () => {
      const icon = manifest.icon ?? '';
      assert.ok(icon.endsWith('.png'), 'the marketplace needs a PNG icon');
      const png = readFileSync(join(ROOT, icon));
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, `icon is ${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`);
    });
  });
});

describe('what a .vsix holds (.vscodeignore, read by vsce itself)', function () {
  this.timeout(30_000);
  let packaged: string[] = [];

  before(async () => {
    // vsce over a small stand-in of the project (the real tree holds the code-server cache, too big to walk
    // in a unit test): the real manifest, ignore file and shipped folders, and one file in each place that
    // must stay out.
    const tmp = mkdtempSync(join(tmpdir(), 'ira-vsix-'));
    for (const f of ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'language-configuration.json']) cpSync(join(ROOT, f), join(tmp, f));
    for (const d of ['media', 'schemas', 'syntaxes', 'samples']) cpSync(join(ROOT, d), join(tmp, d), { recursive: true });
    for (const f of [manifest.main ?? 'dist/extension.js', 'dist/analysisWorker.js', 'dist/extension.js.map', 'dist/cli.js', 'dist/bench.js', 'src/extension/extension.ts', 'src/core/recognition/model.ts',
      'test/unit/a.test.ts', 'test/fixtures/workspace/r.txt', 'node_modules/unified/index.js', 'scripts/build.mjs', 'bench/bench.ts', 'docs/x.md',
      '.vscode-test/node/bin/node', 'out/integration/index.js', 'tsconfig.json', 'eslint.config.mjs', '.mocharc.json', 'package-lock.json', '.ci/run',
      'inspection-report-annotator-0.0.1.vsix']) {
      mkdirSync(dirname(join(tmp, f)), { recursive: true });
      writeFileSync(join(tmp, f), 'x');
    }
    const { listFiles, PackageManager } = await import('@vscode/vsce');
    try {
      packaged = (await listFiles({ cwd: tmp, packageManager: PackageManager.None })).map((f) => f.split('\\').join('/')).sort();
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('includes the bundle, every file the manifest and the code point to, and the docs', () => {
    const c = manifest.contributes;
    const needed = [
      'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', manifest.main!.replace(/^\.\//, ''), 'language-configuration.json',
      ...(c.jsonValidation ?? []).map((j) => j.url.replace(/^\.\//, '')),
      ...(c.grammars ?? []).map((g) => g.path.replace(/^\.\//, '')),
      ...[...sourceText.matchAll(/['"`](samples\/[^'"`]+)['"`]/g)].map((m) => m[1]!),
      // Started by the extension for aggregation (analysisWorkers.ts); without it, evidence is analysed on one thread.
      'dist/analysisWorker.js',
      ...readdirSync(join(ROOT, 'media'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        .map((e) => join(relative(ROOT, e.parentPath), e.name).split('\\').join('/')),
    ];
    assert.deepEqual(unique(needed).filter((f) => !packaged.includes(f)), []);
  });

  it('leaves out sources, tests, tools, dependencies and build leftovers', () => {
    const allowed = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|language-configuration\.json|dist\/(extension|analysisWorker)\.js|(media|schemas|syntaxes)\/.+|samples\/[^/]+\.(txt|md))$/;
    assert.deepEqual(packaged.filter((f) => !allowed.test(f)), []);
    assert.ok(!packaged.some((f) => f.endsWith('.tags.json')), 'the sample tags file is for the CLI demo, not the extension');
  });
});
