"use strict";
// KernelScript kernel 'matmulNaive' (JS). Generated code: edit the TypeScript source instead.
let ks_W = null, ks_out = 0, ks_of = null, ks_oi = null;
let ks_addr = () => -1;
function ks_link(w, addr, alloc, out, f32, i32) {
  ks_W = w; ks_addr = addr; ks_out = out; ks_of = f32; ks_oi = i32;
}
return Object.assign(function matmulNaive(ks_args, ks_grid, ks_block, ks_first, ks_end) {
  const a = ks_args[0];
  const b = ks_args[1];
  const c = ks_args[2];
  const m = ks_args[3] | 0;
  const n = ks_args[4] | 0;
  const k = ks_args[5] | 0;
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
          const row = (Math.imul(ks_by, ks_bdy) + ks_ty) | 0;
          const col = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
          if (row >= m || col >= n) {
            continue ks_thread;
          }
          let sum = 0.0;
          {
            let p = 0;
            if (ks_a_a >= 0 && ks_a_b >= 0 && k - p >= 6 && ks_W.w0(ks_a_a, a.length, ks_a_b, b.length, p, k, sum, row, n, col, ks_out) === 0) {
              sum = ks_of[0];
              p = ks_oi[1];
            } else {
              for (; p < k; p = (p + 1) | 0) {
                sum = Math.fround(sum + Math.fround(a[(Math.imul(row, k) + p) | 0] * b[(Math.imul(p, n) + col) | 0]));
              }
            }
          }
          c[(Math.imul(row, n) + col) | 0] = sum;
        }
      }
    }
  }
}, { wasm: "AGFzbQEAAAABEAFgC39/f39/f31/f39/AX8CEQECa3MGbWVtb3J5AgMAgIAEAwIBAAcGAQJ3MAAACoABAX4CAX8BfwJAIABBf0YNACACQX9GDQACQANAIAQgBUhFDQECQCAGIAcgBWwgBGoiCyABTw0DIAAgC0ECdGoqAgAgBCAIbCAJaiILIANPDQMgAiALQQJ0aioCAJSSIQYLIARBAWohBAwACwsgCiAGOAIAIAogBDYCBEEADwtBAQs=", link: ks_link });
