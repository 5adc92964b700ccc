// Regressions for two fuzzer findings (7 and 11 below). Each test failed before its fix.
//  7: sizes and nesting a target refuses compiled silently, and Dawn (Tint) or the driver refused
//     them later. Now they are diagnosed at the TypeScript source (KS8xxx) exactly where Tint or
//     ptxas refuses the generated code, or deep expressions are split so that Tint accepts them.
// 11: loops bounded by constants near the ends of the i32 range hung or crashed (SIGFPE) pipeline
//     creation in Mesa's lavapipe; run on webgpu in a child process, they now complete with the
//     results of the cpu backend (docs/driver-notes.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildFailure } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import kernelscript from '../../compiler/esbuild.js';
import { KernelCompileError, compileFile, compileKernel, compileToIR, type Diagnostic } from '../../compiler/index.js';
import { compileKernelObject } from '../../compiler/jit.js';
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import type { CompiledKernel, Target } from '../../core/output.js';
import { emitKernel } from '../../targets/index.js';
import { targetLimits } from '../../targets/limits.js';
import { registerCompiler } from '../../runtime/jit.js';
import type { Kernel } from '../../core/kernel.js';
import { cli } from '../cli/run-cli.js';
import { openDawn, type WgslValidator } from '../fuzz/dawn.js';
import { validateWgsl } from '../helpers/dawn.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { hasNvcc, nvccCompile } from '../helpers/nvcc.js';
import {
  add, array, atomic, bin, exprS, forRange, i, idx, if_, kernelIR, param, scalar, store,
} from '../../core/ir/build.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const source = (params: string, body: string): string =>
  `import { kernel, localArray, sharedArray, syncthreads } from 'kernelscript';\nexport const k = kernel(function k(${params}) {\n${body}\n});\n`;

function diagnose(src: string, target: Target): Diagnostic[] {
  try {
    compileKernel(src, { target, fileName: 'limits.ts' });
    return [];
  } catch (e) {
    if (e instanceof KernelCompileError) return e.diagnostics;
    throw e;
  }
}

