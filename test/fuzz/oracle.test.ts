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
      n: 1, p: 0, q: 0, r: 0, flag: false, block: 32,
    };
    const ref = reference(prog, inputs);
    expect(ref.OI[0]).toEqual({ k: 'value', v: -2147483648, e: 0 });
    expect(ref.OI[1]?.k).toBe('unknown');
    expect(ref.OF[0]).toMatchObject({ k: 'value', v: Math.fround(Math.fround(1e7) % Math.fround(0.7)) });
  });
});
