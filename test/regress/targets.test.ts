// Regressions from "Silent miscompilations and crashes found by fuzzing", in the code generators:
// f32 `%` on WGSL (exact IEEE fmod), comparisons as WGSL call arguments (template-list parsing),
// user names the targets reject, NaN tests on WGSL, and barriers under conditions on Infinity (WGSL). Value checks run on every available device
// against exact references; name checks also compile the CUDA C with nvcc (skipped without it).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import { Rng } from '../helpers/case.js';
import { validateWgsl } from '../helpers/dawn.js';
import { TARGET, closeDevices, launchAndRead, openDevices } from '../helpers/devices.js';
import { hasNvcc, inParallel, nvccCompile } from '../helpers/nvcc.js';

const FILE = join(import.meta.dirname, 'targets-kernels.ts');
const HEADER = "import { kernel, f32, i32, bool, sharedArray } from 'kernelscript';\n";

const slots = await openDevices();
afterAll(() => closeDevices(slots));

const f32Bits = (bits: number): number => new Float32Array(new Uint32Array([bits >>> 0]).buffer)[0] as number;
const same = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
const show = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

/** The first `limit` indices where `got` and `want` differ (NaN equals NaN, -0 differs from 0). */
function mismatches(got: ArrayLike<number>, want: ArrayLike<number>, label: (i: number) => string, limit = 8): string[] {
  const out: string[] = [];
  for (let i = 0; i < want.length && out.length < limit; i++) {
    if (!same(got[i] as number, want[i] as number)) out.push(`${label(i)}: got ${show(got[i] as number)}, want ${show(want[i] as number)}`);
  }
  return out;
}

// ---- 2. f32 % is the exact IEEE remainder --------------------------------------------------------

const FMOD_SOURCE = `${HEADER}
function rem(a: f32, b: f32): f32 { return a % b; }
export const fmod = kernel(function (x: Float32Array, y: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = x[i] % y[i];
});
export const fmodHelper = kernel(function (x: Float32Array, y: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    let r = x[i];
    r = rem(r, y[i]);
    out[i] = r;
  }
});
`;

/** A random f32 with its biased exponent field in [lo, hi] (0 is denormal) and a random sign. */
function randomF32(r: Rng, lo: number, hi: number): number {
  const sign = r.next() < 0.5 ? 0x80000000 : 0;
  return f32Bits(sign | (r.int(lo, hi + 1) << 23) | r.int(0, 0x800000));
}

function fmodInputs(r: Rng): { x: Float32Array; y: Float32Array } {
  const xs: number[] = [1e7, 3e9, 100.1, -100.1, 5.5, -5.5];
  const ys: number[] = [0.7, 7, 3.3, 3.3, -2, 2];
  const pair = (x: number, y: number): void => {
    xs.push(x);
    ys.push(y);
  };
  const special = [0, -0, 1, -1, 0.7, Infinity, -Infinity, NaN, f32Bits(1), f32Bits(0x7fffff), f32Bits(0x800000), 3.4e38, -3.4e38];
  for (const a of special) for (const b of special) pair(a, b);
  for (let k = 0; k < 1500; k++) pair(randomF32(r, 0, 254), randomF32(r, 0, 254));
  // Quotients up to 2^40: the range where x - y * trunc(x / y) goes wrong first.
  for (let k = 0; k < 1500; k++) {
    const ey = r.int(1, 200);
    pair(randomF32(r, ey, Math.min(254, ey + 40)), randomF32(r, ey, ey));
  }
  // Denormal divisors and results.
  for (let k = 0; k < 600; k++) pair(randomF32(r, 0, 60), randomF32(r, 0, 4));
  // Exact multiples: zero results keep the dividend's sign.
  for (let k = 0; k < 200; k++) {
    const y = randomF32(r, 60, 120);
    pair(Math.fround(y * r.int(-5000, 5000)), y);
  }
  return { x: Float32Array.from(xs), y: Float32Array.from(ys) };
}

