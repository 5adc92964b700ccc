// The planted kernels of the debug tests, as source text: compiled with a file name but never
// imported as code (their launches plant out-of-bounds accesses on purpose).
export const FILE = 'test/debug/planted.ts';
// Each kernel: thread `bad` uses the index `at` instead of its own.
export const SOURCE = `import { kernel, sharedArray, localArray, syncthreads, atomicAdd, f32, u32, type i32 } from 'kernelscript';

export const write = kernel(function write(out: Float32Array, x: Float32Array, n: i32, bad: i32, at: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const j = i == bad ? at : i;
    out[j] = x[i] * 2;
  }
});

export const read = kernel(function read(out: Float32Array, x: Float32Array, n: i32, bad: i32, at: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && (i != bad || x[at] > -2)) {
    out[i] = x[i == bad ? at : i] + 1;
  }
});

export const readU32 = kernel(function readU32(out: Float32Array, x: Float32Array, n: i32, bad: i32, at: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[i] = x[u32(i == bad ? at : i)] - 1;
  }
});

export const shared = kernel(function shared(out: Float32Array, x: Float32Array, bad: i32, at: i32, w: i32) {
  const s = sharedArray(Float32Array, 64);
  const t = threadIdx.x;
  const i = blockIdx.x * blockDim.x + t;
  s[t] = x[i];
  if (w == 1 && i == bad) {
    s[at] = 5;
  }
  syncthreads();
  out[i] = s[w == 0 && i == bad ? at : 63 - t];
});

export const local = kernel(function local(out: Float32Array, x: Float32Array, n: i32, bad: i32, at: i32, w: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    const t = localArray(Float32Array, 4);
    for (let k = 0; k < 4; k++) {
      t[k] = x[i] * f32(k + 1);
    }
    const j = i == bad ? at : i % 4;
    if (w == 1) {
      t[j] = x[i];
    }
    out[i] = t[j] + t[i % 4];
  }
});

export const histogram = kernel(function histogram(hist: Int32Array, keys: Int32Array, n: i32, bad: i32, at: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    atomicAdd(hist, i == bad ? at : keys[i], 1);
  }
});

export const once = kernel(function once(out: Float32Array, count: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[atomicAdd(count, 0, 1)] = f32(i) + out[i % 7] * 0;
  }
});
`;
