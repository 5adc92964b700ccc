// Matrix operations (core/matrix.ts) in the CUDA and WGSL targets, on hand-built IR
// (matrix-fixtures.ts): how each statement is spelled, what each target refuses (KS8040, KS8041),
// ptxas assembling the wmma code for an old and the newest architecture, and execution on every
// device that runs matrix operations against the float64 references (the others skip with the
// device's reason: a webgpu adapter without subgroup matrices, no CUDA GPU).
import { afterAll, describe, expect, it } from 'vitest';
import type { Expr, KernelIR, Stmt } from '../../core/ir/types.js';
import type { Target } from '../../core/output.js';
import { array, atomic, bdim, exprS, f, i, kernelIR, shared, span, tid } from '../../core/ir/build.js';
import { compileForTarget, emitKernel } from '../../targets/index.js';
import type { DeviceArray, LaunchArg, TypedArray } from '../../runtime/types.js';
import { Rng, type HostArg } from '../helpers/case.js';
import { TARGET, closeDevices, openDevices } from '../helpers/devices.js';
import { hasNvcc, inParallel, nvccCompile } from '../helpers/nvcc.js';
import { compare } from './compare.js';
import { compiled } from './compiled.js';
import { MATRIX_FIXTURES, fill, frag, gemmShared, mload, mma, mmaTile, mstore } from './matrix-fixtures.js';
import { caseKernels } from './sources.js';
import { compileKernel, KernelCompileError } from '../../compiler/index.js';

const cuda = (ir: KernelIR): string => emitKernel(ir, 'cuda').code;
const wgsl = (ir: KernelIR): string => emitKernel(ir, 'wgsl').code;
const count = (s: string, sub: string): number => s.split(sub).length - 1;

describe('CUDA spells matrix operations as inline PTX wmma', () => {
  it('loads, multiplies and stores with each fragment’s layout, through one function per operation used', () => {
    const code = cuda(mmaTile('row', 'col', 'col', 'row').ir);
    expect(code).toContain('wmma.load.a.sync.aligned.row.m16n16k16.f16 {%0, %1, %2, %3, %4, %5, %6, %7}, [%8], %9;');
    expect(code).toContain('wmma.load.b.sync.aligned.col.m16n16k16.f16 ');
    expect(code).toContain('wmma.load.c.sync.aligned.col.m16n16k16.f32 ');
    // The mma names the A and B fragments' layouts, from their declarations.
    expect(code).toContain('wmma.mma.sync.aligned.row.col.m16n16k16.f32.f32 ');
    expect(code).toContain('wmma.store.d.sync.aligned.row.m16n16k16.f32 [%0], {%1, %2, %3, %4, %5, %6, %7, %8}, %9;');
    expect(count(code, 'static __device__ __forceinline__ void ks_wmma_')).toBe(5);
    // Fragments are their registers per lane; addresses are generic pointers at the offset.
    expect(code).toContain('unsigned int fa[8] = {};');
    expect(code).toContain('float fc[8] = {};');
    expect(code).toContain('ks_wmma_load_a_row(fa, &a[0], s);');
    expect(code).toContain('ks_wmma_mma_row_col(fc, fa, fb, fc);');
    expect(code).toContain('ks_wmma_store_row(&d[0], fc, 20);');
  });

  it('aligns shared arrays that matrix loads address to 32 bytes, and fills an accumulator', () => {
    const code = cuda(gemmShared().ir);
    expect(code).toContain('__shared__ __align__(32) unsigned short sa[512];');
    expect(code).toContain('ks_wmma_fill(acc, bias);');
    expect(code).toContain('for (int i = 0; i < 8; i++) r[i] = v;');
    // A helper used twice is printed once.
    const twice = kernelIR('twice', [array('a', 'f16', 'read'), array('d', 'f32', 'write')], [
      frag('x', 'a', 'row'), frag('y', 'b', 'row'), frag('c', 'acc'),
      mload('x', 'a', i(0), i(16), 'row'), mload('y', 'a', i(256), i(16), 'row'),
      mma('c', 'x', 'y', 'c'), mma('c', 'x', 'y', 'c'), mstore('c', 'd', i(0), i(16), 'row'),
    ]);
    expect(count(cuda(twice), 'void ks_wmma_mma_row_row(')).toBe(1);
  });

  it('refuses matrix operations on a block-sized shared array after the first (KS8041), which is only 16-byte aligned', () => {
    const size: Expr = { k: 'binary', op: '*', lhs: bdim(), rhs: i(8), type: 'i32', span };
    const blockSized = (name: string) => ({ ...shared(name, 'f16', 0), size });
    const body = (arr: string): Stmt[] => [frag('x', 'a', 'row'), mload('x', arr, i(0), i(16), 'row'), frag('c', 'acc'), mstore('c', 'd', i(0), i(16), 'row')];
    const ir = (arr: string): KernelIR => kernelIR('dyn', [array('d', 'f32', 'write')], body(arr), { shared: [blockSized('s0'), blockSized('s1')] });
    expect(compileForTarget(ir('s0'), 'cuda').limits).toEqual([]);
    expect(compileForTarget(ir('s0'), 'cuda').out.code).toContain('extern __shared__ __align__(32) unsigned char');
    const refused = compileForTarget(ir('s1'), 'cuda').limits;
    expect(refused.map((d) => d.code)).toEqual(['KS8041']);
    expect(refused[0]?.message).toContain("'s1'");
    // WGSL has no such rule.
    expect(compileForTarget(ir('s1'), 'wgsl').limits).toEqual([]);
  });
});