for (const slot of slots) {
  describe.skipIf(!slot.device)(`f32 % on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    for (const kernel of ['fmod', 'fmodHelper']) {
      it(`${kernel}: equals the exact remainder (JS %) bit for bit`, async () => {
        const rng = new Rng();
        const { x, y } = fmodInputs(rng);
        const k = compileKernel(FMOD_SOURCE, { target: TARGET[slot.backend], kernel, fileName: FILE });
        const [out] = await launchAndRead(slot.device!, k, x.length, [x, y, new Float32Array(x.length), x.length], [2]);
        const want = Array.from(x, (v, i) => Math.fround(v % (y[i] as number)));
        const bad = mismatches(out!, want, (i) => `${show(x[i] as number)} % ${show(y[i] as number)}`);
        expect(bad, `seed ${rng.seed}`).toEqual([]);
      });
    }
  });
}

// ---- 4. comparisons inside WGSL call arguments and select arms ----------------------------------

const CMP_HELPERS = `
function both(p: bool, q: bool): i32 { return (p ? 1 : 0) + (q ? 2 : 0); }
function pick(p: bool, q: bool, s: bool): bool { return p ? q : s; }
function imax(u: i32, v: i32): i32 { return u > v ? u : v; }
`;
const CMP_JS = {
  both: (p: boolean, q: boolean): number => (p ? 1 : 0) + (q ? 2 : 0),
  pick: (p: boolean, q: boolean, s: boolean): boolean => (p ? q : s),
  imax: (u: number, v: number): number => (u > v ? u : v),
};

/** The reported shapes, then random boolean expressions that nest comparisons in calls and ?:. */
function cmpExprs(): string[] {
  const fixed = [
    '(c > 0 ? a > b : a < b) ? 1 : 0',
    'both(a < b, a > b)',
    'both(a <= b, a >= b)',
    'both(k < 2, k >> 1 > 0)',
    'imax(k >> 1, k << 2)',
    'imax(k < 1 ? 1 : 0, k > 1 ? 2 : 0)',
    'pick(a < b, b > c, a >= c) ? 1 : 0',
    'Math.max(a < b ? 1 : 0, b > a ? 2 : 0)',
  ];
  const r = new Rng(20240611);
  const num = (): string => ['a', 'b', 'c', 'f32(k)', 'f32(k >> 1)', 'f32(imax(k, 1))', '0.5'][r.int(0, 7)]!;
  const cmp = (): string => `${num()} ${['<', '<=', '>', '>='][r.int(0, 4)]} ${num()}`;
  const bool = (depth: number): string => {
    if (depth === 0) return cmp();
    const p = r.next();
    if (p < 0.25) return `pick(${bool(depth - 1)}, ${bool(depth - 1)}, ${bool(depth - 1)})`;
    if (p < 0.45) return `(${bool(depth - 1)} ? ${bool(depth - 1)} : ${bool(depth - 1)})`;
    if (p < 0.6) return `(${bool(depth - 1)} && ${bool(depth - 1)})`;
    if (p < 0.7) return `!(${bool(depth - 1)})`;
    return cmp();
  };
  const random = Array.from({ length: 40 }, () =>
    r.next() < 0.5 ? `both(${bool(2)}, ${bool(2)})` : `${bool(3)} ? ${r.int(1, 9)} : 0`,
  );
  return [...fixed, ...random];
}

const CMP_EXPRS = cmpExprs();
const CMP_SOURCE = `${HEADER}${CMP_HELPERS}
export const comparisons = kernel(function (x: Float32Array, ks: Int32Array, out: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const a = x[3 * i];
    const b = x[3 * i + 1];
    const c = x[3 * i + 2];
    const k = ks[i];
${CMP_EXPRS.map((e, j) => `    out[${CMP_EXPRS.length} * i + ${j}] = ${e};`).join('\n')}
  }
});
`;

for (const slot of slots) {
  describe.skipIf(!slot.device)(`comparisons as arguments on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    it('comparisons and shifts in call arguments and ?: arms compile and compute what JS computes', async () => {
      const rng = new Rng();
      const n = 128;
      const x = Float32Array.from({ length: 3 * n }, () => rng.int(-4, 5) / 2);
      const ks = Int32Array.from({ length: n }, () => rng.int(-9, 10));
      const k = compileKernel(CMP_SOURCE, { target: TARGET[slot.backend], kernel: 'comparisons', fileName: FILE });
      const [out] = await launchAndRead(slot.device!, k, n, [x, ks, new Int32Array(n * CMP_EXPRS.length), n], [2]);
      const want: number[] = [];
      const fns = CMP_EXPRS.map((e) => new Function('a', 'b', 'c', 'k', 'both', 'pick', 'imax', 'f32', `return +(${e});`));
      for (let i = 0; i < n; i++) {
        for (const f of fns) want.push(f(x[3 * i], x[3 * i + 1], x[3 * i + 2], ks[i], CMP_JS.both, CMP_JS.pick, CMP_JS.imax, Math.fround) as number);
      }
      const m = CMP_EXPRS.length;
      const bad = mismatches(out!, want, (i) => `thread ${Math.floor(i / m)}: ${CMP_EXPRS[i % m]}`);
      expect(bad, `seed ${rng.seed}`).toEqual([]);
    });
  });
}

