// Type inference and lowering semantics. Each kernel's IR is checked for the typing decision, then
// the kernel runs on every available device and is compared with a float64 JS reference.
import { afterAll, describe, expect, it } from 'vitest';
import { compileToIR, printKernel } from '../../compiler/index.js';
import type { KernelIR, Stmt } from '../../core/ir/types.js';
import { visitStmts } from '../../core/ir/walk.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { INLINE_FILE, maxRelErr, randomF32, randomI32, relL2, runSource } from './run.js';

const slots = await openDevices(['cpu', 'webgpu']);
afterAll(() => closeDevices(slots));

const H = `import { kernel, f32, i32, u32, bool, threadIdx, blockIdx, blockDim, sharedArray, syncthreads, atomicAdd } from 'kernelscript';\n`;

function ir(src: string, kernel?: string): KernelIR {
  return compileToIR(src, { fileName: INLINE_FILE, ...(kernel ? { kernel } : {}) });
}

function letType(k: KernelIR, name: string): string | undefined {
  let t: string | undefined;
  visitStmts(k.body, (s: Stmt) => {
    if (s.k === 'let' && s.name === name) t = s.type;
  });
  return t;
}

/** Runs `check` on each device, skipping (with the reason) those this machine lacks. */
function onDevices(title: string, check: (d: NonNullable<(typeof slots)[number]['device']>) => Promise<void>): void {
  for (const slot of slots) {
    const d = slot.device;
    if (!d) it.skip(`${title} on ${slot.backend} (skipped: ${slot.reason})`, () => undefined);
    else it(`${title} on ${slot.backend}`, () => check(d));
  }
}

describe('integer literals adapt to their context', () => {
  const src = `${H}export const sum = kernel(function (x: Float32Array, out: Float32Array, n: i32) {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  out[threadIdx.x] = s * 2;
});`;
  it('`let s = 0; s += x[i]` makes s an f32, the loop counter stays i32', () => {
    const k = ir(src);
    expect(letType(k, 's')).toBe('f32');
    expect(letType(k, 'i')).toBe('i32');
  });
  onDevices('sums as f32', async (d) => {
    const n = 300;
    const x = randomF32(n);
    const [, out] = await runSource(d, src, 'sum', [x, new Float32Array(4), n], 1, 4);
    let ref = 0;
    for (const v of x) ref += v;
    expect(maxRelErr(out as Float32Array, [2 * ref, 2 * ref, 2 * ref, 2 * ref])).toBeLessThan(1e-4);
  });

  const usrc = `${H}export const ramp = kernel(function (y: Uint32Array, n: u32, step: u32) {
  for (let i = 0; i < n; i++) y[i] = i * step + 1;
});`;
  it('a counter compared with a u32 becomes u32', () => {
    expect(letType(ir(usrc), 'i')).toBe('u32');
  });
  onDevices('u32 ramp', async (d) => {
    const n = 100 + Math.floor(Math.random() * 100);
    const step = 3 + Math.floor(Math.random() * 1000);
    const [y] = await runSource(d, usrc, 'ramp', [new Uint32Array(n), n, step], 1, 1);
    expect(Array.from(y as Uint32Array)).toEqual(Array.from({ length: n }, (_, i) => (i * step + 1) >>> 0));
  });
});

describe('arithmetic typing', () => {
  const src = `${H}export const arith = kernel(function (a: Int32Array, b: Int32Array, q: Int32Array, r: Int32Array, f: Float32Array, s: f32, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    q[i] = a[i] / b[i];
    r[i] = a[i] % b[i];
    f[i] = a[i] * s + f32(a[i]) / b[i] + i / 2;
  }
});`;
  it('i32 * f32 promotes through an explicit cast; int / int stays integer', () => {
    const text = printKernel(ir(src));
    expect(text).toContain('q[i] = (a[i] / b[i])');
    expect(text).toContain('(f32(a[i]) * s)');
    expect(text).toContain('(f32(a[i]) / f32(b[i]))');
    expect(text).toContain('f32((i / 2))');
  });
  onDevices('integer division truncates toward zero, % keeps the dividend sign, promotion', async (d) => {
    const n = 257;
    const a = randomI32(n, -100000, 100000);
    const b = randomI32(n, -50, 50).map((v) => v || 3);
    const s = Math.fround(Math.random() * 4 - 2) || 1.25;
    const [, , q, r, f] = await runSource(d, src, 'arith', [a, b, new Int32Array(n), new Int32Array(n), new Float32Array(n), s, n], 5, 64);
    const refQ = Array.from(a, (v, i) => Math.trunc(v / (b[i] as number)) | 0);
    const refR = Array.from(a, (v, i) => (v % (b[i] as number)) | 0);
    const refF = Array.from(a, (v, i) => v * s + v / (b[i] as number) + Math.trunc(i / 2));
    expect(Array.from(q as Int32Array)).toEqual(refQ);
    expect(Array.from(r as Int32Array)).toEqual(refR);
    expect(relL2(f as Float32Array, refF)).toBeLessThan(1e-5);
  });
});

