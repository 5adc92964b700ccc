"use strict";
// KernelScript kernel 'tile2d' (JS). Generated code: edit the TypeScript source instead.
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
  const out = ks_args[1];
  const width = ks_args[2] | 0;
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  return [
    ks_new(0, Float32Array, Math.imul(ks_bdx, ks_bdy)),
  ];
}
return Object.assign(function tile2d(ks_args, ks_grid, ks_block, ks_first, ks_end, ks_team) {
  const x = ks_args[0];
  const out = ks_args[1];
  const width = ks_args[2] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_m = ks_team === undefined ? ks_memory(ks_args, ks_grid, ks_block, ks_keepNew) : ks_team.mem;
  const ks_p = ks_team === undefined ? 0 : ks_team.p, ks_P = ks_team === undefined ? 1 : ks_team.parts;
  const ks_run = ks_P === 1 ? Math.max(ks_block[0], 1) : 32;
  const tile = ks_m[0];
  const ks_a_tile = ks_addr(tile);
  const ks_a_x = ks_addr(x);
  const ks_a_out = ks_addr(out);
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
    if (!(ks_P === 1 && ks_a_tile >= 0 && ks_a_x >= 0 && ks_W.w0(ks_a_tile, tile.length, ks_a_x, x.length, ks_bx, ks_bdx, ks_by, ks_bdy, width, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
              const tx = ks_tx;
              const ty = ks_ty;
              const gx = (Math.imul(ks_bx, ks_bdx) + tx) | 0;
              const gy = (Math.imul(ks_by, ks_bdy) + ty) | 0;
              const local = (Math.imul(ty, ks_bdx) + tx) | 0;
              tile[local] = x[(Math.imul(gy, width) + gx) | 0];
            }
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    if (!(ks_P === 1 && ks_a_out >= 0 && ks_a_tile >= 0 && ks_W.w1(ks_a_out, out.length, ks_a_tile, tile.length, ks_bx, ks_bdx, ks_by, ks_bdy, width, ks_bdz, ks_out) === 0)) {
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
            ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
              const tx = ks_tx;
              const ty = ks_ty;
              const gx = (Math.imul(ks_bx, ks_bdx) + tx) | 0;
              const gy = (Math.imul(ks_by, ks_bdy) + ty) | 0;
              const local = (Math.imul(ty, ks_bdx) + tx) | 0;
              out[(Math.imul(gy, width) + gx) | 0] = tile[(((Math.imul(ks_bdx, ks_bdy) - 1) | 0) - local) | 0] * 2.0;
            }
          }
        }
      }
    }
  }
}, { memory: ks_memory, wasm: "AGFzbQEAAAABHwJgC39/f39/f39/f39/AX9gC39/f39/f39/f39/AX8CEQECa3MGbWVtb3J5AgMAgIAEAwMCAAEHCwICdzAAAAJ3MQABCoAEAvYBDAF/AX8BfwF/AX8BfwF/AX8BfwF/AX8BfQJAIABBf0YNACACQX9GDQBBACEQAkADQCAQIAlIRQ0BQQAhDwJAA0AgDyAHSEUNAUEAIQ4CQANAIA4gBUhFDQEgECAHbCAPaiAFbCAOaiENAkAgDiERIA8hEiAEIAVsIBFqIRMgBiAHbCASaiEUIBIgBWwgEWohFSAVIQwgFCAIbCATaiILIANPBH1DAADAfwUgAiALQQJ0aioCAAshFiAMIAFJBEAgACAMQQJ0aiAWOAIACwsgDkEBaiEODAALCyAPQQFqIQ8MAAsLIBBBAWohEAwACwtBAA8LQQELhQIMAX8BfwF/AX8BfwF/AX8BfwF/AX8BfwF9AkAgAEF/Rg0AIAJBf0YNAEEAIRACQANAIBAgCUhFDQFBACEPAkADQCAPIAdIRQ0BQQAhDgJAA0AgDiAFSEUNASAQIAdsIA9qIAVsIA5qIQ0CQCAOIREgDyESIAQgBWwgEWohEyAGIAdsIBJqIRQgEiAFbCARaiEVIBQgCGwgE2ohDCAFIAdsQQFrIBVrIgsgA08EfUMAAMB/BSACIAtBAnRqKgIAC0MAAABAlCEWIAwgAUkEQCAAIAxBAnRqIBY4AgALCyAOQQFqIQ4MAAsLIA9BAWohDwwACwsgEEEBaiEQDAALC0EADwtBAQs=", link: ks_link });
