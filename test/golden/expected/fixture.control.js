"use strict";
// KernelScript kernel 'control' (JS). Generated code: edit the TypeScript source instead.
function twice(v) {
  return Math.fround(v * 2.0);
}
function scale(v, on, times) {
  if (!on) {
    return v;
  }
  let r = v;
  {
    let t = 0;
    for (; t < times; t = (t + 1) | 0) {
      r = twice(r);
    }
  }
  return r;
}
return function control(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const X = ks_args[0];
  const O = ks_args[1];
  const OI = ks_args[2];
  const flag = Boolean(ks_args[3]);
  const m = ks_args[4] | 0;
  const n = ks_args[5] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const gi = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (gi >= n) {
            continue ks_thread;
          }
          let acc = 0;
          {
            let j = 0;
            for (; j < ((gi % 37) | 0); j = (j + 1) | 0) {
              if ((j & 1) === 0) {
                continue;
              }
              acc = (acc + j) | 0;
            }
          }
          OI[Math.imul(gi, 4)] = acc;
          let v = (gi + 1) | 0;
          let steps = 0;
          for (;;) {
            if (v === 1 || steps >= 50) {
              break;
            }
            v = ((v % 2) | 0) === 0 ? (v / 2) | 0 : (Math.imul(v, 3) + 1) | 0;
            steps = (steps + 1) | 0;
          }
          OI[(Math.imul(gi, 4) + 1) | 0] = steps;
          let k = 0;
          let evens = 0;
          do {
            k = (k + 1) | 0;
            if (((k % 2) | 0) !== 0) {
              continue;
            }
            evens = (evens + 1) | 0;
          } while (k < ((gi % 11) | 0));
          OI[(Math.imul(gi, 4) + 2) | 0] = evens;
          let p = 0;
          let q = 0;
          for (;;) {
            if (!(p < 10)) break;
            ks_continue_1: {
              if (p === 3) {
                break ks_continue_1;
              }
              q = (q + p) | 0;
            }
            if (p < 5) {
              p = (p + 1) | 0;
            } else {
              p = (p + 2) | 0;
            }
          }
          OI[(Math.imul(gi, 4) + 3) | 0] = q;
          let w_0 = 0.0;
          let w_1 = 0.0;
          let w_2 = 0.0;
          let w_3 = 0.0;
          {
            w_0 = Math.fround(X[(((gi + 0) | 0) % n) | 0]);
            w_1 = Math.fround(X[(((gi + 1) | 0) % n) | 0]);
            w_2 = Math.fround(X[(((gi + 2) | 0) % n) | 0]);
            w_3 = Math.fround(X[(((gi + 3) | 0) % n) | 0]);
          }
          let best = -Infinity;
          {
            best = Math.max(best, w_0);
            best = Math.max(best, w_1);
            best = Math.max(best, w_2);
            best = Math.max(best, w_3);
          }
          O[Math.imul(gi, 3)] = best;
          O[(Math.imul(gi, 3) + 1) | 0] = scale(X[gi], flag, m);
          O[(Math.imul(gi, 3) + 2) | 0] = !(X[gi] < 0.0) ? Infinity : -1.5;
        }
      }
    }
  }
};
