"use strict";
// KernelScript kernel 'logregStep' (JS). Generated code: edit the TypeScript source instead.
let ks_W = null, ks_out = 0, ks_of = null, ks_oi = null;
let ks_addr = () => -1;
function ks_link(w, addr, alloc, out, f32, i32) {
  ks_W = w; ks_addr = addr; ks_out = out; ks_of = f32; ks_oi = i32;
}
return Object.assign(function logregStep(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const X = ks_args[0];
  const y = ks_args[1];
  const p = ks_args[2];
  const w = ks_args[3];
  const rate = Math.fround(ks_args[4]);
  const B = ks_args[5] | 0;
  const D = ks_args[6] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_a_X = ks_addr(X);
  const ks_a_y = ks_addr(y);
  const ks_a_p = ks_addr(p);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    for (let ks_tz = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        ks_thread: for (let ks_tx = 0; ks_tx < ks_bdx; ks_tx++) {
          const j = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (j >= D) {
            continue ks_thread;
          }
          let g = 0.0;
          {
            let i = 0;
            if (ks_a_X >= 0 && ks_a_y >= 0 && ks_a_p >= 0 && B - i >= 5 && ks_W.w0(ks_a_X, X.length, ks_a_y, y.length, ks_a_p, p.length, i, B, g, D, j, ks_out) === 0) {
              g = ks_of[0];
              i = ks_oi[1];
            } else {
              for (; i < B; i = (i + 1) | 0) {
                g = Math.fround(g + Math.fround(X[(Math.imul(i, D) + j) | 0] * Math.fround(y[i] - p[i])));
              }
            }
          }
          w[j] = w[j] + Math.fround(rate * Math.fround(g / Math.fround(B)));
        }
      }
    }
  }
}, { wasm: "AGFzbQEAAAABEQFgDH9/f39/f39/fX9/fwF/AhEBAmtzBm1lbW9yeQIDAICABAMCAQAHBgECdzAAAAqXAQGUAQIBfwF/AkAgAEF/Rg0AIAJBf0YNACAEQX9GDQACQANAIAYgB0hFDQECQCAIIAYgCWwgCmoiDCABTw0DIAAgDEECdGoqAgAgBiIMIANPDQMgAiAMQQJ0aioCACAGIgwgBU8NAyAEIAxBAnRqKgIAk5SSIQgLIAZBAWohBgwACwsgCyAIOAIAIAsgBjYCBEEADwtBAQs=", link: ks_link });
