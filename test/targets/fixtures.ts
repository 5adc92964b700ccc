// Hand-built IR kernels covering what the targets must get right, each with random inputs and a
// float64 plain-JS reference. Used to execute the JS target and to validate WGSL (Dawn) and CUDA (nvcc).
import type { KernelIR } from '../../core/ir/types.js';
import { exprFuzz } from './fuzz.js';
import type { HostArg, Rng } from '../helpers/case.js';
import {
  add, array, assign, barrier, bdim, bid, bin, bitnot, brk, call, cast, cont, doWhile, f, forRange,
  gid, helper, i, idx, if_, kernelIR, let_, load, localArr, loop, lt, math, mul, neg, not, param, ret, scalar, sel, shared,
  store, sub, tid, u,
} from '../../core/ir/build.js';

export interface Fixture {
  ir: KernelIR;
  make(rng: Rng): { args: HostArg[]; grid: [number, number, number]; block: [number, number, number] };
  reference(args: HostArg[]): Record<number, ArrayLike<number>>;
  tolerance?: number;
}

type Arg = HostArg | undefined;
const F = (a: Arg): Float32Array => a as Float32Array;
const I = (a: Arg): Int32Array => a as Int32Array;
const N = (a: Arg): number => a as number;
const gi = load('gi', 'i32');
const n = param('n', 'i32');

/** Block-wide inclusive scan (Hillis–Steele): barriers inside a loop. */
const scan: Fixture = (() => {
  const t = tid();
  const off = load('off', 'i32');
  const s = (e: ReturnType<typeof tid>) => idx('s', e, 'f32');
  return {
    ir: kernelIR('scan', [array('x', 'f32', 'read'), array('y', 'f32', 'write'), scalar('n', 'i32')], [
      let_('gi', 'i32', gid(), false),
      store('s', t, sel(lt(gi, n), idx('x', gi, 'f32'), f(0))),
      barrier,
      let_('off', 'i32', i(1)),
      loop(lt(off, bdim()), [
        let_('v', 'f32', null),
        if_(bin('>=', t, off), [assign('v', s(sub(t, off)))]),
        barrier,
        store('s', t, add(s(t), load('v', 'f32'))),
        barrier,
      ], [assign('off', bin('<<', off, i(1)))]),
      if_(lt(gi, n), [store('y', gi, s(t))]),
    ], { shared: [shared('s', 'f32', 64)] }),
    make(rng) {
      const len = rng.int(200, 600);
      return { args: [rng.f32Array(len), new Float32Array(len), len], grid: [Math.ceil(len / 64), 1, 1], block: [64, 1, 1] };
    },
    reference([x, , len]) {
      const out = new Float64Array(N(len));
      for (let k = 0; k < N(len); k++) out[k] = F(x)[k]! + (k % 64 === 0 ? 0 : out[k - 1]!);
      return { 1: out };
    },
    tolerance: 1e-5,
  };
})();

