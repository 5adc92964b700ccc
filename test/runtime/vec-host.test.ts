// The vector functions on the host (core/vec.ts, exported by the language surface): they compute
// what kernels compute, per component with the scalar types' rounding and wrapping.
import { describe, expect, it } from 'vitest';
import { dot, Float16Array, load2, load4, store2, store4, vadd, vdiv, vec2i, vec2u, vec4f, vec4h, vec4i, vfma, vmul, vscale, vsub } from '../../index.js';
import { Rng } from '../helpers/case.js';
import { f16round } from '../../core/f16.js';

const f = Math.fround;
const rng = new Rng();

describe('host vectors', () => {
  it('round f32 components after each operation, and splat one value', () => {
    const [a, b, c, d, s] = [rng.f32(), rng.f32(), rng.f32(), rng.f32(), rng.f32()];
    const v = vec4f(a, b, c, d);
    expect(vec4f(0.1)).toMatchObject({ x: f(0.1), y: f(0.1), z: f(0.1), w: f(0.1) });
    expect(vadd(v, vec4f(s))).toMatchObject({ x: f(a + s), y: f(b + s), z: f(c + s), w: f(d + s) });
    expect(vsub(v, vec4f(s)).y).toBe(f(b - s));
    expect(vmul(v, v).z).toBe(f(c * c));
    expect(vscale(v, s).w).toBe(f(d * s));
    expect(vfma(v, v, vec4f(s)).x).toBe(f(f(a * a) + s));
    expect(dot(v, v)).toBe(f(f(f(f(a * a) + f(b * b)) + f(c * c)) + f(d * d)));
  });

  it('wrap integer components and truncate their division', () => {
    expect(vmul(vec2i(0x40000000, -7), vec2i(4, 2))).toMatchObject({ x: 0, y: -14 });
    expect(vdiv(vec4i(-7, 7, 9, -9), vec4i(2))).toMatchObject({ x: -3, y: 3, z: 4, w: -4 });
    expect(vsub(vec2u(0, 5), vec2u(1, 2))).toMatchObject({ x: 0xffffffff, y: 3 });
  });

  it('round f16 components', () => {
    const h = vec4h(0.1, 1, 2, 65519);
    expect(h.x).toBe(f16round(0.1));
    expect(h.w).toBe(65504);
    expect(vadd(h, h).w).toBe(Infinity);
  });

  it('load and store elements [k*i, k*i + k)', () => {
    const x = rng.f32Array(16);
    expect(load4(x, 2)).toMatchObject({ x: x[8], y: x[9], z: x[10], w: x[11] });
    const y = new Int32Array(8);
    store2(y, 3, vec2i(5, -6));
    expect(Array.from(y)).toEqual([0, 0, 0, 0, 0, 0, 5, -6]);
    expect(load2(y, 3)).toMatchObject({ x: 5, y: -6 });
    const h = new Float16Array(8);
    store4(h, 1, vec4h(1.5, 2, 3, 4));
    expect(Array.from(h)).toEqual([0, 0, 0, 0, 1.5, 2, 3, 4]);
  });
});
