// i32 arithmetic wraps modulo 2^32 on every target (docs/language.md). C++ leaves signed overflow
// undefined and nvcc exploits that: `(-2147483647 - 1) + t` compiled to `t | INT_MIN` (PTX
// `or.b32`), wrong for every negative t, and `t + 1 > t` to `true`. The CUDA target now computes
// i32 `+ - * << >>>` and negation on unsigned int and converts back once. Checked here: the printed
// CUDA C, the PTX nvcc makes of it (skipped without nvcc), and the results on every device.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel } from '../../compiler/index.js';
import type { CompiledKernel } from '../../core/output.js';
import { Rng } from '../helpers/case.js';
import { TARGET, closeDevices, launchAndRead, openDevices } from '../helpers/devices.js';
import { hasNvcc, nvccCompile } from '../helpers/nvcc.js';

const FILE = join(import.meta.dirname, 'cuda-wrap-kernels.ts');
const W = 12;

const SOURCE = `import { kernel, i32 } from 'kernelscript';
export const addMin = kernel(function (x: Int32Array, out: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = (-2147483647 - 1) + x[i];
});
export const plusOne = kernel(function (x: Int32Array, out: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = x[i] + 1 > x[i] ? 1 : 0;
});
export const ops = kernel(function (x: Int32Array, y: Int32Array, ux: Uint32Array, out: Int32Array, uout: Uint32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const a = x[i];
    const b = y[i];
    let c = a;
    c += b;
    c++;
    c *= b;
    c -= a;
    out[${W} * i] = a + b;
    out[${W} * i + 1] = a - b;
    out[${W} * i + 2] = a * b;
    out[${W} * i + 3] = -a;
    out[${W} * i + 4] = a << b;
    out[${W} * i + 5] = a << 31;
    out[${W} * i + 6] = c;
    out[${W} * i + 7] = a * 3 + b * -5 - 7;
    out[${W} * i + 8] = a + b > a ? 1 : 0;
    out[${W} * i + 9] = (a >>> 1) + b;
    out[${W} * i + 10] = i32(ux[i] + ux[i]) * b;
    out[${W} * i + 11] = (a / ((b & 255) | 1)) * b;
    uout[i] = ux[i] * ux[i] - ux[i];
  }
});
`;

const cuda = (kernel: string): CompiledKernel => compileKernel(SOURCE, { target: 'cuda', kernel, fileName: FILE });

describe('CUDA C computes i32 + - * << and negation on unsigned int', () => {
  it('prints each operation in the unsigned form, converted back to int once', () => {
    const lines = cuda('ops').code.split('\n').map((l) => l.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        'const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);',
        'c = (int)((unsigned int)c + b);',
        'c = (int)(c + 1u);',
        'c = (int)((unsigned int)c * b);',
        'c = (int)((unsigned int)c - a);',
        'out[(int)(12u * i)] = (int)((unsigned int)a + b);',
        'out[(int)(12u * i + 1u)] = (int)((unsigned int)a - b);',
        'out[(int)(12u * i + 2u)] = (int)((unsigned int)a * b);',
        'out[(int)(12u * i + 3u)] = (int)(-(unsigned int)a);',
        'out[(int)(12u * i + 4u)] = (int)((unsigned int)a << (b & 31));',
        'out[(int)(12u * i + 5u)] = (int)((unsigned int)a << 31);',
        'out[(int)(12u * i + 7u)] = (int)(a * 3u + b * (unsigned int)-5 - 7u);',
        'out[(int)(12u * i + 8u)] = (int)((unsigned int)a + b) > a ? 1 : 0;',
        'out[(int)(12u * i + 9u)] = (int)(((unsigned int)a >> 1) + b);',
        'out[(int)(12u * i + 10u)] = (int)((ux[i] + ux[i]) * b);',
        // Division keeps its signed form: -2147483648 / -1 is left unspecified.
        'out[(int)(12u * i + 11u)] = (int)((unsigned int)(a / ((b & 255) | 1)) * b);',
        // u32 arithmetic wraps in C already.
        'uout[i] = ux[i] * ux[i] - ux[i];',
      ]),
    );
    expect(cuda('addMin').code).toContain('out[i] = (int)(2147483648u + x[i]);');
  });
});

// ---- nvcc ----------------------------------------------------------------------------------------

/** The PTX of entry `name`, up to the next entry. */
function entry(ptx: string, name: string): string {
  const start = ptx.indexOf(`.entry ${name}(`);
  if (start < 0) throw new Error(`no entry ${name} in the PTX`);
  const next = ptx.indexOf('.entry ', start + 1);
  return ptx.slice(start, next < 0 ? undefined : next);
}

/** What the CUDA target printed before: the same kernels with signed arithmetic, as controls. */
const SIGNED = `
extern "C" __global__ void signedAddMin(const int* __restrict__ x, int* __restrict__ out, int n) {
  const int i = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (i < n) out[i] = (-2147483647 - 1) + x[i];
}
extern "C" __global__ void signedPlusOne(const int* __restrict__ x, int* __restrict__ out, int n) {
  const int i = (int)blockIdx.x * (int)blockDim.x + (int)threadIdx.x;
  if (i < n) out[i] = x[i] + 1 > x[i] ? 1 : 0;
}
`;

