// Control flow: for/while/do…while with break and continue (continue must run a for loop's update
// and re-test a do…while condition), early return, ?:, helpers (nested, with bool parameters and
// early returns), per-thread local arrays, Infinity, bool parameters.
import { kernel, blockDim, blockIdx, threadIdx, localArray, type bool, type f32, type i32 } from 'kernelscript';
import type { CaseSpec, HostArg } from '../helpers/case.js';

function twice(v: f32): f32 {
  return v * 2;
}

function scale(v: f32, on: bool, times: i32): f32 {
  if (!on) {
    return v;
  }
  let r = v;
  for (let t = 0; t < times; t++) {
    r = twice(r);
  }
  return r;
}

export const loops = kernel(function loops(out: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) {
    return;
  }
  let odd = 0;
  for (let j = 0; j < i % 37; j++) {
    if ((j & 1) === 0) {
      continue;
    }
    odd += j;
  }
  let v = i + 1;
  let steps = 0;
  while (true) {
    if (v === 1 || steps >= 60) {
      break;
    }
    v = v % 2 === 0 ? v / 2 : 3 * v + 1;
    steps++;
  }
  let k = 0;
  let evens = 0;
  do {
    k++;
    if (k % 2 !== 0) {
      continue;
    }
    evens++;
  } while (k < i % 11);
  let pairs = 0;
  for (let a = 0; a < 6; a++) {
    for (let b = 0; b < 6; b++) {
      if (b > a) {
        break;
      }
      if ((a + b) % 3 === 0) {
        continue;
      }
      pairs += a * 10 + b;
    }
  }
  let w = i;
  let guard = 0;
  while (w > 0 && guard < 100) {
    w -= 7;
    guard++;
  }
  out[i * 5] = odd;
  out[i * 5 + 1] = steps;
  out[i * 5 + 2] = evens;
  out[i * 5 + 3] = pairs;
  out[i * 5 + 4] = w + guard;
});

export const values = kernel(function values(x: Float32Array, out: Float32Array, on: bool, times: i32, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) {
    return;
  }
  const window = localArray(Float32Array, 4);
  for (let j = 0; j < 4; j++) {
    window[j] = x[(i + j) % n];
  }
  let best = -Infinity;
  let worst = Infinity;
  for (let j = 0; j < 4; j++) {
    best = Math.max(best, window[j]);
    worst = Math.min(worst, window[j]);
  }
  out[i * 4] = best;
  out[i * 4 + 1] = worst;
  out[i * 4 + 2] = scale(x[i], on, times);
  out[i * 4 + 3] = x[i] >= 0 && on ? x[i] : -x[i] * 0.5;
});

export const specs: CaseSpec[] = [
  {
    kernel: 'loops',
    make(rng) {
      const n = rng.int(100, 400);
      return { args: [new Int32Array(n * 5), n], grid: Math.ceil(n / 32), block: 32 };
    },
    reference([, n]: HostArg[]) {
      const out = new Int32Array((n as number) * 5);
      for (let i = 0; i < (n as number); i++) {
        let odd = 0;
        for (let j = 1; j < i % 37; j += 2) odd += j;
        let v = i + 1;
        let steps = 0;
        while (v !== 1 && steps < 60) {
          v = v % 2 === 0 ? v / 2 : 3 * v + 1;
          steps++;
        }
        let evens = 0;
        for (let k = 1; k === 1 || k <= Math.max(1, i % 11); k++) if (k % 2 === 0) evens++;
        let pairs = 0;
        for (let a = 0; a < 6; a++) for (let b = 0; b <= a; b++) if ((a + b) % 3 !== 0) pairs += a * 10 + b;
        let w = i;
        let guard = 0;
        while (w > 0 && guard < 100) {
          w -= 7;
          guard++;
        }
        out.set([odd, steps, evens, pairs, w + guard], i * 5);
      }
      return { 0: out };
    },
  },
  {
    kernel: 'values',
    make(rng) {
      const n = rng.int(100, 400);
      return { args: [rng.f32Array(n), new Float32Array(n * 4), rng.next() < 0.5, rng.int(0, 4), n], grid: Math.ceil(n / 32), block: 32 };
    },
    reference([x, , on, times, n]: HostArg[]) {
      const xs = x as Float32Array;
      const m = n as number;
      const out = new Float64Array(m * 4);
      for (let i = 0; i < m; i++) {
        const win = [0, 1, 2, 3].map((j) => xs[(i + j) % m]);
        const xi = xs[i];
        out.set([Math.max(...win), Math.min(...win), on ? xi * 2 ** (times as number) : xi, xi >= 0 && on ? xi : -xi * 0.5], i * 4);
      }
      return { 1: out };
    },
  },
];