describe('WGSL spells matrix operations with subgroup matrices', () => {
  it('declares fragments of the subgroup matrix types, (columns, rows), and enables the extension', () => {
    const code = wgsl(mmaTile('row', 'col', 'col', 'row').ir);
    expect(code).toMatch(/enable f16;[\s\S]*enable chromium_experimental_subgroup_matrix;\n.*\ndiagnostic\(off, chromium\.subgroup_matrix_uniformity\);/);
    expect(code).toContain('var fa: subgroup_matrix_left<f16, 16, 16> = subgroup_matrix_left<f16, 16, 16>();');
    expect(code).toContain('var fb: subgroup_matrix_right<f16, 16, 16> = subgroup_matrix_right<f16, 16, 16>();');
    expect(code).toContain('var fc: subgroup_matrix_result<f32, 16, 16> = subgroup_matrix_result<f32, 16, 16>();');
    // Operands that are not constants pass through subgroupBroadcastFirst (subgroups enabled).
    expect(code).toContain('enable subgroups;');
    // Majorness is a template argument; offsets and strides are u32.
    expect(code).toContain('fa = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>, row_major>(&a, 0u, subgroupBroadcastFirst(u32(s)));');
    expect(code).toContain('fb = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>, col_major>(&b, 0u, 24u);');
    expect(code).toContain('fc = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>, col_major>(&c, 0u, 20u);');
    expect(code).toContain('fc = subgroupMatrixMultiplyAccumulate(fa, fb, fc);');
    expect(code).toContain('subgroupMatrixStore<row_major>(&d, 0u, fc, 20u);');
    expect(emitKernel(mmaTile('row', 'row', 'row', 'row').ir, 'wgsl').meta.wgsl?.f16).toBe(true);
  });

  it('fills with the result type’s constructor and loads from workgroup arrays of f16', () => {
    const code = wgsl(gemmShared().ir);
    expect(code).toContain('var<workgroup> sa: array<f16, 512>;');
    expect(code).toContain('acc = subgroup_matrix_result<f32, 16, 16>(bias);');
    expect(code).toContain('fa = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>, row_major>(&sa, subgroupBroadcastFirst(u32(wr * 256i)), 16u);');
  });

  it('keeps an array that vector accesses also reach a plain array of f16', () => {
    const v: Stmt = { k: 'vload', array: 'a', index: i(0), names: ['v0', 'v1', 'v2', 'v3'], span };
    const ir = kernelIR('view', [array('a', 'f16', 'read'), array('d', 'f32', 'write')], [
      v, frag('x', 'a', 'row'), mload('x', 'a', i(0), i(16), 'row'), frag('c', 'acc'), fill('c', f(1)), mstore('c', 'd', i(0), i(16), 'row'),
    ]);
    const code = wgsl(ir);
    expect(code).toContain('var<storage, read> a: array<f16>;');
    expect(code).toContain('subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>, row_major>(&a, 0u, 16u)');
  });

  it('refuses an array that is both atomic and loaded by matrix operations (KS8040)', () => {
    const ir = kernelIR('atomicMatrix', [array('c', 'f32', 'read_write', true)], [
      exprS(atomic('add', 'c', tid(), 'f32', f(1))),
      frag('acc', 'acc'), mload('acc', 'c', i(0), i(16), 'row'), mstore('acc', 'c', i(256), i(16), 'row'),
    ]);
    const refused = compileForTarget(ir, 'wgsl').limits;
    expect(refused.map((d) => d.code)).toEqual(['KS8040']);
    expect(refused[0]?.message).toMatch(/^wgsl: the array 'c'/);
    expect(compileForTarget(ir, 'cuda').limits).toEqual([]);
  });

  it('renames user names that the matrix spellings would hide', () => {
    const ir = kernelIR('names', [array('row_major', 'f16', 'read'), array('d', 'f32', 'write')], [
      frag('subgroupMatrixLoad', 'a', 'row'), mload('subgroupMatrixLoad', 'row_major', i(0), i(16), 'row'),
      frag('c', 'acc'), mstore('c', 'd', i(0), i(16), 'row'),
    ]);
    const code = wgsl(ir);
    expect(code).toContain('subgroupMatrixLoad_ = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>, row_major>(&row_major_, 0u, 16u);');
  });
});

