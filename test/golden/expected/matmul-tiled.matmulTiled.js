"use strict";
// KernelScript kernel 'matmulTiled' (JS). Generated code: edit the TypeScript source instead.
function ks_keepNew(site, C, n) { return ks_kept(site, n) ?? ks_keep(site, ks_alloc(C, n)); }
function ks_zero(a, p, P) { a.fill(0, Math.floor((a.length * p) / P), Math.floor((a.length * (p + 1)) / P)); }
const ks_scratch = [];
// Makes a kept array: plainly, or in the memory WebAssembly loops read once the code is linked.
let ks_alloc = (C, n) => new C(n);
// The array kept for `site` if it has `n` elements (an array holds one element type per site).
function ks_kept(site, n) {
  const a = ks_scratch[site];
  return a !== undefined && a.length === n ? a : undefined;
}
// Keeps `a` for `site` unless it is large (an array of per-thread arrays counts them all).
function ks_keep(site, a) {
  const bytes = ArrayBuffer.isView(a) ? a.byteLength : a.length * (ArrayBuffer.isView(a[0]) ? a[0].byteLength : 8);
  if (bytes <= 1048576) ks_scratch[site] = a;
  return a;
}
let ks_W = null, ks_out = 0, ks_of = null, ks_oi = null;
let ks_addr = () => -1;
function ks_link(w, addr, alloc, out, f32, i32) {
  ks_W = w; ks_addr = addr; ks_out = out; ks_of = f32; ks_oi = i32; ks_alloc = alloc;
}
function ks_memory(ks_args, ks_grid, ks_block, ks_new) {
  const a = ks_args[0];
  const b = ks_args[1];
  const c = ks_args[2];
  const m = ks_args[3] | 0;
  const n = ks_args[4] | 0;
  const k = ks_args[5] | 0;
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  return [
    ks_new(0, Float32Array, ks_n),
    ks_new(1, Float32Array, 256),
    ks_new(2, Float32Array, 256),
  ];
}
return Object.assign(function matmulTiled(ks_args, ks_grid, ks_block, ks_first, ks_end, ks_team) {
  const a = ks_args[0];
  const b = ks_args[1];
  const c = ks_args[2];
  const m = ks_args[3] | 0;
  const n = ks_args[4] | 0;
  const k = ks_args[5] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_m = ks_team === undefined ? ks_memory(ks_args, ks_grid, ks_block, ks_keepNew) : ks_team.mem;
  const ks_p = ks_team === undefined ? 0 : ks_team.p, ks_P = ks_team === undefined ? 1 : ks_team.parts;
  const ks_run = ks_P === 1 ? Math.max(ks_block[0], 1) : 32;
  const ks_v_sum = ks_m[0];
  const ta = ks_m[1];
  const tb = ks_m[2];
  const ks_a_ks_v_sum = ks_addr(ks_v_sum);
  const ks_a_ta = ks_addr(ta);
  const ks_a_a = ks_addr(a);
  const ks_a_tb = ks_addr(tb);
  const ks_a_b = ks_addr(b);
  const ks_a_c = ks_addr(c);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    if (ks_P > 1 && ks_b > ks_b0) ks_team.sync();
    if (ks_P === 1) {
      ta.fill(0);
      tb.fill(0);
    } else {
      ks_zero(ta, ks_p, ks_P);
      ks_zero(tb, ks_p, ks_P);
      ks_team.sync();
    }
    if (!(ks_P === 1 && ks_a_ks_v_sum >= 0 && ks_W.w0(ks_a_ks_v_sum, ks_v_sum.length, ks_by, ks_bx, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs; ks_tx < ks_xe; ks_tx++, ks_i++) {
              const tx = ks_tx;
              const ty = ks_ty;
              const row = (Math.imul(ks_by, 16) + ty) | 0;
              const col = (Math.imul(ks_bx, 16) + tx) | 0;
              let sum = 0.0;
              ks_v_sum[ks_i] = sum;
            }
          }
        }
      }
    }
    {
      let t = 0;
      while (t < k) {
        if (!(ks_P === 1 && ks_a_ta >= 0 && ks_a_a >= 0 && ks_a_tb >= 0 && ks_a_b >= 0 && ks_W.w1(ks_a_ta, ta.length, ks_a_a, a.length, ks_a_tb, tb.length, ks_a_b, b.length, ks_by, ks_bx, m, t, k, n, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
          for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
                const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
                const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
                ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
                  const tx = ks_tx;
                  const ty = ks_ty;
                  const row = (Math.imul(ks_by, 16) + ty) | 0;
                  const col = (Math.imul(ks_bx, 16) + tx) | 0;
                  ta[(Math.imul(ty, 16) + tx) | 0] = row < m && ((t + tx) | 0) < k ? a[(((Math.imul(row, k) + t) | 0) + tx) | 0] : 0.0;
                  tb[(Math.imul(ty, 16) + tx) | 0] = col < n && ((t + ty) | 0) < k ? b[(Math.imul((t + ty) | 0, n) + col) | 0] : 0.0;
                }
              }
            }
          }
        }
        if (ks_P > 1) ks_team.sync(); // barrier
        if (!(ks_P === 1 && ks_a_ks_v_sum >= 0 && ks_a_ta >= 0 && ks_a_tb >= 0 && ks_W.w2(ks_a_ks_v_sum, ks_v_sum.length, ks_a_ta, ta.length, ks_a_tb, tb.length, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
          for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
                const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
                const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
                let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs;
                for (; ks_tx + 3 < ks_xe; ks_tx += 4, ks_i += 4) {
                  const tx = ks_tx;
                  const ty = ks_ty;
                  let sum = ks_v_sum[ks_i];
                  const ks_j1_tx = (ks_tx + 1);
                  const ks_j1_ty = ks_ty;
                  let ks_j1_sum = ks_v_sum[ks_i + 1];
                  const ks_j2_tx = (ks_tx + 2);
                  const ks_j2_ty = ks_ty;
                  let ks_j2_sum = ks_v_sum[ks_i + 2];
                  const ks_j3_tx = (ks_tx + 3);
                  const ks_j3_ty = ks_ty;
                  let ks_j3_sum = ks_v_sum[ks_i + 3];
                  {
                    let p = 0;
                    for (; p < 16; ) {
                      sum = Math.fround(sum + Math.fround(ta[(Math.imul(ty, 16) + p) | 0] * tb[(Math.imul(p, 16) + tx) | 0]));
                      ks_j1_sum = Math.fround(ks_j1_sum + Math.fround(ta[(Math.imul(ks_j1_ty, 16) + p) | 0] * tb[(Math.imul(p, 16) + ks_j1_tx) | 0]));
                      ks_j2_sum = Math.fround(ks_j2_sum + Math.fround(ta[(Math.imul(ks_j2_ty, 16) + p) | 0] * tb[(Math.imul(p, 16) + ks_j2_tx) | 0]));
                      ks_j3_sum = Math.fround(ks_j3_sum + Math.fround(ta[(Math.imul(ks_j3_ty, 16) + p) | 0] * tb[(Math.imul(p, 16) + ks_j3_tx) | 0]));
                      p = (p + 1) | 0;
                    }
                  }
                  ks_v_sum[ks_i] = sum;
                  ks_v_sum[ks_i + 1] = ks_j1_sum;
                  ks_v_sum[ks_i + 2] = ks_j2_sum;
                  ks_v_sum[ks_i + 3] = ks_j3_sum;
                }
                ks_thread: for (; ks_tx < ks_xe; ks_tx++, ks_i++) {
                  const tx = ks_tx;
                  const ty = ks_ty;
                  let sum = ks_v_sum[ks_i];
                  {
                    let p = 0;
                    if (ks_a_ta >= 0 && ks_a_tb >= 0 && 16 - p >= 6 && ks_W.w3(ks_a_ta, ta.length, ks_a_tb, tb.length, p, sum, ty, tx, ks_out) === 0) {
                      sum = ks_of[0];
                      p = ks_oi[1];
                    } else {
                      for (; p < 16; p = (p + 1) | 0) {
                        sum = Math.fround(sum + Math.fround(ta[(Math.imul(ty, 16) + p) | 0] * tb[(Math.imul(p, 16) + tx) | 0]));
                      }
                    }
                  }
                  ks_v_sum[ks_i] = sum;
                }
              }
            }
          }
        }
        if (ks_P > 1) ks_team.sync(); // barrier
        t = (t + 16) | 0;
      }
    }
    if (!(ks_P === 1 && ks_a_ks_v_sum >= 0 && ks_a_c >= 0 && ks_W.w4(ks_a_ks_v_sum, ks_v_sum.length, ks_a_c, c.length, ks_by, ks_bx, m, n, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs; ks_tx < ks_xe; ks_tx++, ks_i++) {
              const tx = ks_tx;
              const ty = ks_ty;
              const row = (Math.imul(ks_by, 16) + ty) | 0;
              const col = (Math.imul(ks_bx, 16) + tx) | 0;
              const sum = ks_v_sum[ks_i];
              if (row < m && col < n) {
                c[(Math.imul(row, n) + col) | 0] = sum;
              }
            }
          }
        }
      }
    }
  }
}, { memory: ks_memory, wasm: "AGFzbQEAAAABTgVgCH9/f39/f39/AX9gEn9/f39/f39/f39/f39/f39/fwF/YAp/f39/f39/f39/AX9gCX9/f39/fX9/fwF/YAx/f39/f39/f39/f38BfwIRAQJrcwZtZW1vcnkCAwCAgAQDBgUAAQIDBAcaBQJ3MAAAAncxAAECdzIAAgJ3MwADAnc0AAQKmQoFzQEMAX8BfwF/AX8BfwF/AX8BfwF/AX8BfQF9AkAgAEF/Rg0AQQAhDQJAA0AgDSAGSEUNAUEAIQwCQANAIAwgBUhFDQFBACELAkADQCALIARIRQ0BIA0gBWwgDGogBGwgC2ohCgJAIAshDiAMIQ8gAkEQbCAPaiEQIANBEGwgDmohEUMAAAAAIRIgCiEJIBIhEyAJIAFJBEAgACAJQQJ0aiATOAIACwsgC0EBaiELDAALCyAMQQFqIQwMAAsLIA1BAWohDQwACwtBAA8LQQELgAMMAX8BfwF/AX8BfwF/AX8BfwF/AX8BfQF9AkAgAEF/Rg0AIAJBf0YNACAEQX9GDQAgBkF/Rg0AQQAhFwJAA0AgFyAQSEUNAUEAIRYCQANAIBYgD0hFDQFBACEVAkADQCAVIA5IRQ0BIBcgD2wgFmogDmwgFWohFAJAIBUhGCAWIRkgCEEQbCAZaiEaIAlBEGwgGGohGyAZQRBsIBhqIRMgGiAKSAR/IAsgGGogDEgFQQALBH0gGiAMbCALaiAYaiISIANPBH1DAADAfwUgAiASQQJ0aioCAAsFQwAAAAALIRwgEyABSQRAIAAgE0ECdGogHDgCAAsgGUEQbCAYaiETIBsgDUgEfyALIBlqIAxIBUEACwR9IAsgGWogDWwgG2oiEiAHTwR9QwAAwH8FIAYgEkECdGoqAgALBUMAAAAACyEdIBMgBUkEQCAEIBNBAnRqIB04AgALCyAVQQFqIRUMAAsLIBZBAWohFgwACwsgF0EBaiEXDAALC0EADwtBAQvBAgsBfwF/AX8BfwF/AX8BfwF/AX0BfwF9AkAgAEF/Rg0AIAJBf0YNACAEQX9GDQBBACEPAkADQCAPIAhIRQ0BQQAhDgJAA0AgDiAHSEUNAUEAIQ0CQANAIA0gBkhFDQEgDyAHbCAOaiAGbCANaiEMAkAgDSEQIA4hESAMIgogAU8EfUMAAMB/BSAAIApBAnRqKgIACyESQQAhEwJAA0AgE0EQSEUNAQJAIBIgEUEQbCATaiIKIANPBH1DAADAfwUgAiAKQQJ0aioCAAsgE0EQbCAQaiIKIAVPBH1DAADAfwUgBCAKQQJ0aioCAAuUkiESCyATQQFqIRMMAAsLIAwhCyASIRQgCyABSQRAIAAgC0ECdGogFDgCAAsLIA1BAWohDQwACwsgDkEBaiEODAALCyAPQQFqIQ8MAAsLQQAPC0EBC34CAX8BfwJAIABBf0YNACACQX9GDQACQANAIARBEEhFDQECQCAFIAZBEGwgBGoiCSABTw0DIAAgCUECdGoqAgAgBEEQbCAHaiIJIANPDQMgAiAJQQJ0aioCAJSSIQULIARBAWohBAwACwsgCCAFOAIAIAggBDYCBEEADwtBAQuDAgwBfwF/AX8BfwF/AX8BfwF/AX8BfwF9AX0CQCAAQX9GDQAgAkF/Rg0AQQAhEQJAA0AgESAKSEUNAUEAIRACQANAIBAgCUhFDQFBACEPAkADQCAPIAhIRQ0BIBEgCWwgEGogCGwgD2ohDgJAIA8hEiAQIRMgBEEQbCATaiEUIAVBEGwgEmohFSAOIgwgAU8EfUMAAMB/BSAAIAxBAnRqKgIACyEWIBQgBkgEfyAVIAdIBUEACwRAIBQgB2wgFWohDSAWIRcgDSADSQRAIAIgDUECdGogFzgCAAsLCyAPQQFqIQ8MAAsLIBBBAWohEAwACwsgEUEBaiERDAALC0EADwtBAQs=", link: ks_link });
