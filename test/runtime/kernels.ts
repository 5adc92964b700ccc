// Hand-written compiled kernels (WGSL and js) in the shape the compiler emits, so the devices can
// be tested without the compiler. Each WGSL kernel follows meta.wgsl: scalars and the user grid in
// a uniform block, arrays as storage buffers, blockDim as overridable constants, and blockIdx.x
// unfolded from a 2-D dispatch for wide 1-D grids.
import { createHash } from 'node:crypto';
import type { CompiledKernel, ParamInfo, Target, UniformField } from '../../core/output.js';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function compiled(
  target: Target,
  name: string,
  code: string,
  params: ParamInfo[],
  wgsl?: { fields: UniformField[]; gridOffset: number; size: number },
): CompiledKernel {
  const arrays = params.filter((p) => p.kind === 'array');
  return {
    target,
    name,
    code,
    entryPoint: 'main',
    params,
    hash: sha(code),
    meta: {
      usesBarrier: false,
      sharedBytes: 0,
      atomicParams: [],
      ...(wgsl && {
        wgsl: {
          uniformBinding: 0,
          uniformSize: wgsl.size,
          uniformFields: wgsl.fields,
          gridOffset: wgsl.gridOffset,
          arrayBindings: arrays.map((p, i) => ({ name: p.name, binding: i + 1, access: p.access ?? 'read_write' })),
          blockOverrides: ['bx', 'by', 'bz'],
        },
      }),
    },
  };
}

const WGSL_HEAD = `
override bx: u32 = 1u;
override by: u32 = 1u;
override bz: u32 = 1u;
`;
// blockIdx.x restored from a folded (x, y) dispatch; blocks past the user's grid exit.
const WGSL_ENTRY = `
@compute @workgroup_size(bx, by, bz)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>,
        @builtin(local_invocation_id) lid: vec3<u32>) {
  let block = wid.x + wid.y * nwg.x;
  if (block >= u.grid.x) { return; }
  let i = i32(block * bx + lid.x);`;

// saxpy(a: f32, x: Float32Array, y: Float32Array, n: i32): y[i] = a * x[i] + y[i]
export const SAXPY_PARAMS: ParamInfo[] = [
  { name: 'a', kind: 'scalar', type: 'f32' },
  { name: 'x', kind: 'array', type: 'f32', access: 'read' },
  { name: 'y', kind: 'array', type: 'f32', access: 'read_write' },
  { name: 'n', kind: 'scalar', type: 'i32' },
];

export function saxpy(target: 'wgsl' | 'js'): CompiledKernel {
  if (target === 'js') {
    const code = `return function saxpy(args, grid, block) {
  const [a, x, y, n] = args;
  for (let b = 0; b < grid[0]; b++) for (let t = 0; t < block[0]; t++) {
    const i = b * block[0] + t;
    if (i < n) y[i] = Math.fround(Math.fround(a * x[i]) + y[i]);
  }
};`;
    return compiled('js', 'saxpy', code, SAXPY_PARAMS);
  }
  const code = `struct U { a: f32, n: i32, grid: vec3<u32>, }
@group(0) @binding(0) var<uniform> u: U;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
${WGSL_HEAD}${WGSL_ENTRY}
  if (i < u.n) { y[i] = u.a * x[i] + y[i]; }
}`;
  const fields: UniformField[] = [
    { name: 'a', offset: 0, type: 'f32' },
    { name: 'n', offset: 4, type: 'i32' },
  ];
  return compiled('wgsl', 'saxpy', code, SAXPY_PARAMS, { fields, gridOffset: 16, size: 32 });
}

// iota(out: Int32Array, n: i32, neg: bool): out[i] = neg ? -i : i, one element per thread.
const IOTA_PARAMS: ParamInfo[] = [
  { name: 'out', kind: 'array', type: 'i32', access: 'write' },
  { name: 'n', kind: 'scalar', type: 'i32' },
  { name: 'neg', kind: 'scalar', type: 'bool' },
];

export function iota(target: 'wgsl' | 'js'): CompiledKernel {
  if (target === 'js') {
    const code = `return function iota(args, grid, block) {
  const [out, n, neg] = args;
  for (let b = 0; b < grid[0]; b++) for (let t = 0; t < block[0]; t++) {
    const i = b * block[0] + t;
    if (i < n) out[i] = neg ? -i : i;
  }
};`;
    return compiled('js', 'iota', code, IOTA_PARAMS);
  }
  const code = `struct U { n: i32, neg: u32, grid: vec3<u32>, }
@group(0) @binding(0) var<uniform> u: U;
@group(0) @binding(1) var<storage, read_write> out: array<i32>;
${WGSL_HEAD}${WGSL_ENTRY}
  if (i < u.n) { out[i] = select(i, -i, u.neg != 0u); }
}`;
  const fields: UniformField[] = [
    { name: 'n', offset: 0, type: 'i32' },
    { name: 'neg', offset: 4, type: 'bool' },
  ];
  return compiled('wgsl', 'iota', code, IOTA_PARAMS, { fields, gridOffset: 16, size: 32 });
}

/** A kernel whose WGSL does not compile (what a compiler bug would look like to the device). */
export function brokenWgsl(): CompiledKernel {
  const good = saxpy('wgsl');
  const code = good.code.replace('u.a * x[i]', 'u.a * undefined_name[i]');
  return { ...good, name: 'broken', code, hash: sha(code) };
}

export function forTarget(target: Target, make: (t: 'wgsl' | 'js') => CompiledKernel): CompiledKernel {
  if (target !== 'wgsl' && target !== 'js') throw new Error(`no hand-written ${target} kernel`);
  return make(target);
}