// ---- 6. user names every target must accept -----------------------------------------------------

/** The reported names, plus names that collide with what the others are renamed to. */
const NAMES = [
  '$', 'a$b', 'a_Sb', 'x\u200Dy', '_', 'u_', '__global__', 'u__global__', '__shared__', '__device__', '__restrict__',
  '__launch_bounds__', '__expf', 'uniform', 'storage', 'workgroup', 'read_write', 'read', 'write', 'EOF', 'EOF_',
  'INT_MAX', 'UINT_MAX', 'M_PI', 'int32_t', 'uint', 'ulong', 'ptrdiff_t', 'size_t', 'stdin', 'isnan', 'isinf',
  'signbit', 'clock', 'fmaf', 'exp2f', 'rsqrtf', 'fmodf', 'sinf', 'linux', 'unix', 'printf', 'ks_x', 'ks_fmod',
  'bitcast', 'select', 'vec3f', 'array', 'rgba8unorm', 'main', 'float', 'int', 'char', 'π', 'größe', '名前',
];
/** Roles each name takes in some kernel: kernel i gives names[i + r] role r. */
const ROLES = ['kernel', 'helper', 'helperParam', 'helperLocal', 'scalarParam', 'arrayParam', 'local', 'shared'] as const;

function nameKernel(i: number): { source: string; kernel: string } {
  const [K, H, HP, HL, SP, AP, L, S] = ROLES.map((_, r) => NAMES[(i + r) % NAMES.length]!);
  const source = `${HEADER}
function ${H}(${HP}: f32): f32 { const ${HL} = ${HP} * 2; return ${HL} + 1; }
export const ${K} = kernel(function (${AP}: Float32Array, out: Float32Array, ${SP}: f32, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const ${S} = sharedArray(Float32Array, 64);
  if (i < n) {
    const ${L} = ${AP}[i] + ${SP};
    ${S}[threadIdx.x] = ${H}(${L});
    out[i] = ${S}[threadIdx.x];
  }
});
`;
  return { source, kernel: K! };
}

