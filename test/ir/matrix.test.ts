// Warp-level matrices outside the case files: the cpu backend's emulation (targets/js/matrix.ts, the
// JS it emits) against core/matrix.ts's reference bit for bit, the host functions of core/lang.ts,
// and the alignment and footprint rules at run time (the cpu device and the host say the same).
import { afterAll, describe, expect, it } from 'vitest';
import { mmaReference, matrixAccessProblem } from '../../core/matrix.js';
import { matrixFill, matrixLoadA, matrixLoadAcc, matrixLoadB, matrixMma, matrixStore } from '../../core/lang.js';
import { Float16Array } from '../../core/elements.js';
import { matrixHelpers } from '../../targets/js/matrix.js';
import { F16_JS } from '../../targets/js/floats.js';
import { compileKernel } from '../../compiler/index.js';
import { createDevice } from '../../runtime/index.js';
import { Rng } from '../helpers/case.js';

type Mma = (d: Float32Array, a: Float32Array, b: Float32Array, c: Float32Array) => void;
type Load = (f: Float32Array, src: ArrayLike<number>, off: number, st: number, row: boolean, f16: boolean) => void;
type Store = (dst: Float32Array, off: number, st: number, row: boolean, f: Float32Array, lane: number) => void;
const js = new Function(`${F16_JS.join('\n')}\n${matrixHelpers(true).join('\n')}\nreturn { ks_mma, ks_mload, ks_mstore };`)() as { ks_mma: Mma; ks_mload: Load; ks_mstore: Store };

const rng = new Rng();
/** f16 values of mixed magnitudes, so that sums round. */
const f16Values = (n: number): Float32Array => {
  const h = new Float16Array(n);
  for (let i = 0; i < n; i++) h[i] = rng.f32(-1, 1) * 2 ** rng.int(-6, 6);
  return Float32Array.from(h);
};

describe('cpu emulation of matrix operations (seed printed on failure)', () => {
  it('ks_mma equals mmaReference bit for bit, also in place (d = c)', () => {
    for (let trial = 0; trial < 20; trial++) {
      const a = f16Values(256);
      const b = f16Values(256);
      const c = rng.f32Array(256, -100, 100);
      const want = new Float32Array(256);
      mmaReference(a, b, c, want);
      const got = new Float32Array(256);
      js.ks_mma(got, a, b, c);
      expect(got, `seed ${rng.seed}`).toEqual(want);
      js.ks_mma(c, a, b, c);
      expect(c, `seed ${rng.seed}`).toEqual(want);
    }
  });

  it('a store spreads each element over exactly one lane of 32', () => {
    const f = rng.f32Array(256);
    const dst = new Float32Array(40 * 16 + 8).fill(NaN);
    const writes = new Uint8Array(dst.length);
    for (let lane = 0; lane < 32; lane++) {
      const mine = new Float32Array(dst.length).fill(NaN);
      js.ks_mstore(mine, 8, 40, false, f, lane);
      mine.forEach((v, i) => {
        if (!Number.isNaN(v)) {
          writes[i] = (writes[i] ?? 0) + 1;
          dst[i] = v;
        }
      });
    }
    let written = 0;
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        expect(dst[8 + j * 40 + i]).toBe(f[i * 16 + j]);
        expect(writes[8 + j * 40 + i]).toBe(1);
        written++;
      }
    }
    expect(writes.reduce((s, w) => s + w, 0)).toBe(written);
  });

  it('loads read f16 bits and f32 values in either layout', () => {
    const h = new Float16Array(32 * 16);
    for (let i = 0; i < h.length; i++) h[i] = rng.f32(-1, 1);
    const bits = new Uint16Array(h.buffer);
    const f = new Float32Array(256);
    js.ks_mload(f, bits, 16, 32, true, true);
    for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) expect(f[i * 16 + j]).toBe(h[16 + i * 32 + j]);
    const x = rng.f32Array(16 * 24);
    js.ks_mload(f, x, 8, 24, false, false);
    for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) expect(f[i * 16 + j]).toBe(x[8 + j * 24 + i]);
  });
});

