"use strict";
// KernelScript kernel 'scan' (JS). Generated code: edit the TypeScript source instead.
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
  const n = ks_args[2] | 0;
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  return [
    ks_new(0, Float32Array, ks_n),
    ks_new(1, Float32Array, 64),
  ];
}
return Object.assign(function scan(ks_args, ks_grid, ks_block, ks_first, ks_end, ks_team) {
  const x = ks_args[0];
  const y = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_m = ks_team === undefined ? ks_memory(ks_args, ks_grid, ks_block, ks_keepNew) : ks_team.mem;
  const ks_p = ks_team === undefined ? 0 : ks_team.p, ks_P = ks_team === undefined ? 1 : ks_team.parts;
  const ks_run = ks_P === 1 ? Math.max(ks_block[0], 1) : 32;
  const ks_v_v = ks_m[0];
  const s = ks_m[1];
  const ks_a_s = ks_addr(s);
  const ks_a_x = ks_addr(x);
  const ks_a_ks_v_v = ks_addr(ks_v_v);
  const ks_a_y = ks_addr(y);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    if (ks_P > 1 && ks_b > ks_b0) ks_team.sync();
    if (ks_P === 1) {
      s.fill(0);
    } else {
      ks_zero(s, ks_p, ks_P);
      ks_team.sync();
    }
    if (!(ks_P === 1 && ks_a_s >= 0 && ks_a_x >= 0 && ks_W.w0(ks_a_s, s.length, ks_a_x, x.length, ks_bx, ks_bdx, n, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
              const gi = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
              s[ks_tx] = gi < n ? x[gi] : 0.0;
            }
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    let off = 1;
    while (off < ks_bdx) {
      if (!(ks_P === 1 && ks_a_s >= 0 && ks_a_ks_v_v >= 0 && ks_W.w1(ks_a_s, s.length, ks_a_ks_v_v, ks_v_v.length, off, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
        for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
              const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
              const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
              ks_thread: for (let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs; ks_tx < ks_xe; ks_tx++, ks_i++) {
                let v = 0;
                if (ks_tx >= off) {
                  v = s[(ks_tx - off) | 0];
                }
                ks_v_v[ks_i] = v;
              }
            }
          }
        }
      }
      if (ks_P > 1) ks_team.sync(); // barrier
      if (!(ks_P === 1 && ks_a_ks_v_v >= 0 && ks_a_s >= 0 && ks_W.w2(ks_a_ks_v_v, ks_v_v.length, ks_a_s, s.length, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
        for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
              const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
              const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
              ks_thread: for (let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs; ks_tx < ks_xe; ks_tx++, ks_i++) {
                const v = ks_v_v[ks_i];
                s[ks_tx] = s[ks_tx] + v;
              }
            }
          }
        }
      }
      if (ks_P > 1) ks_team.sync(); // barrier
      off = off << 1;
    }
    if (!(ks_P === 1 && ks_a_y >= 0 && ks_a_s >= 0 && ks_W.w3(ks_a_y, y.length, ks_a_s, s.length, ks_bx, ks_bdx, n, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
              const gi = (Math.imul(ks_bx, ks_bdx) + ks_tx) | 0;
              if (gi < n) {
                y[gi] = s[ks_tx];
              }
            }
          }
        }
      }
    }
  }
}, { memory: ks_memory, wasm: "AGFzbQEAAAABNgRgCn9/f39/f39/f38Bf2AJf39/f39/f39/AX9gCH9/f39/f39/AX9gCn9/f39/f39/f38BfwIRAQJrcwZtZW1vcnkCAwCAgAQDBQQAAQIDBxUEAncwAAACdzEAAQJ3MgACAnczAAMK8QYE2gEIAX8BfwF/AX8BfwF/AX8BfQJAIABBf0YNACACQX9GDQBBACEPAkADQCAPIAhIRQ0BQQAhDgJAA0AgDiAHSEUNAUEAIQ0CQANAIA0gBUhFDQEgDyAHbCAOaiAFbCANaiEMAkAgBCAFbCANaiEQIA0hCyAQIAZIBH0gECIKIANPBH1DAADAfwUgAiAKQQJ0aioCAAsFQwAAAAALIREgCyABSQRAIAAgC0ECdGogETgCAAsLIA1BAWohDQwACwsgDkEBaiEODAALCyAPQQFqIQ8MAAsLQQAPC0EBC9gBCAF/AX8BfwF/AX8BfwF9AX0CQCAAQX9GDQAgAkF/Rg0AQQAhDgJAA0AgDiAHSEUNAUEAIQ0CQANAIA0gBkhFDQFBACEMAkADQCAMIAVIRQ0BIA4gBmwgDWogBWwgDGohCwJAQwAAAAAhDyAMIAROBEAgDCAEayIJIAFPBH1DAADAfwUgACAJQQJ0aioCAAshDwsgCyEKIA8hECAKIANJBEAgAiAKQQJ0aiAQOAIACwsgDEEBaiEMDAALCyANQQFqIQ0MAAsLIA5BAWohDgwACwtBAA8LQQEL4gEIAX8BfwF/AX8BfwF/AX0BfQJAIABBf0YNACACQX9GDQBBACENAkADQCANIAZIRQ0BQQAhDAJAA0AgDCAFSEUNAUEAIQsCQANAIAsgBEhFDQEgDSAFbCAMaiAEbCALaiEKAkAgCiIIIAFPBH1DAADAfwUgACAIQQJ0aioCAAshDiALIQkgCyIIIANPBH1DAADAfwUgAiAIQQJ0aioCAAsgDpIhDyAJIANJBEAgAiAJQQJ0aiAPOAIACwsgC0EBaiELDAALCyAMQQFqIQwMAAsLIA1BAWohDQwACwtBAA8LQQEL1AEIAX8BfwF/AX8BfwF/AX8BfQJAIABBf0YNACACQX9GDQBBACEPAkADQCAPIAhIRQ0BQQAhDgJAA0AgDiAHSEUNAUEAIQ0CQANAIA0gBUhFDQEgDyAHbCAOaiAFbCANaiEMAkAgBCAFbCANaiEQIBAgBkgEQCAQIQsgDSIKIANPBH1DAADAfwUgAiAKQQJ0aioCAAshESALIAFJBEAgACALQQJ0aiAROAIACwsLIA1BAWohDQwACwsgDkEBaiEODAALCyAPQQFqIQ8MAAsLQQAPC0EBCw==", link: ks_link });