/** Integer arithmetic, bitwise ops, shifts (amounts >= 32 and negative), casts, int math. */
const INT_OPS = 24;
const intops: Fixture = (() => {
  const a = load('a', 'i32');
  const bb = load('b', 'i32');
  const ua = load('ua', 'u32');
  const ub = load('ub', 'u32');
  const x = load('x', 'f32');
  const outI = [
    add(a, bb), sub(a, bb), mul(a, bb), bin('/', a, bb), bin('%', a, bb), bin('&', a, bb), bin('|', a, bb), bin('^', a, bb),
    bin('<<', a, bb), bin('>>', a, bb), bin('>>>', a, bb), bitnot(a), neg(a), math('min', a, bb), math('max', a, bb),
    math('abs', a), math('max', a, neg(bb)), cast(x, 'i32'), cast(ua, 'i32'), cast(lt(a, bb), 'i32'),
    cast(bin('!=', a, i(0)), 'i32'), bin('<<', a, i(35)), mul(a, i(-2147483648)), sel(bin('>', a, bb), a, bb),
  ];
  const outU = [
    add(ua, ub), sub(ua, ub), mul(ua, ub), bin('/', ua, ub), bin('%', ua, ub), bin('&', ua, ub), bin('|', ua, ub), bin('^', ua, ub),
    bin('<<', ua, bb), bin('>>', ua, bb), bin('>>>', ua, ub), bitnot(ua), neg(ua), math('min', ua, ub), math('max', ua, ub),
    math('abs', ua), math('min', ua, bitnot(ub)), cast(math('abs', x), 'u32'), cast(a, 'u32'), cast(bin('<', ua, ub), 'u32'),
    u(4294967295), bin('>>', ua, u(33)), mul(ua, u(2654435761)), cast(cast(bin('>>', ua, u(8)), 'f32'), 'u32'),
  ];
  const k = (j: number) => add(mul(gi, i(INT_OPS)), i(j));
  return {
    ir: kernelIR('intops', [array('A', 'i32', 'read'), array('B', 'i32', 'read'), array('X', 'f32', 'read'), array('OI', 'i32', 'write'), array('OU', 'u32', 'write'), scalar('n', 'i32')], [
      let_('gi', 'i32', gid(), false),
      if_(bin('>=', gi, n), [ret()]),
      let_('a', 'i32', idx('A', gi, 'i32'), false),
      let_('b', 'i32', idx('B', gi, 'i32'), false),
      let_('ua', 'u32', cast(a, 'u32'), false),
      let_('ub', 'u32', cast(bb, 'u32'), false),
      let_('x', 'f32', idx('X', gi, 'f32'), false),
      ...outI.map((e, j) => store('OI', k(j), e)),
      ...outU.map((e, j) => store('OU', k(j), e)),
    ]),
    make(rng) {
      const len = rng.int(100, 300);
      const A = new Int32Array(len), B = new Int32Array(len);
      for (let j = 0; j < len; j++) {
        A[j] = j % 3 === 0 ? rng.int(-2147483647, 2147483647) : rng.int(-1000, 1000);
        B[j] = j % 4 === 0 ? rng.int(-2147483647, 2147483647) : rng.int(-70, 70) || 7;
      }
      return { args: [A, B, rng.f32Array(len, -1e5, 1e5), new Int32Array(len * INT_OPS), new Uint32Array(len * INT_OPS), len], grid: [Math.ceil(len / 32), 1, 1], block: [32, 1, 1] };
    },
    reference([A, B, X, , , len]) {
      const oi = new Int32Array(N(len) * INT_OPS), ou = new Uint32Array(N(len) * INT_OPS);
      for (let j = 0; j < N(len); j++) {
        const a = I(A)[j]!, bv = I(B)[j]!, x = F(X)[j]!;
        const ua = a >>> 0, ub = bv >>> 0;
        const sh = ((bv % 32) + 32) % 32;
        const rowI = [
          a + bv, a - bv, Number((BigInt(a) * BigInt(bv)) & 0xffffffffn), Math.trunc(a / bv), a % bv, a & bv, a | bv, a ^ bv,
          Number((BigInt(a) << BigInt(sh)) & 0xffffffffn), Math.floor(a / 2 ** sh), Math.floor(ua / 2 ** sh), -a - 1, -a, Math.min(a, bv), Math.max(a, bv),
          Math.abs(a), Math.max(a, -bv | 0), Math.trunc(x), ua, a < bv ? 1 : 0, a !== 0 ? 1 : 0, Number((BigInt(a) << 3n) & 0xffffffffn), a % 2 === 0 ? 0 : 2 ** 31, a > bv ? a : bv,
        ];
        const rowU = [
          ua + ub, ua - ub, Number((BigInt(ua) * BigInt(ub)) % 2n ** 32n), Math.trunc(ua / ub), ua % ub, Number(BigInt(ua) & BigInt(ub)), Number(BigInt(ua) | BigInt(ub)), Number(BigInt(ua) ^ BigInt(ub)),
          Number((BigInt(ua) << BigInt(sh)) % 2n ** 32n), Math.floor(ua / 2 ** sh), Math.floor(ua / 2 ** (ub % 32)), 2 ** 32 - 1 - ua, 2 ** 32 - ua, Math.min(ua, ub), Math.max(ua, ub),
          ua, Math.min(ua, ~ub >>> 0), Math.trunc(Math.abs(x)), ua, ua < ub ? 1 : 0, 2 ** 32 - 1, Math.floor(ua / 2), Number((BigInt(ua) * 2654435761n) % 2n ** 32n), Math.floor(ua / 256),
        ];
        oi.set(rowI, j * INT_OPS); // Int32Array.set wraps to 32 bits, as the reference asks
        ou.set(rowU, j * INT_OPS);
      }
      return { 3: oi, 4: ou };
    },
  };
})();