for (const slot of slots) {
  describe.skipIf(!slot.device)(`user names on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    it('kernels, helpers, parameters, locals and shared arrays may take any name', async () => {
      const rng = new Rng();
      const n = 100;
      const failures: string[] = [];
      for (let i = 0; i < NAMES.length; i++) {
        const { source, kernel } = nameKernel(i);
        const x = rng.f32Array(n, -8, 8);
        const s = rng.f32(-2, 2);
        const k = compileKernel(source, { target: TARGET[slot.backend], kernel, fileName: FILE });
        try {
          const [out] = await launchAndRead(slot.device!, k, n, [x, new Float32Array(n), s, n], [1]);
          const want = Array.from(x, (v) => Math.fround(Math.fround(Math.fround(v + s) * 2) + 1));
          failures.push(...mismatches(out!, want, (j) => `kernel '${kernel}' [${j}]`, 1));
        } catch (e) {
          failures.push(`kernel '${kernel}': ${(e as Error).message}`);
        }
      }
      expect(failures, `seed ${rng.seed}`).toEqual([]);
    });
  });
}

/** Every identifier in the C source `code` (a superset: digits' suffixes such as the `f` of `1.0f` count too). */
const identifiers = (code: string): Set<string> => new Set(code.replace(/\/\/.*$/gm, '').match(/[A-Za-z_]\w*/g));

/** The names a generated CUDA unit declares at file scope: its kernel and its helpers. */
const fileScope = (code: string): string[] =>
  code
    .split('\n')
    .filter((l) => /^\S/.test(l) && !l.startsWith('//') && !l.startsWith('#pragma ') && l !== '}')
    .map((l) => {
      const m = /^(?:static __device__ __forceinline__|extern "C" __global__) [^(]*?(\w+)\(/.exec(l);
      if (!m) throw new Error(`unexpected file-scope line in generated CUDA C: ${l}`);
      return m[1]!;
    });

interface CudaUnit {
  kernel: string;
  code: string;
  entryPoint: string;
  globals: string[];
  ids: Set<string>;
}

/**
 * Splits `units` into translation units that nvcc compiles with the same result as one by one.
 * C++ looks a name up among the declarations before its use, and the generated code has no
 * templates, so a unit sees only the file-scope names (kernel, helpers) of the units before it
 * in its file. Each unit joins the first group in which it uses none of those names: then
 * nothing clashes with, shadows or resolves to a neighbour's declaration.
 */
function independentGroups(units: CudaUnit[]): CudaUnit[][] {
  const groups: CudaUnit[][] = [];
  for (const u of units) {
    const group = groups.find((g) => g.every((earlier) => !earlier.globals.some((name) => u.ids.has(name))));
    if (group) group.push(u);
    else groups.push([u]);
  }
  return groups;
}

describe.skipIf(!hasNvcc)('user names in CUDA C (skipped: nvcc not found)', () => {
  it('nvcc compiles every name kernel with no warnings', async () => {
    const units: CudaUnit[] = NAMES.map((_, i) => {
      const { source, kernel } = nameKernel(i);
      const { code, entryPoint } = compileKernel(source, { target: 'cuda', kernel, fileName: FILE });
      return { kernel, code, entryPoint, globals: fileScope(code), ids: identifiers(code) };
    });
    for (const u of units) expect(u.globals, `kernel '${u.kernel}'`).toContain(u.entryPoint);
    // One nvcc per group instead of one per kernel: most of nvcc's time is parsing CUDA's headers.
    const groups = independentGroups(units);
    const jobs = groups.map((group) => async (): Promise<string[]> => {
      /** The kernel that line `n` (1-based) of the group's file belongs to. */
      const owner = (n: number): CudaUnit => {
        let end = 0;
        for (const u of group) if (n <= (end += u.code.split('\n').length)) return u;
        return group[group.length - 1]!;
      };
      const { said, ptx } = await nvccCompile(group.map((u) => u.code).join('\n'));
      if (said !== '') {
        const bad = new Set<CudaUnit>();
        for (const m of said.matchAll(/\.cu\((\d+)\)/g)) bad.add(owner(Number(m[1])));
        const who = bad.size > 0 ? [...bad] : group;
        return [`${who.map((u) => u.kernel).join(', ')}: ${said}\n${who.map((u) => u.code).join('\n')}`];
      }
      return group.filter((u) => !ptx.includes(`.entry ${u.entryPoint}(`)).map((u) => `${u.kernel}: no entry point in the PTX`);
    });
    const failures = (await inParallel(jobs, 2)).flat();
    expect(failures).toEqual([]);
    expect(groups.flat().length).toBe(NAMES.length);
  });
});

// ---- follow-up: a kernel named like one of its own names -----------------------------------------

// TypeScript keeps a kernel's name (the variable it is assigned to) apart from the names in its
// function, so a kernel may share its name with a parameter, a local or a shared array. WGSL then
// declared the entry point and a storage binding or workgroup array of one name at module scope
// ("redeclaration of 'b'"); helpers' parameters and locals may take the kernel's name too.
const SELF_NAMED_SOURCE = `import { kernel, f32, i32, sharedArray, syncthreads } from 'kernelscript';
function twice(b: f32): f32 { const s = b * 2; return s; }
export const b = kernel(function (a: Float32Array, b: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) b[i] = twice(a[i]) + 1;
});
export const uniform = kernel(function (a: Float32Array, uniform: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) uniform[i] = twice(a[i]) + 1;
});
export const n = kernel(function (a: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = twice(a[i]) + 1;
});
export const t = kernel(function (a: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const t = twice(a[i]);
    out[i] = t + 1;
  }
});
export const s = kernel(function (a: Float32Array, out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  const s = sharedArray(Float32Array, 64);
  s[threadIdx.x] = i < n ? a[i] : 0;
  syncthreads();
  if (i < n) out[i] = twice(s[threadIdx.x]) + 1;
});
`;
const SELF_NAMED = ['b', 'uniform', 'n', 't', 's'];

for (const slot of slots) {
  describe.skipIf(!slot.device)(`kernels named like their own names on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    it('a kernel may share its name with a parameter, a local, a shared array or a helper parameter', async () => {
      const rng = new Rng();
      const n = 100;
      const failures: string[] = [];
      for (const kernel of SELF_NAMED) {
        const x = rng.f32Array(n, -8, 8);
        try {
          const k = compileKernel(SELF_NAMED_SOURCE, { target: TARGET[slot.backend], kernel, fileName: FILE });
          const [out] = await launchAndRead(slot.device!, k, n, [x, new Float32Array(n), n], [1]);
          const want = Array.from(x, (v) => Math.fround(Math.fround(v * 2) + 1));
          failures.push(...mismatches(out!, want, (j) => `kernel '${kernel}' [${j}]`, 1));
        } catch (e) {
          failures.push(`kernel '${kernel}': ${(e as Error).message}`);
        }
      }
      expect(failures, `seed ${rng.seed}`).toEqual([]);
    });
  });
}

