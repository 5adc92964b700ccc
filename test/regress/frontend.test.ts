// Regressions from fuzzing ("Silent miscompilations and crashes found by fuzzing", items 1, 8, 9):
// files TypeScript rejects are reported with TypeScript's errors and never lowered (before, a
// syntax error could compile to a kernel that means something else); nesting beyond the documented
// limits is a located KS7003 instead of a stack overflow, and leaves no state behind; the barrier
// uniformity pass is linear in nested loops and in sibling blocks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { KernelCompileError, compileFile, compileKernel, compileToIR, listKernels, printKernel, type Diagnostic } from '../../compiler/index.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_NESTING, MAX_STATEMENT_NESTING } from '../../compiler/frontend/limits.js';
import { cli } from '../cli/run-cli.js';
import { bundle } from '../esbuild/bundle.js';

const FILE = fileURLToPath(new URL('./inline-frontend.ts', import.meta.url));
const H = `import { kernel, f32, i32, threadIdx, blockIdx, syncthreads, sharedArray } from 'kernelscript';\n`;
const k = (params: string, body: string): string => `${H}export const k = kernel(function (${params}) {\n${body}\n});\n`;

const dirs: string[] = [];
const scratch = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ks-regress-fe-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function diagnosticsOf(src: string, fileName = FILE): Diagnostic[] {
  try {
    compileToIR(src, { fileName });
  } catch (e) {
    if (e instanceof KernelCompileError) return e.diagnostics;
    throw e;
  }
  return [];
}

const brief = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`);

describe('syntax errors are reported, not compiled', () => {
  const cases: { what: string; src: string; at: [number, number]; message: string }[] = [
    // Compiled to an unconditional `o[0] = 1.0`.
    { what: 'if without its )', src: k('o: Float32Array, n: i32', '  if (n > 0 { o[0] = 1; } o[1] = 2;'), at: [3, 13], message: "syntax error: ')' expected (TS1005)" },
    // Lost the loop and emitted `o[j]` with `j` undeclared.
    { what: 'for without its second ;', src: k('o: Float32Array', '  for (let j = 0; j < 4 j++) { o[j] = 1; }'), at: [3, 25], message: "syntax error: ';' expected (TS1005)" },
    // Became min(min(a, a), b).
    { what: 'a missing comma', src: k('o: Float32Array, a: f32, b: f32', '  o[0] = Math.min(a a, b);'), at: [3, 21], message: "syntax error: ',' expected (TS1005)" },
    // The parameter vanished with the statement using it.
    { what: "a parameter named 'var'", src: k('o: Float32Array, var: f32', '  o[0] = var;'), at: [2, 52], message: "syntax error: 'var' is not allowed as a parameter name (TS1390)" },
  ];
  for (const c of cases) {
    it(`${c.what}: KS7001 at TypeScript's position, and nothing else`, () => {
      const ds = diagnosticsOf(c.src);
      expect(ds.length).toBeGreaterThan(0);
      expect(ds.every((d) => d.code === 'KS7001')).toBe(true);
      expect([ds[0]?.line, ds[0]?.column]).toEqual(c.at);
      expect(ds[0]?.message).toBe(c.message);
      for (const target of ['js', 'wgsl', 'cuda'] as const) {
        expect(() => compileKernel(c.src, { target, fileName: FILE })).toThrow(KernelCompileError);
      }
    });
  }

  it('compileFile reports a file once, whatever its number of kernels, and compiles none of them', () => {
    const src = `${H}export const a = kernel(function (o: Float32Array) { o[0] = 1; });\nexport const b = kernel(function (o: Float32Array, n: i32) { if (n > 0 { o[0] = 2; } });\n`;
    const r = compileFile(FILE, src, ['js', 'wgsl']);
    expect(brief(r.diagnostics)).toEqual([`KS7001@3:72 syntax error: ')' expected (TS1005)`]);
    expect(r.kernels.map((x) => [x.name, Object.keys(x.outputs).length])).toEqual([['a', 0], ['b', 0]]);
  });

  it('no diagnostic ever names an empty identifier, and every file TypeScript cannot parse gets KS7001', () => {
    // Every one-token deletion from a valid kernel: the parser's recovery nodes (missing names)
    // used to reach lowering and print as `'' is not defined here`.
    const valid = k('o: Float32Array, a: f32, n: i32', '  const i = blockIdx.x * 64 + threadIdx.x;\n  if (i < n) { o[i] = Math.min(a, o[i]) * f32(i32(a)); }\n  for (let j = 0; j < n; j++) o[j] += a;');
    const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, valid);
    const tokens: [number, number][] = [];
    for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) tokens.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
    expect(tokens.length).toBeGreaterThan(80);
    let rejected = 0;
    for (const [start, end] of tokens) {
      const src = valid.slice(0, start) + valid.slice(end);
      const ds = diagnosticsOf(src);
      expect(ds.filter((d) => d.message.includes("''")), src).toEqual([]);
      const tsErrors = ts.transpileModule(src, { reportDiagnostics: true, fileName: 'x.ts' }).diagnostics ?? [];
      if (tsErrors.length > 0) {
        rejected++;
        expect(ds[0]?.code, src).toBe('KS7001');
      }
    }
    expect(rejected).toBeGreaterThan(30);
  });
});

