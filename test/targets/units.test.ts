// Target details checked on hand-built IR: constant spelling, renaming, the WGSL layout and grid
// folding, atomics lowering.
import { describe, expect, it } from 'vitest';
import type { KernelIR } from '../../core/ir/types.js';
import { emitKernel, shortestF32 } from '../../targets/index.js';
import { Rng } from '../helpers/case.js';
import {
  add, array, atomic, exprS, f, gid, i, idx, if_, kernelIR, let_, load, lt, param, scalar, shared, store, u, barrier, bin,
} from '../../core/ir/build.js';

describe('shortestF32', () => {
  it('spells common values the way people write them', () => {
    expect([0.1, 1, 100, 0.5, 1e30, -2.5, 1e-7, 3.4028234663852886e38].map((v) => shortestF32(Math.fround(v)))).toEqual([
      '0.1', '1.0', '100.0', '0.5', '1e+30', '-2.5', '1e-7', '3.4028235e+38',
    ]);
    expect(shortestF32(-0)).toBe('-0.0');
    expect(shortestF32(Math.fround(1 / 3))).toBe('0.33333334');
  });

  it('round-trips random f32 values with the fewest digits', () => {
    const rng = new Rng();
    const view = new Float32Array(1);
    const bits = new Uint32Array(view.buffer);
    for (let k = 0; k < 2000; k++) {
      bits[0] = Math.floor(rng.next() * 2 ** 32);
      const x = view[0]!;
      if (!Number.isFinite(x)) continue;
      const s = shortestF32(x);
      expect(Math.fround(Number(s)), `${x} (seed ${rng.seed})`).toBe(x);
      const digits = s.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
      if (digits > 1) expect(Math.fround(Number(x.toPrecision(digits - 1)))).not.toBe(x);
    }
  });
});

const constKernel = (vals: ReturnType<typeof f>[]): KernelIR =>
  kernelIR('k', [array('o', 'f32', 'write'), array('oi', 'i32', 'write'), array('ou', 'u32', 'write')],
    vals.map((v, k) => store(v.type === 'f32' ? 'o' : v.type === 'i32' ? 'oi' : 'ou', i(k), v)));

describe('constants', () => {
  const ir = constKernel([f(Infinity), f(-Infinity), f(1), f(0.1), i(-2147483648), i(-5), u(4294967295)]);
  it('CUDA: f-suffixed floats with a point, infinities by bit pattern, INT_MIN as an expression', () => {
    const code = emitKernel(ir, 'cuda').code;
    for (const s of ['o[0] = __int_as_float(0x7f800000);', 'o[1] = -__int_as_float(0x7f800000);', 'o[2] = 1.0f;', 'o[3] = 0.1f;', 'oi[4] = (-2147483647 - 1);', 'oi[5] = -5;', 'ou[6] = 4294967295u;']) {
      expect(code).toContain(s);
    }
  });
  it('WGSL: typed literals, infinities through a helper call on their bits (constants may not be infinite)', () => {
    const code = emitKernel(ir, 'wgsl').code;
    for (const s of ['o[0i] = ks_f32_bits(0x7f800000u);', 'o[1i] = ks_f32_bits(0xff800000u);', 'o[2i] = 1.0f;', 'oi[4i] = (-2147483647i - 1i);', 'ou[6i] = 4294967295u;', 'fn ks_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }']) {
      expect(code).toContain(s);
    }
    expect(code).not.toContain('var<private>');
  });
  it('JS: plain numbers', () => {
    const code = emitKernel(ir, 'js').code;
    for (const s of ['o[0] = Infinity;', 'o[1] = -Infinity;', 'oi[4] = -2147483648;', 'ou[6] = 4294967295;']) expect(code).toContain(s);
  });
});

describe('reserved words and the ks_ prefix', () => {
  const ir = kernelIR('main', [array('float', 'f32', 'write'), array('float_', 'f32', 'read'), scalar('ks_x', 'i32'), scalar('__y', 'f32'), scalar('let', 'f32')], [
    let_('select', 'i32', param('ks_x', 'i32'), false),
    store('float', load('select', 'i32'), add(add(idx('float_', i(0), 'f32'), param('__y', 'f32')), param('let', 'f32'))),
  ]);
  it('renames per target, deterministically and without collisions', () => {
    const cu = emitKernel(ir, 'cuda');
    expect(cu.code).toContain('extern "C" __global__ void main_(float* __restrict__ float__, const float* __restrict__ float_, int u_ks_x, float u__y, float let)');
    expect(cu.entryPoint).toBe('main_');
    const wg = emitKernel(ir, 'wgsl');
    expect(wg.code).toContain('fn main_(');
    expect(wg.code).toContain('let let_: f32 = ks_params.let_;');
    expect(wg.code).toContain('let u__y: f32 = ks_params.u__y;');
    expect(wg.code).toContain('let select_: i32 = u_ks_x;');
    // The layout keeps the user's names: the runtime matches them with the launch arguments.
    expect(wg.meta.wgsl?.uniformFields.map((x) => x.name)).toEqual(['ks_x', '__y', 'let']);
    const js = emitKernel(ir, 'js');
    expect(js.code).toContain('const let_ = Math.fround(ks_args[4]);');
    expect(js.code).toContain('const u_ks_x = ks_args[2] | 0;');
    expect(emitKernel(ir, 'js').code).toBe(js.code);
  });
});

