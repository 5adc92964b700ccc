"use strict";
// KernelScript kernel 'bits' (JS). Generated code: edit the TypeScript source instead.
const ks_bcf_f = new Float32Array(1), ks_bcf_u = new Uint32Array(ks_bcf_f.buffer);
function ks_bitcastF32(u) { ks_bcf_u[0] = u; return ks_bcf_f[0]; }
const ks_bcu_f = new Float32Array(1), ks_bcu_u = new Uint32Array(ks_bcu_f.buffer);
function ks_bitcastU32(x) { ks_bcu_f[0] = x; return ks_bcu_u[0]; }
const ks_bci_f = new Float32Array(1), ks_bci_i = new Int32Array(ks_bci_f.buffer);
function ks_bitcastI32(x) { ks_bci_f[0] = x; return ks_bci_i[0]; }
return function bits(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const is = ks_args[0];
  const us = ks_args[1];
  const fs = ks_args[2];
  const iout = ks_args[3];
  const uout = ks_args[4];
  const fout = ks_args[5];
  const n = ks_args[6] | 0;
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
            const a = is[i];
            const u = us[i];
            const o = Math.imul(i, 8);
            iout[o] = Math.imul(a, is[(((n - 1) | 0) - i) | 0]);
            iout[(o + 1) | 0] = Math.imul(u | 0, -1640531535);
            iout[(o + 2) | 0] = Math.clz32(a);
            iout[(o + 3) | 0] = Math.clz32((u >>> ((i % 33) | 0)) | 0);
            iout[(o + 4) | 0] = ks_bitcastI32(fs[i]);
            iout[(o + 5) | 0] = u | 0;
            iout[(o + 6) | 0] = ks_bitcastI32(ks_bitcastF32(a));
            iout[(o + 7) | 0] = (Math.imul(a, 3) + 32) | 0;
            const q = Math.imul(i, 4);
            uout[q] = ks_bitcastU32(ks_bitcastF32(u));
            uout[(q + 1) | 0] = ks_bitcastU32(fs[i]);
            uout[(q + 2) | 0] = a >>> 0;
            uout[(q + 3) | 0] = ks_bitcastU32(Math.fround(ks_bitcastF32(u) * 2.0));
            fout[Math.imul(i, 2)] = ks_bitcastF32(ks_bitcastU32(fs[i]));
            fout[(Math.imul(i, 2) + 1) | 0] = ks_bitcastF32(a);
          }
        }
      }
    }
  }
};
