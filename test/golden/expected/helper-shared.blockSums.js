"use strict";
// KernelScript kernel 'blockSums' (JS). Generated code: edit the TypeScript source instead.
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
  const partial = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  return [
    ks_new(0, Float32Array, 128),
  ];
}
return Object.assign(function blockSums(ks_args, ks_grid, ks_block, ks_first, ks_end, ks_team) {
  const x = ks_args[0];
  const partial = ks_args[1];
  const n = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_m = ks_team === undefined ? ks_memory(ks_args, ks_grid, ks_block, ks_keepNew) : ks_team.mem;
  const ks_p = ks_team === undefined ? 0 : ks_team.p, ks_P = ks_team === undefined ? 1 : ks_team.parts;
  const ks_run = ks_P === 1 ? Math.max(ks_block[0], 1) : 32;
  const s = ks_m[0];
  const ks_a_s = ks_addr(s);
  const ks_a_x = ks_addr(x);
  const ks_a_partial = ks_addr(partial);
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
    const base_1 = Math.imul(ks_bx, 128);
    if (!(ks_P === 1 && ks_a_s >= 0 && ks_a_x >= 0 && ks_W.w0(ks_a_s, s.length, ks_a_x, x.length, base_1, n, ks_bdx, ks_bdy, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
              const t = ks_tx;
              s[t] = 0.0;
              if (((base_1 + t) | 0) < n) {
                s[t] = x[(base_1 + t) | 0];
              }
            }
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    {
      let stride = 64;
      while (stride > 0) {
        if (!(ks_P === 1 && ks_a_s >= 0 && ks_W.w1(ks_a_s, s.length, stride, ks_bdx, ks_bdy, ks_bdz, 0, Math.min(Math.max(stride, 0), ks_bdx) | 0, ks_out) === 0)) {
          {
            const ks_lo = 0, ks_hi = Math.min(Math.max(stride, 0), ks_bdx) | 0;
            for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
              for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
                for (let ks_xs = ks_lo, ks_xend = ks_hi; ks_xs < ks_xend; ks_xs += ks_run) {
                  const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
                  ks_thread: for (let ks_tx = ks_xs, ks_xe = Math.min(ks_xend, ks_xs + ks_run); ks_tx < ks_xe; ks_tx++) {
                    const t = ks_tx;
                    if (t < stride) {
                      s[t] = s[t] + s[(t + stride) | 0];
                    }
                  }
                }
              }
            }
          }
        }
        if (ks_P > 1) ks_team.sync(); // barrier
        stride = stride >> 1;
      }
    }
    if (!(ks_P === 1 && ks_a_partial >= 0 && ks_a_s >= 0 && ks_W.w2(ks_a_partial, partial.length, ks_a_s, s.length, ks_bx, ks_bdx, ks_bdy, ks_bdz, 0, Math.min(1, ks_bdx), ks_out) === 0)) {
      {
        const ks_lo = 0, ks_hi = Math.min(1, ks_bdx);
        for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
          for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
            for (let ks_xs = ks_lo, ks_xend = ks_hi; ks_xs < ks_xend; ks_xs += ks_run) {
              const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
              ks_thread: for (let ks_tx = ks_xs, ks_xe = Math.min(ks_xend, ks_xs + ks_run); ks_tx < ks_xe; ks_tx++) {
                const t = ks_tx;
                if (t === 0) {
                  partial[ks_bx] = s[0];
                }
              }
            }
          }
        }
      }
    }
  }
}, { memory: ks_memory, wasm: "AGFzbQEAAAABKwNgCn9/f39/f39/f38Bf2AJf39/f39/f39/AX9gC39/f39/f39/f39/AX8CEQECa3MGbWVtb3J5AgMAgIAEAwQDAAECBxADAncwAAACdzEAAQJ3MgACCrEFA/YBCQF/AX8BfwF/AX8BfwF/AX0BfQJAIABBf0YNACACQX9GDQBBACEPAkADQCAPIAhIRQ0BQQAhDgJAA0AgDiAHSEUNAUEAIQ0CQANAIA0gBkhFDQEgDyAHbCAOaiAGbCANaiEMAkAgDSEQIBAhC0MAAAAAIREgCyABSQRAIAAgC0ECdGogETgCAAsgBCAQaiAFSARAIBAhCyAEIBBqIgogA08EfUMAAMB/BSACIApBAnRqKgIACyESIAsgAUkEQCAAIAtBAnRqIBI4AgALCwsgDUEBaiENDAALCyAOQQFqIQ4MAAsLIA9BAWohDwwACwtBAA8LQQEL5gEIAX8BfwF/AX8BfwF/AX8BfQJAIABBf0YNAEEAIQ4CQANAIA4gBUhFDQFBACENAkADQCANIARIRQ0BIAYhDAJAA0AgDCAHSEUNASAOIARsIA1qIANsIAxqIQsCQCAMIQ8gDyACSARAIA8hCiAPIgkgAU8EfUMAAMB/BSAAIAlBAnRqKgIACyAPIAJqIgkgAU8EfUMAAMB/BSAAIAlBAnRqKgIAC5IhECAKIAFJBEAgACAKQQJ0aiAQOAIACwsLIAxBAWohDAwACwsgDUEBaiENDAALCyAOQQFqIQ4MAAsLQQAPC0EBC84BCAF/AX8BfwF/AX8BfwF/AX0CQCAAQX9GDQAgAkF/Rg0AQQAhEAJAA0AgECAHSEUNAUEAIQ8CQANAIA8gBkhFDQEgCCEOAkADQCAOIAlIRQ0BIBAgBmwgD2ogBWwgDmohDQJAIA4hESARQQBGBEAgBCEMQQAiCyADTwR9QwAAwH8FIAIgC0ECdGoqAgALIRIgDCABSQRAIAAgDEECdGogEjgCAAsLCyAOQQFqIQ4MAAsLIA9BAWohDwwACwsgEEEBaiEQDAALC0EADwtBAQs=", link: ks_link });
