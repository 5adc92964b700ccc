// Regression: helpers that read launch builtins (threadIdx, blockIdx, blockDim, gridDim), directly
// or through the helpers they call. The JS and WGSL outputs read names only the entry point
// declares (the builtins now reach helpers as hidden parameters), and a barrier under a condition
// on such a helper's result was accepted although it is per-thread. Values are checked on every
// available device against exact integer references on random sizes and block shapes; the CUDA C
// compiles with nvcc, warnings as errors (skipped without it).
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KernelCompileError, compileKernel, compileToIR, type Diagnostic } from '../../compiler/index.js';
import type { Dim3, DeviceArray, LaunchArg } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { TARGET, closeDevices, openDevices } from '../helpers/devices.js';
import { hasNvcc, inParallel, nvccCompile } from '../helpers/nvcc.js';

const FILE = join(import.meta.dirname, 'helper-builtins-kernels.ts');
const HEADER = "import { kernel, threadIdx, blockIdx, blockDim, gridDim, syncthreads, type i32 } from 'kernelscript';\n";
const HELPERS = `
function lane(): i32 { return threadIdx.x; }
function globalId(): i32 { return blockIdx.x * blockDim.x + threadIdx.x; }
function ty(): i32 { return threadIdx.y; }
function cell(w: i32): i32 { return ty() * w + lane(); }
function stride(): i32 { return gridDim.x * blockDim.x; }
function blockBase(): i32 { return blockIdx.x * blockDim.x; }
// Names the hidden parameters must stay apart from: one like the builtin's, a generated-looking local.
function shifted(threadIdx_x: i32): i32 { const ks_tx = threadIdx.x; return ks_tx * 1000 + threadIdx_x; }
`;

const SOURCE = `${HEADER}${HELPERS}
export const laneOf = kernel((out: Int32Array, n: i32) => {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = lane();
});
export const scaled = kernel((x: Int32Array, out: Int32Array, n: i32) => {
  const i = globalId();
  if (i < n) out[i] = x[i] * 3 + i;
});
export const grid2d = kernel((x: Int32Array, out: Int32Array, w: i32, h: i32) => {
  const col = blockIdx.x * blockDim.x + threadIdx.x;
  const row = blockIdx.y * blockDim.y + threadIdx.y;
  if (col < w && row < h) out[row * w + col] = x[row * w + col] + cell(100);
});
export const strided = kernel((x: Int32Array, out: Int32Array, n: i32) => {
  for (let i = globalId(); i < n; i += stride()) out[i] = x[i] + stride();
});
export const clashing = kernel((x: Int32Array, out: Int32Array, n: i32) => {
  const i = globalId();
  if (i < n) out[i] = shifted(x[i]);
});
`;

interface Run {
  grid: Dim3;
  block: Dim3;
  /** Launch arguments; the last array is the output, filled with random values beforehand. */
  args: (Int32Array | number)[];
  want: Int32Array;
}

/** A launch of kernel `name` on random sizes, with its exact reference. */
function plan(name: string, r: Rng): Run {
  const bx = r.int(1, 129);
  const n = r.int(1, 3000);
  const x = r.i32Array(n);
  const out = r.i32Array(n);
  const blocks = Math.ceil(n / bx);
  switch (name) {
    case 'laneOf':
      return { grid: blocks, block: bx, args: [out, n], want: Int32Array.from(out, (_, i) => i % bx) };
    case 'scaled':
      return { grid: blocks, block: bx, args: [x, out, n], want: Int32Array.from(x, (v, i) => v * 3 + i) };
    case 'strided': {
      // Fewer blocks than elements need, so that the loop strides by gridDim.x * blockDim.x.
      const g = r.int(1, blocks + 1);
      return { grid: g, block: bx, args: [x, out, n], want: Int32Array.from(x, (v) => v + g * bx) };
    }
    case 'clashing':
      return { grid: blocks, block: bx, args: [x, out, n], want: Int32Array.from(x, (v, i) => (i % bx) * 1000 + v) };
    case 'grid2d': {
      const [w, h, bw, bh] = [r.int(1, 100), r.int(1, 100), r.int(1, 17), r.int(1, 17)];
      const xs = r.i32Array(w * h);
      const want = Int32Array.from(xs, (v, k) => v + (Math.floor(k / w) % bh) * 100 + ((k % w) % bw));
      return { grid: [Math.ceil(w / bw), Math.ceil(h / bh)], block: [bw, bh], args: [xs, r.i32Array(w * h), w, h], want };
    }
    default:
      throw new Error(`no plan for kernel '${name}'`);
  }
}