/** Every Math function on f32, with Math.round on exact halves and pow of negative bases. */
const MATH_OPS = 19;
const mathops: Fixture = (() => {
  const x = load('x', 'f32');
  const y = load('y', 'f32');
  const half = mul(math('floor', mul(x, f(8))), f(0.5));
  const outs = [
    math('exp', x), math('log', add(math('abs', x), f(0.5))), math('sqrt', math('abs', x)), math('abs', x), math('min', x, y), math('max', x, y),
    math('pow', add(math('abs', x), f(0.1)), y), math('pow', x, f(3)), math('floor', mul(x, f(3))), math('ceil', mul(x, f(3))), math('round', half),
    math('sin', x), math('cos', x), math('tan', x), math('tanh', mul(x, f(2))), math('atan2', x, y), math('sign', x), mul(f(Math.PI), x),
    bin('%', mul(x, f(7)), y),
  ];
  return {
    ir: kernelIR('mathops', [array('X', 'f32', 'read'), array('Y', 'f32', 'read'), array('O', 'f32', 'write'), scalar('n', 'i32')], [
      let_('gi', 'i32', gid(), false),
      if_(lt(gi, n), [
        let_('x', 'f32', idx('X', gi, 'f32'), false),
        let_('y', 'f32', idx('Y', gi, 'f32'), false),
        ...outs.map((e, j) => store('O', add(mul(gi, i(MATH_OPS)), i(j)), e)),
      ]),
    ]),
    make(rng) {
      const len = rng.int(100, 300);
      const X = rng.f32Array(len, -1.4, 1.4);
      X[0] = 0;
      return { args: [X, rng.f32Array(len, 0.2, 2), new Float32Array(len * MATH_OPS), len], grid: [Math.ceil(len / 32), 1, 1], block: [32, 1, 1] };
    },
    reference([X, Y, , len]) {
      const o = new Float64Array(N(len) * MATH_OPS);
      for (let j = 0; j < N(len); j++) {
        const x = F(X)[j]!, y = F(Y)[j]!;
        const half = Math.floor(x * 8) * 0.5;
        o.set([
          Math.exp(x), Math.log(Math.abs(x) + 0.5), Math.sqrt(Math.abs(x)), Math.abs(x), Math.min(x, y), Math.max(x, y),
          Math.pow(Math.abs(x) + Math.fround(0.1), y), x ** 3, Math.floor(x * 3), Math.ceil(x * 3), Math.floor(half + 0.5),
          Math.sin(x), Math.cos(x), Math.tan(x), Math.tanh(x * 2), Math.atan2(x, y), Math.sign(x), Math.fround(Math.PI) * x,
          Math.fround(x * 7) % y,
        ], j * MATH_OPS);
      }
      return { 2: o };
    },
    tolerance: 1e-5,
  };
})();