describe("TypeScript's errors without types", () => {
  const cases: { what: string; src: string; expected: string[] }[] = [
    {
      what: 'a const declared twice',
      src: k('o: Float32Array', '  const v = 1; const v = 2; o[0] = v;'),
      expected: ["KS7002@3:9 Cannot redeclare block-scoped variable 'v' (TS2451)", "KS7002@3:22 Cannot redeclare block-scoped variable 'v' (TS2451)"],
    },
    {
      what: 'a parameter declared twice',
      src: k('o: Float32Array, o: Float32Array', '  o[0] = 1;'),
      expected: ["KS7002@2:35 Duplicate identifier 'o' (TS2300)", "KS7002@2:52 Duplicate identifier 'o' (TS2300)"],
    },
    {
      what: 'a local redeclaring a parameter',
      src: k('o: Float32Array, a: f32', '  let a = 2;\n  o[0] = a;'),
      expected: ["KS7002@2:52 Duplicate identifier 'a' (TS2300)", "KS7002@3:7 Duplicate identifier 'a' (TS2300)"],
    },
    {
      what: 'a module constant declared twice (the kernel read the last one)',
      src: `${H}const T = 1;\nconst T = 2;\nexport const k = kernel(function (o: Float32Array) { o[0] = T; });\n`,
      expected: ["KS7002@2:7 Cannot redeclare block-scoped variable 'T' (TS2451)", "KS7002@3:7 Cannot redeclare block-scoped variable 'T' (TS2451)"],
    },
    {
      what: 'two implementations of a helper',
      src: `${H}function h(a: f32): f32 { return a; }\nfunction h(a: f32): f32 { return a + 1; }\nexport const k = kernel(function (o: Float32Array) { o[0] = h(1); });\n`,
      expected: ['KS7002@2:10 Duplicate function implementation (TS2393)', 'KS7002@3:10 Duplicate function implementation (TS2393)'],
    },
    {
      what: 'a const without a value (was zero)',
      src: k('o: Float32Array', '  const v: f32;\n  o[0] = v;'),
      expected: ["KS7002@3:9 'const' declarations must be initialized (TS1155)"],
    },
    {
      what: 'a let as the body of an if',
      src: k('o: Float32Array, n: i32', '  if (n > 0) let v = 1;\n  o[0] = 1;'),
      expected: ["KS7002@3:14 'let' declarations can only be declared inside a block (TS1156)"],
    },
    {
      what: 'an empty if body',
      src: k('o: Float32Array, n: i32', '  if (n > 0);\n  o[0] = 1;'),
      expected: ["KS7002@3:13 The body of an 'if' statement cannot be the empty statement (TS1313)"],
    },
    {
      what: 'a repeated modifier',
      src: `${H}export export const k = kernel(function (o: Float32Array) { o[0] = 1; });\n`,
      expected: ["KS7002@2:8 'export' modifier already seen (TS1030)"],
    },
    {
      what: 'a reserved word of strict mode as a name',
      src: k('o: Float32Array', '  const yield = 1;\n  o[0] = yield;'),
      expected: [
        "KS7002@3:9 Identifier expected. 'yield' is a reserved word in strict mode. Modules are automatically in strict mode (TS1214)",
        "KS7002@4:10 Identifier expected. 'yield' is a reserved word in strict mode. Modules are automatically in strict mode (TS1214)",
      ],
    },
  ];
  for (const c of cases) {
    it(c.what, () => {
      expect(brief(diagnosticsOf(c.src))).toEqual(c.expected);
    });
  }

  it('shadowing in an inner block and overloads stay valid', () => {
    const src = `${H}function h(a: f32): f32;\nfunction h(a: f32): f32 { return a; }\nexport const k = kernel(function (o: Float32Array, a: f32) {\n  const v = 1;\n  { const v = 2; o[1] = v; }\n  for (let i = 0; i < 2; i++) { const v = a; o[i] = h(v); }\n  o[0] = v;\n});\n`;
    expect(brief(diagnosticsOf(src))).toEqual([]);
  });

  it('an imported helper file with a syntax error is KS6006 at the import, naming the error', () => {
    const d = scratch();
    writeFileSync(join(d, 'lib.ts'), `import type { f32 } from 'kernelscript';\nexport function sq(x: f32): f32 { return x * x; \n`);
    const src = `${H}import { sq } from './lib.js';\nexport const k = kernel(function (o: Float32Array) { o[0] = sq(2); });\n`;
    const ds = diagnosticsOf(src, join(d, 'k.ts'));
    expect(ds.map((x) => [x.code, x.line, x.column])).toEqual([['KS6006', 2, 10]]);
    expect(ds[0]?.message).toMatch(/lib\.ts:3:1: syntax error: '\}' expected \(TS1005\)$/);
  });
});

