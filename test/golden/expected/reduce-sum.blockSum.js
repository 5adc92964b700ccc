"use strict";
// KernelScript kernel 'blockSum' (JS). Generated code: edit the TypeScript source instead.
function ks_atomic_add(a, i, v) { const o = a[i]; a[i] = o + v; return o; }
// Runs the threads of one block round-robin: each pass takes every live thread to its next barrier.
function ks_runBlock(threads) {
  let live = threads.length;
  while (live > 0) {
    live = 0;
    for (let i = 0; i < threads.length; i++) {
      const t = threads[i];
      if (t === null) continue;
      if (t.next().done) threads[i] = null;
      else live++;
    }
  }
}
return function blockSum(ks_args, ks_grid, ks_block) {
  const x = ks_args[0];
  const partial = ks_args[1];
  const total = ks_args[2];
  const n = ks_args[3] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  function* ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, s) {
    const t = ks_tx;
    const i = (Math.imul(Math.imul(ks_bx, 256), 2) + t) | 0;
    let v = 0.0;
    if (i < n) {
      v = x[i];
    }
    if (((i + 256) | 0) < n) {
      v = Math.fround(v + x[(i + 256) | 0]);
    }
    s[t] = v;
    yield;
    {
      let stride = 128;
      for (; stride > 0; stride = stride >> 1) {
        if (t < stride) {
          s[t] = Math.fround(s[t] + s[(t + stride) | 0]);
        }
        yield;
      }
    }
    if (t === 0) {
      partial[ks_bx] = s[0];
      ks_atomic_add(total, 0, s[0]);
    }
  }
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const s = new Float32Array(256);
        const ks_threads = [];
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) ks_threads.push(ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, s));
          }
        }
        ks_runBlock(ks_threads);
      }
    }
  }
};
