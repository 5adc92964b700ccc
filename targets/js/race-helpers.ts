// The functions a cpu debug build emits for its race checks (race.ts places the calls). State is
// module-level: a launch runs its blocks one after another in one thread. An access is stamped
// `base + thread`, where `base` grows by the block's thread count at every epoch (each block and
// each barrier starts one), so a stamp below `base` is from an earlier epoch and nothing is ever
// cleared. Per shared element the shadow keeps the last write and up to two readers and two atomic
// users of the current epoch, each a stamp and a site: enough to find a second thread whenever
// there is one. The first report fills the record (core/race.ts) and turns the checks off for the
// launch.

/**
 * The `ks_race` state, one shadow per shared array (`ks_race_s<k>`, `lengths` theirs; null for a
 * block-sized array, whose shadow grows at each launch to its length there: ks_race_fit) and the checks.
 */
export function raceHelpers(lengths: readonly (number | null)[]): string[] {
  const sized = lengths.includes(null);
  return [
    'const ks_race = { rec: null, on: false, base: 0, n: 1, bdx: 1, bdy: 1, bdz: 1, bx: 0, by: 0, bz: 0 };',
    ...lengths.map((n, k) => (n === null ? `let ks_race_s${k} = ks_race_shadow(0);` : `const ks_race_s${k} = ks_race_shadow(${n});`)),
    // Old stamps in a kept shadow are below the new launch's base, so they count for nothing.
    ...(sized ? ['function ks_race_fit(s, n) {', '  return s.w.length >= n ? s : ks_race_shadow(n);', '}'] : []),
    '// Per element: stamp and site of the last write, of two readers, of two atomic users.',
    'function ks_race_shadow(n) {',
    '  const f = () => new Float64Array(n).fill(-1), i = () => new Int32Array(n);',
    '  return { w: f(), ws: i(), r1: f(), r1s: i(), r2: f(), r2s: i(), a1: f(), a1s: i(), a2: f(), a2s: i() };',
    '}',
    'function ks_race_launch(rec, bdx, bdy, bdz) {',
    '  const R = ks_race;',
    '  R.rec = rec; R.on = true; R.bdx = bdx; R.bdy = bdy; R.bdz = bdz;',
    '  R.base += R.n; R.n = bdx * bdy * bdz;',
    '}',
    'function ks_race_block(bx, by, bz) {',
    '  ks_race.base += ks_race.n; ks_race.bx = bx; ks_race.by = by; ks_race.bz = bz;',
    '}',
    'function ks_race_epoch() {',
    '  ks_race.base += ks_race.n;',
    '}',
    '// First report wins: kind, site and thread (linear) of A, of B, a detail word.',
    'function ks_race_report(kind, sa, ta, sb, tb, detail) {',
    '  const R = ks_race, rec = R.rec, dx = R.bdx, dy = R.bdy;',
    '  R.on = false;',
    '  if (Atomics.compareExchange(rec, 0, 0, kind) !== 0) return;',
    '  const put = (at, t) => { rec[at] = t % dx; rec[at + 1] = Math.floor(t / dx) % dy; rec[at + 2] = Math.floor(t / (dx * dy)); };',
    '  rec[1] = sa; put(2, ta); rec[5] = sb; put(6, tb); rec[9] = detail;',
    '  rec[10] = R.bx; rec[11] = R.by; rec[12] = R.bz;',
    '}',
    '// Whether the stamps x1, x2 (two users of the element) hold another thread than `me` in this epoch.',
    'function ks_race_other(s, x1, x2, xs1, xs2, i, me, site, B) {',
    '  const a = x1[i];',
    '  if (a < B) return false;',
    '  if (a !== me) ks_race_report(1, xs1[i], a - B, site, me - B, i);',
    '  else if (x2[i] >= B) ks_race_report(1, xs2[i], x2[i] - B, site, me - B, i);',
    '  else return false;',
    '  return true;',
    '}',
    '// A read conflicts with another thread\'s write or atomic in the epoch, a write with any access,',
    '// an atomic with a plain one: atomics on one element never race each other.',
    'function ks_race_read(s, site, i, tx, ty, tz) {',
    '  const R = ks_race;',
    '  if (!R.on) return i;',
    '  const B = R.base, me = B + tx + R.bdx * (ty + R.bdy * tz), w = s.w[i];',
    '  if (w >= B && w !== me) ks_race_report(1, s.ws[i], w - B, site, me - B, i);',
    '  else if (s.a1[i] >= B) ks_race_other(s, s.a1, s.a2, s.a1s, s.a2s, i, me, site, B);',
    '  const r = s.r1[i];',
    '  if (r < B) { s.r1[i] = me; s.r1s[i] = site; s.r2[i] = -1; }',
    '  else if (r !== me && s.r2[i] < B) { s.r2[i] = me; s.r2s[i] = site; }',
    '  return i;',
    '}',
    'function ks_race_write(s, site, i, tx, ty, tz) {',
    '  const R = ks_race;',
    '  if (!R.on) return i;',
    '  const B = R.base, me = B + tx + R.bdx * (ty + R.bdy * tz), w = s.w[i];',
    '  if (w >= B && w !== me) ks_race_report(1, s.ws[i], w - B, site, me - B, i);',
    '  else if (s.r1[i] >= B && ks_race_other(s, s.r1, s.r2, s.r1s, s.r2s, i, me, site, B)) return i;',
    '  else if (s.a1[i] >= B) ks_race_other(s, s.a1, s.a2, s.a1s, s.a2s, i, me, site, B);',
    '  s.w[i] = me; s.ws[i] = site;',
    '  return i;',
    '}',
    'function ks_race_atomic(s, site, i, tx, ty, tz) {',
    '  const R = ks_race;',
    '  if (!R.on) return i;',
    '  const B = R.base, me = B + tx + R.bdx * (ty + R.bdy * tz), w = s.w[i];',
    '  if (w >= B && w !== me) ks_race_report(1, s.ws[i], w - B, site, me - B, i);',
    '  else if (s.r1[i] >= B) ks_race_other(s, s.r1, s.r2, s.r1s, s.r2s, i, me, site, B);',
    '  const a = s.a1[i];',
    '  if (a < B) { s.a1[i] = me; s.a1s[i] = site; s.a2[i] = -1; }',
    '  else if (a !== me && s.a2[i] < B) { s.a2[i] = me; s.a2s[i] = site; }',
    '  return i;',
    '}',
    '// Regions evaluate a barrier-guarding condition once, as thread 0; every thread must agree.',
    'function ks_race_agree(sync, f) {',
    '  const R = ks_race, v0 = f(0, 0, 0, 0);',
    '  if (!R.on) return v0;',
    '  for (let z = 0, i = 0; z < R.bdz; z++) {',
    '    for (let y = 0; y < R.bdy; y++) {',
    '      for (let x = 0; x < R.bdx; x++, i++) {',
    '        if (f(i, x, y, z) !== v0) { ks_race_report(3, sync, 0, sync, i, v0 ? 1 : 0); return v0; }',
    '      }',
    '    }',
    '  }',
    '  return v0;',
    '}',
  ];
}