describe.skipIf(!hasNvcc)('kernels named like their own names in CUDA C (skipped: nvcc not found)', () => {
  it('nvcc compiles each with no warnings, under its entry point', async () => {
    const jobs = SELF_NAMED.map((kernel) => async (): Promise<string[]> => {
      const { code, entryPoint } = compileKernel(SELF_NAMED_SOURCE, { target: 'cuda', kernel, fileName: FILE });
      const { said, ptx } = await nvccCompile(code);
      if (said !== '') return [`${kernel}: ${said}\n${code}`];
      return ptx.includes(`.entry ${entryPoint}(`) ? [] : [`${kernel}: no entry point ${entryPoint} in the PTX`];
    });
    expect((await inParallel(jobs, 2)).flat()).toEqual([]);
  });
});

// ---- 12. NaN tests mean what they mean in JS ------------------------------------------------------

const NAN_SOURCE = `${HEADER}
export const nanTests = kernel(function (x: Float32Array, out: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const v = x[i];
    out[7 * i] = v != v ? 1 : 0;
    out[7 * i + 1] = v == v ? 1 : 0;
    out[7 * i + 2] = x[i] !== x[i] ? 1 : 0;
    out[7 * i + 3] = !(v === v) ? 1 : 0;
    out[7 * i + 4] = v != 1 ? 1 : 0;
    out[7 * i + 5] = bool(v) ? 1 : 0;
    let t = 0;
    if (v) t = 1;
    out[7 * i + 6] = t;
  }
});
`;

