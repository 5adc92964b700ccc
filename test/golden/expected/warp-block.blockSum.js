"use strict";
// KernelScript kernel 'blockSum' (JS). Generated code: edit the TypeScript source instead.
const ks_f = new Float32Array(1), ks_fi = new Int32Array(ks_f.buffer), ks_views = new WeakMap();
function ks_bits(a) { let b = ks_views.get(a); if (b === undefined) { b = new Int32Array(a.buffer, a.byteOffset, a.length); ks_views.set(a, b); } return b; }
function ks_atomic_addf(a, i, v) {
  const b = ks_bits(a);
  for (;;) {
    const ob = Atomics.load(b, i);
    ks_fi[0] = ob;
    const o = ks_f[0];
    ks_f[0] = o + v;
    if (Atomics.compareExchange(b, i, ob, ks_fi[0]) === ob) return o;
  }
}
function ks_atomic_add(a, i, v) { if (!(i >= 0 && i < a.length)) return undefined; return a instanceof Float32Array ? ks_atomic_addf(a, i, v) : Atomics.add(a, i, v); }
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
return function blockSum(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_args[0];
  const out = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  function* ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, part) {
    let v = 0.0;
    {
      let i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
      for (; i < n; i = (i + Math.imul(ks_bdx, 4)) | 0) {
        v = Math.fround(v + x[i]);
      }
    }
    v = (yield ['sum', 'f32', v]);
    if ((ks_tx & 31) === 0) {
      part[(ks_tx / 32) | 0] = v;
    }
    yield;
    if (ks_tx < 32) {
      const warps = (ks_bdx / 32) | 0;
      const p = ks_tx < warps ? part[ks_tx] : 0.0;
      const s = (yield ['sum', 'f32', p]);
      if ((ks_tx & 31) === 0) {
        ks_atomic_add(out, ks_bx, s);
      }
    }
  }
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const part = ks_kept(0, 32) ?? ks_keep(0, ks_alloc(Float32Array, 32));
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    part.fill(0);
    const ks_threads = [];
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) ks_threads.push(ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, part));
      }
    }
    ks_runWarps(ks_threads);
  }
};
