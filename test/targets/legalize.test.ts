// The targets' legalize rules (targets/<t>/legalize.ts): each rule on hand-built IR gives the
// expected IR, the pass list runs as targets/index.ts promises, and a kernel exercising every rule
// computes on cpu and webgpu what a float64 reference says.
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import type { Expr, KernelIR } from '../../core/ir/types.js';
import { verifyKernel } from '../../core/ir/verify.js';
import { CUDA_LEGALIZE, hideZeroDivisor, usesKeep } from '../../targets/cuda/legalize.js';
import { TARGETS, emitKernel } from '../../targets/index.js';
import { lowerFor } from '../../targets/target.js';
import { printWgsl } from '../../targets/wgsl/emit.js';
import { WGSL_LEGALIZE, maskShift, negateU32, notEqualF32, usesNonFinite } from '../../targets/wgsl/legalize.js';
import { validateWgsl } from '../helpers/dawn.js';
import { TARGET, closeDevices, launchAndRead, openDevices } from '../helpers/devices.js';
import { STRICT_PTX, hasNvcc, nvccCompile } from '../helpers/nvcc.js';
import {
  add, array, atomic, bin, cast, call, exprS, f, i, if_, kernelIR, load, mul, neg, not, param, scalar, store, tid, u,
} from '../../core/ir/build.js';

const pu = param('p', 'u32');
const pi = param('q', 'i32');
const x = param('x', 'f32');
const y = param('y', 'f32');
const and31 = (e: Expr): Expr => bin('&', e, u(31));

describe('WGSL rules on IR', () => {
  it('negate-u32: -p is 0u - p; other negations stay', () => {
    expect(negateU32(neg(pu))).toEqual(bin('-', u(0), pu));
    expect(negateU32(neg(pi))).toEqual(neg(pi));
    expect(negateU32(neg(x))).toEqual(neg(x));
  });

  it('mask-shifts: u32 amounts of their low 5 bits, no >>>', () => {
    expect(maskShift(bin('<<', pu, i(37)))).toEqual(bin('<<', pu, u(5)));
    expect(maskShift(bin('<<', pu, i(-1)))).toEqual(bin('<<', pu, u(31)));
    expect(maskShift(bin('>>', pi, pu))).toEqual(bin('>>', pi, and31(pu)));
    expect(maskShift(bin('<<', pi, pi))).toEqual(bin('<<', pi, and31(cast(pi, 'u32'))));
    expect(maskShift(bin('>>>', pu, pi))).toEqual(bin('>>', pu, and31(cast(pi, 'u32'))));
    expect(maskShift(bin('>>>', pi, i(3)))).toEqual(cast(bin('>>', cast(pi, 'u32'), u(3)), 'i32'));
    expect(maskShift(add(pi, pi))).toEqual(add(pi, pi));
  });

  it('not-equal-f32: a != b is !(a == b); x != x (the NaN test) and integer != stay', () => {
    expect(notEqualF32(bin('!=', x, y))).toEqual(not(bin('==', x, y)));
    expect(notEqualF32(bin('!=', x, x))).toEqual(bin('!=', x, x));
    expect(notEqualF32(bin('!=', pi, i(0)))).toEqual(bin('!=', pi, i(0)));
  });

  it('drop-pure-expr-stmts: an expression statement that is no call or atomic goes, at any depth', () => {
    const rule = WGSL_LEGALIZE.find((r) => r.name === 'drop-pure-expr-stmts');
    const kept = exprS(atomic('add', 'c', i(0), 'i32', i(1)));
    const ir = kernelIR('k', [array('c', 'i32', 'read_write', true)], [exprS(add(tid(), i(1))), if_(load('b', 'bool'), [exprS(tid()), kept])]);
    expect(rule?.apply(ir).body).toEqual([if_(load('b', 'bool'), [kept])]);
  });

  it('non-finite constants are found in the IR, helpers included, before printing', () => {
    const k = (v: number): KernelIR => kernelIR('k', [array('o', 'f32', 'write')], [store('o', i(0), f(v))]);
    expect(usesNonFinite(k(1.5))).toBe(false);
    expect(usesNonFinite(k(Infinity))).toBe(true);
    expect(usesNonFinite(k(NaN))).toBe(true);
    const code = emitKernel(k(-Infinity), 'wgsl').code;
    expect(code).toContain('fn ks_f32_bits(b: u32) -> f32');
    expect(code).toContain('o[0i] = ks_f32_bits(0xff800000u);');
    expect(emitKernel(k(2), 'wgsl').code).not.toContain('ks_f32_bits');
  });

  it('the printer spells the legalized IR as it spelled the original', () => {
    const ir = kernelIR('k', [array('o', 'u32', 'write'), array('s', 'i32', 'write'), scalar('p', 'u32'), scalar('q', 'i32')], [
      store('o', i(0), neg(pu)),
      store('o', i(1), bin('<<', pu, pi)),
      store('o', i(2), bin('>>>', add(pu, u(1)), u(40))),
      store('s', i(0), bin('>>>', pi, pu)),
    ]);
    const code = emitKernel(ir, 'wgsl').code;
    expect(code).toContain('o[0i] = 0u - p;');
    expect(code).toContain('o[1i] = p << (u32(q) & 31u);');
    expect(code).toContain('o[2i] = (p + 1u) >> 8u;');
    expect(code).toContain('s[0i] = i32(u32(q) >> (p & 31u));');
  });
});