describe('a block-scoped name read before its declaration (TS2448)', () => {
  // TypeScript reports these from its type checker, which we do not run; lowering declares locals
  // as it meets them, so the read took whatever else the name meant, silently.
  const HT = `import { kernel, f32, i32, threadIdx, blockIdx, sharedArray, localArray } from 'kernelscript';\nconst v = 7;\nfunction h(a: f32): f32 { return a; }\n`;
  const kt = (body: string, before = ''): string => `${HT}${before}export const k = kernel(function (o: Float32Array, a: f32, n: i32) {\n${body}\n});\n`;
  const tdz = (name: string, line: number, column: number): string => `KS7002@${line}:${column} Block-scoped variable '${name}' used before its declaration (TS2448)`;
  const cases: { what: string; src: string; expected: string[] }[] = [
    // Compiled to `o[0] = 7.0`, the module constant.
    { what: 'a module constant of the same name', src: kt('  o[0] = v;\n  const v = 2;'), expected: [tdz('v', 5, 10)] },
    { what: 'its own initializer', src: kt('  const x = x + 1;\n  o[0] = x;'), expected: [tdz('x', 5, 13)] },
    { what: 'its own initializer, shadowing a module constant', src: kt('  const v = v + 1;\n  o[0] = v;'), expected: [tdz('v', 5, 13)] },
    // Compiled to the builtin threadIdx.x.
    { what: 'a local named like a builtin', src: kt('  const threadIdx = blockIdx.x * 64 + threadIdx.x;\n  o[threadIdx] = 1;'), expected: [tdz('threadIdx', 5, 39)] },
    { what: 'a nested block before the declaration in the outer one', src: kt('  { if (n > 0) { o[0] = v; } }\n  const v = 2;'), expected: [tdz('v', 5, 25)] },
    { what: 'a loop body before a declaration after the loop', src: kt('  for (let i = 0; i < n; i++) { o[i] = v; }\n  const v = 2;\n  o[0] = v;'), expected: [tdz('v', 5, 40)] },
    { what: 'a while body, a let', src: kt('  let i = 0;\n  while (i < n) { o[i] = w; i++; }\n  let w = 2;'), expected: [tdz('w', 6, 26)] },
    // Read the outer x.
    { what: 'an outer variable shadowed later in the block', src: kt('  const x = 1;\n  { o[0] = x; const x = 2; o[1] = x; }'), expected: [tdz('x', 6, 12)] },
    { what: 'an assignment', src: kt('  q = 1;\n  let q = 0;\n  o[0] = q;'), expected: [tdz('q', 5, 3)] },
    { what: 'a local array', src: kt('  t[0] = 1;\n  const t = localArray(Float32Array, 4);\n  o[0] = t[0];'), expected: [tdz('t', 5, 3)] },
    { what: 'a shared array sized by itself', src: kt('  const t = sharedArray(Float32Array, t);\n  o[0] = t[0];'), expected: [tdz('t', 5, 39)] },
    // Called the helper h.
    { what: 'a call of a helper a later local shadows', src: kt('  o[0] = h(1);\n  const h = 2;'), expected: [tdz('h', 5, 10)] },
    { what: 'a loop variable in its own initializer', src: kt('  for (let i = i; i < 2; i++) { o[0] = 1; }'), expected: [tdz('i', 5, 16)] },
    { what: 'a later declarator of the same statement', src: kt('  const p = r, r = 1;\n  o[0] = p;'), expected: [tdz('r', 5, 13)] },
    { what: 'in a helper', src: kt('  o[0] = g(a);', 'function g(x: f32): f32 { const y = z; const z = x; return y; }\n'), expected: [tdz('z', 4, 37)] },
  ];
  for (const c of cases) {
    it(c.what, () => {
      expect(brief(diagnosticsOf(c.src))).toEqual(c.expected);
    });
  }

  it('reads after the declaration, shadowing in inner blocks and sibling blocks stay valid', () => {
    const body = [
      '  const x = 1;',
      '  o[0] = x + v;',
      '  { const x = 2; o[1] = x; }',
      '  { o[2] = v; }',
      '  { const v = 3; o[3] = v; }',
      '  if (n > 0) { o[4] = v; } else { const v = 4; o[4] = v; }',
      '  for (let i = 0; i < n; i++) { const v = i; o[i] = v; }',
      '  let s = 0;',
      '  for (let i = 0; i < n; i++) { s += x; }',
      '  const w = x + 1, u = w * 2;',
      '  o[5] = h(s) + f32(u) + f32(v);',
    ].join('\n');
    const ir = compileToIR(kt(body), { fileName: FILE });
    expect(ir.body.length).toBeGreaterThan(0);
    expect(brief(diagnosticsOf(kt(body)))).toEqual([]);
  });
});

