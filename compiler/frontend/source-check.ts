// TypeScript's own verdict on a source file, taken before any kernel of it is lowered: the
// parser's syntax errors, the binder's (duplicate declarations, reserved words in strict mode…) and
// the few grammar errors of the type checker that need no types. A parse with errors holds recovery
// nodes (missing names, skipped tokens) that lowering would compile into something else, so such a
// file goes no further. A full type check would cost more than compiling the kernels (and needs the
// project's libraries); the binder is cheap and does not need them.
import { ts } from 'ts-morph';
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from '../../core/diagnostics/diagnostic.js';
import type { Code } from '../../core/diagnostics/codes.js';
import type { Span } from '../../core/ir/types.js';
import { grammarErrors } from './grammar.js';
import type { ModuleInfo } from './module.js';

const OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, allowJs: true, noLib: true, noResolve: true, types: [], noEmit: true };

const checked = new WeakMap<ModuleInfo, readonly Diagnostic[]>();

/** TypeScript's errors in a module, sorted; empty when TypeScript accepts it (up to type errors). */
export function sourceDiagnostics(mod: ModuleInfo): readonly Diagnostic[] {
  let ds = checked.get(mod);
  if (!ds) {
    ds = sortDiagnostics(check(mod));
    checked.set(mod, ds);
  }
  return ds;
}

function check(mod: ModuleInfo): Diagnostic[] {
  const bag = new DiagnosticBag();
  if (mod.overflowAt !== null) {
    // The stand-in tree is empty: locate the offset in the text itself.
    const at = tokenStart(mod.text, mod.overflowAt);
    const before = mod.text.slice(0, at).split(/\r\n|\r|\n/);
    const line = before.length;
    const column = (before[line - 1]?.length ?? 0) + 1;
    const span: Span = { file: mod.display, line, column, endLine: line, endColumn: column + 1 };
    bag.report(span, 'KS7003', 'this code', "TypeScript's parser runs out of stack here");
    return bag.items;
  }
  const syntax = syntacticDiagnostics(mod.sf);
  for (const d of syntax) report(bag, mod, d, 'KS7001');
  // After a syntax error the tree is a guess; its binder errors would mostly be noise.
  if (syntax.length > 0) return bag.items;
  for (const d of bindDiagnostics(mod.sf)) report(bag, mod, d, 'KS7002');
  for (const d of grammarErrors(mod.sf)) report(bag, mod, d, 'KS7002');
  return bag.items;
}

function syntacticDiagnostics(sf: ts.SourceFile): readonly ts.Diagnostic[] {
  return singleFileProgram(sf, OPTIONS).getSyntacticDiagnostics(sf);
}

/** A ts Program over one already-parsed file and nothing else (no lib, no imports resolved). */
export function singleFileProgram(sf: ts.SourceFile, options: ts.CompilerOptions): ts.Program {
  const host: ts.CompilerHost = {
    getSourceFile: (f) => (f === sf.fileName ? sf : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => f === sf.fileName,
    readFile: () => undefined,
  };
  return ts.createProgram({ rootNames: [sf.fileName], options, host });
}

type Binder = (sf: ts.SourceFile, options: ts.CompilerOptions) => void;

/**
 * The binder's errors. TypeScript binds a file as part of type checking and keeps the result on the
 * file; its binder is internal API, so a TypeScript without it yields none here (the regression tests
 * would notice).
 */
function bindDiagnostics(sf: ts.SourceFile): readonly ts.Diagnostic[] {
  const bind = (ts as unknown as { bindSourceFile?: Binder }).bindSourceFile;
  try {
    bind?.(sf, OPTIONS);
  } catch (e) {
    // The binder recurses too; a file too deep for it is reported by the nesting check instead.
    if (e instanceof RangeError) return [];
    throw e;
  }
  const ds = (sf as unknown as { bindDiagnostics?: readonly ts.Diagnostic[] }).bindDiagnostics ?? [];
  return ds.filter((d) => d.category === ts.DiagnosticCategory.Error);
}

function report(bag: DiagnosticBag, mod: ModuleInfo, d: ts.Diagnostic, code: Code): void {
  const start = d.start ?? 0;
  const text = ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\.$/, '');
  bag.report(spanAt(mod, start, start + Math.max(1, d.length ?? 1)), code, text, d.code);
}

function spanAt(mod: ModuleInfo, start: number, end: number): Span {
  const { sf } = mod;
  const clamp = (n: number): number => Math.min(Math.max(0, n), sf.text.length);
  const a = sf.getLineAndCharacterOfPosition(clamp(start));
  const b = sf.getLineAndCharacterOfPosition(clamp(end));
  return { file: mod.display, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

/** The start of the word an offset falls in (an overflow is found to the character). */
function tokenStart(text: string, at: number): number {
  const word = /[\w$]/;
  while (at > 0 && word.test(text[at - 1] ?? '') && word.test(text[at] ?? '')) at--;
  return at;
}