describe('CUDA rules on IR', () => {
  it('hide-zero-divisors: a constant zero integer divisor is ks_keep_u32(0u), cast back on i32', () => {
    const keep = call('ks_keep_u32', 'u32', u(0));
    expect(hideZeroDivisor(bin('/', pi, i(0)))).toEqual(bin('/', pi, cast(keep, 'i32')));
    expect(hideZeroDivisor(bin('%', pu, u(0)))).toEqual(bin('%', pu, keep));
    expect(hideZeroDivisor(bin('/', pi, i(2)))).toEqual(bin('/', pi, i(2)));
    expect(hideZeroDivisor(bin('/', x, f(0)))).toEqual(bin('/', x, f(0)));
  });

  it('the helper is printed exactly when the legalized IR calls it', () => {
    const k = (d: number): KernelIR => kernelIR('k', [array('o', 'i32', 'write'), scalar('q', 'i32')], [store('o', i(0), bin('/', pi, i(d)))]);
    const zero = lowerFor(TARGETS.cuda, k(0));
    expect(usesKeep(zero)).toBe(true);
    expect(usesKeep(lowerFor(TARGETS.cuda, k(3)))).toBe(false);
    expect(emitKernel(k(0), 'cuda').code).toContain('o[0] = q / (int)ks_keep_u32(0u);');
    expect(emitKernel(k(3), 'cuda').code).not.toContain('ks_keep_u32');
    expect(CUDA_LEGALIZE.map((r) => r.name)).toEqual(['f16-in-f32', 'hide-zero-divisors']);
  });
});

describe('the pass list', () => {
  it('each target says whether it unrolls (WGSL and JS do, CUDA leaves it to nvcc), and its rules run in order', () => {
    expect(Object.values(TARGETS).map((t) => [t.name, t.unroll])).toEqual([['wgsl', true], ['cuda', false], ['js', true]]);
    expect(TARGETS.js.legalize.map((r) => r.name)).toEqual(['scalarize-vectors', 'f16-in-f32', 'scalarize-local-arrays']);
    expect(TARGETS.wgsl.legalize.map((r) => r.name)).toEqual([
      'f16-in-f32', 'keep-loop-bounds', 'hide-const-traps', 'split-deep-exprs', 'negate-u32', 'mask-shifts', 'not-equal-f32', 'drop-pure-expr-stmts',
    ]);
  });

  it('emitKernel is the backend printing what lowerFor gives, and lowering keeps the IR valid', () => {
    const ir = kernelIR('k', [array('o', 'f32', 'write'), scalar('x', 'f32')], [
      store('o', tid(), add(x, mul(f(2), f(3)))),
      store('o', i(1), cast(bin('!=', x, x), 'f32')),
    ]);
    for (const t of Object.values(TARGETS)) {
      const lowered = lowerFor(t, ir);
      verifyKernel(lowered);
      expect(t.emit(lowered).code).toBe(emitKernel(ir, t.name).code);
    }
    // Folded once: the constant product is a literal.
    expect(printWgsl(lowerFor(TARGETS.wgsl, ir)).code).toContain('o[ks_threadIdx_x] = x + 6.0f;');
  });
});

// ---- a kernel exercising every rule, on the devices -------------------------------------------------

