// What a machine offers matrix operations (tensor cores), and whether they compute right there.
// Prints one JSON line about the webgpu adapter (its features, subgroup sizes and
// subgroupMatrixConfigs), then one per backend (webgpu, cuda): the device's matrix support and, where
// it has it, one launch of a tiled GEMM with matrix operations checked against float64 (inputs on a
// 1/64 grid, so every product and sum is exact in f32: the result must match to rounding), and the
// time of a larger launch. A failure (no device, a refused launch, Dawn or the driver refusing the
// code) is reported in its line, with the message, never thrown.
//
//   npx tsx bench/matrix-probe.ts [backend…]   (default: webgpu cuda; cpu checks without timing)
import { createDevice, kernel, blockDim, blockIdx, threadIdx, sharedArray, syncthreads, matrixLoadA, matrixLoadB, matrixLoadAcc, matrixMma, matrixStore, Float16Array, type Backend, type Device, type i32 } from '../index.js';
import { requestAdapter, matrixConfigs } from '../runtime/webgpu/gpu.js';

const TILE = 32;
const TK = 16;

/**
 * out (M×N, column-major) = A (M×K, row-major) × B (K×N, column-major) + C0 (M×N, row-major). Blocks
 * of 32×4 threads (four warps) compute a 32×32 tile; per 16-deep step they stage A's and B's slices
 * in shared memory, and each warp multiplies its 16×16 quarter: A row-major and B column-major from
 * shared arrays, the accumulator loaded row-major and stored column-major from and to global arrays.
 */
export const probeGemm = kernel(function probeGemm(a: Float16Array, b: Float16Array, c0: Float32Array, out: Float32Array, M: i32, N: i32, K: i32) {
  const as = sharedArray(Float16Array, TILE * TK);
  const bs = sharedArray(Float16Array, TK * TILE);
  const t = threadIdx.y * blockDim.x + threadIdx.x;
  const threads = blockDim.x * blockDim.y;
  const wr = (threadIdx.y / 2) * 16;
  const wc = (threadIdx.y % 2) * 16;
  const row0 = blockIdx.y * TILE;
  const col0 = blockIdx.x * TILE;
  let acc = matrixLoadAcc(c0, (row0 + wr) * N + col0 + wc, N, 'row');
  for (let k = 0; k < K; k += TK) {
    // A's slice row-major (32×16), B's column-major (16 deep, 32 columns).
    for (let i = t; i < TILE * TK; i += threads) as[i] = a[(row0 + i / TK) * K + k + (i % TK)]!;
    for (let i = t; i < TK * TILE; i += threads) bs[i] = b[(col0 + i / TK) * K + k + (i % TK)]!;
    syncthreads();
    const fa = matrixLoadA(as, wr * TK, TK, 'row');
    const fb = matrixLoadB(bs, wc * TK, TK, 'col');
    acc = matrixMma(fa, fb, acc);
    syncthreads();
  }
  matrixStore(out, (col0 + wc) * M + row0 + wr, M, acc, 'col');
});

/** Values on a 1/64 grid in [-1, 1). */
function grid64(n: number, seed: number): Float16Array {
  const x = new Float16Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    x[i] = ((s >>> 16) % 128) / 64 - 1;
  }
  return x;
}

interface Inputs {
  M: number;
  N: number;
  K: number;
  a: Float16Array;
  b: Float16Array;
  c0: Float32Array;
}

function inputs(M: number, N: number, K: number, seed: number): Inputs {
  const c0 = new Float32Array(M * N);
  const g = grid64(M * N, seed + 2);
  for (let i = 0; i < c0.length; i++) c0[i] = g[i] as number;
  return { M, N, K, a: grid64(M * K, seed), b: grid64(K * N, seed + 1), c0 };
}

/** The float64 result, column-major. */
function reference({ M, N, K, a, b, c0 }: Inputs): Float64Array {
  const r = new Float64Array(M * N);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = c0[i * N + j] as number;
      for (let p = 0; p < K; p++) s += (a[i * K + p] as number) * (b[j * K + p] as number);
      r[j * M + i] = s;
    }
  }
  return r;
}

/** Runs probeGemm on `device`; the result and, when `time`, the milliseconds of one launch. */
async function run(device: Device, x: Inputs, time: boolean): Promise<{ out: Float32Array; ms: number | null }> {
  const arrays = [device.array(x.a), device.array(x.b), device.array(x.c0), device.array(new Float32Array(x.M * x.N))] as const;
  try {
    const launch = (): void => device.launch(probeGemm, { grid: [x.N / TILE, x.M / TILE], block: [32, 4] }, ...arrays, x.M, x.N, x.K);
    launch();
    const out = await arrays[3].read();
    const ms = time ? await device.time(launch) : null;
    return { out, ms };
  } finally {
    for (const d of arrays) d.dispose();
  }
}

function errorOf(got: Float32Array, want: Float64Array): { maxAbsError: number; relL2: number } {
  let num = 0;
  let den = 0;
  let max = 0;
  for (let i = 0; i < want.length; i++) {
    const d = (got[i] as number) - (want[i] as number);
    num += d * d;
    den += (want[i] as number) ** 2;
    max = Math.max(max, Math.abs(d));
  }
  return { maxAbsError: max, relL2: Math.sqrt(num / Math.max(den, 1e-30)) };
}

const message = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

async function adapterLine(): Promise<Record<string, unknown>> {
  try {
    const adapter = await requestAdapter();
    if (!adapter) return { adapter: null };
    const info = adapter.info as GPUAdapterInfo & { subgroupMinSize?: number; subgroupMaxSize?: number };
    return {
      adapter: {
        vendor: info.vendor,
        architecture: info.architecture,
        description: info.description,
        subgroupMinSize: info.subgroupMinSize ?? null,
        subgroupMaxSize: info.subgroupMaxSize ?? null,
        features: [...adapter.features].sort(),
        subgroupMatrixConfigs: matrixConfigs(info),
      },
    };
  } catch (e) {
    return { adapter: null, error: message(e) };
  }
}

async function backendLine(backend: Backend): Promise<Record<string, unknown>> {
  let device: Device;
  try {
    device = await createDevice({ backend });
  } catch (e) {
    return { backend, device: null, error: message(e) };
  }
  const line: Record<string, unknown> = { backend, device: device.name, warpSize: device.warpSize, matrix: device.matrix };
  try {
    const small = inputs(64, 96, 48, 7);
    const { out } = await run(device, small, false);
    const err = errorOf(out, reference(small));
    line.check = { M: small.M, N: small.N, K: small.K, ...err, ok: err.relL2 <= 1e-6 };
    if (backend !== 'cpu') {
      const big = inputs(1024, 1024, 1024, 11);
      const { ms } = await run(device, big, true);
      if (ms !== null) line.time = { M: big.M, N: big.N, K: big.K, ms, tflops: (2 * big.M * big.N * big.K) / (ms * 1e9) };
    }
  } catch (e) {
    line.error = message(e);
  } finally {
    device.dispose();
  }
  return line;
}

console.log(JSON.stringify(await adapterLine()));
const asked = process.argv.slice(2);
const backends = (asked.length > 0 ? asked : ['webgpu', 'cuda']) as Backend[];
for (const backend of backends) console.log(JSON.stringify(await backendLine(backend)));