const OR_MIN = /\bor\.b32\s+%r\d+, %r\d+, -2147483648;/;
const ADD_MIN = /\b(?:add\.s32|sub\.s32|xor\.b32)\s+%r\d+, %r\d+, -2147483648;/;
const compares = (body: string): number => body.match(/\bsetp\./g)?.length ?? 0;

describe.skipIf(!hasNvcc)('nvcc keeps wrapping i32 arithmetic (skipped: nvcc not found)', () => {
  it('adds INT_MIN and compares t + 1 with t instead of folding them under undefined overflow', async () => {
    // The three kernels and the controls declare different names: one translation unit.
    const { said, ptx } = await nvccCompile([cuda('addMin').code, cuda('plusOne').code, cuda('ops').code, SIGNED].join('\n'));
    expect(said).toBe('');
    // The controls show what nvcc does with signed overflow (if a later nvcc stops, drop them).
    expect(entry(ptx, 'signedAddMin')).toMatch(OR_MIN);
    expect(compares(entry(ptx, 'signedPlusOne'))).toBe(1);
    expect(entry(ptx, 'addMin')).not.toMatch(OR_MIN);
    expect(entry(ptx, 'addMin')).toMatch(ADD_MIN);
    // `i < n`, then `t + 1 > t` (false for INT_MAX).
    expect(compares(entry(ptx, 'plusOne'))).toBe(2);
  });
});

// ---- every device ---------------------------------------------------------------------------------

const slots = await openDevices();
afterAll(() => closeDevices(slots));

const EDGES = [-2147483648, -2147483647, -65536, -3, -1, 0, 1, 2, 3, 46341, 65536, 2147483646, 2147483647];

/** Every pair of edge values, then random 32-bit pairs. */
function inputs(rng: Rng): { x: Int32Array; y: Int32Array } {
  const pairs = EDGES.flatMap((a) => EDGES.map((b) => [a, b]));
  for (let k = 0; k < 200; k++) pairs.push([rng.int(-2147483648, 2147483648), rng.int(-2147483648, 2147483648)]);
  return { x: Int32Array.from(pairs, (p) => p[0]!), y: Int32Array.from(pairs, (p) => p[1]!) };
}

/** JS's meaning of the `ops` kernel, entry by entry. */
function opsReference(a: number, b: number, u: number): number[] {
  const c = (Math.imul(((a + b) | 0) + 1, b) - a) | 0;
  return [
    (a + b) | 0,
    (a - b) | 0,
    Math.imul(a, b),
    -a | 0,
    a << b,
    a << 31,
    c,
    (Math.imul(a, 3) + Math.imul(b, -5) - 7) | 0,
    ((a + b) | 0) > a ? 1 : 0,
    ((a >>> 1) + b) | 0,
    Math.imul((u + u) | 0, b),
    Math.imul(Math.trunc(a / ((b & 255) | 1)), b),
  ];
}

for (const slot of slots) {
  describe.skipIf(!slot.device)(`wrapping i32 on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    const compile = (kernel: string): CompiledKernel => compileKernel(SOURCE, { target: TARGET[slot.backend], kernel, fileName: FILE });

    it('overflowing + - * << and negation give what JS gives', async () => {
      const rng = new Rng();
      const { x, y } = inputs(rng);
      const n = x.length;
      const ux = Uint32Array.from(x, (v) => v >>> 0);
      const [out, uout] = await launchAndRead(slot.device!, compile('ops'), n, [x, y, ux, new Int32Array(W * n), new Uint32Array(n), n], [3, 4]);
      const [addMin] = await launchAndRead(slot.device!, compile('addMin'), n, [x, new Int32Array(n), n], [1]);
      const [plusOne] = await launchAndRead(slot.device!, compile('plusOne'), n, [x, new Int32Array(n), n], [1]);
      const bad: string[] = [];
      for (let i = 0; i < n && bad.length < 10; i++) {
        const a = x[i]!;
        const b = y[i]!;
        const want = opsReference(a, b, ux[i]!);
        for (let j = 0; j < W; j++) if (out![W * i + j] !== want[j]) bad.push(`ops[${j}](${a}, ${b}): got ${out![W * i + j]}, want ${want[j]}`);
        const u = ux[i]!;
        if (uout![i] !== ((Math.imul(u, u) - u) >>> 0)) bad.push(`u32(${u}): got ${uout![i]}`);
        if (addMin![i] !== ((a - 2147483648) | 0)) bad.push(`addMin(${a}): got ${addMin![i]}`);
        if (plusOne![i] !== (a === 2147483647 ? 0 : 1)) bad.push(`plusOne(${a}): got ${plusOne![i]}`);
      }
      expect(bad, `seed ${rng.seed}`).toEqual([]);
    });
  });
}