/**
 * The generator path's block scheduler for debug builds: a thread yields the sync index of the
 * barrier it waits at and returns that of its exit; a pass where the threads that ran do not all
 * wait at one barrier (or all exit) is a divergent barrier. Each pass is one epoch.
 */
export const RACE_RUN_BLOCK = [
  '// Runs the threads of one block round-robin, checking that each pass ends at one barrier for all.',
  'function ks_runBlock(threads) {',
  '  let live = threads.length;',
  '  while (live > 0) {',
  '    live = 0;',
  '    let wait = -1, waitAt = -1, other = -1, otherAt = -1;',
  '    for (let i = 0; i < threads.length; i++) {',
  '      const t = threads[i];',
  '      if (t === null) continue;',
  '      const r = t.next();',
  '      if (r.done) threads[i] = null;',
  '      else live++;',
  '      if (!r.done && wait < 0) { wait = i; waitAt = r.value; }',
  '      else if (other < 0 && (r.done || r.value !== waitAt)) { other = i; otherAt = r.value; }',
  '    }',
  '    // `other` may have exited before the first waiter ran: it still differs from it.',
  '    if (wait >= 0 && other >= 0 && ks_race.on) ks_race_report(2, waitAt, wait, otherAt, other, 0);',
  '    ks_race_epoch();',
  '  }',
  '}',
];