const brief = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.code}@${d.line}:${d.column} ${d.message}`);

/** What Dawn says of the WGSL the printer makes of `ir`, bypassing the limits check. */
async function dawnVerdict(dawn: WgslValidator, ir: KernelIR): Promise<string | null> {
  const out = emitKernel(ir, 'wgsl');
  const k: CompiledKernel = { target: 'wgsl', name: ir.name, code: out.code, entryPoint: out.entryPoint, params: [], meta: out.meta, hash: '' };
  return dawn.validate(k);
}

const wgslLimits = (ir: KernelIR): Diagnostic[] => targetLimits(ir, 'wgsl', emitKernel(ir, 'wgsl').code);

describe('7: sizes the targets refuse', () => {
  const local = source('x: Float32Array, i: i32', '  const a = localArray(Float32Array, 100000000);\n  a[i] = x[i];\n  x[i] = a[i];');

  it('a 400 MB local array is an error for wgsl and cuda, at the declaration', () => {
    expect(brief(diagnose(local, 'wgsl'))).toEqual([
      "KS8001@3:9 wgsl: local array 'a' of 100000000 elements exceeds the target's limit of 16384 elements (Tint allows 64 KiB per variable)",
    ]);
    expect(brief(diagnose(local, 'cuda'))).toEqual([
      "KS8002@3:9 cuda: the local arrays of this kernel take 400000000 bytes per thread, beyond the target's limit of 523264 bytes",
    ]);
    expect(diagnose(local, 'js')).toEqual([]);
  });

  it('the local array limits sit where Tint and CUDA put them', () => {
    const sized = (n: number): string => local.replace('100000000', String(n));
    expect(diagnose(sized(16384), 'wgsl')).toEqual([]);
    expect(diagnose(sized(16385), 'wgsl').map((d) => d.code)).toEqual(['KS8001']);
    expect(diagnose(sized(130816), 'cuda')).toEqual([]);
    expect(diagnose(sized(130817), 'cuda').map((d) => d.code)).toEqual(['KS8002']);
  });

  it('Dawn refuses the WGSL of a local array one element over the limit', async () => {
    const dawn = await openDawn();
    try {
      const ir = compileToIR(local.replace('100000000', '16385'));
      expect(await dawnVerdict(dawn, ir)).toContain('result type size (65540) exceeds maximum allowed (65536)');
    } finally {
      dawn.dispose();
    }
  });

  const shared = (n: string, m = '0'): string =>
    source('x: Float32Array, i: i32', `  const t = sharedArray(Float32Array, ${n});\n  const s = sharedArray(Float32Array, ${m} + 1);\n  t[i] = x[i];\n  s[i] = x[i];\n  syncthreads();\n  x[i] = t[i + 1] + s[i + 1];`);

  it('4 GB of shared memory is an error for wgsl and cuda', () => {
    expect(brief(diagnose(shared('1e9'), 'wgsl'))).toEqual([
      "KS8003@3:9 wgsl: shared arrays of 4000000000 bytes per block in all exceed the target's limit of 65536 bytes",
    ]);
    expect(brief(diagnose(shared('1e9'), 'cuda'))).toEqual([
      "KS8003@3:9 cuda: shared arrays of 4000000000 bytes per block in all exceed the target's limit of 49152 bytes",
    ]);
    expect(diagnose(shared('1e9'), 'js')).toEqual([]);
  });

  it('the shared limit counts every array of the kernel, and blames the one that crosses it', () => {
    expect(diagnose(shared('16383'), 'wgsl')).toEqual([]);
    expect(brief(diagnose(shared('16383', '1'), 'wgsl'))).toEqual([
      "KS8003@4:9 wgsl: shared arrays of 65540 bytes per block in all exceed the target's limit of 65536 bytes",
    ]);
    expect(diagnose(shared('12287'), 'cuda')).toEqual([]);
    expect(diagnose(shared('12287', '1'), 'cuda').map((d) => d.code)).toEqual(['KS8003']);
  });

  it.skipIf(!hasNvcc)('ptxas refuses static shared memory exactly where the cuda limit is', async () => {
    const ptxas = async (src: string): Promise<string> => {
      const r = await nvccCompile(emitKernel(compileToIR(src), 'cuda').code, ['-arch=sm_90', '-cubin']);
      return r.ok ? '' : r.said;
    };
    expect(await ptxas(shared('12287'))).toBe('');
    expect(await ptxas(shared('12287', '1'))).toContain('too much shared data');
  });
});

describe('7: nesting Tint refuses', () => {
  let dawn: WgslValidator;
  beforeAll(async () => {
    dawn = await openDawn();
  });
  afterAll(() => dawn.dispose());

  const x = (): Expr => idx('x', i(0), 'f32');
  const write = (v: Expr = x()): Stmt => store('x', i(1), v);
  const gt = (): Expr => bin('>', x(), { ...x(), k: 'const', type: 'f32', value: 0 } as Expr);
  const nestIfs = (n: number, inner: Stmt[]): Stmt[] => (n === 0 ? inner : [if_(gt(), nestIfs(n - 1, inner))]);
  const nestFors = (n: number, inner: Stmt[]): Stmt[] =>
    n === 0 ? inner : [forRange(`v${n}`, i(0), param('n', 'i32'), nestFors(n - 1, inner))];
  const chain = (n: number): Stmt[] => (n === 0 ? [] : [if_(gt(), [write()], chain(n - 1))]);
  const kernel = (body: Stmt[]): KernelIR => kernelIR('k', [array('x', 'f32', 'read_write'), scalar('n', 'i32')], body);

  /** The compiler diagnoses exactly the kernels Dawn refuses, with `code`; returns [accepted, refused]. */
  async function agree(irs: KernelIR[], code: string, dawnSays: string): Promise<[number, number]> {
    let accepted = 0;
    let refused = 0;
    for (const ir of irs) {
      const ours = wgslLimits(ir);
      const theirs = await dawnVerdict(dawn, ir);
      if (theirs === null) {
        expect(brief(ours)).toEqual([]);
        accepted++;
      } else {
        expect(theirs).toContain(dawnSays);
        expect(ours.map((d) => d.code)).toEqual([code]);
        refused++;
      }
    }
    return [accepted, refused];
  }

  it('statement nesting: nested ifs, else-if chains and for loops', async () => {
    const statement = 'statement nesting depth / chaining length exceeds limit of 127';
    expect(await agree([62, 63].map((n) => kernel(nestIfs(n, [write()]))), 'KS8004', statement)).toEqual([1, 1]);
    expect(await agree([124, 125].map((n) => kernel(chain(n))), 'KS8004', statement)).toEqual([1, 1]);
    expect(await agree([40, 41, 42].map((n) => kernel(nestFors(n, [write()]))), 'KS8004', statement)).toEqual([2, 1]);
  });

  it('the message gives the depth and the limit', () => {
    expect(wgslLimits(kernel(nestIfs(63, [write()])))[0]?.message).toBe(
      'wgsl: statements nest 128 levels deep here, beyond the target\'s limit of 127; flatten the innermost ifs and loops (combine conditions with &&, continue or return early)',
    );
  });

  it('brackets and blocks together: an i32 >>> chain (printed i32(u32(x) >> n)) inside nested loops', async () => {
    const shifts = (d: number): Expr => (d === 0 ? idx('y', i(0), 'i32') : bin('>>>', shifts(d - 1), i(1)));
    const irs = [0, 30].flatMap((loops) =>
      [36, 40, 44, 52, 60].map((d) =>
        kernelIR('k', [array('x', 'f32', 'read_write'), array('y', 'i32', 'read_write'), scalar('n', 'i32')], nestFors(loops, [store('y', i(1), shifts(d))])),
      ),
    );
    const [accepted, refused] = await agree(irs, 'KS8005', 'maximum parser recursive depth reached');
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('from TypeScript: 40 shifts of an i32 inside 30 loops are diagnosed, 20 compile, as Dawn decides', async () => {
    const src = (shifts: number): string => {
      let body = `y[1] = y[0]${' >>> 1'.repeat(shifts)};`;
      for (let k = 0; k < 30; k++) body = `for (let v${k} = 0; v${k} < n; v${k}++) { ${body} }`;
      return `import { kernel, type i32 } from 'kernelscript';\nexport const k = kernel(function k(y: Int32Array, n: i32) {\n  ${body}\n});\n`;
    };
    expect(diagnose(src(20), 'wgsl')).toEqual([]);
    expect(await dawnVerdict(dawn, compileToIR(src(20)))).toBeNull();
    const [d] = diagnose(src(40), 'wgsl');
    expect(d?.message).toBe("wgsl: this expression nests 142 levels deep, beyond the target's limit of 127; store parts of it in consts");
    expect(src(40).split('\n')[2]?.slice((d?.column ?? 0) - 1).startsWith('y[0] >>> 1')).toBe(true);
    expect(await dawnVerdict(dawn, compileToIR(src(40)))).toContain('maximum parser recursive depth reached');
    expect(diagnose(src(40), 'cuda')).toEqual([]);
  });

  const sum = (terms: number, term: (k: number) => Expr): Expr => {
    let e = term(0);
    for (let k = 1; k < terms; k++) e = add(e, term(k));
    return e;
  };

  it('a sum of 600 terms is split into lets, which Tint accepts', async () => {
    const ir = kernel([write(sum(600, (k) => idx('x', i(k), 'f32')))]);
    expect(wgslLimits(ir)).toEqual([]);
    expect(emitKernel(ir, 'wgsl').code).toContain('let split_1: f32 = ');
    expect(await dawnVerdict(dawn, ir)).toBeNull();
  });

  it('200 nested i32 >>> (three WGSL levels each) are split too', async () => {
    let e: Expr = idx('y', i(0), 'i32');
    for (let k = 0; k < 200; k++) e = bin('>>>', e, i(1));
    const ir = kernelIR('k', [array('y', 'i32', 'read_write')], [store('y', i(1), e)]);
    expect(wgslLimits(ir)).toEqual([]);
    expect(await dawnVerdict(dawn, ir)).toBeNull();
  });

  it('what cannot be split (reads of the array an atomic writes) is diagnosed when too deep', async () => {
    const deep = sum(600, (k) => idx('c', i(k), 'i32'));
    const ir = kernelIR('k', [array('c', 'i32', 'read_write', true)], [exprS(atomic('add', 'c', i(0), 'i32', deep))]);
    expect(wgslLimits(ir).map((d) => d.code)).toEqual(['KS8005']);
    expect(await dawnVerdict(dawn, ir)).toContain('reached max expression depth of 512');
  });

  it('kernels that compile for wgsl pass Dawn whatever their nesting (a sweep)', async () => {
    const irs: KernelIR[] = [];
    for (const ifs of [0, 20, 50]) for (const terms of [100, 300]) irs.push(kernel(nestIfs(ifs, [write(sum(terms, () => x()))])));
    const [accepted, refused] = await agree(irs, 'KS8005', 'unused');
    expect([accepted, refused]).toEqual([irs.length, 0]);
  });
});

/** Runs kernels of `file` in a child process on webgpu and cpu; returns each kernel's arrays after the launch. */
function runChild(file: string, kernels: string[]): Record<string, { webgpu: number[][]; cpu: number[][] }> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const env = { ...process.env, XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? mkdtempSync(join(tmpdir(), 'ks-xdg-')) };
  const r = spawnSync(process.execPath, ['--import', tsx, join(FIXTURES, 'run-kernels.ts'), file, ...kernels], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const why = r.signal ? `killed by ${r.signal} (a hang, or a crash)` : `exit ${r.status}`;
  expect(r.status, `${why}\n${r.stderr.split('\n').filter((l) => !l.startsWith('Warning:')).join('\n')}`).toBe(0);
  return JSON.parse(r.stdout) as Record<string, { webgpu: number[][]; cpu: number[][] }>;
}

/** Same arrays; floats within a few ulps (WGSL's exp is not correctly rounded), NaN equal to NaN. */
function expectSameArrays(name: string, got: number[][], want: number[][]): void {
  expect(got.length).toBe(want.length);
  got.forEach((a, k) => {
    const b = want[k] ?? [];
    expect(a.length).toBe(b.length);
    const bad = a.findIndex((v, j) => {
      const w = b[j] as number;
      return !(v === w || (Number.isNaN(v) && Number.isNaN(w)) || Math.abs(v - w) <= 1e-5 * Math.max(1, Math.abs(w)));
    });
    expect(bad, `${name}: array ${k}[${bad}] = ${a[bad]}, cpu has ${b[bad]}`).toBe(-1);
  });
}

describe('11: kernels that hung or crashed pipeline creation on lavapipe', () => {
  it('hides loop-bound constants near the ends of the i32 range from the driver', () => {
    const file = join(FIXTURES, 'dawn-crash-kernel.ts');
    const code = compileKernel(readFileSync(file, 'utf8'), { target: 'wgsl', fileName: file }).code;
    expect(code).toContain('if (j3 > ks_keep_i32(2147483647i)) {');
    expect(code).toContain('fn ks_keep_i32(v: i32) -> i32 { return v ^ i32(ks_params.ks_grid.x == 0u); }');
  });

  it('a kept constant is still uniform: a barrier may depend on it', async () => {
    const src = source(
      'x: Float32Array, n: i32',
      '  const t = sharedArray(Float32Array, 64);\n  if (n < 2147483647) {\n    t[0] = x[0];\n    syncthreads();\n    x[1] = t[0];\n  }',
    );
    const k = compileKernel(src, { target: 'wgsl', fileName: 'limits.ts' });
    expect(k.code).toContain('if (n < ks_keep_i32(2147483647i)) {');
    expect(await validateWgsl(k)).toBeNull();
  });

  it('the fuzzer\'s kernel runs on webgpu and matches the cpu backend', { timeout: 180_000 }, () => {
    const out = runChild(join(FIXTURES, 'dawn-crash-kernel.ts'), ['k']);
    expectSameArrays('k', out.k?.webgpu ?? [], out.k?.cpu ?? []);
  });

  it('so do the smallest such loops (trip counts of 2^31 - 1, and -2^31 / -1)', { timeout: 180_000 }, () => {
    const names = ['upToMax', 'nearMax', 'downToMin', 'upToMaxU'];
    const out = runChild(join(FIXTURES, 'mesa-loop-bounds.ts'), names);
    for (const n of names) expectSameArrays(n, out[n]?.webgpu ?? [], out[n]?.cpu ?? []);
  });

  it('split expressions (in stores, deep loop conditions and && operands) keep their values', { timeout: 180_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-split-'));
    dirs.push(dir);
    const terms = (n: number, f: (k: number) => string): string => Array.from({ length: n }, (_, k) => f(k)).join(' + ');
    const file = join(dir, 'split.ts');
    writeFileSync(
      file,
      `import { kernel, blockIdx, blockDim, threadIdx, f32, type i32 } from 'kernelscript';