describe('WGSL layout and grid folding', () => {
  for (const nScalars of [0, 1, 4, 5]) {
    it(`${nScalars} scalar parameters`, () => {
      const params = [array('o', 'f32', 'write'), ...Array.from({ length: nScalars }, (_, k) => scalar(`s${k}`, k % 2 ? 'bool' : 'f32'))];
      const { meta, code } = emitKernel(kernelIR('k', params, [store('o', i(0), f(1))]), 'wgsl');
      const w = meta.wgsl!;
      expect(w.uniformFields.map((x) => x.offset)).toEqual(Array.from({ length: nScalars }, (_, k) => 4 * k));
      expect(w.gridOffset % 16).toBe(0);
      expect(w.gridOffset).toBeGreaterThanOrEqual(4 * nScalars);
      expect(w.uniformSize).toBe(w.gridOffset + 16);
      expect(w.arrayBindings).toEqual([{ name: 'o', binding: 1, access: 'write' }]);
      if (nScalars > 1) expect(code).toContain('s1: u32,');
      // The surplus groups of a folded dispatch leave before the body runs.
      expect(code.indexOf('if (ks_linear >= ks_params.ks_grid.x) { return; }')).toBeLessThan(code.indexOf('o[0i] = 1.0f;'));
    });
  }

  it('restores blockIdx from a folded 2-D dispatch and reads gridDim from the launch grid', () => {
    const ir = kernelIR('k', [array('o', 'i32', 'write')], [store('o', gid(), { k: 'builtin', name: 'gridDim', axis: 'x', type: 'i32', span: f(0).span })]);
    const code = emitKernel(ir, 'wgsl').code;
    expect(code).toContain('ks_block = vec3<u32>(ks_linear, 0u, 0u);');
    expect(code).toContain('let ks_blockIdx_x = i32(ks_block.x);');
    expect(code).toContain('let ks_gridDim_x = i32(ks_params.ks_grid.x);');
    expect(code).toContain('@workgroup_size(ks_block_x, ks_block_y, ks_block_z)');
  });

  it('keeps unused array parameters bound', () => {
    const code = emitKernel(kernelIR('k', [array('a', 'f32', 'read'), array('o', 'f32', 'write')], [store('o', i(0), f(1))]), 'wgsl').code;
    expect(code).toContain('_ = arrayLength(&a);');
  });
});

describe('atomics', () => {
  const ir = kernelIR('k', [array('fa', 'f32', 'read_write', true), array('ia', 'i32', 'read_write', true), scalar('n', 'i32')], [
    if_(lt(i(0), param('n', 'i32')), [
      exprS(atomic('add', 'fa', i(0), 'f32', f(1))),
      exprS(atomic('cas', 'ia', i(1), 'i32', i(0), i(1))),
      store('fa', i(2), idx('fa', i(3), 'f32')),
      exprS(atomic('add', 'sh', i(0), 'f32', f(2))),
      barrier,
      store('ia', i(0), idx('ia', bin('+', i(1), i(1)), 'i32')),
    ]),
  ], { shared: [shared('sh', 'f32', 4, true)] });

  it('WGSL: f32 arrays become atomic<u32> with a compare-exchange helper each; every access is atomic', () => {
    const code = emitKernel(ir, 'wgsl').code;
    expect(code).toContain('var<storage, read_write> fa: array<atomic<u32>>;');
    expect(code).toContain('var<workgroup> sh: array<atomic<u32>, 4>;');
    expect(code).toContain('fn ks_atomicAdd_fa(i: i32, v: f32) -> f32 {');
    expect(code).toContain('fn ks_atomicAdd_sh(i: i32, v: f32) -> f32 {');
    expect(code).toContain('fn ks_atomicCAS_ia(i: i32, expected: i32, value: i32) -> i32 {');
    expect(code).toContain('if (r.exchanged || r.old_value != expected) { return r.old_value; }');
    expect(code).toContain('atomicStore(&fa[2i], bitcast<u32>(bitcast<f32>(atomicLoad(&fa[3i]))));');
    expect(code).toContain('atomicStore(&ia[0i], atomicLoad(&ia[2i]));');
  });

  it('CUDA: native atomics on global and shared memory', () => {
    const code = emitKernel(ir, 'cuda').code;
    expect(code).toContain('atomicAdd(&fa[0], 1.0f);');
    expect(code).toContain('atomicCAS(&ia[1], 0, 1);');
    expect(code).toContain('__shared__ float sh[4];');
    expect(code).toContain('atomicAdd(&sh[0], 2.0f);');
  });

  it('reports atomic parameters and shared bytes in the metadata', () => {
    const { meta } = emitKernel(ir, 'cuda');
    expect(meta.atomicParams).toEqual(['fa', 'ia']);
    expect(meta.sharedBytes).toBe(16);
    expect(meta.usesBarrier).toBe(true);
  });
});