describe('matrix functions on the host', () => {
  it('compute D = A·B + C as the reference does', () => {
    const a = new Float16Array(16 * 32);
    const b = new Float16Array(16 * 16);
    for (let i = 0; i < a.length; i++) a[i] = rng.f32(-1, 1);
    for (let i = 0; i < b.length; i++) b[i] = rng.f32(-1, 1);
    const c0 = rng.f32Array(16 * 16);
    const out = new Float32Array(16 * 16);
    const acc = matrixMma(matrixLoadA(a, 16, 32, 'row'), matrixLoadB(b, 0, 16, 'col'), matrixLoadAcc(c0, 0, 16, 'row'));
    matrixStore(out, 0, 16, acc, 'row');
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        let s = 0;
        for (let p = 0; p < 16; p++) s += (a[16 + i * 32 + p] as number) * (b[j * 16 + p] as number);
        expect(out[i * 16 + j]).toBe(Math.fround((c0[i * 16 + j] as number) + s));
      }
    }
    expect(matrixFill(2.5).values.every((v) => v === 2.5)).toBe(true);
  });

  it('refuse a misaligned offset, a short stride and a footprint beyond the array', () => {
    const a = new Float16Array(256);
    expect(() => matrixLoadA(a, 8, 16, 'row')).toThrow("KS4060: the offset of 'matrixLoadA' must be a multiple of 16");
    expect(() => matrixLoadB(a, 0, 8, 'row')).toThrow("KS4060: the stride of 'matrixLoadB' must be at least 16");
    expect(() => matrixStore(new Float32Array(200), 0, 16, matrixFill(0), 'row')).toThrow("KS4061: 'matrixStore' at offset 0 with stride 16 reaches element 255, but 'dst' has 200 elements");
  });
});

describe('matrix rules on the cpu device', () => {
  const src = `import { kernel, i32, matrixLoadA, matrixLoadB, matrixFill, matrixMma, matrixStore } from 'kernelscript';
export const k = kernel(function k(a: Float16Array, c: Float32Array, off: i32, stride: i32) {
  const fa = matrixLoadA(a, off, stride, 'row');
  const fb = matrixLoadB(a, 0, 16, 'col');
  const z = matrixFill(0);
  const acc = matrixMma(fa, fb, z);
  matrixStore(c, 0, 16, acc, 'row');
});
`;
  const devices = createDevice({ backend: 'cpu' });
  afterAll(async () => (await devices).dispose());

  for (const [off, stride] of [[8, 16], [0, 12], [272, 16]] as const) {
    it(`a load at offset ${off} with stride ${stride} throws the host's words, naming the kernel`, async () => {
      const gpu = await devices;
      const kern = compileKernel(src, { target: 'js', kernel: 'k' });
      const a = gpu.array(new Float16Array(512));
      const c = gpu.array(new Float32Array(256));
      try {
        const want = matrixAccessProblem('matrixLoadA', 'f16', off, stride, 'a', 512) ?? '';
        expect(want).not.toBe('');
        expect(() => gpu.launch(kern, { grid: 1, block: 32 }, a, c, off, stride)).toThrow(`kernel 'k' failed on the cpu device: ${want}`);
      } finally {
        a.dispose();
        c.dispose();
      }
    });
  }
});

describe('matrix footprints in debug builds', () => {
  it('a load reaching past the array is a bounds fault at its last element', async () => {
    const gpu = await createDevice({ backend: 'cpu', debug: true });
    const src = `import { kernel, i32, matrixLoadAcc, matrixStore } from 'kernelscript';
export const k = kernel(function k(x: Float32Array, y: Float32Array, off: i32) {
  const acc = matrixLoadAcc(x, off, 16, 'row');
  matrixStore(y, 0, 16, acc, 'row');
});
`;
    const kern = compileKernel(src, { target: 'js', kernel: 'k', debug: true });
    const x = gpu.array(rng.f32Array(300));
    const y = gpu.array(new Float32Array(256));
    try {
      gpu.launch(kern, { grid: 1, block: 32 }, x, y, 48);
      await expect(gpu.synchronize()).rejects.toThrow("kernel 'k' read out of bounds: x[303] but x has 300 elements");
      gpu.launch(kern, { grid: 1, block: 32 }, x, y, 40);
      await gpu.synchronize();
      const got = await y.read();
      const xs = await x.read();
      for (let i = 0; i < 256; i++) expect(got[i]).toBe(xs[40 + i]);
    } finally {
      x.dispose();
      y.dispose();
      gpu.dispose();
    }
  });
});
