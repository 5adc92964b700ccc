"use strict";
// KernelScript kernel 'scan' (JS). Generated code: edit the TypeScript source instead.
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
return function scan(ks_args, ks_grid, ks_block) {
  const x = ks_args[0];
  const y = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  function* ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, s) {
    const gi = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
    s[ks_tx] = gi < n ? x[gi] : 0.0;
    yield;
    let off = 1;
    for (; off < ks_bdx; off = off << 1) {
      let v = 0;
      if (ks_tx >= off) {
        v = s[(ks_tx - off) | 0];
      }
      yield;
      s[ks_tx] = Math.fround(s[ks_tx] + v);
      yield;
    }
    if (gi < n) {
      y[gi] = s[ks_tx];
    }
  }
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const s = new Float32Array(64);
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
