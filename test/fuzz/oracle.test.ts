// The fuzzers' own parts, checked on inputs whose answers are known, so that a quiet fuzz slice
// means "no bug found" rather than "the oracle stopped looking".
import { describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import { seedCorpus } from './corpus.js';
import { openDawn } from './dawn.js';
import { makeDiffInput } from './diff.js';
import { makeMutant } from './mutants.js';
import type { Program } from './program.js';
import { reference, type Inputs } from './reference.js';
import { loadInputs, saveInputs } from './reproducer.js';
import { tsRejects } from './ts-check.js';

const KERNEL = `import { kernel, i32 } from 'kernelscript';
export const k = kernel(function k(y: Int32Array, n: i32) {
  y[0] = n;
});
`;

describe('fuzz oracles', () => {
  it('tsRejects: what tsc rejects, and nothing in the seed corpus', () => {
    expect(tsRejects('/a.ts', 'function f() { let a = 1; let a = 2; }').map((p) => p.code)).toContain(2451);
    expect(tsRejects('/a.ts', 'const x = (1;').length).toBeGreaterThan(0);
    expect(tsRejects('/a.ts', KERNEL)).toEqual([]);
    for (const s of seedCorpus()) expect(tsRejects(s.fileName, s.text), s.origin).toEqual([]);
  });

  it('mutants are a pure function of (seed, index) and differ from their seed', () => {
    const corpus = seedCorpus();
    const a = makeMutant(corpus, 5, 17);
    expect(makeMutant(corpus, 5, 17).mutant.text).toBe(a.mutant.text);
    expect(a.mutant.text).not.toBe(a.seedFile.text);
    expect(a.mutant.ops.length).toBeGreaterThan(0);
  });

  it('Dawn accepts a compiled kernel and rejects broken WGSL', async () => {
    const dawn = await openDawn();
    try {
      const k = compileKernel(KERNEL, { target: 'wgsl' });
      expect(await dawn.validate(k)).toBeNull();
      expect(await dawn.validate({ ...k, code: `${k.code}\nfn broken() { let x: i32 = 1u; }\n` })).toMatch(/^module: /);
    } finally {
      dawn.dispose();
    }
  });

  it('generated programs are valid TypeScript', () => {
    for (let i = 0; i < 40; i++) {
      const { source } = makeDiffInput(99, i);
      expect(tsRejects('/g.ts', source), source).toEqual([]);
    }
  });

  it('the reference wraps integers, leaves undefined behaviour unknown and bounds f32 error', () => {
    const name = (t: 'i32' | 'f32', n: string) => ({ k: 'name' as const, t, name: n });
    const prog: Program = {
      helpers: [],
      slots: { OI: 2, OU: 0, OF: 1 },
      sync: false,
      xchg: {},
      body: [
        { k: 'out', arr: 'OI', slot: 0, value: { k: 'bin', t: 'i32', op: '+', a: name('i32', 'a0'), b: name('i32', 'a1') } },
        { k: 'out', arr: 'OI', slot: 1, value: { k: 'bin', t: 'i32', op: '/', a: name('i32', 'a0'), b: name('i32', 'a2') } },
        { k: 'out', arr: 'OF', slot: 0, value: { k: 'bin', t: 'f32', op: '%', a: name('f32', 'f0'), b: name('f32', 'f1') } },
      ],
    };
    const inputs: Inputs = {
      A: Int32Array.from([2147483647, 1, 0, 0]),
      U: new Uint32Array(4),
      F: Float32Array.from([1e7, 0.7, 0, 0]),
      n: 1, p: 0, q: 0, r: 0, flag: false, block: 32, GI: new Int32Array(16), GU: new Uint32Array(16),
    };
    const ref = reference(prog, inputs);
    expect(ref.OI[0]).toEqual({ k: 'value', v: -2147483648, e: 0 });
    expect(ref.OI[1]?.k).toBe('unknown');
    expect(ref.OF[0]).toMatchObject({ k: 'value', v: Math.fround(Math.fround(1e7) % Math.fround(0.7)) });
  });

  it('the reference shares memory between barriers and keeps only order-free atomic results', () => {
    const tid = { k: 'builtin' as const, t: 'i32' as const, name: 'threadIdx' as const };
    const a0 = { k: 'name' as const, t: 'i32' as const, name: 'a0' };
    const lit = (v: number) => ({ k: 'lit' as const, t: 'i32' as const, v, typed: false });
    const neighbour = { k: 'sload' as const, t: 'i32' as const, arr: 'S', idx: { k: 'bin' as const, t: 'i32' as const, op: '+' as const, a: tid, b: lit(1) }, mask: 'block' as const };
    const atomic = (op: 'atomicAdd' | 'atomicMin' | 'atomicExch', group: number) =>
      ({ k: 'atomic' as const, arr: 'GI', elem: 'i32' as const, op, group, idx: null, value: op === 'atomicExch' ? null : a0, bind: null, loop: null });
    const body: Program['body'] = [
      { k: 'sarr', name: 'S', elem: 'i32' },
      { k: 'sstore', arr: 'S', elem: 'i32', op: '=', value: a0 },
      { k: 'sync' },
      { k: 'out', arr: 'OI', slot: 0, value: neighbour },
      atomic('atomicAdd', 0),
      atomic('atomicMin', 1),
      atomic('atomicAdd', 1), // a second kind on cell 1: its final value depends on the order
      atomic('atomicExch', 3),
    ];
    const prog: Program = { helpers: [], slots: { OI: 1, OU: 0, OF: 0 }, sync: true, xchg: { GI: { exch: 9 } }, body };
    const A = Int32Array.from({ length: 32 * 4 }, (_, i) => 3 * i - 100);
    const GI = Int32Array.from({ length: 16 }, (_, i) => i);
    const inputs: Inputs = { A, U: new Uint32Array(128), F: new Float32Array(128), n: 32, p: 0, q: 0, r: 0, flag: false, block: 32, GI, GU: new Uint32Array(16) };
    const ref = reference(prog, inputs);
    const a = (t: number) => A[t * 4] as number;
    expect(ref.OI.map((x) => (x.k === 'value' ? x.v : x.k))).toEqual(Array.from({ length: 32 }, (_, t) => a((t + 1) % 32)));
    let sum = 0;
    for (let t = 0; t < 32; t++) sum += a(t);
    expect(ref.GI[0]).toEqual({ k: 'value', v: sum, e: 0 });
    expect(ref.GI[1]?.k).toBe('unknown');
    expect(ref.GI[3]).toEqual({ k: 'value', v: 9, e: 0 });
    expect(ref.GI[2]).toEqual({ k: 'value', v: 2, e: 0 });
    // Without the barrier, the neighbour's read races with its write: a generator bug, not a value.
    expect(() => reference({ ...prog, body: body.filter((x) => x.k !== 'sync') }, inputs)).toThrow(/races with another thread/);
    expect(saveInputs(loadInputs(saveInputs(inputs)))).toEqual(saveInputs(inputs));
  });
});