for (const slot of slots) {
  describe.skipIf(!slot.device)(`NaN tests on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    it('x != x, x == x, != and truthiness treat NaN as JS does', async () => {
      const x = Float32Array.from([NaN, f32Bits(0xffc00001), f32Bits(0x7f800001), Infinity, -Infinity, 0, -0, 1, -1.5, 1e-45, 3e38]);
      const k = compileKernel(NAN_SOURCE, { target: TARGET[slot.backend], kernel: 'nanTests', fileName: FILE });
      const [out] = await launchAndRead(slot.device!, k, x.length, [x, new Int32Array(7 * x.length), x.length], [1]);
      // WGSL lets a device flush subnormals (docs/language.md): there 1e-45 may read as 0.
      const flushes = slot.backend === 'webgpu';
      const want = Array.from(x).flatMap((v) => {
        const w = flushes && v !== 0 && Math.abs(v) < 2 ** -126 ? (out![7 * x.indexOf(v) + 5] === 0 ? 0 : v) : v;
        return [v !== v, v === v, v !== v, !(v === v), v !== 1, w !== 0, w !== 0].map(Number);
      });
      const bad = mismatches(out!, want, (i) => `x = ${show(x[Math.floor(i / 7)] as number)}, test ${i % 7}`, 20);
      expect(bad).toEqual([]);
    });
  });
}

// ---- follow-up: barriers under conditions on Infinity and NaN (WGSL) ------------------------------

// WGSL spelled Infinity and NaN as reads of `var<private>` bit patterns, which Tint's uniformity
// analysis takes as non-uniform, so Dawn refused these barriers ("'workgroupBarrier' must only be
// called from uniform control flow") although the conditions are uniform and our pass accepts them.
const NON_FINITE_SOURCE = `import { kernel, f32, sharedArray, syncthreads } from 'kernelscript';
export const nonFiniteBarriers = kernel(function (x: Float32Array, out: Float32Array, m: f32) {
  const t = sharedArray(Float32Array, 64);
  const tx = threadIdx.x;
  const i = blockIdx.x * blockDim.x + tx;
  let r = 0;
  if (m > -Infinity) {
    t[tx] = x[i];
    syncthreads();
    r = t[63 - tx];
  }
  let steps = 0;
  for (let v = m; v != Infinity; v = v * v + 1e30) {
    syncthreads();
    steps++;
  }
  const q = m < 0 ? Infinity - Infinity : m;
  if (q == q) {
    syncthreads();
    r += 1;
  }
  out[i] = r + steps * 100;
});
`;

describe('barriers under conditions on Infinity and NaN', () => {
  it('WGSL spells non-finite constants uniformly, and Dawn makes the pipeline', async () => {
    const k = compileKernel(NON_FINITE_SOURCE, { target: 'wgsl', kernel: 'nonFiniteBarriers', fileName: FILE });
    expect(k.code).not.toContain('var<private>');
    expect(k.code).toContain('if (m > ks_f32_bits(0xff800000u)) {');
    expect(await validateWgsl(k)).toBeNull();
  });
});

for (const slot of slots) {
  describe.skipIf(!slot.device)(`barriers under conditions on Infinity on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    it('run, and compute what JS computes', async () => {
      const n = 128;
      const x = Float32Array.from({ length: n }, (_, j) => (j * 7) % 17 - 8);
      const k = compileKernel(NON_FINITE_SOURCE, { target: TARGET[slot.backend], kernel: 'nonFiniteBarriers', fileName: FILE });
      for (const m of [3, -2, -Infinity]) {
        const [out] = await launchAndRead(slot.device!, k, n, [x, new Float32Array(n), m], [1]);
        let steps = 0;
        for (let v = m; v !== Infinity; v = Math.fround(Math.fround(v * v) + Math.fround(1e30))) steps++;
        const want = Array.from(x, (_, j) => {
          const r = m > -Infinity ? (x[j - (j % 64) + 63 - (j % 64)] as number) : 0;
          return r + (m < 0 ? 0 : 1) + steps * 100;
        });
        expect(mismatches(out!, want, (j) => `m = ${m}, out[${j}]`)).toEqual([]);
      }
    });
  });
}

// ---- follow-up: f32 constants on the JS target are the f32 values -----------------------------------

// JS printed f32 constants in their short f32 spelling (`0.1`, `4.002027`, `2.7182817` for Math.E)
// and then computed with that text as a double, a different number from the f32 constant: on cpu
// `x[0] <= 0.1` was false for x[0] = f32(0.1), and -3.123080253601074 + 4.002027 gave 0.87894672
// where f32 gives 0.87894678.
const F32_CONST_SOURCE = `${HEADER}
function tenth(v: f32): f32 { return v + 0.1; }
export const f32Constants = kernel(function (x: Float32Array, out: Float32Array, cmp: Int32Array) {
  if (blockIdx.x * blockDim.x + threadIdx.x == 0) {
    x[0] = f32(0.1);
    cmp[0] = i32(x[0] <= 0.1);
    cmp[1] = i32(x[0] >= 0.1);
    cmp[2] = i32(x[1] == Math.PI);
    cmp[3] = i32(x[2] == Math.E);
    cmp[4] = i32(x[0] == 0.3 / 3);
    cmp[5] = i32(x[6] < Infinity);
    cmp[6] = i32(x[6] > -Infinity);
    out[0] = x[3] + 4.002027;
    out[1] = x[1] - Math.PI;
    out[2] = x[2] - Math.E;
    out[3] = x[4] + 0.1 * 3;
    out[4] = tenth(x[5]);
    out[5] = x[5] - 1e-3;
  }
});
`;

