// What the extension's source actually uses of its manifest: the command ids it registers and names, the
// settings it reads, the theme colours and context keys it sets. Read from the TypeScript syntax trees
// (no type-checking, so it stays fast), resolving ids held in module-level constants, tables of ids and
// template strings, because the code rarely writes an id inline.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Use {
  /** The id, or for a template string whose parts cannot be resolved, a pattern like `inspectionReports.grade.*.foreground`. */
  readonly id: string;
  /** file:line, for messages. */
  readonly at: string;
  /** For a registered command: its handler's first parameter is required (so the palette cannot run it). */
  readonly requiresArgument?: boolean;
}

export interface SourceFacts {
  readonly registeredCommands: Use[];
  /** Command ids named elsewhere in the code: executeCommand, `command:` fields of code actions and tree items. */
  readonly referencedCommands: Use[];
  /** Full setting ids (`inspectionReports.x.y`) read with getConfiguration(...).get/inspect/update. */
  readonly settingsRead: Use[];
  /** Setting ids or sections passed to affectsConfiguration. */
  readonly settingsWatched: Use[];
  readonly themeColors: Use[];
  readonly contextKeys: Use[];
  /** Expressions the reader could not turn into ids: each is a gap in the checks, reported by the test. */
  readonly unresolved: Use[];
}

