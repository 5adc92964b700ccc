// Regressions from fuzzing ("Silent miscompilations and crashes found by fuzzing", items 3 and 5):
// literal-only subexpressions (Math.abs/min/max of literals, shifts of literals, ?: of literals)
// take the integer type of the other operand, integer Math.abs/min/max compute on integers on
// every target, and i32 constant edge cases (-(-2^31), shifts by 32 and more, u32 0xffffffff)
// compile and wrap as documented. Every kernel runs on every available device against an exact
// integer reference on fresh random inputs (edge values mixed in).
import { afterAll, describe, expect, it } from 'vitest';
import { KernelCompileError, compileKernel, type Target } from '../../compiler/index.js';
import { Rng } from '../helpers/case.js';
import { TARGET, closeDevices, launchAndRead, openDevices } from '../helpers/devices.js';
import { hasNvcc, nvccCompile } from '../helpers/nvcc.js';
import { CASES, N, bits, source } from './typing-cases.js';

const slots = await openDevices();
afterAll(() => closeDevices(slots));

describe('integer typing and constant edge cases compile on every target', () => {
  for (const c of CASES) {
    it(c.name, () => {
      for (const target of ['js', 'wgsl', 'cuda'] as const) compileKernel(source(c), { target, kernel: c.name });
      // Integer Math stays integer in CUDA C: no float min/max/abs on the way.
      if (c.out !== 'f32') expect(compileKernel(source(c), { target: 'cuda', kernel: c.name }).code).not.toMatch(/fmaxf|fminf|fabsf|\(float\)/);
    });
  }
});

for (const slot of slots) {
  describe.skipIf(!slot.device)(`integer typing on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const device = slot.device!;
        const rng = new Rng();
        const a = bits(rng);
        const b = new Int32Array(bits(rng).buffer);
        const out = c.out === 'u32' ? new Uint32Array(N) : c.out === 'i32' ? new Int32Array(N) : new Float32Array(N);
        const k = compileKernel(source(c), { target: TARGET[slot.backend], kernel: c.name });
        const [got] = await launchAndRead(device, k, N, [a, b, out, N], [2]);
        for (let j = 0; j < N; j++) {
          const want = c.out === 'f32' ? Math.fround(c.ref(a[j] as number, b[j] as number)) : c.ref(a[j] as number, b[j] as number);
          if (got![j] !== want) {
            expect.fail(`${c.name} on ${slot.backend}: out[${j}] = ${got![j]}, expected ${want} for s = ${a[j]}, t = ${b[j]} (seed ${rng.seed})`);
          }
        }
      });
    }

    it('u32(Math.max(s, Math.abs(3))) with the scalar s = 4294967295 (as reported)', async () => {
      const device = slot.device!;
      const src = `import { kernel, u32 } from 'kernelscript';
export const k = kernel(function k(s: u32, y: Uint32Array) {
  y[0] = u32(Math.max(s, Math.abs(3)));
  y[1] = Math.max(s, Math.abs(3));
});
`;
      const y = device.array(new Uint32Array(2));
      try {
        for (const s of [4294967295, 4294967040, 2, 16777217]) {
          device.launchCompiled(compileKernel(src, { target: TARGET[slot.backend] }), { grid: 1, block: 1 }, [s, y]);
          expect([...(await y.read())]).toEqual([Math.max(s, 3), Math.max(s, 3)]);
        }
      } finally {
        y.dispose();
      }
    });

    it('i32 min / -1 and % -1 of constants compile and agree with the cpu (the value is unspecified, docs/language.md)', async () => {
      const device = slot.device!;
      const src = `import { kernel, i32 } from 'kernelscript';
export const k = kernel(function k(z: Int32Array) {
  z[0] = -2147483648 / -1;
  z[1] = -2147483648 % -1;
  z[2] = i32(-2147483648) / -1;
  z[3] = -(-2147483648) % -1;
});
`;
      const run = async (d: typeof device, target: Target): Promise<number[]> => {
        const z = d.array(new Int32Array(4).fill(7));
        try {
          d.launchCompiled(compileKernel(src, { target }), { grid: 1, block: 1 }, [z]);
          return [...(await z.read())];
        } finally {
          z.dispose();
        }
      };
      const cpu = slots.find((s) => s.backend === 'cpu')?.device;
      const got = await run(device, TARGET[slot.backend]);
      if (cpu) expect(got).toEqual(await run(cpu, 'js'));
      expect(got).not.toContain(7);
    });
  });
}

describe('literal adaptation does not hide real type errors', () => {
  const errs: [string, string, string][] = [
    ['a negative literal in a u32 ?: arm', 'y[0] = s + (c ? -1 : 1);', 'KS2002'],
    ['u32 Math.min in i32 arithmetic', 'z[0] = t - Math.min(3, s);', 'KS2001'],
    ['Math.max of i32 and u32', 'y[0] = Math.max(s, t);', 'KS2001'],
    ['an f32 argument keeps Math.max f32', 'y[0] = Math.max(s, 1.5);', 'KS2003'],
    ['bitwise on an f32 value', 'x[0] = f & 3;', 'KS2004'],
  ];
  for (const [what, stmt, code] of errs) {
    it(what, () => {
      const src = `import { kernel, f32, i32, u32 } from 'kernelscript';
export const k = kernel(function k(x: Float32Array, y: Uint32Array, z: Int32Array, s: u32, t: i32, f: f32, c: boolean) {
  ${stmt}
});
`;
      let err: unknown;
      try {
        compileKernel(src, { target: 'js' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(KernelCompileError);
      expect((err as KernelCompileError).diagnostics.map((d) => d.code)).toEqual([code]);
    });
  }
});

describe.skipIf(!hasNvcc)('nvcc compiles the CUDA C of every case without warnings (skipped: nvcc not found)', () => {
  it('all cases in one unit', async () => {
    const { said } = await nvccCompile(CASES.map((c) => compileKernel(source(c), { target: 'cuda', kernel: c.name }).code).join('\n'));
    expect(said).toBe('');
  });
});
