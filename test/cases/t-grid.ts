// Launch shapes: 3-D grids and blocks reading every builtin axis, and a 1-D grid of more blocks than
// one WebGPU dispatch dimension allows (the webgpu backend folds it into 2-D).
import { kernel, blockDim, blockIdx, gridDim, threadIdx, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

export const grid3d = kernel(function grid3d(out: Int32Array, w: i32, h: i32, d: i32) {
  const x = blockIdx.x * blockDim.x + threadIdx.x;
  const y = blockIdx.y * blockDim.y + threadIdx.y;
  const z = blockIdx.z * blockDim.z + threadIdx.z;
  if (x < w && y < h && z < d) {
    out[(z * h + y) * w + x] = gridDim.x * 1000000 + gridDim.y * 10000 + gridDim.z * 100 + blockDim.x * blockDim.y * blockDim.z;
  }
});

export const wideGrid = kernel(function wideGrid(out: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    out[i] = (blockIdx.x ^ 0x5555) + gridDim.x * 3 + blockIdx.y + gridDim.y;
  }
});

export const specs: CaseSpec[] = [
  {
    kernel: 'grid3d',
    make(rng) {
      const w = rng.int(5, 30), h = rng.int(5, 20), d = rng.int(2, 9);
      return { args: [new Int32Array(w * h * d), w, h, d], grid: [Math.ceil(w / 8), Math.ceil(h / 4), Math.ceil(d / 2)], block: [8, 4, 2] };
    },
    reference([, w, h, d]: HostArg[]) {
      const [W, H, D] = [w as number, h as number, d as number];
      const v = Math.ceil(W / 8) * 1000000 + Math.ceil(H / 4) * 10000 + Math.ceil(D / 2) * 100 + 64;
      return { 0: new Int32Array(W * H * D).fill(v) };
    },
  },
  {
    kernel: 'wideGrid',
    make(rng) {
      const blocks = rng.int(65536 + 10, 70000);
      const n = blocks * 2 - rng.int(0, 2);
      return { args: [new Int32Array(n), n], grid: blocks, block: 2 };
    },
    reference([, n]: HostArg[]) {
      const m = n as number;
      const blocks = Math.ceil(m / 2);
      const out = new Int32Array(m);
      for (let i = 0; i < m; i++) out[i] = (Math.floor(i / 2) ^ 0x5555) + blocks * 3 + 1;
      return { 0: out };
    },
  },
];
