"use strict";
// KernelScript kernel 'mmaShared' (JS). Generated code: edit the TypeScript source instead.
// Runs one block as warps of 32 lanes in lockstep at every warp operation.
function ks_runWarps(threads) {
  const n = threads.length, req = new Array(n).fill(null), res = new Array(n).fill(undefined);
  // 0: runnable, 1: at a barrier, 2: at a warp operation, 3: finished.
  const state = new Uint8Array(n);
  for (;;) {
    for (let w = 0; w < n; w += 32) {
      const end = Math.min(n, w + 32);
      for (;;) {
        let waiting = 0;
        for (let i = w; i < end; i++) {
          if (state[i] === 2) waiting++;
          if (state[i] !== 0) continue;
          const r = threads[i].next(res[i]);
          res[i] = undefined;
          if (r.done) state[i] = 3;
          else if (r.value === undefined) state[i] = 1;
          else { state[i] = 2; req[i] = r.value; waiting++; }
        }
        if (waiting === 0) break;
        if (waiting !== end - w) throw new Error(`a warp operation was reached by only some lanes of the warp of threads ${w}-${end - 1}`);
        ks_warpStep(req, res, w, end);
        state.fill(0, w, end);
      }
    }
    let barrier = false;
    for (let i = 0; i < n; i++) if (state[i] === 1) { state[i] = 0; barrier = true; }
    if (!barrier) return;
  }
}
// One warp operation of lanes [w, end): request [op, type, value, operand] in, results out.
function ks_warpStep(req, res, w, end) {
  const W = end - w, op = req[w][0], t = req[w][1];
  for (let i = w; i < end; i++) {
    if (req[i][0] !== op || req[i][1] !== t) throw new Error(`the lanes of the warp of threads ${w}-${end - 1} reached different warp operations`);
  }
  // A matrix load or store (matrix.ts): only a meeting point; each lane then does its part.
  if (op === 'matrix') return;
  if (op === 'shfl' || op === 'up' || op === 'down' || op === 'xor') {
    for (let l = 0; l < W; l++) {
      const a = req[w + l][3] >>> 0;
      const s = op === 'shfl' ? a % W : op === 'up' ? l - a : op === 'down' ? l + a : (l ^ a) >>> 0;
      res[w + l] = s >= 0 && s < W ? req[w + s][2] : req[w + l][2];
    }
    return;
  }
  if (op === 'any' || op === 'all' || op === 'ballot') {
    let any = false, all = true, mask = 0;
    for (let l = 0; l < W; l++) {
      const p = req[w + l][2];
      any = any || p; all = all && p;
      if (p && l < 32) mask |= 1 << l;
    }
    const r = op === 'any' ? any : op === 'all' ? all : mask >>> 0;
    for (let l = 0; l < W; l++) res[w + l] = r;
    return;
  }
  // sum, min, max: the butterfly (lane l with lane l ^ s, s = W/2 … 1), each step of the type.
  let cur = new Array(W);
  for (let l = 0; l < W; l++) cur[l] = req[w + l][2];
  for (let s = W >> 1; s > 0; s >>= 1) {
    const next = new Array(W);
    for (let l = 0; l < W; l++) {
      const a = cur[l], b = cur[l ^ s];
      next[l] = op === 'min' ? Math.min(a, b) : op === 'max' ? Math.max(a, b) : t === 'f32' ? Math.fround(a + b) : t === 'u32' ? (a + b) >>> 0 : (a + b) | 0;
    }
    cur = next;
  }
  for (let l = 0; l < W; l++) res[w + l] = cur[l];
}
function ks_f16view(a) { return a instanceof Uint16Array ? a : new Uint16Array(a.buffer, a.byteOffset, a.length); }
function ks_f16round(x) {
  const a = Math.abs(x);
  if (!(a < 65520)) return a >= 65520 ? (x > 0 ? Infinity : -Infinity) : +x;
  let q = 5.960464477539063e-8;
  if (a >= 6.103515625e-5) {
    let e = Math.floor(Math.log2(a));
    if (2 ** e > a) e--;
    else if (2 ** (e + 1) <= a) e++;
    q = 2 ** (e - 10);
  }
  const n = a / q;
  let r = Math.round(n);
  if (r - n === 0.5 && r % 2 !== 0) r -= 1;
  return x < 0 || Object.is(x, -0) ? -(r * q) : r * q;
}
function ks_f16bits(x) {
  if (x !== x) return 0x7e00;
  const s = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === Infinity) return s | 0x7c00;
  if (a < 6.103515625e-5) return s | (a * 16777216);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return s | ((e + 15) << 10) | (a * 2 ** (10 - e) - 1024);
}
const ks_f16values = new Float64Array(65536);
for (let b = 0; b < 65536; b++) {
  const e = (b >> 10) & 31, m = b & 1023, s = b & 0x8000 ? -1 : 1;
  ks_f16values[b] = e === 0 ? s * m * 5.960464477539063e-8 : e === 31 ? (m ? NaN : s * Infinity) : s * (1024 + m) * 2 ** (e - 25);
}
function ks_mcheck_f32(fn, array, arr, off, st) {
  if (!(off >= 0 && off % 8 === 0)) throw new Error("KS4060: the offset of '" + fn + "'" + " must be a multiple of 8 (Float32Array elements: 32 bytes), but it is " + off);
  if (!(st >= 16 && st % 4 === 0)) throw new Error("KS4060: the stride of '" + fn + "'" + " must be at least 16 and a multiple of 4 (Float32Array elements: 16 bytes), but it is " + st);
  const last = off + 15 * st + 15;
  if (last >= arr.length) throw new Error("KS4061: '" + fn + "' at offset " + off + " with stride " + st + " reaches element " + last + ", but '" + array + "' has " + arr.length + " elements");
}
function ks_mcheck_f16(fn, array, arr, off, st) {
  if (!(off >= 0 && off % 16 === 0)) throw new Error("KS4060: the offset of '" + fn + "'" + " must be a multiple of 16 (Float16Array elements: 32 bytes), but it is " + off);
  if (!(st >= 16 && st % 8 === 0)) throw new Error("KS4060: the stride of '" + fn + "'" + " must be at least 16 and a multiple of 8 (Float16Array elements: 16 bytes), but it is " + st);
  const last = off + 15 * st + 15;
  if (last >= arr.length) throw new Error("KS4061: '" + fn + "' at offset " + off + " with stride " + st + " reaches element " + last + ", but '" + array + "' has " + arr.length + " elements");
}
// Fragment (i, j) is element i*16 + j; memory holds it at off + i*st + j (row) or off + j*st + i (col).
function ks_mload(f, src, off, st, row, f16) {
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = src[row ? off + i * st + j : off + j * st + i];
      f[i * 16 + j] = f16 ? ks_f16values[v] : v;
    }
  }
}
// d = a×b + c: each dot product summed in double (exact for f16 products), added to c, rounded once to f32.
// The lanes of a warp hold equal fragments, so a call whose operands have the bits of the last call's
// copies its result: comparing 768 values is cheaper than 4096 multiply-adds. (At first the last
// operands are all +0, and so is their result: the initial state is a valid entry.)
const ks_mma_t = new Float32Array(256);
const ks_mma_in = new Int32Array(768);
function ks_mma(d, a, b, c) {
  const x = new Int32Array(a.buffer, a.byteOffset, a.length), y = new Int32Array(b.buffer, b.byteOffset, b.length), z = new Int32Array(c.buffer, c.byteOffset, c.length);
  let same = true;
  for (let e = 0; e < 256 && same; e++) same = x[e] === ks_mma_in[e] && y[e] === ks_mma_in[256 + e] && z[e] === ks_mma_in[512 + e];
  if (same) { d.set(ks_mma_t); return; }
  ks_mma_in.set(x, 0);
  ks_mma_in.set(y, 256);
  ks_mma_in.set(z, 512);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let s = 0;
      for (let p = 0; p < 16; p++) s += a[i * 16 + p] * b[p * 16 + j];
      ks_mma_t[i * 16 + j] = Math.fround(c[i * 16 + j] + s);
    }
  }
  d.set(ks_mma_t);
}
// Lane l writes elements l, l + 32, …: every element once per warp.
function ks_mstore(dst, off, st, row, f, lane) {
  for (let e = lane; e < 256; e += 32) {
    const i = (e / 16) | 0, j = e % 16;
    dst[row ? off + i * st + j : off + j * st + i] = f[e];
  }
}
const ks_scratch = [];
// Makes a kept array: plainly, or in the memory WebAssembly loops read once the code is linked.
let ks_alloc = (C, n) => new C(n);
// The array kept for `site` if it has `n` elements (an array holds one element type per site).
function ks_kept(site, n) {
  const a = ks_scratch[site];
  return a !== undefined && a.length === n ? a : undefined;
}
// Keeps `a` for `site` unless it is large (an array of per-thread arrays counts them all).
function ks_keep(site, a) {
  const bytes = ArrayBuffer.isView(a) ? a.byteLength : a.length * (ArrayBuffer.isView(a[0]) ? a[0].byteLength : 8);
  if (bytes <= 1048576) ks_scratch[site] = a;
  return a;
}
return function mmaShared(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = ks_f16view(ks_args[0]);
  const b = ks_f16view(ks_args[1]);
  const c = ks_args[2];
  const M = ks_args[3] | 0;
  const N = ks_args[4] | 0;
  const K = ks_args[5] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  function* ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, as, bs) {
    const t = (Math.imul(ks_ty, ks_bdx) + ks_tx) | 0;
    const threads = Math.imul(ks_bdx, ks_bdy);
    const wr = Math.imul((ks_ty / 2) | 0, 16);
    const wc = Math.imul((ks_ty % 2) | 0, 16);
    const row0 = Math.imul(ks_by, 32);
    const col0 = Math.imul(ks_bx, 32);
    const acc = new Float32Array(256);
    acc.fill(0.0);
    {
      let k = 0;
      for (; k < K; k = (k + 16) | 0) {
        {
          let i = t;
          for (; i < 512; i = (i + threads) | 0) {
            as[i] = ks_f16bits(ks_f16values[a[(((Math.imul((row0 + ((i / 16) | 0)) | 0, K) + k) | 0) + ((i % 16) | 0)) | 0]]);
          }
        }
        {
          let i_1 = t;
          for (; i_1 < 512; i_1 = (i_1 + threads) | 0) {
            bs[i_1] = ks_f16bits(ks_f16values[b[(((Math.imul((k + ((i_1 / 32) | 0)) | 0, N) + col0) | 0) + ((i_1 % 32) | 0)) | 0]]);
          }
        }
        yield;
        const fa = new Float32Array(256);
        yield ['matrix', 'load'];
        const ks_moff1 = Math.imul(wr, 16), ks_mst2 = 16;
        ks_mcheck_f16("matrixLoadA", "as", as, ks_moff1, ks_mst2);
        ks_mload(fa, as, ks_moff1, ks_mst2, true, true);
        const fb = new Float32Array(256);
        yield ['matrix', 'load'];
        const ks_moff3 = wc, ks_mst4 = 32;
        ks_mcheck_f16("matrixLoadB", "bs", bs, ks_moff3, ks_mst4);
        ks_mload(fb, bs, ks_moff3, ks_mst4, true, true);
        ks_mma(acc, fa, fb, acc);
        yield;
      }
    }
    if (row0 < M) {
      yield ['matrix', 'store'];
      const ks_moff5 = (((Math.imul((row0 + wr) | 0, N) + col0) | 0) + wc) | 0, ks_mst6 = N;
      ks_mcheck_f32("matrixStore", "c", c, ks_moff5, ks_mst6);
      ks_mstore(c, ks_moff5, ks_mst6, true, acc, ks_tx % 32);
    }
  }
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const as = ks_kept(0, 512) ?? ks_keep(0, ks_alloc(Uint16Array, 512));
  const bs = ks_kept(1, 512) ?? ks_keep(1, ks_alloc(Uint16Array, 512));
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    as.fill(0);
    bs.fill(0);
    const ks_threads = [];
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) ks_threads.push(ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, as, bs));
      }
    }
    ks_runWarps(ks_threads);
  }
};