/** Loops of every shape with break/continue, helpers, select, local arrays, Infinity, bool params. */
const control: Fixture = (() => {
  const j = load('j', 'i32');
  const acc = load('acc', 'i32');
  const x = (e: ReturnType<typeof i>) => idx('X', e, 'f32');
  return {
    ir: kernelIR('control', [array('X', 'f32', 'read'), array('O', 'f32', 'write'), array('OI', 'i32', 'write'), scalar('flag', 'bool'), scalar('m', 'i32'), scalar('n', 'i32')], [
      let_('gi', 'i32', gid(), false),
      if_(bin('>=', gi, n), [ret()]),
      // for with continue: sum of odd j < gi % 37
      let_('acc', 'i32', i(0)),
      forRange('j', i(0), bin('%', gi, i(37)), [if_(bin('==', bin('&', j, i(1)), i(0)), [cont]), assign('acc', add(acc, j))]),
      store('OI', mul(gi, i(4)), acc),
      // while(true) with break: count steps of collatz-like iteration, capped
      let_('v', 'i32', add(gi, i(1))),
      let_('steps', 'i32', i(0)),
      loop(null, [
        if_(bin('||', bin('==', load('v', 'i32'), i(1)), bin('>=', load('steps', 'i32'), i(50))), [brk]),
        assign('v', sel(bin('==', bin('%', load('v', 'i32'), i(2)), i(0)), bin('/', load('v', 'i32'), i(2)), add(mul(load('v', 'i32'), i(3)), i(1)))),
        assign('steps', add(load('steps', 'i32'), i(1))),
      ]),
      store('OI', add(mul(gi, i(4)), i(1)), load('steps', 'i32')),
      // do-while with continue (continue must re-test the condition)
      let_('k', 'i32', i(0)),
      let_('evens', 'i32', i(0)),
      doWhile([assign('k', add(load('k', 'i32'), i(1))), if_(bin('!=', bin('%', load('k', 'i32'), i(2)), i(0)), [cont]), assign('evens', add(load('evens', 'i32'), i(1)))], lt(load('k', 'i32'), bin('%', gi, i(11)))),
      store('OI', add(mul(gi, i(4)), i(2)), load('evens', 'i32')),
      // a loop whose update is not a simple statement list, with continue
      let_('p', 'i32', i(0)),
      let_('q', 'i32', i(0)),
      loop(lt(load('p', 'i32'), i(10)), [if_(bin('==', load('p', 'i32'), i(3)), [cont]), assign('q', add(load('q', 'i32'), load('p', 'i32')))], [
        if_(bin('<', load('p', 'i32'), i(5)), [assign('p', add(load('p', 'i32'), i(1)))], [assign('p', add(load('p', 'i32'), i(2)))]),
      ]),
      store('OI', add(mul(gi, i(4)), i(3)), load('q', 'i32')),
      // local array + max with -Infinity start, helper call with a bool parameter
      localArr('w', 'f32', 4),
      forRange('j', i(0), i(4), [store('w', load('j', 'i32'), x(bin('%', add(gi, load('j', 'i32')), n)))]),
      let_('best', 'f32', f(-Infinity)),
      forRange('j2', i(0), i(4), [assign('best', math('max', load('best', 'f32'), idx('w', load('j2', 'i32'), 'f32')))]),
      store('O', mul(gi, i(3)), load('best', 'f32')),
      store('O', add(mul(gi, i(3)), i(1)), call('scale', 'f32', x(gi), param('flag', 'bool'), param('m', 'i32'))),
      store('O', add(mul(gi, i(3)), i(2)), sel(not(lt(x(gi), f(0))), f(Infinity), f(-1.5))),
    ], {
      helpers: [
        helper('twice', [['v', 'f32']], 'f32', [ret(mul(param('v', 'f32'), f(2)))]),
        helper('scale', [['v', 'f32'], ['on', 'bool'], ['times', 'i32']], 'f32', [
          if_(not(param('on', 'bool')), [ret(param('v', 'f32'))]),
          let_('r', 'f32', param('v', 'f32')),
          forRange('t', i(0), param('times', 'i32'), [assign('r', call('twice', 'f32', load('r', 'f32')))]),
          ret(load('r', 'f32')),
        ]),
      ],
    }),
    make(rng) {
      const len = rng.int(100, 300);
      return { args: [rng.f32Array(len), new Float32Array(len * 3), new Int32Array(len * 4), rng.next() < 0.5, rng.int(1, 4), len], grid: [Math.ceil(len / 32), 1, 1], block: [32, 1, 1] };
    },
    reference([X, , , flag, m, len]) {
      const o = new Float64Array(N(len) * 3), oi = new Int32Array(N(len) * 4);
      for (let g = 0; g < N(len); g++) {
        let acc = 0;
        for (let j = 0; j < g % 37; j++) if (j & 1) acc += j;
        let v = g + 1, steps = 0;
        while (v !== 1 && steps < 50) {
          v = v % 2 === 0 ? v / 2 : 3 * v + 1;
          steps++;
        }
        let k = 0, evens = 0;
        do {
          k++;
          if (k % 2 !== 0) continue;
          evens++;
        } while (k < g % 11);
        let q = 0;
        for (let p = 0; p < 10; p = p < 5 ? p + 1 : p + 2) if (p !== 3) q += p;
        oi.set([acc, steps, evens, q], g * 4);
        let best = -Infinity;
        for (let j = 0; j < 4; j++) best = Math.max(best, F(X)[(g + j) % N(len)]!);
        const xv = F(X)[g]!;
        o.set([best, flag ? xv * 2 ** N(m) : xv, xv >= 0 ? Infinity : -1.5], g * 3);
      }
      return { 1: o, 2: oi };
    },
  };
})();

