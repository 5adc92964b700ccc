// What `tsc` itself would reject in a file, independently of the kernel compiler: syntax errors,
// grammar errors the checker reports (codes 1xxx), duplicate declarations, and reads before a
// declaration in kernel code. Type errors are not counted: they depend on library typings this check does not
// load. A kernel compiler that accepts such a file without a diagnostic is wrong.
import ts from 'typescript';
import { singleFileProgram } from '../../compiler/frontend/source-check.js';

/** Binder errors that need no library typings. */
const DUPLICATE_CODES = new Set([
  2300, // Duplicate identifier
  2393, // Duplicate function implementation
  2451, // Cannot redeclare block-scoped variable
]);

/** Block-scoped variable used before its declaration: counted in kernel(...) calls, the code compiled. */
const USE_BEFORE_DECLARATION = 2448;

function kernelRanges(sf: ts.SourceFile): [number, number][] {
  const out: [number, number][] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'kernel') out.push([n.getStart(sf), n.end]);
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

/** Grammar errors that only say the options of this check differ from a real project's. */
const OPTION_CODES = new Set([1208, 1259, 1343, 1378, 1375, 1323, 1324, 2583, 2584]);

const OPTIONS: ts.CompilerOptions = {
  noLib: true,
  noResolve: true,
  types: [],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noEmit: true,
};

export interface TsProblem {
  code: number;
  line: number;
  message: string;
}

function problem(d: ts.Diagnostic): TsProblem {
  const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
  return { code: d.code, line, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') };
}

/**
 * The problems tsc would report for `text` that make it reject the file; [] when it accepts it, or
 * when TypeScript itself overflows its stack on the file (then nothing can be said).
 */
export function tsRejects(fileName: string, text: string): TsProblem[] {
  let program: ts.Program;
  let sf: ts.SourceFile;
  try {
    sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    program = singleFileProgram(sf, OPTIONS);
    const syntactic = program.getSyntacticDiagnostics(sf);
    if (syntactic.length > 0) return syntactic.map(problem);
  } catch {
    return [];
  }
  try {
    const kernels = kernelRanges(sf);
    const inKernel = (d: ts.Diagnostic): boolean => d.start !== undefined && kernels.some(([a, b]) => (d.start as number) >= a && (d.start as number) < b);
    return program
      .getSemanticDiagnostics(sf)
      .filter((d) => (d.code < 2000 && !OPTION_CODES.has(d.code)) || DUPLICATE_CODES.has(d.code) || (d.code === USE_BEFORE_DECLARATION && inKernel(d)))
      .map(problem);
  } catch {
    return [];
  }
}