export const deep = kernel(function deep(x: Float32Array, y: Int32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  out[i] = ${terms(150, (k) => `x[(i + ${k}) % n] * ${k % 7}`)};
  let w = 0;
  while (w < 3 && ${terms(90, (k) => `y[(i + ${k}) % n]`)} > -1000000) w++;
  let v = 0;
  do { v += 2; } while (v < 6 && ${terms(90, (k) => `y[(i + ${2 * k}) % n]`)} > ${'-1000000'});
  out[i + n] = f32(w + v) + (i > 3 && ${terms(90, (k) => `x[(i + ${k}) % n]`)} > 0 ? 1 : 0);
});
`,
    );
    const out = runChild(file, ['deep']);
    expectSameArrays('deep', out.deep?.webgpu ?? [], out.deep?.cpu ?? []);
  });
});

// A target's limit concerns that target only. compileFile stopped at the first target that hit
// one, so a WGSL-only limit also lost the kernel's cuda and js outputs (and hid a cuda limit).
describe('7: one target\'s limit leaves the other targets alone', () => {
  const ONE_TARGET = `import { kernel, localArray, type i32 } from 'kernelscript';
export const big = kernel(function big(x: Float32Array, i: i32) {
  const a = localArray(Float32Array, 20000);
  a[i] = x[i] + 1;
  x[i] = a[i];
});
export const small = kernel(function small(x: Float32Array) {
  x[0] = 2;
});
`;
  const wgslOnly = "KS8001@3:9 wgsl: local array 'a' of 20000 elements exceeds the target's limit of 16384 elements (Tint allows 64 KiB per variable)";
  const dir = mkdtempSync(join(tmpdir(), 'ks-limits-'));
  dirs.push(dir);
  const file = join(dir, 'k.ts');
  writeFileSync(file, ONE_TARGET);

  it('compileFile returns the cuda and js outputs, and the one wgsl diagnostic', () => {
    const r = compileFile(file, ONE_TARGET, ['wgsl', 'cuda', 'js']);
    expect(brief(r.diagnostics)).toEqual([wgslOnly]);
    const [big, small] = r.kernels;
    expect(Object.keys(big?.outputs ?? {}).sort()).toEqual(['cuda', 'js']);
    expect(Object.keys(small?.outputs ?? {}).sort()).toEqual(['cuda', 'js', 'wgsl']);
    expect(compileFile(file, ONE_TARGET, ['cuda', 'js']).diagnostics).toEqual([]);
  });

  it('compileFile reports every target\'s limits, each with its own outputs missing', () => {
    const text = ONE_TARGET.replace('20000', '200000');
    const r = compileFile(file, text, ['wgsl', 'cuda', 'js']);
    expect(r.diagnostics.map((d) => `${d.code} ${d.message.split(':')[0]}`)).toEqual(['KS8001 wgsl', 'KS8002 cuda']);
    expect(Object.keys(r.kernels[0]?.outputs ?? {})).toEqual(['js']);
  });

  it('compileKernel: js and cuda compile, wgsl throws KernelCompileError with KS8001', () => {
    expect(compileKernel(ONE_TARGET, { target: 'js', kernel: 'big', fileName: file }).code).toContain('20000');
    expect(compileKernel(ONE_TARGET, { target: 'cuda', kernel: 'big', fileName: file }).code).toContain('[20000]');
    for (let k = 0; k < 2; k++) {
      // Twice: the refusal is cached with the kernel, and still thrown.
      let err: unknown = null;
      try {
        compileKernel(ONE_TARGET, { target: 'wgsl', kernel: 'big', fileName: file });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(KernelCompileError);
      expect(brief((err as KernelCompileError).diagnostics)).toEqual([wgslOnly]);
    }
  });

  it('the CLI reports the wgsl diagnostic and exits 1; without wgsl it builds', async () => {
    const all = await cli(['build', 'k.ts', '--target', 'wgsl,cuda,js', '-o', 'out', '--no-cache'], dir);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain("error KS8001: wgsl: local array 'a' of 20000 elements");
    expect(all.stderr).toContain('Found 1 error.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const some = await cli(['build', 'k.ts', '--target', 'cuda,js', '-o', 'out', '--no-cache', '-q'], dir);
    expect(some.stderr).toBe('');
    expect(some.code).toBe(0);
    expect(existsSync(join(dir, 'out/big.cu'))).toBe(true);
    expect(existsSync(join(dir, 'out/big.js'))).toBe(true);
  });

  const bundleWith = async (targets: ('wgsl' | 'cuda' | 'js')[]): Promise<{ text: string; errors: { text: string; line: number | undefined }[] }> => {
    try {
      const r = await build({
        entryPoints: [file],
        bundle: true,
        write: false,
        format: 'esm',
        logLevel: 'silent',
        external: ['kernelscript'],
        plugins: [kernelscript({ targets, cache: false, runtimeOnly: false })],
      });
      return { text: r.outputFiles.map((o) => o.text).join(''), errors: [] };
    } catch (e) {
      return { text: '', errors: (e as BuildFailure).errors.map((m) => ({ text: m.text, line: m.location?.line })) };
    }
  };

  it('the esbuild plugin reports the wgsl limit only when wgsl is among its targets', async () => {
    const withoutWgsl = await bundleWith(['cuda']);
    expect(withoutWgsl.errors).toEqual([]);
    expect(withoutWgsl.text).toContain('"cuda":');
    expect(withoutWgsl.text).not.toContain('"wgsl":');
    const withWgsl = await bundleWith(['wgsl', 'cuda']);
    expect(withWgsl.errors).toEqual([{ text: expect.stringContaining("wgsl: local array 'a' of 20000 elements") as unknown as string, line: 3 }]);
  });

  it('the no-build path runs the kernel on cpu, and refuses it on webgpu with KS8001', async () => {
    registerCompiler(compileKernelObject);
    const slots = await openDevices(['cpu', 'webgpu']);
    try {
      // What `kernel(function big ...)` in k.ts makes: its function and where it was called.
      function fn(x: Float32Array, i: number): void {
        x[i] = (x[i] ?? 0) + 1;
      }
      Object.defineProperty(fn, 'name', { value: 'big' });
      const big = { kind: 'kernelscript.kernel', fn, site: { file, line: 2, column: 20 }, compiled: {} } as unknown as Kernel;
      const ran: string[] = [];
      for (const { backend, device } of slots) {
        if (!device) continue;
        ran.push(backend);
        const x = device.array(Float32Array.from([1, 2, 3, 4]));
        if (backend === 'cpu') {
          device.launch(big, { grid: 1, block: 1 }, x, 2);
          expect(Array.from(await x.read())).toEqual([1, 2, 4, 4]);
        } else {
          expect(() => device.launch(big, { grid: 1, block: 1 }, x, 2)).toThrow(KernelCompileError);
          expect(() => device.launch(big, { grid: 1, block: 1 }, x, 2)).toThrow(/KS8001/);
        }
        x.dispose();
      }
      expect(ran).toContain('cpu');
    } finally {
      closeDevices(slots);
    }
  });
});
