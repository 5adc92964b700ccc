"use strict";
// KernelScript kernel 'chain' (JS). Generated code: edit the TypeScript source instead.
let ks_W = null, ks_out = 0, ks_of = null, ks_oi = null;
let ks_addr = () => -1;
function ks_link(w, addr, alloc, out, f32, i32) {
  ks_W = w; ks_addr = addr; ks_out = out; ks_of = f32; ks_oi = i32;
}
return Object.assign(function chain(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = Math.fround(ks_args[0]);
  const x = ks_args[1];
  const y = ks_args[2];
  const sums = ks_args[3];
  const rows = ks_args[4] | 0;
  const m = ks_args[5] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_a_y = ks_addr(y);
  const ks_a_x = ks_addr(x);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const r = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (r < rows) {
            const off_1 = Math.imul(r, m);
            {
              let j_1 = 0;
              for (; j_1 < m; j_1 = (j_1 + 1) | 0) {
                const i_1 = (off_1 + j_1) | 0;
                y[i_1] = Math.fround(a * x[i_1]) + y[i_1];
              }
            }
            const a_1 = Math.fround(-0.5 * a);
            {
              let j_2 = 0;
              for (; j_2 < m; j_2 = (j_2 + 1) | 0) {
                const i_2 = (off_1 + j_2) | 0;
                x[i_2] = Math.fround(a_1 * y[i_2]) + x[i_2];
              }
            }
            let s_1 = 0.0;
            {
              let j_3 = 0;
              if (ks_a_y >= 0 && m - j_3 >= 11 && ks_W.w0(ks_a_y, y.length, j_3, m, off_1, s_1, ks_out) === 0) {
                s_1 = ks_of[0];
                j_3 = ks_oi[1];
              } else {
                for (; j_3 < m; j_3 = (j_3 + 1) | 0) {
                  const i_3 = (off_1 + j_3) | 0;
                  const at_result = y[i_3];
                  s_1 = Math.fround(s_1 + at_result);
                }
              }
            }
            const sumRange_result = s_1;
            const twice_result = sumRange_result;
            const off_2 = Math.imul(r, m);
            let s_2 = 0.0;
            {
              let j_4 = 0;
              if (ks_a_x >= 0 && m - j_4 >= 11 && ks_W.w1(ks_a_x, x.length, j_4, m, off_2, s_2, ks_out) === 0) {
                s_2 = ks_of[0];
                j_4 = ks_oi[1];
              } else {
                for (; j_4 < m; j_4 = (j_4 + 1) | 0) {
                  const i_4 = (off_2 + j_4) | 0;
                  const at_result_1 = x[i_4];
                  s_2 = Math.fround(s_2 + at_result_1);
                }
              }
            }
            const sumRange_result_1 = s_2;
            sums[r] = twice_result + sumRange_result_1;
          }
        }
      }
    }
  }
}, { wasm: "AGFzbQEAAAABFwJgB39/f39/fX8Bf2AHf39/f399fwF/AhEBAmtzBm1lbW9yeQIDAICABAMDAgABBwsCAncwAAACdzEAAQrNAQJlBAF/AX8BfwF9AkAgAEF/Rg0AAkADQCACIANIRQ0BAkAgBCACaiEJIAkiByABTw0DIAAgB0ECdGoqAgAhCiAFIAqSIQULIAJBAWohAgwACwsgBiAFOAIAIAYgAjYCBEEADwtBAQtlBAF/AX8BfwF9AkAgAEF/Rg0AAkADQCACIANIRQ0BAkAgBCACaiEJIAkiByABTw0DIAAgB0ECdGoqAgAhCiAFIAqSIQULIAJBAWohAgwACwsgBiAFOAIAIAYgAjYCBEEADwtBAQs=", link: ks_link });
