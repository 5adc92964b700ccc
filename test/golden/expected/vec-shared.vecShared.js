"use strict";
// KernelScript kernel 'vecShared' (JS). Generated code: edit the TypeScript source instead.
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
  const x = ks_args[0];
  const y = ks_args[1];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  return [
    ks_new(0, Float32Array, ks_n),
    ks_new(1, Float32Array, ks_n),
    ks_new(2, Float32Array, ks_n),
    ks_new(3, Float32Array, ks_n),
    ks_new(4, Float32Array, 256),
  ];
}
return Object.assign(function vecShared(ks_args, ks_grid, ks_block, ks_first, ks_end, ks_team) {
  const x = ks_args[0];
  const y = ks_args[1];
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_m = ks_team === undefined ? ks_memory(ks_args, ks_grid, ks_block, ks_keepNew) : ks_team.mem;
  const ks_p = ks_team === undefined ? 0 : ks_team.p, ks_P = ks_team === undefined ? 1 : ks_team.parts;
  const ks_run = ks_P === 1 ? Math.max(ks_block[0], 1) : 32;
  const ks_v_sum_x = ks_m[0];
  const ks_v_sum_y = ks_m[1];
  const ks_v_sum_z = ks_m[2];
  const ks_v_sum_w = ks_m[3];
  const tile = ks_m[4];
  const ks_a_tile = ks_addr(tile);
  const ks_a_x = ks_addr(x);
  const ks_a_ks_v_sum_x = ks_addr(ks_v_sum_x);
  const ks_a_ks_v_sum_y = ks_addr(ks_v_sum_y);
  const ks_a_ks_v_sum_z = ks_addr(ks_v_sum_z);
  const ks_a_ks_v_sum_w = ks_addr(ks_v_sum_w);
  const ks_a_y = ks_addr(y);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    if (ks_P > 1 && ks_b > ks_b0) ks_team.sync();
    if (ks_P === 1) {
      tile.fill(0);
    } else {
      ks_zero(tile, ks_p, ks_P);
      ks_team.sync();
    }
    const base = Math.imul(ks_bx, 256);
    if (!(ks_P === 1 && ks_a_tile >= 0 && ks_a_x >= 0 && ks_W.w0(ks_a_tile, tile.length, ks_a_x, x.length, base, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
              const t = ks_tx;
              {
                let j = t;
                for (; j < 256; j = (j + ks_bdx) | 0) {
                  tile[j] = x[(base + j) | 0];
                }
              }
            }
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    if (!(ks_P === 1 && ks_a_tile >= 0 && ks_a_ks_v_sum_x >= 0 && ks_a_ks_v_sum_y >= 0 && ks_a_ks_v_sum_z >= 0 && ks_a_ks_v_sum_w >= 0 && ks_W.w1(ks_a_tile, tile.length, ks_a_ks_v_sum_x, ks_v_sum_x.length, ks_a_ks_v_sum_y, ks_v_sum_y.length, ks_a_ks_v_sum_z, ks_v_sum_z.length, ks_a_ks_v_sum_w, ks_v_sum_w.length, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs; ks_tx < ks_xe; ks_tx++, ks_i++) {
              const t = ks_tx;
              let sum_x = 0.0;
              let sum_y = 0.0;
              let sum_z = 0.0;
              let sum_w = 0.0;
              if (t < 64) {
                const tile4_x = tile[Math.imul(t, 4)];
                const tile4_y = tile[(Math.imul(t, 4) + 1) | 0];
                const tile4_z = tile[(Math.imul(t, 4) + 2) | 0];
                const tile4_w = tile[(Math.imul(t, 4) + 3) | 0];
                const vec_i1 = (((t + 1) | 0) % 64) | 0;
                const tile4_x_1 = tile[Math.imul(vec_i1, 4)];
                const tile4_y_1 = tile[(Math.imul(vec_i1, 4) + 1) | 0];
                const tile4_z_1 = tile[(Math.imul(vec_i1, 4) + 2) | 0];
                const tile4_w_1 = tile[(Math.imul(vec_i1, 4) + 3) | 0];
                sum_x = Math.fround(tile4_x + tile4_x_1);
                sum_y = Math.fround(tile4_y + tile4_y_1);
                sum_z = Math.fround(tile4_z + tile4_z_1);
                sum_w = Math.fround(tile4_w + tile4_w_1);
              }
              ks_v_sum_x[ks_i] = sum_x;
              ks_v_sum_y[ks_i] = sum_y;
              ks_v_sum_z[ks_i] = sum_z;
              ks_v_sum_w[ks_i] = sum_w;
            }
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    if (!(ks_P === 1 && ks_a_ks_v_sum_x >= 0 && ks_a_ks_v_sum_y >= 0 && ks_a_ks_v_sum_z >= 0 && ks_a_ks_v_sum_w >= 0 && ks_a_tile >= 0 && ks_W.w2(ks_a_ks_v_sum_x, ks_v_sum_x.length, ks_a_ks_v_sum_y, ks_v_sum_y.length, ks_a_ks_v_sum_z, ks_v_sum_z.length, ks_a_ks_v_sum_w, ks_v_sum_w.length, ks_a_tile, tile.length, ks_bdx, ks_bdy, ks_bdz, 0, Math.min(64, ks_bdx), ks_out) === 0)) {
      {
        const ks_lo = 0, ks_hi = Math.min(64, ks_bdx);
        for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            for (let ks_xs = ks_lo, ks_xend = ks_hi; ks_xs < ks_xend; ks_xs += ks_run) {
              const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
              ks_thread: for (let ks_tx = ks_xs, ks_xe = Math.min(ks_xend, ks_xs + ks_run); ks_tx < ks_xe; ks_tx++) {
                const ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_tx;
                const t = ks_tx;
                const sum_x = ks_v_sum_x[ks_i];
                const sum_y = ks_v_sum_y[ks_i];
                const sum_z = ks_v_sum_z[ks_i];
                const sum_w = ks_v_sum_w[ks_i];
                if (t < 64) {
                  tile[Math.imul(t, 4)] = sum_x;
                  tile[(Math.imul(t, 4) + 1) | 0] = sum_y;
                  tile[(Math.imul(t, 4) + 2) | 0] = sum_z;
                  tile[(Math.imul(t, 4) + 3) | 0] = sum_w;
                }
              }
            }
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    if (!(ks_P === 1 && ks_a_y >= 0 && ks_a_tile >= 0 && ks_W.w3(ks_a_y, y.length, ks_a_tile, tile.length, base, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
              const t = ks_tx;
              {
                let j_1 = t;
                for (; j_1 < 256; j_1 = (j_1 + ks_bdx) | 0) {
                  y[(base + j_1) | 0] = tile[j_1];
                }
              }
            }
          }
        }
      }
    }
  }
}, { memory: ks_memory, wasm: "AGFzbQEAAAABQQRgCX9/f39/f39/fwF/YA5/f39/f39/f39/f39/fwF/YBB/f39/f39/f39/f39/f39/AX9gCX9/f39/f39/fwF/AhEBAmtzBm1lbW9yeQIDAICABAMFBAABAgMHFQQCdzAAAAJ3MQABAncyAAICdzMAAwqtDATqAQkBfwF/AX8BfwF/AX8BfwF/AX0CQCAAQX9GDQAgAkF/Rg0AQQAhDgJAA0AgDiAHSEUNAUEAIQ0CQANAIA0gBkhFDQFBACEMAkADQCAMIAVIRQ0BIA4gBmwgDWogBWwgDGohCwJAIAwhDyAPIRACQANAIBBBgAJIRQ0BAkAgECEKIAQgEGoiCSADTwR9QwAAwH8FIAIgCUECdGoqAgALIREgCiABSQRAIAAgCkECdGogETgCAAsLIBAgBWohEAwACwsLIAxBAWohDAwACwsgDUEBaiENDAALCyAOQQFqIQ4MAAsLQQAPC0EBC5cFGAF/AX8BfwF/AX8BfwF/AX0BfQF9AX0BfQF9AX0BfQF/AX0BfQF9AX0BfQF9AX0BfQJAIABBf0YNACACQX9GDQAgBEF/Rg0AIAZBf0YNACAIQX9GDQBBACETAkADQCATIAxIRQ0BQQAhEgJAA0AgEiALSEUNAUEAIRECQANAIBEgCkhFDQEgEyALbCASaiAKbCARaiEQAkAgESEUQwAAAAAhFUMAAAAAIRZDAAAAACEXQwAAAAAhGCAUQcAASARAIBRBBGwiDiABTwR9QwAAwH8FIAAgDkECdGoqAgALIRkgFEEEbEEBaiIOIAFPBH1DAADAfwUgACAOQQJ0aioCAAshGiAUQQRsQQJqIg4gAU8EfUMAAMB/BSAAIA5BAnRqKgIACyEbIBRBBGxBA2oiDiABTwR9QwAAwH8FIAAgDkECdGoqAgALIRwgFEEBakHAAG8hHSAdQQRsIg4gAU8EfUMAAMB/BSAAIA5BAnRqKgIACyEeIB1BBGxBAWoiDiABTwR9QwAAwH8FIAAgDkECdGoqAgALIR8gHUEEbEECaiIOIAFPBH1DAADAfwUgACAOQQJ0aioCAAshICAdQQRsQQNqIg4gAU8EfUMAAMB/BSAAIA5BAnRqKgIACyEhIBkgHpIhFSAaIB+SIRYgGyAgkiEXIBwgIZIhGAsgECEPIBUhIiAPIANJBEAgAiAPQQJ0aiAiOAIACyAQIQ8gFiEjIA8gBUkEQCAEIA9BAnRqICM4AgALIBAhDyAXISQgDyAHSQRAIAYgD0ECdGogJDgCAAsgECEPIBghJSAPIAlJBEAgCCAPQQJ0aiAlOAIACwsgEUEBaiERDAALCyASQQFqIRIMAAsLIBNBAWohEwwACwtBAA8LQQELuQMPAX8BfwF/AX8BfwF/AX8BfQF9AX0BfQF9AX0BfQF9AkAgAEF/Rg0AIAJBf0YNACAEQX9GDQAgBkF/Rg0AIAhBf0YNAEEAIRUCQANAIBUgDEhFDQFBACEUAkADQCAUIAtIRQ0BIA0hEwJAA0AgEyAOSEUNASAVIAtsIBRqIApsIBNqIRICQCATIRYgEiIQIAFPBH1DAADAfwUgACAQQQJ0aioCAAshFyASIhAgA08EfUMAAMB/BSACIBBBAnRqKgIACyEYIBIiECAFTwR9QwAAwH8FIAQgEEECdGoqAgALIRkgEiIQIAdPBH1DAADAfwUgBiAQQQJ0aioCAAshGiAWQcAASARAIBZBBGwhESAXIRsgESAJSQRAIAggEUECdGogGzgCAAsgFkEEbEEBaiERIBghHCARIAlJBEAgCCARQQJ0aiAcOAIACyAWQQRsQQJqIREgGSEdIBEgCUkEQCAIIBFBAnRqIB04AgALIBZBBGxBA2ohESAaIR4gESAJSQRAIAggEUECdGogHjgCAAsLCyATQQFqIRMMAAsLIBRBAWohFAwACwsgFUEBaiEVDAALC0EADwtBAQvqAQkBfwF/AX8BfwF/AX8BfwF/AX0CQCAAQX9GDQAgAkF/Rg0AQQAhDgJAA0AgDiAHSEUNAUEAIQ0CQANAIA0gBkhFDQFBACEMAkADQCAMIAVIRQ0BIA4gBmwgDWogBWwgDGohCwJAIAwhDyAPIRACQANAIBBBgAJIRQ0BAkAgBCAQaiEKIBAiCSADTwR9QwAAwH8FIAIgCUECdGoqAgALIREgCiABSQRAIAAgCkECdGogETgCAAsLIBAgBWohEAwACwsLIAxBAWohDAwACwsgDUEBaiENDAALCyAOQQFqIQ4MAAsLQQAPC0EBCw==", link: ks_link });
