// What a kernel's source file offers at module level: its imports, helper functions, compile-time
// constants and the names that are runtime values (which kernels may not capture).
import { relative } from 'node:path';
import { ts } from 'ts-morph';
import type { Span } from '../ir/types.js';
import { normalizeFileName, parseFile, readUserFile, resolveImport } from './project.js';

/** The language's own names (runtime/lang.ts), recognised through their imports. */
export const LANG_NAMES = new Set([
  'kernel', 'f32', 'i32', 'u32', 'bool', 'threadIdx', 'blockIdx', 'blockDim', 'gridDim', 'syncthreads',
  'sharedArray', 'localArray', 'atomicAdd', 'atomicSub', 'atomicMin', 'atomicMax', 'atomicExch', 'atomicCAS',
]);

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

const LANG_SPEC = /^kernelscript(\/runtime)?$|(^|\/)(index|runtime|runtime\/lang|lang)(\.[cm]?[jt]s)?$/;

export function isLangSpec(spec: string): boolean {
  return LANG_SPEC.test(spec);
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
      const lang = isLangSpec(spec);
      const user = !lang && spec.startsWith('.');
      const bind = (local: string, imported: string, node: ts.Node): void => {
        if (lang) info.imports.set(local, { k: 'lang', name: imported });
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
  return info;
}

/** The language name an identifier stands for in this module, if any. */
export function langName(mod: ModuleInfo, id: string): string | null {
  const b = mod.imports.get(id);
  if (b) return b.k === 'lang' ? b.name : null;
  // Not imported: accept the language's names unless the module declares its own.
  if (LANG_NAMES.has(id) && !mod.functions.has(id) && !mod.consts.has(id) && !mod.others.has(id)) return id;
  return null;
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
