"use strict";
// KernelScript kernel 'loops' (JS). Generated code: edit the TypeScript source instead.
return function loops(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const out = ks_args[0];
  const n = ks_args[1] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const i = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (i >= n) {
            continue ks_thread;
          }
          let odd = 0;
          {
            let j = 0;
            for (; j < ((i % 37) | 0); j = (j + 1) | 0) {
              if ((j & 1) === 0) {
                continue;
              }
              odd = (odd + j) | 0;
            }
          }
          let v = (i + 1) | 0;
          let steps = 0;
          while (true) {
            if (v === 1 || steps >= 60) {
              break;
            }
            v = ((v % 2) | 0) === 0 ? (v / 2) | 0 : (Math.imul(3, v) + 1) | 0;
            steps = (steps + 1) | 0;
          }
          let k = 0;
          let evens = 0;
          do {
            k = (k + 1) | 0;
            if (((k % 2) | 0) !== 0) {
              continue;
            }
            evens = (evens + 1) | 0;
          } while (k < ((i % 11) | 0));
          let pairs = 0;
          {
            let a = 0;
            for (; a < 6; a = (a + 1) | 0) {
              {
                let b = 0;
                for (; b < 6; b = (b + 1) | 0) {
                  if (b > a) {
                    break;
                  }
                  if (((((a + b) | 0) % 3) | 0) === 0) {
                    continue;
                  }
                  pairs = (pairs + ((Math.imul(a, 10) + b) | 0)) | 0;
                }
              }
            }
          }
          let w = i;
          let guard = 0;
          while (w > 0 && guard < 100) {
            w = (w - 7) | 0;
            guard = (guard + 1) | 0;
          }
          out[Math.imul(i, 5)] = odd;
          out[(Math.imul(i, 5) + 1) | 0] = steps;
          out[(Math.imul(i, 5) + 2) | 0] = evens;
          out[(Math.imul(i, 5) + 3) | 0] = pairs;
          out[(Math.imul(i, 5) + 4) | 0] = (w + guard) | 0;
        }
      }
    }
  }
};
