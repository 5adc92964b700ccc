"use strict";
// KernelScript kernel 'softmaxRows' (JS). Generated code: edit the TypeScript source instead.
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
return function softmaxRows(ks_args, ks_grid, ks_block) {
  const x = ks_args[0];
  const y = ks_args[1];
  const cols = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  function* ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, red) {
    const t = ks_tx;
    const base = Math.imul(ks_bx, cols);
    let m = x[base];
    {
      let c = t;
      for (; c < cols; c = (c + 128) | 0) {
        m = Math.max(m, x[(base + c) | 0]);
      }
    }
    red[t] = m;
    yield;
    {
      let s = 64;
      for (; s > 0; s = s >> 1) {
        if (t < s) {
          red[t] = Math.max(red[t], red[(t + s) | 0]);
        }
        yield;
      }
    }
    const rowMax = red[0];
    yield;
    let sum = 0.0;
    {
      let c_1 = t;
      for (; c_1 < cols; c_1 = (c_1 + 128) | 0) {
        sum = Math.fround(sum + Math.fround(Math.exp(Math.fround(x[(base + c_1) | 0] - rowMax))));
      }
    }
    red[t] = sum;
    yield;
    {
      let s_1 = 64;
      for (; s_1 > 0; s_1 = s_1 >> 1) {
        if (t < s_1) {
          red[t] = Math.fround(red[t] + red[(t + s_1) | 0]);
        }
        yield;
      }
    }
    const total = red[0];
    {
      let c_2 = t;
      for (; c_2 < cols; c_2 = (c_2 + 128) | 0) {
        y[(base + c_2) | 0] = Math.fround(Math.fround(Math.exp(Math.fround(x[(base + c_2) | 0] - rowMax))) / total);
      }
    }
  }
  for (let ks_bz = 0; ks_bz < ks_gdz; ks_bz++) {
    for (let ks_by = 0; ks_by < ks_gdy; ks_by++) {
      for (let ks_bx = 0; ks_bx < ks_gdx; ks_bx++) {
        const red = new Float32Array(128);
        const ks_threads = [];
        for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) ks_threads.push(ks_thread(ks_tx, ks_ty, ks_tz, ks_bx, ks_by, ks_bz, red));
          }
        }
        ks_runBlock(ks_threads);
      }
    }
  }
};