const SOURCE = `import { kernel, blockDim, sharedArray, atomicAdd, matrixLoadA, matrixLoadAcc, matrixFill, matrixStore, Float16Array } from 'kernelscript';
export const atomicAcc = kernel(function atomicAcc(c: Float32Array) {
  atomicAdd(c, 0, 1);
  let acc = matrixLoadAcc(c, 0, 16, 'row');
  matrixStore(c, 256, 16, acc, 'row');
});
export const secondDynamic = kernel(function secondDynamic(d: Float32Array) {
  const s0 = sharedArray(Float16Array, blockDim.x * 8);
  const s1 = sharedArray(Float16Array, blockDim.x * 8);
  s0[0] = s1[0];
  const fa = matrixLoadA(s1, 0, 16, 'row');
  let acc = matrixFill(0);
  matrixStore(d, 0, 16, acc, 'row');
});
`;

/** The codes and positions a target reports for a kernel of SOURCE (none when it compiles). */
function refusal(kernel: string, target: Target): string[] {
  try {
    compileKernel(SOURCE, { target, kernel, fileName: 'k.ts' });
    return [];
  } catch (e) {
    if (!(e instanceof KernelCompileError)) throw e;
    return e.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
  }
}

describe('what a target cannot express is refused at the TypeScript source, naming the target', () => {
  it('KS8040 (wgsl) at the first matrix operation on an atomic array; cuda compiles it', () => {
    expect(refusal('atomicAcc', 'wgsl')).toEqual(['KS8040 4:13']);
    expect(refusal('atomicAcc', 'cuda')).toEqual([]);
  });
  it('KS8041 (cuda) at the declaration of the second block-sized shared array; wgsl compiles it', () => {
    expect(refusal('secondDynamic', 'cuda')).toEqual(['KS8041 9:9']);
    expect(refusal('secondDynamic', 'wgsl')).toEqual([]);
  });
});

/** Every matrix fixture and every case kernel with matrix operations, as CUDA C. */
function cudaUnits(): { label: string; code: string }[] {
  const fixtures = MATRIX_FIXTURES.map((fx) => ({ label: `fixture ${fx.ir.name}`, code: cuda(fx.ir) }));
  const cases = caseKernels()
    .filter((c) => /\bmatrix(Mma|Fill|Load)/.test(c.source))
    .map((c) => ({ label: `case ${c.caseName}.${c.kernel}`, code: compileKernel(c.source, { target: 'cuda', kernel: c.kernel, fileName: c.fileName }).code }));
  return [...fixtures, ...cases];
}

describe.skipIf(!hasNvcc)('ptxas assembles the wmma code (skipped: nvcc not found)', () => {
  // nvcc.test.ts stops at PTX; these go through ptxas, which checks the wmma operands. The oldest
  // architecture CUDA 13 still builds for is sm_75 (wmma itself needs sm_70).
  for (const arch of ['sm_75', 'sm_90']) {
    it(`for ${arch}, with no warnings`, async () => {
      const units = cudaUnits();
      const results = await inParallel(
        units.map((u) => async () => {
          const r = await nvccCompile(u.code, [`-arch=${arch}`, '-cubin', '-Werror', 'all-warnings']);
          return r.ok && r.said === '' ? null : `${u.label}: ${r.said}`;
        }),
        4,
      );
      expect(results.filter((r) => r !== null)).toEqual([]);
      expect(units.length).toBeGreaterThan(MATRIX_FIXTURES.length);
    });
  }
});


const isTyped = (a: HostArg): a is TypedArray => typeof a === 'object';
const slots = await openDevices();
afterAll(() => closeDevices(slots));

for (const slot of slots) {
  const d = slot.device;
  const skip = !d ? slot.reason : d.matrix.ok ? null : `the device cannot run matrix operations: ${d.matrix.reason}`;
  describe.skipIf(skip !== null)(`matrix fixtures on ${slot.backend}${skip === null ? '' : ` (skipped: ${skip})`}`, () => {
    for (const fx of MATRIX_FIXTURES) {
      it(fx.ir.name, async () => {
        const device = d!;
        const rng = new Rng();
        const { args, grid, block } = fx.make(rng);
        const want = fx.reference(args.map((a) => (isTyped(a) ? a.slice() : a)));
        const arrays: DeviceArray[] = [];
        try {
          const launchArgs: LaunchArg[] = args.map((a) => {
            if (!isTyped(a)) return a;
            const arr = device.array(a);
            arrays.push(arr);
            return arr;
          });
          device.launchCompiled(compiled(fx.ir, TARGET[slot.backend]), { grid, block }, launchArgs);
          for (const [k, w] of Object.entries(want)) {
            const got = await (launchArgs[Number(k)] as DeviceArray).read();
            const msg = compare(got, w, false, fx.tolerance ?? 1e-5);
            expect(msg, `${fx.ir.name} on ${slot.backend}, argument ${k} (seed ${rng.seed})`).toBeNull();
          }
        } finally {
          for (const arr of arrays) arr.dispose();
        }
      });
    }
  });
}
