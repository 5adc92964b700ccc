// What a kernel's source file offers at module level: its imports, helper functions, compile-time
// constants and the names that are runtime values (which kernels may not capture).
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import { CONVERSIONS } from '../../core/ir/ops.js';
import type { ScalarType, Span } from '../../core/ir/types.js';
import * as lang from '../../core/lang.js';
import { VEC_NAMES, type VecName } from '../../core/vec.js';
import { normalizeFileName, parseFile, readUserFile, resolveImport } from './project.js';

/** The language's own names: exactly what the language surface (core/lang.ts) exports. */
export const LANG_NAMES: ReadonlySet<string> = new Set(Object.keys(lang));

/**
 * The language's names that are types as well as values: the conversions, each named after its type,
 * and the vector types (the element type makes it a compile error should the surface lack one).
 */
export const LANG_TYPES: ReadonlySet<string> = new Set<(ScalarType | VecName) & keyof typeof lang>([...CONVERSIONS, ...VEC_NAMES]);

export type ImportBinding =
  | { k: 'lang'; name: string }
  | { k: 'user'; spec: string; file: string | null; name: string; node: ts.Node }
  | { k: 'other'; spec: string };

export interface ModuleInfo {
  file: string;
  /** The name diagnostics use: relative to the working directory when inside it, as tsc prints. */
  display: string;
  text: string;
  sf: ts.SourceFile;
  /** Where TypeScript's parser ran out of stack (`sf` is then empty); null when the file parsed. */
  overflowAt: number | null;
  imports: Map<string, ImportBinding>;
  functions: Map<string, ts.FunctionDeclaration>;
  consts: Map<string, ts.VariableDeclaration>;
  /** Other module-level names: `let`/`var` variables, classes, enums… (runtime values). */
  others: Set<string>;
}

/** The package by its own name: the full entry and the runtime-only one. */
const PACKAGE_SPECS = new Set(['kernelscript', 'kernelscript/runtime']);
const SOURCE_EXT = /\.[cm]?[jt]s$/;

/** A path without its source extension, its folder's symlinks resolved (when it exists). */
function realStem(path: string): string {
  const stem = path.replace(SOURCE_EXT, '');
  try {
    return join(realpathSync(dirname(stem)), basename(stem));
  } catch {
    return stem;
  }
}

/**
 * This package's own entry files (index, runtime) and language surface (core/lang), found from
 * this module's location (the source tree or dist/ alike), as real paths without extension.
 */
const LANG_FILES = new Set(['../../index', '../../runtime', '../../core/lang'].map((p) => realStem(fileURLToPath(new URL(p, import.meta.url)))));

/**
 * Whether an import in `fromFile` names the language: the package by name, or a relative path to
 * the package's own entry files (as the repository's tests write). Any other relative import is a
 * user file, whatever it is called (`./lib/index.js`, `./runtime.js`).
 */
export function isLangSpec(spec: string, fromFile: string): boolean {
  if (PACKAGE_SPECS.has(spec)) return true;
  if (!spec.startsWith('.')) return false;
  return LANG_FILES.has(realStem(resolve(dirname(normalizeFileName(fromFile)), spec)));
}

const modules = new Map<string, { sf: ts.SourceFile; info: ModuleInfo }>();

/** The module info for a source text; cached per parse. */
export function loadModule(fileName: string, text: string): ModuleInfo {
  const file = normalizeFileName(fileName);
  const { sf, overflowAt } = parseFile(file, text);
  const hit = modules.get(file);
  if (hit && hit.sf === sf) return hit.info;
  const info = scanModule(file, text, sf, overflowAt);
  modules.set(file, { sf, info });
  return info;
}

/** Loads an imported user file from disk; throws an Error with the reason when it cannot. */
export function loadModuleFromDisk(file: string): ModuleInfo {
  const m = loadModule(file, readUserFile(file));
  recorder?.set(m.file, m.text);
  return m;
}

let recorder: Map<string, string> | null = null;

/** Runs `f`, returning the user files (and their texts) it read through imports. */
export function recordDependencies<T>(f: () => T): { value: T; deps: Map<string, string> } {
  const outer = recorder;
  const deps = new Map<string, string>();
  recorder = deps;
  try {
    return { value: f(), deps };
  } finally {
    recorder = outer;
    if (outer) for (const [k, v] of deps) outer.set(k, v);
  }
}

/** The latest text of a file by its diagnostic name, for code frames. */
export function sourceTextOf(display: string): string | undefined {
  for (const { info } of modules.values()) if (info.display === display) return info.text;
  return undefined;
}