describe("a module-level declaration redeclaring an import of the language's names (TS2440)", () => {
  // TypeScript's binder merges an import with a local declaration of its name; its checker rejects
  // the pair when both are values. The kernel finder took the name as the language's `kernel`, so
  // `export const kernel = kernel(…)` compiled, though tsc rejects it.
  const conflict = (name: string, line: number, column: number): string =>
    `KS7002@${line}:${column} Import declaration conflicts with local declaration of '${name}' (TS2440)`;
  const body = '(function (o: Float32Array) { o[0] = 1; })';
  const cases: { what: string; src: string; expected: string[] }[] = [
    { what: 'a kernel named kernel', src: `import { kernel } from 'kernelscript';\nexport const kernel = kernel${body};\n`, expected: [conflict('kernel', 1, 10)] },
    { what: 'a renamed import and a helper', src: `import { kernel as k, f32 } from 'kernelscript';\nfunction k(x: f32): f32 { return x; }\nexport const q = k${body};\n`, expected: [conflict('k', 1, 10)] },
    { what: 'a type-only import and a class', src: `import type { threadIdx } from 'kernelscript';\nimport { kernel } from 'kernelscript';\nclass threadIdx {}\nexport const q = kernel${body};\n`, expected: [conflict('threadIdx', 1, 15)] },
    { what: 'an interface named like a language type', src: `import { kernel, f32 } from 'kernelscript';\ninterface f32 { x: number }\nexport const q = kernel${body};\n`, expected: [conflict('f32', 1, 18)] },
    { what: 'a destructured const', src: `import { kernel, i32 } from 'kernelscript';\nconst { i32 } = { i32: 1 };\nexport const q = kernel${body};\n`, expected: [conflict('i32', 1, 18)] },
    { what: 'a var in a block', src: `import { kernel, blockIdx } from 'kernelscript';\n{ var blockIdx = 1; }\nexport const q = kernel${body};\n`, expected: [conflict('blockIdx', 1, 18)] },
    { what: 'a namespace import and an instantiated namespace', src: `import * as ks from 'kernelscript';\nnamespace ks { export const z = 1; }\nexport const q = ks.kernel${body};\n`, expected: [conflict('ks', 1, 13)] },
  ];
  for (const c of cases) {
    it(c.what, () => {
      expect(brief(diagnosticsOf(c.src))).toEqual(c.expected);
      const r = compileFile(FILE, c.src, ['js']);
      expect(brief(r.diagnostics)).toEqual(c.expected);
      expect(r.kernels.flatMap((x) => Object.keys(x.outputs))).toEqual([]);
    });
  }

  it('a local declaration is not the language name it redeclares', () => {
    expect(listKernels(`import { kernel } from 'kernelscript';\nexport const kernel = kernel${body};\n`, FILE)).toEqual([]);
    expect(listKernels(`import { kernel as k } from 'kernelscript';\nfunction k(f: unknown): unknown { return f; }\nexport const q = k${body};\n`, FILE)).toEqual([]);
  });

  it('declarations of another meaning merge with the import, as in TypeScript', () => {
    const src = `import { kernel, f32 } from 'kernelscript';\ntype kernel = number;\nnamespace f32 {}\nexport const k = kernel(function (o: Float32Array) { o[0] = f32(1.5); });\n`;
    expect(brief(diagnosticsOf(src))).toEqual([]);
    expect(compileKernel(src, { target: 'js', fileName: FILE }).entryPoint).toBe('k');
  });
});