const ID_PREFIX = 'inspectionReports';
const COMMAND_ID = /^inspectionReports\.[A-Za-z0-9_.]+$/;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Reads `roots` (folders of .ts files) relative to `projectRoot`. */
export function readSourceFacts(projectRoot: string, roots: string[]): SourceFacts {
  const files = roots.flatMap((r) => sourceFiles(join(projectRoot, r))).map((path) =>
    ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS));

  // Module-level `const NAME = …` across all files (ids are exported from one file and used in another).
  const constants = new Map<string, ts.Expression[]>();
  for (const file of files) {
    for (const statement of file.statements) {
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) constants.set(d.name.text, [...(constants.get(d.name.text) ?? []), d.initializer]);
      }
    }
  }

  const where = (node: ts.Node): string => {
    const file = node.getSourceFile();
    return `${relative(projectRoot, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  };

  /** The string an expression always has, or undefined. Template parts that cannot be resolved become `*`. */
  const stringOf = (expr: ts.Expression, seen = new Set<string>()): string | undefined => {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) return stringOf(expr.expression, seen);
    if (ts.isIdentifier(expr)) {
      const inits = constants.get(expr.text);
      if (!inits || inits.length !== 1 || seen.has(expr.text)) return undefined;
      return stringOf(inits[0]!, new Set([...seen, expr.text]));
    }
    if (ts.isTemplateExpression(expr)) {
      let s = expr.head.text;
      for (const span of expr.templateSpans) s += (stringOf(span.expression, seen) ?? '*') + span.literal.text;
      return s;
    }
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const l = stringOf(expr.left, seen);
      const r = stringOf(expr.right, seen);
      return l !== undefined && r !== undefined ? l + r : undefined;
    }
    return undefined;
  };

  /** Every command-like string literal inside a node (a table of ids, an array of {id, …}). */
  const idsIn = (node: ts.Node): string[] => {
    const out: string[] = [];
    const visit = (n: ts.Node): void => {
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && COMMAND_ID.test(n.text)) out.push(n.text);
      else if (ts.isIdentifier(n) && constants.has(n.text) && n.parent && !ts.isPropertyAccessExpression(n.parent)) {
        const s = stringOf(n);
        if (s !== undefined && COMMAND_ID.test(s)) out.push(s);
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return out;
  };

  /** Ids in the module-level tables an expression is built from (`TABLE[key]`, `Object.entries(TABLE)`). */
  const idsFromTables = (expr: ts.Node): string[] => {
    const out: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) for (const init of constants.get(n.text) ?? []) out.push(...idsIn(init));
      ts.forEachChild(n, visit);
    };
    visit(expr);
    return out;
  };

  /**
   * The command ids a registerCommand's first argument can take: a constant, or an element of a table the
   * call iterates over (`TABLE.map(({ id }) => register(id))`, `Object.entries(TABLE).map(([k, id]) => …)`).
   */
  const commandIdsOf = (arg: ts.Expression): string[] => {
    const s = stringOf(arg);
    if (s !== undefined) return [s];
    const fromTables = idsFromTables(arg);
    if (fromTables.length) return fromTables;
    for (let n: ts.Node | undefined = arg.parent; n; n = n.parent) {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['map', 'forEach', 'flatMap'].includes(n.expression.name.text)) {
        const ids = idsFromTables(n.expression.expression);
        if (ids.length) return ids;
      }
      if (ts.isSourceFile(n)) break;
    }
    return [];
  };

  const facts: SourceFacts = {
    registeredCommands: [], referencedCommands: [], settingsRead: [], settingsWatched: [], themeColors: [], contextKeys: [], unresolved: [],
  };

  const calleeName = (call: ts.CallExpression): string | undefined =>
    ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : undefined;

  /** The section of a `getConfiguration('inspectionReports…')` call, directly or through a variable holding one. */
  const configSection = (expr: ts.Expression): string | undefined => {
    if (ts.isCallExpression(expr) && calleeName(expr) === 'getConfiguration') {
      const arg = expr.arguments[0];
      return arg ? stringOf(arg) : '';
    }
    if (ts.isIdentifier(expr)) {
      // A local `const config = vscode.workspace.getConfiguration(…)` in the same file.
      let found: string | undefined;
      const visit = (n: ts.Node): void => {
        if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === expr.text && n.initializer) found ??= configSection(n.initializer);
        ts.forEachChild(n, visit);
      };
      visit(expr.getSourceFile());
      return found;
    }
    return undefined;
  };

  /** Whether a command handler's first argument is required; a text-editor command's own come after (editor, edit). */
  const handlerRequiresArgument = (handler: ts.Expression | undefined, skip: number): boolean => {
    if (!handler) return false;
    let fn: ts.SignatureDeclaration | undefined;
    if (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) fn = handler;
    else if (ts.isIdentifier(handler)) {
      const visit = (n: ts.Node): void => {
        if (fn) return;
        if (ts.isFunctionDeclaration(n) && n.name?.text === handler.text) fn = n;
        else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === handler.text && n.initializer
          && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) fn = n.initializer;
        else ts.forEachChild(n, visit);
      };
      visit(handler.getSourceFile());
    }
    const first = fn?.parameters[skip];
    return !!first && !first.questionToken && !first.initializer && !first.dotDotDotToken;
  };

  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        const arg0 = node.arguments[0];
        if ((name === 'registerCommand' || name === 'registerTextEditorCommand') && arg0) {
          const ids = commandIdsOf(arg0);
          if (ids.length === 0) facts.unresolved.push({ id: `${name}(${arg0.getText()})`, at: where(node) });
          const requiresArgument = handlerRequiresArgument(node.arguments[1], name === 'registerTextEditorCommand' ? 2 : 0);
          for (const id of ids) facts.registeredCommands.push({ id, at: where(node), requiresArgument });
        } else if (name === 'executeCommand' && arg0) {
          const id = stringOf(arg0);
          if (id === 'setContext') {
            const key = node.arguments[1] && stringOf(node.arguments[1]);
            if (key === undefined) facts.unresolved.push({ id: `setContext(${node.arguments[1]?.getText()})`, at: where(node) });
            else facts.contextKeys.push({ id: key, at: where(node) });
          } else if (id?.startsWith(`${ID_PREFIX}.`)) facts.referencedCommands.push({ id, at: where(node) });
        } else if ((name === 'get' || name === 'inspect' || name === 'update') && arg0 && ts.isPropertyAccessExpression(node.expression)) {
          const section = configSection(node.expression.expression);
          if (section !== undefined && (section === ID_PREFIX || section.startsWith(`${ID_PREFIX}.`))) {
            const key = stringOf(arg0);
            if (key === undefined) facts.unresolved.push({ id: `${name}(${arg0.getText()})`, at: where(node) });
            else facts.settingsRead.push({ id: `${section}.${key}`, at: where(node) });
          }
        } else if (name === 'affectsConfiguration' && arg0) {
          const id = stringOf(arg0);
          if (id === undefined) facts.unresolved.push({ id: `affectsConfiguration(${arg0.getText()})`, at: where(node) });
          else if (id.startsWith(ID_PREFIX)) facts.settingsWatched.push({ id, at: where(node) });
        }
      } else if (ts.isNewExpression(node) && node.arguments?.[0]) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
        if (name === 'ThemeColor') {
          const id = stringOf(node.arguments[0]);
          if (id === undefined) facts.unresolved.push({ id: `ThemeColor(${node.arguments[0].getText()})`, at: where(node) });
          else if (id.startsWith(`${ID_PREFIX}.`)) facts.themeColors.push({ id, at: where(node) });
        }
      } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'command') {
        // `{ command: ID, title, arguments }` of a code action, hover link or tree item.
        const id = stringOf(node.initializer);
        if (id !== undefined && COMMAND_ID.test(id)) facts.referencedCommands.push({ id, at: where(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return facts;
}

/** Whether an id matches a pattern from a template string (`*` stands for one id segment part). */
export function matchesPattern(pattern: string, id: string): boolean {
  if (!pattern.includes('*')) return pattern === id;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[A-Za-z0-9_-]+')}$`);
  return re.test(id);
}
