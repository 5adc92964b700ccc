// A strict TypeScript program over a user's file that imports 'kernelscript/runtime' from this
// checkout: what a project consuming the CLI's generated typings sees.
import { join } from 'node:path';
import ts from 'typescript';

export function consumerProgram(file: string, root: string): ts.Program {
  return ts.createProgram([file], {
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    paths: { 'kernelscript/runtime': [join(root, 'runtime.ts')] },
  });
}
