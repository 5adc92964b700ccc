// Small helpers over the project's seeded Rng, so that every fuzz input is a pure function of
// (seed, index) and any one of them can be regenerated alone.
import { Rng } from '../helpers/case.js';

export { Rng };

export function pick<T>(rng: Rng, xs: readonly T[]): T {
  if (xs.length === 0) throw new Error('pick from an empty list');
  return xs[rng.int(0, xs.length)] as T;
}

export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** Picks by weight: [[weight, value], ...]. */
export function weighted<T>(rng: Rng, entries: readonly (readonly [number, T])[]): T {
  const total = entries.reduce((s, [w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [w, v] of entries) {
    if (x < w) return v;
    x -= w;
  }
  return (entries[entries.length - 1] as readonly [number, T])[1];
}

/** The seed of input `index` of a campaign seeded `seed` (a murmur-style mix, so neighbours differ). */
export function subSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The input `index` of a campaign seeded `seed` gets its own generator. */
export function rngFor(seed: number, index: number): Rng {
  return new Rng(subSeed(seed, index));
}
