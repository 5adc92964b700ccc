"use strict";
// KernelScript kernel 'rowDots' (JS). Generated code: edit the TypeScript source instead.
let ks_W = null, ks_out = 0, ks_of = null, ks_oi = null;
let ks_addr = () => -1;
function ks_link(w, addr, alloc, out, f32, i32) {
  ks_W = w; ks_addr = addr; ks_out = out; ks_of = f32; ks_oi = i32;
}
return Object.assign(function rowDots(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = ks_args[0];
  const b = ks_args[1];
  const out = ks_args[2];
  const first = ks_args[3];
  const rows = ks_args[4] | 0;
  const m = ks_args[5] | 0;
  const v = Math.fround(ks_args[6]);
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_a_a = ks_addr(a);
  const ks_a_b = ks_addr(b);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const r = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (r < rows) {
            const off_1 = Math.imul(r, m);
            let s_1 = 0.0;
            {
              let j_1 = 0;
              if (ks_a_a >= 0 && ks_a_b >= 0 && m - j_1 >= 7 && ks_W.w0(ks_a_a, a.length, ks_a_b, b.length, j_1, m, s_1, off_1, ks_out) === 0) {
                s_1 = ks_of[0];
                j_1 = ks_oi[1];
              } else {
                for (; j_1 < m; j_1 = (j_1 + 1) | 0) {
                  s_1 = Math.fround(s_1 + Math.fround(a[(off_1 + j_1) | 0] * b[(off_1 + j_1) | 0]));
                }
              }
            }
            const dot_result = s_1;
            const off_2 = Math.imul(r, m);
            let s_2 = 0.0;
            {
              let j_2 = 0;
              if (ks_a_a >= 0 && m - j_2 >= 7 && ks_W.w1(ks_a_a, a.length, j_2, m, s_2, off_2, ks_out) === 0) {
                s_2 = ks_of[0];
                j_2 = ks_oi[1];
              } else {
                for (; j_2 < m; j_2 = (j_2 + 1) | 0) {
                  s_2 = Math.fround(s_2 + Math.fround(a[(off_2 + j_2) | 0] * a[(off_2 + j_2) | 0]));
                }
              }
            }
            const dot_result_1 = s_2;
            out[r] = Math.fround(dot_result * 0.5) + dot_result_1;
            const off_3 = Math.imul(r, m);
            let firstAbove_result = 0;
            let firstAbove_done = false;
            for (;;) {
              {
                let j_3 = 0;
                if (ks_a_b >= 0 && m - j_3 >= 11 && ks_W.w2(ks_a_b, b.length, j_3, m, off_3, v, firstAbove_result, firstAbove_done, ks_out) === 0) {
                  firstAbove_result = ks_oi[0];
                  firstAbove_done = ks_oi[1] !== 0;
                  j_3 = ks_oi[2];
                } else {
                  for (; j_3 < m; j_3 = (j_3 + 1) | 0) {
                    if (b[(off_3 + j_3) | 0] > v) {
                      firstAbove_result = j_3;
                      firstAbove_done = true;
                      break;
                    }
                  }
                }
                if (firstAbove_done) {
                  break;
                }
              }
              firstAbove_result = -1;
              break;
            }
            first[r] = firstAbove_result;
          }
        }
      }
    }
  }
}, { wasm: "AGFzbQEAAAABJgNgCX9/f39/f31/fwF/YAd/f39/fX9/AX9gCX9/f39/fX9/fwF/AhEBAmtzBm1lbW9yeQIDAICABAMEAwABAgcQAwJ3MAAAAncxAAECdzIAAgrYAgN4AgF/AX8CQCAAQX9GDQAgAkF/Rg0AAkADQCAEIAVIRQ0BAkAgBiAHIARqIgkgAU8NAyAAIAlBAnRqKgIAIAcgBGoiCSADTw0DIAIgCUECdGoqAgCUkiEGCyAEQQFqIQQMAAsLIAggBjgCACAIIAQ2AgRBAA8LQQELcQIBfwF/AkAgAEF/Rg0AAkADQCACIANIRQ0BAkAgBCAFIAJqIgcgAU8NAyAAIAdBAnRqKgIAIAUgAmoiByABTw0DIAAgB0ECdGoqAgCUkiEECyACQQFqIQIMAAsLIAYgBDgCACAGIAI2AgRBAA8LQQELawIBfwF/AkAgAEF/Rg0AAkADQCACIANIRQ0BAkAgBCACaiIJIAFPDQMgACAJQQJ0aioCACAFXgRAIAIhBkEBIQcMAwsLIAJBAWohAgwACwsgCCAGNgIAIAggBzYCBCAIIAI2AghBAA8LQQEL", link: ks_link });