const KERNELS = ['laneOf', 'scaled', 'grid2d', 'strided', 'clashing'];

const slots = await openDevices();
afterAll(() => closeDevices(slots));

for (const slot of slots) {
  describe.skipIf(!slot.device)(`helpers reading builtins on ${slot.backend}${slot.device ? '' : ` (skipped: ${slot.reason})`}`, () => {
    it.each(KERNELS)('%s matches its exact reference', async (name) => {
      const device = slot.device!;
      const r = new Rng();
      const k = compileKernel(SOURCE, { target: TARGET[slot.backend], kernel: name, fileName: FILE });
      for (let round = 0; round < 3; round++) {
        const run = plan(name, r);
        const arrays: DeviceArray[] = [];
        try {
          const args: LaunchArg[] = run.args.map((a) => {
            if (typeof a === 'number') return a;
            const d = device.array(a);
            arrays.push(d);
            return d;
          });
          device.launchCompiled(k, { grid: run.grid, block: run.block }, args);
          const got = await arrays[arrays.length - 1]!.read();
          const bad = run.want.findIndex((v, i) => got[i] !== v);
          expect(bad, `seed ${r.seed}, grid ${JSON.stringify(run.grid)}, block ${JSON.stringify(run.block)}: [${bad}] = ${got[bad]}, want ${run.want[bad]}`).toBe(-1);
        } finally {
          for (const d of arrays) d.dispose();
        }
      }
    });
  });
}

describe('helpers reading builtins: the IR', () => {
  it('passes the builtins as trailing parameters, named apart from the user names', () => {
    const ir = compileToIR(SOURCE, { kernel: 'grid2d', fileName: FILE });
    const sig = (name: string): string[] => ir.helpers.find((h) => h.name === name)?.params.map((p) => p.name) ?? [];
    // Canonical order (threadIdx before blockIdx…, x before y), whatever the body's order.
    expect(sig('cell')).toEqual(['w', 'threadIdx_x', 'threadIdx_y']);
    expect(sig('ty')).toEqual(['threadIdx_y']);
    const clash = compileToIR(SOURCE, { kernel: 'clashing', fileName: FILE });
    expect(clash.helpers.find((h) => h.name === 'shifted')?.params.map((p) => p.name)).toEqual(['threadIdx_x', 'threadIdx_x_1']);
    expect(clash.helpers.find((h) => h.name === 'globalId')?.params.map((p) => p.name)).toEqual(['threadIdx_x', 'blockIdx_x', 'blockDim_x']);
  });
});

describe.skipIf(!hasNvcc)('helpers reading builtins in CUDA C (skipped: nvcc not found)', () => {
  it('nvcc compiles every kernel with no warnings', async () => {
    const jobs = KERNELS.map((name) => async (): Promise<string[]> => {
      const { code } = compileKernel(SOURCE, { target: 'cuda', kernel: name, fileName: FILE });
      const { ok, said } = await nvccCompile(code);
      return ok && said === '' ? [] : [`${name}: ${said}\n${code}`];
    });
    expect((await inParallel(jobs, 2)).flat()).toEqual([]);
  });
});

function codesOf(body: string): string[] {
  const src = `${HEADER}${HELPERS}export const k = kernel((out: Int32Array) => {\n${body}\n  out[0] = 1;\n});\n`;
  let ds: readonly Diagnostic[] = [];
  try {
    compileToIR(src, { fileName: FILE });
  } catch (e) {
    if (!(e instanceof KernelCompileError)) throw e;
    ds = e.diagnostics;
  }
  return ds.map((d) => d.code);
}

describe('barriers under conditions on helpers reading builtins', () => {
  it.each([
    ['a threadIdx helper', '  if (lane() < 4) syncthreads();', '  if (threadIdx.x < 4) syncthreads();', ['KS5001']],
    ['a helper calling a threadIdx helper', '  if (cell(2) < 4) syncthreads();', '  if (threadIdx.y * 2 + threadIdx.x < 4) syncthreads();', ['KS5001']],
    ['an early return', '  if (globalId() == 0) return;\n  syncthreads();', '  if (blockIdx.x * blockDim.x + threadIdx.x == 0) return;\n  syncthreads();', ['KS5004']],
    ['a uniform helper', '  if (blockBase() + stride() < 4) syncthreads();', '  if (blockIdx.x * blockDim.x + gridDim.x * blockDim.x < 4) syncthreads();', []],
  ])('%s gets the verdict of the direct form', (_what, viaHelper, direct, codes) => {
    expect(codesOf(direct)).toEqual(codes);
    expect(codesOf(viaHelper)).toEqual(codes);
  });
});