function scanModule(file: string, text: string, sf: ts.SourceFile, overflowAt: number | null): ModuleInfo {
  const info: ModuleInfo = { file, display: displayName(file), text, sf, overflowAt, imports: new Map(), functions: new Map(), consts: new Map(), others: new Set() };
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const spec = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (!clause) continue;
      const isLang = isLangSpec(spec, file);
      const user = !isLang && spec.startsWith('.');
      const bind = (local: string, imported: string, node: ts.Node): void => {
        if (isLang) info.imports.set(local, { k: 'lang', name: imported });
        else if (user) info.imports.set(local, { k: 'user', spec, file: resolveImport(file, spec), name: imported, node });
        else info.imports.set(local, { k: 'other', spec });
      };
      if (clause.name) info.imports.set(clause.name.text, { k: 'other', spec });
      const nb = clause.namedBindings;
      if (nb && ts.isNamedImports(nb)) {
        for (const el of nb.elements) bind(el.name.text, (el.propertyName ?? el.name).text, el);
      } else if (nb) {
        info.imports.set(nb.name.text, { k: 'other', spec });
      }
    } else if (ts.isFunctionDeclaration(st) && st.name) {
      info.functions.set(st.name.text, st);
    } else if (ts.isVariableStatement(st)) {
      const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        if (isConst) info.consts.set(d.name.text, d);
        else info.others.add(d.name.text);
      }
    } else if ((ts.isClassDeclaration(st) || ts.isEnumDeclaration(st)) && st.name) {
      info.others.add(st.name.text);
    }
  }
  // Other values declared at module level: destructured variables, `var`s in blocks, namespaces.
  for (const [name, meaning] of moduleMeanings(sf)) {
    if ((meaning & Value) !== 0 && !info.functions.has(name) && !info.consts.has(name)) info.others.add(name);
  }
  return info;
}

/** The language name an identifier stands for in this module, if any. */
export function langName(mod: ModuleInfo, id: string): string | null {
  // A module-level declaration of the name is what it stands for, even beside an import of the
  // language's name (which TypeScript rejects, TS2440: `import { kernel } …; const kernel = …`).
  if (mod.functions.has(id) || mod.consts.has(id) || mod.others.has(id)) return null;
  const b = mod.imports.get(id);
  if (b) return b.k === 'lang' ? b.name : null;
  // Not imported: the language's names, as the runtime offers them.
  return LANG_NAMES.has(id) ? id : null;
}

export function spanOf(mod: ModuleInfo, node: ts.Node): Span {
  const start = node.getStart(mod.sf);
  const a = mod.sf.getLineAndCharacterOfPosition(start);
  const b = mod.sf.getLineAndCharacterOfPosition(node.getEnd());
  return { file: mod.display, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

export function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** A name's meanings, as TypeScript tells them apart when declarations merge (bits of a number). */
export const Meaning = { Value: 1, Type: 2, Namespace: 4 } as const;
const { Value, Type, Namespace } = Meaning;

/** The meanings (Meaning bits) each name declared at module level has. */
export function moduleMeanings(sf: ts.SourceFile): Map<string, number> {
  const out = new Map<string, number>();
  const add = (name: ts.Identifier | undefined, meaning: number): void => {
    if (name) out.set(name.text, (out.get(name.text) ?? 0) | meaning);
  };
  const bindings = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) add(name, Value);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) bindings(el.name);
  };
  const variables = (list: ts.VariableDeclarationList, varOnly: boolean): void => {
    if (varOnly && (list.flags & ts.NodeFlags.BlockScoped) !== 0) return;
    for (const d of list.declarations) bindings(d.name);
  };
  /** `var` declarations nested in blocks and loops at module level belong to the module too. */
  const hoisted = (n: ts.Node): void => {
    if (ts.isVariableStatement(n)) variables(n.declarationList, true);
    else if ((ts.isForStatement(n) || ts.isForInStatement(n) || ts.isForOfStatement(n)) && n.initializer && ts.isVariableDeclarationList(n.initializer)) {
      variables(n.initializer, true);
    }
    if (ts.isFunctionLike(n) || ts.isClassLike(n) || ts.isModuleDeclaration(n)) return;
    ts.forEachChild(n, hoisted);
  };
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) variables(st.declarationList, false);
    else if (ts.isFunctionDeclaration(st)) add(st.name, Value);
    else if (ts.isClassDeclaration(st)) add(st.name, Value | Type);
    else if (ts.isEnumDeclaration(st)) add(st.name, Value | Type | Namespace);
    else if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) add(st.name, Type);
    else if (ts.isModuleDeclaration(st) && ts.isIdentifier(st.name)) add(st.name, instantiated(st) ? Value | Namespace : Namespace);
    else ts.forEachChild(st, hoisted);
  }
  return out;
}

type InstanceState = (node: ts.ModuleDeclaration) => number;

/** Whether a namespace holds values (TypeScript's own answer where its internal API offers it). */
function instantiated(m: ts.ModuleDeclaration): boolean {
  const state = (ts as unknown as { getModuleInstanceState?: InstanceState }).getModuleInstanceState;
  if (state) return state(m) !== 0;
  const body = m.body;
  return !!body && (!ts.isModuleBlock(body) || body.statements.some((s) => !ts.isInterfaceDeclaration(s) && !ts.isTypeAliasDeclaration(s)));
}
