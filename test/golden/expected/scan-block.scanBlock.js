"use strict";
// KernelScript kernel 'scanBlock' (JS). Generated code: edit the TypeScript source instead.
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
return function scanBlock(ks_args, ks_grid, ks_block) {
  const x = ks_args[0];
  const y = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  function* ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, buf) {
    const t = ks_tx;
    const i = (Math.imul(ks_bx, 256) + t) | 0;
    buf[t] = i < n ? x[i] : 0.0;
    yield;
    let src = 0;
    {
      let offset = 1;
      for (; offset < 256; offset = Math.imul(offset, 2)) {
        const dst = (1 - src) | 0;
        let v = buf[(Math.imul(src, 256) + t) | 0];
        if (t >= offset) {
          v = Math.fround(v + buf[(((Math.imul(src, 256) + t) | 0) - offset) | 0]);
        }
        buf[(Math.imul(dst, 256) + t) | 0] = v;
        yield;
        src = dst;
      }
    }
    if (i < n) {
      y[i] = buf[(Math.imul(src, 256) + t) | 0];
    }
  }
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const buf = new Float32Array(512);
        const ks_threads = [];
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) ks_threads.push(ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, buf));
          }
        }
        ks_runBlock(ks_threads);
      }
    }
  }
};