describe('conditions, logic and selects', () => {
  const src = `${H}export const logic = kernel(function (a: Int32Array, o: Int32Array, flag: bool, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  const v = a[i];
  let r = 0;
  if (v) r += 1;
  if (!v) r += 2;
  if (v > 0 && v % 2) r += 4;
  if (flag || v < -5) r += 8;
  r += v > 10 ? 16 : 0;
  o[i] = r;
});`;
  onDevices('ints in conditions compare with zero', async (d) => {
    const n = 200;
    const a = randomI32(n, -20, 20);
    const flag = Math.random() < 0.5;
    const [, o] = await runSource(d, src, 'logic', [a, new Int32Array(n), flag, n], 4, 64);
    const ref = Array.from(a, (v) => (v ? 1 : 0) + (!v ? 2 : 0) + (v > 0 && v % 2 ? 4 : 0) + (flag || v < -5 ? 8 : 0) + (v > 10 ? 16 : 0));
    expect(Array.from(o as Int32Array)).toEqual(ref);
  });
});

describe('scopes, constants and helpers', () => {
  const src = `${H}import { sq, clampIndex, TILE, HALF_TILE, SCALE } from '../fixtures/frontend/mathlib.js';
const N = TILE * 2;
function twice(v: f32): f32 {
  return v * 2;
}
export const tiles = kernel(function (x: Float32Array, y: Float32Array, n: i32) {
  const tile = sharedArray(Float32Array, N);
  const t = threadIdx.x;
  const g = blockIdx.x * N + t;
  tile[t] = g < n ? x[g] : 0;
  syncthreads();
  const x2 = 1.5;
  {
    const x2 = tile[clampIndex(t + HALF_TILE, N)];
    if (g < n) y[g] = twice(sq(x2)) * SCALE;
  }
  if (g < n) y[g] += x2;
});`;
  it('imports helpers and constants, sizes shared memory from a constant, renames shadowed locals', () => {
    const k = ir(src);
    expect(k.shared).toMatchObject([{ name: 'tile', length: 32, elem: 'f32' }]);
    expect(k.helpers.map((h) => h.name).sort()).toEqual(['clampIndex', 'sq', 'twice']);
    expect(letType(k, 'x2')).toBe('f32');
    expect(letType(k, 'x2_1')).toBe('f32');
    expect(k.usesBarrier).toBe(true);
  });
  onDevices('tile kernel', async (d) => {
    const n = 100;
    const x = randomF32(n);
    const [, y] = await runSource(d, src, 'tiles', [x, new Float32Array(n), n], Math.ceil(n / 32), 32);
    const ref = Array.from(x, (_, g) => {
      const b = Math.floor(g / 32);
      const t = g % 32;
      const j = Math.min(t + 8, 31);
      const v = b * 32 + j < n ? (x[b * 32 + j] as number) : 0;
      return v * v * 2 * 0.5 + 1.5;
    });
    expect(maxRelErr(y as Float32Array, ref)).toBeLessThan(1e-5);
  });
});

describe('access inference', () => {
  const src = `${H}export const acc = kernel(function (r: Float32Array, w: Float32Array, rw: Float32Array, unused: Float32Array, c: Int32Array) {
  const i = threadIdx.x;
  w[i] = r[i];
  rw[i] += 1;
  atomicAdd(c, 0, 1);
});`;
  it('read / write / read_write / unused / atomic', () => {
    const params = ir(src).params.map((p) => (p.kind === 'array' ? `${p.name}:${p.access}${p.atomic ? ':atomic' : ''}` : p.name));
    expect(params).toEqual(['r:read', 'w:write', 'rw:read_write', 'unused:read', 'c:read_write:atomic']);
  });
  onDevices('runs with inferred access', async (d) => {
    const n = 64;
    const r = randomF32(n);
    const rw = randomF32(n);
    const [, w, rw2, , c] = await runSource(d, src, 'acc', [r, new Float32Array(n), rw, new Float32Array(n), new Int32Array(1)], 1, n);
    expect(maxRelErr(w as Float32Array, r)).toBe(0);
    expect(maxRelErr(rw2 as Float32Array, Array.from(rw, (v) => v + 1))).toBeLessThan(1e-6);
    expect((c as Int32Array)[0]).toBe(n);
  });
});

describe('compile-time conversions and Math', () => {
  const src = `${H}export const conv = kernel(function (x: Float32Array, u: Uint32Array, o: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    u[i] = (u[i] ^ u32(-1)) >>> 3;
    o[i] = Math.max(x[i], 0, -x[i] * 0.5) + Math.min(i, 3) + Math.abs(i - 5) + Math.PI * 0;
  }
});`;
  onDevices('u32(-1), >>>, folded Math.max with three arguments, int min/abs', async (d) => {
    const n = 150;
    const x = randomF32(n, -4, 4);
    const u = new Uint32Array(n).map(() => Math.floor(Math.random() * 2 ** 32));
    const [, u2, o] = await runSource(d, src, 'conv', [x, u, new Float32Array(n), n], 3, 64);
    expect(Array.from(u2 as Uint32Array)).toEqual(Array.from(u, (v) => ((v ^ 0xffffffff) >>> 0) >>> 3));
    const ref = Array.from(x, (v, i) => Math.max(v, 0, -v * 0.5) + Math.min(i, 3) + Math.abs(i - 5));
    expect(maxRelErr(o as Float32Array, ref)).toBeLessThan(1e-6);
  });
});