const FILE = 'legalize.ts';
const SOURCE = `import { kernel, blockDim, blockIdx, threadIdx, i32, u32 } from 'kernelscript';
export const rules = kernel(function rules(ua: Uint32Array, ia: Int32Array, fa: Float32Array, ou: Uint32Array, oi: Int32Array, n: i32) {
  const t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t >= n) return;
  const u = ua[t];
  const s = ia[t];
  const x = fa[t];
  const y = fa[n - 1 - t];
  ou[t * 5] = -u;
  ou[t * 5 + 1] = u << s;
  ou[t * 5 + 2] = u >>> u32(s);
  ou[t * 5 + 3] = u >> 37;
  ou[t * 5 + 4] = u32(s) << u;
  oi[t * 7] = s >>> 35;
  oi[t * 7 + 1] = s >>> s;
  oi[t * 7 + 2] = s >> u;
  oi[t * 7 + 3] = x != y ? 1 : 0;
  oi[t * 7 + 4] = x != x ? 1 : 0;
  oi[t * 7 + 5] = x == x ? 1 : 0;
  oi[t * 7 + 6] = (x == Infinity ? 1 : 0) + (x > -Infinity ? 2 : 0);
});
`;

const N = 64;
function inputs(): { ua: Uint32Array; ia: Int32Array; fa: Float32Array } {
  const ua = new Uint32Array(N);
  const ia = new Int32Array(N);
  const fa = new Float32Array(N);
  const special = [NaN, Infinity, -Infinity, 0, -0, 1.5, -2.25, 3e38];
  for (let k = 0; k < N; k++) {
    ua[k] = (Math.imul(k + 1, 2654435761) >>> 0) ^ (k * 7);
    ia[k] = k % 2 === 0 ? k - 40 : Math.imul(k, -1640531527);
    fa[k] = special[k % special.length] ?? 0;
  }
  return { ua, ia, fa };
}

/** The float64 reference (JS numbers), as the language defines each operation. */
function reference(ua: Uint32Array, ia: Int32Array, fa: Float32Array): { ou: Uint32Array; oi: Int32Array } {
  const ou = new Uint32Array(N * 5);
  const oi = new Int32Array(N * 7);
  for (let t = 0; t < N; t++) {
    const u = ua[t] ?? 0;
    const s = ia[t] ?? 0;
    const x = fa[t] ?? 0;
    const y = fa[N - 1 - t] ?? 0;
    ou.set([-u >>> 0, (u << s) >>> 0, u >>> (s >>> 0), u >>> (37 & 31), ((s >>> 0) << u) >>> 0], t * 5);
    oi.set([s >>> 35 | 0, s >>> s | 0, s >> u, x !== y ? 1 : 0, x !== x ? 1 : 0, x === x ? 1 : 0, (x === Infinity ? 1 : 0) + (x > -Infinity ? 2 : 0)], t * 7);
  }
  return { ou, oi };
}

describe('a kernel exercising every WGSL rule', async () => {
  const slots = await openDevices(['cpu', 'webgpu']);
  afterAll(() => closeDevices(slots));
  const { ua, ia, fa } = inputs();
  const want = reference(ua, ia, fa);

  it('the WGSL says what the rules made of it, and Dawn accepts it', async () => {
    const k = compileKernel(SOURCE, { target: 'wgsl', fileName: FILE });
    for (const s of ['0u - u', 'u << (u32(s) & 31u)', 'u >> 5u', 'i32(u32(s) >> 3u)', '!(x == y)', 'fn ks_f32_bits']) expect(k.code).toContain(s);
    expect(await validateWgsl(k)).toBeNull();
  });

  for (const slot of slots) {
    it.skipIf(!slot.device)(`${slot.backend}: matches the float64 reference ${slot.reason}`, async () => {
      const device = slot.device;
      if (!device) return;
      const k = compileKernel(SOURCE, { target: TARGET[slot.backend], fileName: FILE });
      const [ou, oi] = await launchAndRead(device, k, N, [ua, ia, fa, new Uint32Array(N * 5), new Int32Array(N * 7), N], [3, 4]);
      expect([...(ou ?? [])]).toEqual([...want.ou]);
      expect([...(oi ?? [])]).toEqual([...want.oi]);
    });
  }

  it.skipIf(!hasNvcc)('the CUDA C of it, and of a constant zero divisor, compiles without a warning', async () => {
    const src = SOURCE.replace('oi[t * 7] = s >>> 35;', 'oi[t * 7] = (s >>> 35) + s / 0 + i32(u % 0);');
    const k = compileKernel(src, { target: 'cuda', fileName: FILE });
    expect(k.code).toContain('(int)ks_keep_u32(0u)');
    const r = await nvccCompile(k.code, STRICT_PTX);
    expect(r.said).toBe('');
    expect(r.ok).toBe(true);
  });
});
