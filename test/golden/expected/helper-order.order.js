"use strict";
// KernelScript kernel 'order' (JS). Generated code: edit the TypeScript source instead.
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
return function order(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const x = ks_args[0];
  const out = ks_args[1];
  const calls = ks_args[2];
  const n = ks_args[3] | 0;
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
          if (i < n) {
            const tmp = x[i];
            const old_1 = x[i];
            x[i] = Math.fround(old_1 * 2.0) + 1.0;
            const bump_result = old_1;
            const a = Math.fround(tmp - Math.fround(bump_result * x[i]));
            let cond = x[i] > 0.0;
            if (cond) {
              const old_2 = x[i];
              x[i] = Math.fround(old_2 * 2.0) + 0.5;
              const bump_result_1 = old_2;
              cond = bump_result_1 > 1.0;
            }
            let pick = 0;
            if (cond) {
              const old_3 = x[i];
              x[i] = Math.fround(old_3 * 2.0) + -1.0;
              const bump_result_2 = old_3;
              pick = bump_result_2;
            } else {
              const tmp_1 = x[i];
              const old_4 = x[i];
              x[i] = Math.fround(old_4 * 2.0) + 2.0;
              const bump_result_3 = old_4;
              pick = Math.fround(tmp_1 + bump_result_3);
            }
            const b = pick;
            let k = 0;
            for (;;) {
              const old_5 = x[i];
              x[i] = Math.fround(old_5 * 2.0) + 0.0;
              const bump_result_4 = old_5;
              if (!(bump_result_4 < 40.0 && k < 3)) {
                break;
              }
              k = (k + 1) | 0;
            }
            {
              let j = 0;
              for (; ; j = (j + 1) | 0) {
                const old_6 = x[i];
                x[i] = Math.fround(old_6 * 2.0) + -0.5;
                const bump_result_5 = old_6;
                if (!(Math.abs(bump_result_5) < 200.0 && j < 4)) {
                  break;
                }
                k = (k + 10) | 0;
              }
            }
            let more = false;
            for (;;) {
              k = (k + 100) | 0;
              const old_7 = x[i];
              x[i] = Math.fround(old_7 * 2.0) + 0.25;
              const bump_result_6 = old_7;
              more = bump_result_6 < 50.0 && k < 500;
              if (!(more)) break;
            }
            const tmp_2 = Math.fround(ks_atomic_add(calls, i, 1));
            const old_8 = x[i];
            x[i] = Math.fround(old_8 * 2.0) + 0.0;
            const bump_result_7 = old_8;
            const c = Math.fround(Math.fround(tmp_2 + bump_result_7) + Math.fround(calls[i]));
            out[i] = Math.fround(Math.fround(a + Math.fround(b * 3.0)) + Math.fround(k)) + c;
            const tmp_3 = x[i];
            const old_9 = x[i];
            x[i] = Math.fround(old_9 * 2.0) + 0.5;
            const bump_result_8 = old_9;
            x[i] = tmp_3 + bump_result_8;
          }
        }
      }
    }
  }
};