describe('the CLI and the esbuild plugin report syntax errors', () => {
  it('`kernelscript check` prints the error with a code frame and exits 1', async () => {
    const d = scratch();
    writeFileSync(join(d, 'k.ts'), k('o: Float32Array, n: i32', '  if (n > 0 { o[0] = 1; } o[1] = 2;'));
    const r = await cli(['check', 'k.ts'], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("k.ts:3:13 - error KS7001: syntax error: ')' expected (TS1005)");
    expect(r.stderr).toContain('3   if (n > 0 { o[0] = 1; } o[1] = 2;');
  });

  it('`kernelscript check` on nesting too deep for the compiler (or for TypeScript) exits 1, not 70', async () => {
    const d = scratch();
    writeFileSync(join(d, 'deep.ts'), k('o: Float32Array, a: f32', `  o[0] = ${'f32(i32('.repeat(500)}a${'))'.repeat(500)};`));
    writeFileSync(join(d, 'ifs.ts'), k('o: Float32Array, a: f32', `${'if (a > 0) {'.repeat(2000)} o[0] = 1; ${'}'.repeat(2000)}`));
    for (const f of ['deep.ts', 'ifs.ts']) {
      const r = await cli(['check', f], d);
      expect(r.stderr).toMatch(new RegExp(`^${f.replace('.', '\\.')}:3:\\d+ - error KS7003: `));
      expect(r.code).toBe(1);
    }
  });

  it('the esbuild plugin turns them into located build errors', async () => {
    const d = scratch();
    mkdirSync(join(d, 'src'));
    const entry = join(d, 'src', 'k.ts');
    writeFileSync(entry, k('o: Float32Array, n: i32', '  if (n > 0 { o[0] = 1; } o[1] = 2;'));
    const err = await bundle(entry, join(d, 'out.mjs'), 'node', { cache: false }).then(
      () => null,
      (e: { errors: { text: string; location: { line: number; column: number } | null }[] }) => e,
    );
    expect(err?.errors[0]?.text).toBe("KS7001: syntax error: ')' expected (TS1005)");
    expect(err?.errors[0]?.location).toMatchObject({ line: 3, column: 12 });
  });
});

describe('nesting limits: a located KS7003, never a stack overflow', () => {
  const deep: { what: string; src: string }[] = [
    { what: 'f32(i32(…)) 500 deep', src: k('o: Float32Array, a: f32', `  o[0] = ${'f32(i32('.repeat(500)}a${'))'.repeat(500)};`) },
    { what: 'parentheses 1,000 deep', src: k('o: Float32Array, a: f32', `  o[0] = ${'('.repeat(1000)}a${')'.repeat(1000)};`) },
    { what: 'ifs 2,000 deep', src: k('o: Float32Array, a: f32', `${'if (a > 0) {'.repeat(2000)} o[0] = 1; ${'}'.repeat(2000)}`) },
    { what: 'conditionals 2,000 deep', src: k('o: Float32Array, a: f32', `  o[0] = ${'a > 0 ? 1 : '.repeat(2000)}2;`) },
    { what: 'blocks 2,000 deep', src: k('o: Float32Array', `${'{'.repeat(2000)} o[0] = 1; ${'}'.repeat(2000)}`) },
    { what: 'a sum of 20,000 terms', src: k('o: Float32Array, a: f32', `  o[0] = ${Array(20000).fill('a').join(' + ')};`) },
    { what: '200 nested loops', src: k('o: Float32Array', `${Array.from({ length: 200 }, (_, i) => `for (let i${i} = 0; i${i} < 2; i${i}++) {`).join('\n')} o[0] += 1; ${'}'.repeat(200)}`) },
    { what: 'a chain of 5,000 module constants', src: `${H}const C0 = 1;\n${Array.from({ length: 5000 }, (_, i) => `const C${i + 1} = C${i} + 1;`).join('\n')}\nexport const k = kernel(function (o: Float32Array) { o[0] = C5000; });\n` },
    { what: 'a module constant of 20,000 terms', src: `${H}const C = ${Array(20000).fill('1').join(' + ')};\nexport const k = kernel(function (o: Float32Array) { o[0] = C; });\n` },
    { what: 'a chain of 400 helpers', src: `${H}${Array.from({ length: 400 }, (_, i) => `function h${i}(a: f32): f32 { return ${i < 399 ? `h${i + 1}(a) + 1` : 'a'}; }`).join('\n')}\nexport const k = kernel(function (o: Float32Array, a: f32) { o[0] = h0(a); });\n` },
  ];
  for (const c of deep) {
    it(`${c.what}: KS7003, the same again, and a pristine kernel still compiles as before`, () => {
      const pristine = k('o: Float32Array, a: f32', '  o[0] = a * 2;');
      const before = compileKernel(pristine, { target: 'wgsl', fileName: FILE }).code;
      const first = diagnosticsOf(c.src);
      expect(first.map((d) => d.code)).toEqual(['KS7003']);
      expect(first[0]?.message).toMatch(/ is nested too deeply: /);
      // Nothing stale: the same source gives the same diagnostics, and other kernels are unaffected.
      expect(brief(diagnosticsOf(c.src))).toEqual(brief(first));
      expect(compileKernel(pristine, { target: 'wgsl', fileName: FILE }).code).toBe(before);
    });
  }

  it('is located where the limit is exceeded', () => {
    const parens = k('o: Float32Array, a: f32', `  o[0] = ${'('.repeat(60)}a${')'.repeat(60)};`);
    // `o[0] = …` is level 1, its first parenthesis (column 10) level 2: the 48th is the first too deep.
    expect(brief(diagnosticsOf(parens))[0]).toMatch(new RegExp(`^KS7003@3:${10 + MAX_EXPRESSION_NESTING - 1} `));
    const ifs = k('o: Float32Array, a: f32', `${'  if (a > 0) {\n'.repeat(40)}  o[0] = 1;\n${'  }\n'.repeat(40)}`);
    expect(brief(diagnosticsOf(ifs))[0]).toMatch(new RegExp(`^KS7003@${3 + MAX_STATEMENT_NESTING}:3 this statement is nested too deeply`));
    const chain = `${H}const C0 = 1;\n${Array.from({ length: 300 }, (_, i) => `const C${i + 1} = C${i} + 1;`).join('\n')}\nexport const k = kernel(function (o: Float32Array) { o[0] = C300; });\n`;
    expect(brief(diagnosticsOf(chain))[0]).toMatch(/^KS7003@\d+:\d+ this constant is nested too deeply/);
  });

  it('code at the limits compiles for every target', () => {
    const n = MAX_STATEMENT_NESTING;
    const loops = `${Array.from({ length: n }, (_, i) => `for (let i${i} = 0; i${i} < 2; i${i}++) {`).join('\n')}\n`;
    const calls = (MAX_EXPRESSION_NESTING - 2) / 2;
    const nested = k('o: Float32Array, a: f32', `${loops} o[0] = ${'f32(i32('.repeat(calls)}a${'))'.repeat(calls)};\n${'}'.repeat(n)}`);
    // `o[1] = a + … + a`: the assignment is level 1, the sum 2, its leftmost `a` 2 + 254.
    const sum = k('o: Float32Array, a: f32', `  o[1] = ${Array(MAX_EXPRESSION_DEPTH - 1).fill('a').join(' + ')};`);
    for (const src of [nested, sum]) {
      for (const target of ['js', 'wgsl', 'cuda'] as const) expect(compileKernel(src, { target, fileName: FILE }).code.length).toBeGreaterThan(0);
    }
    const helpers = `${H}${Array.from({ length: 60 }, (_, i) => `function h${i}(a: f32): f32 { return ${i < 59 ? `h${i + 1}(a) + 1` : 'a'}; }`).join('\n')}\nexport const k = kernel(function (o: Float32Array, a: f32) { o[0] = h0(a); });\n`;
    expect(compileKernel(helpers, { target: 'wgsl', fileName: FILE }).code).toContain('h59');
  });
});

describe('barrier uniformity: linear time, same verdicts', () => {
  const time = (f: () => void): number => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };

  it('30 nested loops with a barrier compile in well under a second or two (was exponential)', () => {
    const src = k('o: Float32Array, a: f32', `${Array.from({ length: 30 }, (_, i) => `for (let i${i} = 0; i${i} < 2; i${i}++) {`).join('\n')}\n  syncthreads();\n  o[0] += a;\n${'}'.repeat(30)}`);
    expect(time(() => compileToIR(src, { fileName: FILE }))).toBeLessThan(2000);
    const divergent = src.replace('syncthreads();', 'if (threadIdx.x > 0) continue;\n  syncthreads();');
    expect(diagnosticsOf(divergent).map((d) => d.code)).toEqual(['KS5004']);
  });

  it('8,000 sibling blocks compile in a second or two, and in linear time (was quadratic)', () => {
    const block = '  { const v = threadIdx.x; if (v > 0) { o[0] = 1; } }\n';
    const blocks = (n: number, tail: string): string => k('o: Float32Array, a: f32', `${block.repeat(n)}${tail}`);
    compileToIR(blocks(1000, '  syncthreads(); // warm-up'), { fileName: FILE });
    const small = time(() => compileToIR(blocks(1000, '  syncthreads();'), { fileName: FILE }));
    const large = time(() => compileToIR(blocks(8000, '  syncthreads();'), { fileName: FILE }));
    // Eight times the blocks: about eight times the time (quadratic was 64), with room for noise.
    expect(large).toBeLessThan(Math.max(2000, 20 * small));
    expect(large).toBeLessThan(15000);
    const bad = k('o: Float32Array, a: f32', '  { const v = threadIdx.x; if (v > 0) { syncthreads(); } }\n'.repeat(8000));
    let ds: Diagnostic[] = [];
    expect(time(() => (ds = diagnosticsOf(bad)))).toBeLessThan(15000);
    expect(ds.length).toBe(8000);
    expect(new Set(ds.map((d) => d.code))).toEqual(new Set(['KS5001']));
  });

  it('follows a long chain of assignments in any order (64 rounds used to stop short)', () => {
    const n = 100;
    const decls = Array.from({ length: n + 1 }, (_, i) => `  let a${i} = 0;`).join('\n');
    // a0 = a1, a1 = a2, …: written backwards, one round of the old analysis followed one link.
    const chain = Array.from({ length: n }, (_, i) => `  a${i} = a${i + 1};`).join('\n');
    const src = k('o: Float32Array', `${decls}\n${chain}\n  a${n} = threadIdx.x;\n  if (a0 > 0) {\n    syncthreads();\n  }\n  o[0] = a0;`);
    const ds = diagnosticsOf(src);
    expect(ds.map((d) => d.code)).toEqual(['KS5001']);
    expect(ds[0]?.message).toContain('`a0 > 0`');
  });
});

describe('integer literal typing: linear time in the length of a chain (was quadratic to cubic)', () => {
  const time = (f: () => void): number => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const HL = `import { kernel, f32, i32, u32 } from 'kernelscript';\nconst C = 3;\n`;
  const kl = (params: string, body: string): string => `${HL}export const k = kernel(function (${params}) {\n${body}\n});\n`;
  const terms = (n: number, term: (i: number) => string): string => Array.from({ length: n }, (_, i) => term(i)).join(' + ');
  // `a + 1 + b + 2 + …`: every level of the chain asked whether its left side is made of literals.
  const shapes: Record<string, (n: number) => string> = {
    'params, locals, constants and literals': (n) =>
      kl('o: Float32Array, a: f32, b: i32', `  const c = b * 2;\n  o[0] = ${terms(n, (i) => ['a', String(i), 'b', 'c', 'C'][i % 5] ?? '')};`),
    'integers only, into a literal-typed local': (n) =>
      kl('o: Int32Array, b: i32', `  let s = 0;\n  s = ${terms(n, (i) => (i % 3 ? String(i) : i % 2 ? 'b' : 's'))};\n  o[0] = s;`),
    'literals only': (n) => kl('o: Int32Array', `  o[0] = ${terms(n, String)};`),
    'a local initialised with literals only': (n) => kl('o: Float32Array', `  let s = ${terms(n, String)};\n  o[0] = s;`),
    'ternaries, Math.min/max and shifts of literals': (n) =>
      kl('o: Uint32Array, t: bool', `  o[0] = ${terms(n, (i) => [`(t ? ${i} : 1)`, `Math.min(${i}, 2)`, `Math.max(${i}, C)`, `(1 << ${i % 31})`][i % 4] ?? '')};`),
    'a u32 among them': (n) => kl('o: Uint32Array, u: u32, t: bool', `  o[0] = u + ${terms(n, (i) => (i % 2 ? `(t ? ${i} : 1)` : String(i)))};`),
  };
  for (const [what, src] of Object.entries(shapes)) {
    it(`${what}: 250 terms take about five times as long as 50`, () => {
      // Each text once: a text compiled before is a cache hit.
      let run = 0;
      const compile = (n: number) => (): unknown => compileToIR(`${src(n)}// ${run++}\n`, { fileName: FILE });
      compile(50)();
      const small = Math.min(time(compile(50)), time(compile(50)), time(compile(50)));
      const large = Math.min(time(compile(250)), time(compile(250)), time(compile(250)));
      // Five times the terms: about five times the time (quadratic was 25, cubic 125), with room
      // for noise on a busy machine (the floor); and well under a second (it took 3 to 8 s).
      expect(large).toBeLessThan(Math.max(300, 12 * small));
      expect(large).toBeLessThan(2000);
    });
  }

  it('the types are those of the rules, whatever the length', () => {
    // Literals beside a u32 are u32, with no conversion; beside an f32, f32; alone, i32.
    const u = printKernel(compileToIR(shapes['a u32 among them']!(250), { fileName: FILE }));
    expect(u).not.toMatch(/[if]32\(/);
    expect(u).toContain('(u + 0u)');
    const f = printKernel(compileToIR(shapes['params, locals, constants and literals']!(250), { fileName: FILE }));
    expect(f).toContain('((a + 1.0) + f32(b))');
    expect(f).toContain(' + 246.0) + f32(b)) + f32(c)) + 3.0)');
    const i = printKernel(compileToIR(shapes['literals only']!(250), { fileName: FILE }));
    expect(i).toContain('(0 + 1) + 2) + 3)');
    expect(i).toContain(' + 249)   @');
  });
});
