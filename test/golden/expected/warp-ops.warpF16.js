"use strict";
// KernelScript kernel 'warpF16' (JS). Generated code: edit the TypeScript source instead.
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
return function warpF16(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_f16view(ks_args[0]);
  const a = ks_args[1];
  const out = ks_f16view(ks_args[2]);
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  function* ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz) {
    const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
    const v = ks_f16values[x[i]];
    const k = a[i];
    out[Math.imul(7, i)] = ks_f16bits(ks_f16round((yield ['shfl', 'f32', v, k])));
    out[(Math.imul(7, i) + 1) | 0] = ks_f16bits(ks_f16round((yield ['up', 'f32', v, k])));
    out[(Math.imul(7, i) + 2) | 0] = ks_f16bits(ks_f16round((yield ['down', 'f32', v, k])));
    out[(Math.imul(7, i) + 3) | 0] = ks_f16bits(ks_f16round((yield ['xor', 'f32', v, k])));
    out[(Math.imul(7, i) + 4) | 0] = ks_f16bits(ks_f16round((yield ['sum', 'f32', v])));
    out[(Math.imul(7, i) + 5) | 0] = ks_f16bits(ks_f16round((yield ['min', 'f32', v])));
    out[(Math.imul(7, i) + 6) | 0] = ks_f16bits(ks_f16round((yield ['max', 'f32', v])));
  }
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    const ks_threads = [];
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) ks_threads.push(ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz));
      }
    }
    ks_runWarps(ks_threads);
  }
};
