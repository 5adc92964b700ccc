"use strict";
// KernelScript kernel 'sum16' (JS). Generated code: edit the TypeScript source instead.
function ks_f16view(a) { return a instanceof Uint16Array ? a : new Uint16Array(a.buffer, a.byteOffset, a.length); }
function ks_f16round(x) {
  const a = Math.abs(x);
  if (!(a < 65520)) return a >= 65520 ? (x > 0 ? Infinity : -Infinity) : +x;
  let q = 5.960464477539063e-8;
  if (a >= 6.103515625e-5) {
    let e = Math.floor(Math.log2(a));
    if (2 ** e > a) e--;
    else if (2 ** (e + 1) <= a) e++;
    q = 2 ** (e - 10);
  }
  const n = a / q;
  let r = Math.round(n);
  if (r - n === 0.5 && r % 2 !== 0) r -= 1;
  return x < 0 || Object.is(x, -0) ? -(r * q) : r * q;
}
function ks_f16bits(x) {
  if (x !== x) return 0x7e00;
  const s = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === Infinity) return s | 0x7c00;
  if (a < 6.103515625e-5) return s | (a * 16777216);
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return s | ((e + 15) << 10) | (a * 2 ** (10 - e) - 1024);
}
const ks_f16values = new Float64Array(65536);
for (let b = 0; b < 65536; b++) {
  const e = (b >> 10) & 31, m = b & 1023, s = b & 0x8000 ? -1 : 1;
  ks_f16values[b] = e === 0 ? s * m * 5.960464477539063e-8 : e === 31 ? (m ? NaN : s * Infinity) : s * (1024 + m) * 2 ** (e - 25);
}
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
function ks_memory(ks_args, ks_grid, ks_block, ks_new) {
  const x = ks_f16view(ks_args[0]);
  const partial = ks_f16view(ks_args[1]);
  const scaled = ks_args[2];
  const n = ks_args[3] | 0;
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_n = ks_bdx * ks_bdy * ks_bdz;
  return [
    ks_new(0, Uint16Array, 128),
  ];
}
return Object.assign(function sum16(ks_args, ks_grid, ks_block, ks_first, ks_end, ks_team) {
  const x = ks_f16view(ks_args[0]);
  const partial = ks_f16view(ks_args[1]);
  const scaled = ks_args[2];
  const n = ks_args[3] | 0;
  const ks_gdx = ks_grid[0], ks_gdy = ks_grid[1], ks_gdz = ks_grid[2];
  const ks_bdx = ks_block[0], ks_bdy = ks_block[1], ks_bdz = ks_block[2];
  const ks_b0 = ks_first ?? 0, ks_b1 = ks_end ?? ks_gdx * ks_gdy * ks_gdz;
  const ks_m = ks_team === undefined ? ks_memory(ks_args, ks_grid, ks_block, ks_keepNew) : ks_team.mem;
  const ks_p = ks_team === undefined ? 0 : ks_team.p, ks_P = ks_team === undefined ? 1 : ks_team.parts;
  const ks_run = ks_P === 1 ? Math.max(ks_block[0], 1) : 32;
  const s = ks_m[0];
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
    for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
      for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
        for (let ks_xs = 0; ks_xs < ks_bdx; ks_xs += ks_run) {
          const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
          const ks_xe = Math.min(ks_bdx, ks_xs + ks_run);
          ks_thread: for (let ks_tx = ks_xs; ks_tx < ks_xe; ks_tx++) {
            const t = ks_tx;
            const i = (Math.imul(ks_bx, 128) + t) | 0;
            let v = 0;
            if (i < n) {
              v = ks_f16round(Math.fround(ks_f16values[x[i]] * 0.5));
            }
            s[t] = ks_f16bits(v);
          }
        }
      }
    }
    if (ks_P > 1) ks_team.sync(); // barrier
    {
      let stride = 64;
      while (stride > 0) {
        {
          const ks_lo = 0, ks_hi = Math.min(Math.max(stride, 0), ks_bdx) | 0;
          for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
            for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
              for (let ks_xs = ks_lo, ks_xend = ks_hi; ks_xs < ks_xend; ks_xs += ks_run) {
                const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
                ks_thread: for (let ks_tx = ks_xs, ks_xe = Math.min(ks_xend, ks_xs + ks_run); ks_tx < ks_xe; ks_tx++) {
                  const t = ks_tx;
                  if (t < stride) {
                    s[t] = ks_f16bits(ks_f16round(Math.fround(ks_f16values[s[t]] + ks_f16values[s[(t + stride) | 0]])));
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
    {
      const ks_lo = 0, ks_hi = Math.min(1, ks_bdx);
      for (let ks_tz = 0, ks_u = 0; ks_tz < ks_bdz; ks_tz++) {
        for (let ks_ty = 0; ks_ty < ks_bdy; ks_ty++) {
          for (let ks_xs = ks_lo, ks_xend = ks_hi; ks_xs < ks_xend; ks_xs += ks_run) {
            const ks_mine = ks_u === ks_p; ks_u = ks_u + 1 === ks_P ? 0 : ks_u + 1; if (!ks_mine) continue;
            ks_thread: for (let ks_tx = ks_xs, ks_xe = Math.min(ks_xend, ks_xs + ks_run); ks_tx < ks_xe; ks_tx++) {
              const t = ks_tx;
              if (t === 0) {
                partial[ks_bx] = ks_f16bits(ks_f16values[s[0]]);
                scaled[ks_bx] = ks_f16round(Math.fround(ks_f16values[s[0]] * 0.0999755859375));
              }
            }
          }
        }
      }
    }
  }
}, { memory: ks_memory });
