"use strict";
// KernelScript kernel 'vecOrder' (JS). Generated code: edit the TypeScript source instead.
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
return function vecOrder(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const w = ks_args[0];
  const cnt = ks_args[1];
  const out = ks_args[2];
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
            const tmp = w[Math.imul(4, i)];
            const v_1 = out[(Math.imul(4, i) + 1) | 0];
            w[Math.imul(i, 4)] = v_1;
            w[(Math.imul(i, 4) + 1) | 0] = v_1;
            w[(Math.imul(i, 4) + 2) | 0] = v_1;
            w[(Math.imul(i, 4) + 3) | 0] = v_1;
            const put4_result = 1.0;
            out[Math.imul(4, i)] = tmp + put4_result;
            const arg = Math.fround(ks_atomic_add(cnt, i, 1));
            const arg_1 = Math.fround(ks_atomic_add(cnt, i, 1));
            const arg_2 = Math.fround(Math.fround(ks_atomic_add(cnt, i, 1)) * 10.0);
            const arg_3 = Math.fround(Math.fround(ks_atomic_add(cnt, i, 1)) * 10.0);
            const v_x = Math.fround(arg + arg_2);
            const v_y = Math.fround(arg_1 + arg_3);
            const v_z = 0.0;
            const v_w = 0.0;
            out[(Math.imul(4, i) + 1) | 0] = v_x;
            out[(Math.imul(4, i) + 2) | 0] = v_y;
            const j_1 = Math.imul(4, i);
            w[j_1] = w[j_1] + 10.0;
            const bump_result = 0.0;
            const b = bump_result;
            const w4_x = w[Math.imul(i, 4)];
            const w4_y = w[(Math.imul(i, 4) + 1) | 0];
            const w4_z = w[(Math.imul(i, 4) + 2) | 0];
            const w4_w = w[(Math.imul(i, 4) + 3) | 0];
            out[(Math.imul(4, i) + 3) | 0] = b + w4_x;
          }
        }
      }
    }
  }
};