describe('f32 constants in JS', () => {
  it('are printed as the exact doubles of their f32 values', () => {
    const { code } = compileKernel(F32_CONST_SOURCE, { target: 'js', kernel: 'f32Constants', fileName: FILE });
    for (const c of code.match(/(?<![\w.])\d[\d.]*(?:e[-+]?\d+)?/g) ?? []) {
      expect(Math.fround(Number(c)), `literal ${c}`).toBe(Number(c));
    }
    expect(code).toContain('x[0] <= 0.10000000149011612');
    expect(code).toContain('x[3] + 4.0020270347595215');
  });
});

for (const slot of slots) {
  describe.skipIf(!slot.device)(`f32 constants on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    it('compare and compute as f32 values', async () => {
      const f = Math.fround;
      const x = Float32Array.from([0, Math.PI, Math.E, -3.123080253601074, 0.25, 1.5, 7]);
      const k = compileKernel(F32_CONST_SOURCE, { target: TARGET[slot.backend], kernel: 'f32Constants', fileName: FILE });
      const [out, cmp] = await launchAndRead(slot.device!, k, 1, [x, new Float32Array(6), new Int32Array(7)], [1, 2]);
      expect(Array.from(cmp!)).toEqual([1, 1, 1, 1, 1, 1, 1]);
      const v = Array.from(x);
      const want = [f(v[3]! + f(4.002027)), 0, 0, f(v[4]! + f(f(0.1) * 3)), f(v[5]! + f(0.1)), f(v[5]! - f(1e-3))];
      expect(want[0]).toBe(0.8789467811584473);
      expect(mismatches(out!, want, (j) => `out[${j}]`)).toEqual([]);
    });
  });
}

// ---- follow-up: nvcc warnings on valid kernels ------------------------------------------------------

// `const i = blockIdx.x;` never read made nvcc warn #177 ("declared but never referenced"), which
// `-Werror all-warnings` turns into an error; so did the other warnings below.
const WARNING_KERNELS: Record<string, string> = {
  unusedLocal: 'const i = blockIdx.x;', // #177
  setNeverUsed: 'let s = 0; s = 5; let t = 1.5; t += 2;', // #550
  unusedShared: 'const sh = sharedArray(Float32Array, 64);', // #177
  sharedSetOnly: 'const sh = sharedArray(Float32Array, 64); sh[threadIdx.x] = 1;', // #550
  unusedLocalArray: 'const a = localArray(Float32Array, 4);', // #177
  localArraySetOnly: 'const a = localArray(Float32Array, 4); a[0] = 1;', // #550
  unusedHelperThings: 'out[0] = h(x[0], 1);', // #177, #550 in the helper
  floatDivZero: 'out[0] = x[0] / 0; out[1] = x[0] % 0;', // #39
  intDivZero: 'if (n == 12345) { out[0] = f32(n / 0); out[1] = f32(n % 0); out[2] = f32(u32(n) % 0); }', // #39, #179
  constConversion: 'const b = 3e38; if (n == 12345) out[0] = f32(i32(b));', // #173
  unsignedVsZero: 'const u = u32(n); if (u >= 0) out[0] = 1; out[1] = f32(u < 0);', // #186
};

describe.skipIf(!hasNvcc)('nvcc warnings on valid kernels (skipped: nvcc not found)', () => {
  it('unused locals, shared and local arrays, constant division by zero and the like compile with -Werror', async () => {
    const source = `import { kernel, f32, i32, u32, sharedArray, localArray } from 'kernelscript';
function h(a: f32, unused: f32): f32 { const z = a * 2; let w = a; w = a * 3; return a + 1; }
${Object.entries(WARNING_KERNELS)
  .map(([name, body]) => `export const ${name} = kernel(function (x: Float32Array, out: Float32Array, n: i32) {\n  ${body}\n});`)
  .join('\n')}
`;
    const jobs = Object.keys(WARNING_KERNELS).map((kernel) => async (): Promise<string[]> => {
      const { code } = compileKernel(source, { target: 'cuda', kernel, fileName: FILE });
      const { said } = await nvccCompile(code);
      return said === '' ? [] : [`${kernel}: ${said}\n${code}`];
    });
    expect((await inParallel(jobs, 2)).flat()).toEqual([]);
  });
});
