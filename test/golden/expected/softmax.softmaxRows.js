"use strict";
// KernelScript kernel 'softmaxRows' (JS). Generated code: edit the TypeScript source instead.
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
  const cols = ks_args[2] | 0;
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  return [
    ks_new(0, Float32Array, ks_n),
    ks_new(1, Float32Array, 128),
  ];
}
return Object.assign(function softmaxRows(ks_args, ks_grid, ks_block, ks_first, ks_end, ks_team) {
  const x = ks_args[0];
  const y = ks_args[1];
  const cols = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_m = ks_team === undefined ? ks_memory(ks_args, ks_grid, ks_block, ks_keepNew) : ks_team.mem;
  const ks_p = ks_team === undefined ? 0 : ks_team.p, ks_P = ks_team === undefined ? 1 : ks_team.parts;
  const ks_run = ks_P === 1 ? Math.max(ks_block[0], 1) : 32;
  const ks_v_rowMax = ks_m[0];
  const red = ks_m[1];
  const ks_a_red = ks_addr(red);
  const ks_a_ks_v_rowMax = ks_addr(ks_v_rowMax);
  for (let ks_b = ks_b0; ks_b < ks_b1; ks_b++) {
    const ks_bx = ks_b % ks_gdx, ks_byz = (ks_b - ks_bx) / ks_gdx;
    const ks_by = ks_byz % ks_gdy, ks_bz = (ks_byz - ks_by) / ks_gdy;
    if (ks_P > 1 && ks_b > ks_b0) ks_team.sync();
    if (ks_P === 1) {
      red.fill(0);
    } else {
      ks_zero(red, ks_p, ks_P);
      ks_team.sync();
    }
    const base = Math.imul(ks_bx, cols);
    for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
          const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
          const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
          ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
            const t = ks_tx;
            let m = x[base];
            {
              let c = t;
              for (; c < cols; c = (c + 128) | 0) {
                m = Math.max(m, x[(base + c) | 0]);
              }
            }
            red[t] = m;
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    {
      let s = 64;
      while (s > 0) {
        {
          const ks_lo = 0, ks_hi = Math.min(Math.max(s, 0), ks_bdx) | 0;
          for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              for (let ks_xs = ks_lo, ks_xend = ks_hi; ks_xs < ks_xend; ks_xs += ks_run) {
                const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
                ks_thread: for (let ks_tx = ks_xs, ks_xe = Math.min(ks_xend, ks_xs + ks_run); ks_tx < ks_xe; ks_tx++) {
                  const t = ks_tx;
                  if (t < s) {
                    red[t] = Math.max(red[t], red[(t + s) | 0]);
                  }
                }
              }
            }
          }
        }
        if (ks_P > 1) ks_team.sync(); // barrier
        s = s >> 1;
      }
    }
    if (!(ks_P === 1 && ks_a_red >= 0 && ks_a_ks_v_rowMax >= 0 && ks_W.w0(ks_a_red, red.length, ks_a_ks_v_rowMax, ks_v_rowMax.length, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs; ks_tx < ks_xe; ks_tx++, ks_i++) {
              const rowMax = red[0];
              ks_v_rowMax[ks_i] = rowMax;
            }
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
          const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
          const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
          ks_thread: for (let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs; ks_tx < ks_xe; ks_tx++, ks_i++) {
            const t = ks_tx;
            const rowMax = ks_v_rowMax[ks_i];
            let sum = 0.0;
            {
              let c_1 = t;
              for (; c_1 < cols; c_1 = (c_1 + 128) | 0) {
                sum = Math.fround(sum + Math.fround(Math.exp(Math.fround(x[(base + c_1) | 0] - rowMax))));
              }
            }
            red[t] = sum;
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    {
      let s_1 = 64;
      while (s_1 > 0) {
        if (!(ks_P === 1 && ks_a_red >= 0 && ks_W.w1(ks_a_red, red.length, s_1, ks_bdx, ks_bdy, ks_bdz, 0, Math.min(Math.max(s_1, 0), ks_bdx) | 0, ks_out) === 0)) {
          {
            const ks_lo = 0, ks_hi = Math.min(Math.max(s_1, 0), ks_bdx) | 0;
            for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                for (let ks_xs = ks_lo, ks_xend = ks_hi; ks_xs < ks_xend; ks_xs += ks_run) {
                  const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
                  ks_thread: for (let ks_tx = ks_xs, ks_xe = Math.min(ks_xend, ks_xs + ks_run); ks_tx < ks_xe; ks_tx++) {
                    const t = ks_tx;
                    if (t < s_1) {
                      red[t] = red[t] + red[(t + s_1) | 0];
                    }
                  }
                }
              }
            }
          }
        }
        if (ks_P > 1) ks_team.sync(); // barrier
        s_1 = s_1 >> 1;
      }
    }
    for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
          const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
          const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
          ks_thread: for (let ks_tx = ks_xs, ks_i = (ks_tz * ks_bdy + ks_ty) * ks_bdx + ks_xs; ks_tx < ks_xe; ks_tx++, ks_i++) {
            const t = ks_tx;
            const rowMax = ks_v_rowMax[ks_i];
            const total = red[0];
            {
              let c_2 = t;
              for (; c_2 < cols; c_2 = (c_2 + 128) | 0) {
                y[(base + c_2) | 0] = Math.fround(Math.exp(Math.fround(x[(base + c_2) | 0] - rowMax))) / total;
              }
            }
          }
        }
      }
    }
  }
}, { memory: ks_memory, wasm: "AGFzbQEAAAABGgJgCH9/f39/f39/AX9gCX9/f39/f39/fwF/AhEBAmtzBm1lbW9yeQIDAICABAMDAgABBwsCAncwAAACdzEAAQqxAwLGAQgBfwF/AX8BfwF/AX8BfQF9AkAgAEF/Rg0AIAJBf0YNAEEAIQ0CQANAIA0gBkhFDQFBACEMAkADQCAMIAVIRQ0BQQAhCwJAA0AgCyAESEUNASANIAVsIAxqIARsIAtqIQoCQEEAIgggAU8EfUMAAMB/BSAAIAhBAnRqKgIACyEOIAohCSAOIQ8gCSADSQRAIAIgCUECdGogDzgCAAsLIAtBAWohCwwACwsgDEEBaiEMDAALCyANQQFqIQ0MAAsLQQAPC0EBC+YBCAF/AX8BfwF/AX8BfwF/AX0CQCAAQX9GDQBBACEOAkADQCAOIAVIRQ0BQQAhDQJAA0AgDSAESEUNASAGIQwCQANAIAwgB0hFDQEgDiAEbCANaiADbCAMaiELAkAgDCEPIA8gAkgEQCAPIQogDyIJIAFPBH1DAADAfwUgACAJQQJ0aioCAAsgDyACaiIJIAFPBH1DAADAfwUgACAJQQJ0aioCAAuSIRAgCiABSQRAIAAgCkECdGogEDgCAAsLCyAMQQFqIQwMAAsLIA1BAWohDQwACwsgDkEBaiEODAALC0EADwtBAQs=", link: ks_link });