/** User names that collide with keywords and builtins of every target, and with the ks_ prefix. */
const reserved: Fixture = {
  ir: kernelIR('float', [array('select', 'f32', 'read'), array('var', 'f32', 'write'), scalar('ks_n', 'i32'), scalar('this', 'f32')], [
    let_('threadIdx', 'i32', add(mul(bid(), bdim()), tid()), false),
    if_(bin('>=', load('threadIdx', 'i32'), param('ks_n', 'i32')), [ret()]),
    let_('min', 'f32', idx('select', load('threadIdx', 'i32'), 'f32'), false),
    let_('Math', 'f32', call('loop', 'f32', load('min', 'f32')), false),
    let_('__x', 'f32', add(load('Math', 'f32'), param('this', 'f32')), false),
    store('var', load('threadIdx', 'i32'), load('__x', 'f32')),
  ], { helpers: [helper('loop', [['int', 'f32']], 'f32', [ret(mul(param('int', 'f32'), param('int', 'f32')))])] }),
  make(rng) {
    const len = rng.int(50, 200);
    return { args: [rng.f32Array(len), new Float32Array(len), len, rng.f32()], grid: [Math.ceil(len / 32), 1, 1], block: [32, 1, 1] };
  },
  reference([s, , len, t]) {
    const o = new Float64Array(N(len));
    for (let k = 0; k < N(len); k++) o[k] = F(s)[k]! ** 2 + N(t);
    return { 1: o };
  },
};

/**
 * Constant operands only: folded with JS semantics, since WGSL rejects constant expressions that
 * overflow or are non-finite, and C warns on them. A scalar keeps each result observable at run time.
 */
const constants: Fixture = {
  ir: kernelIR('constants', [array('OI', 'i32', 'write'), array('O', 'f32', 'write'), scalar('k', 'i32')], [
    store('OI', i(0), add(bin('<<', i(1), i(31)), param('k', 'i32'))),
    store('OI', i(1), add(add(i(2147483647), i(1)), param('k', 'i32'))),
    store('OI', i(2), add(neg(bin('-', i(0), i(-2147483648))), param('k', 'i32'))),
    store('OI', i(3), add(cast(mul(u(65536), u(65537)), 'i32'), param('k', 'i32'))),
    store('OI', i(4), add(bin('/', i(7), i(-2)), bin('%', i(-7), i(2)))),
    store('O', i(0), mul(mul(f(1e30), f(1e30)), cast(param('k', 'i32'), 'f32'))),
    store('O', i(1), math('sqrt', f(-1))),
    store('O', i(2), mul(math('log', f(0)), cast(param('k', 'i32'), 'f32'))),
    store('O', i(3), math('round', f(-2.5))),
  ]),
  make(rng) {
    return { args: [new Int32Array(5), new Float32Array(4), rng.int(1, 100)], grid: [1, 1, 1], block: [1, 1, 1] };
  },
  reference([, , k]) {
    const kk = N(k);
    return { 0: [-2147483648 + kk, -2147483648 + kk, -2147483648 + kk, 65536 + kk, -4], 1: [Infinity, NaN, -Infinity, -2] };
  },
};

// Only what no kernel of test/cases (which have their own goldens and runs) covers: IR the front
// end cannot produce, or operations the cases lack.
export const FIXTURES: Fixture[] = [scan, intops, mathops, control, reserved, exprFuzz, constants];
