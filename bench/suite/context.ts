// What every row gets: the device, its sizes, and a cache for float64 references (computed once
// per size, shared by the backends that run at that size).
import type { Gpu } from '../../samples/lib/cli.js';
import type { Sizes } from './sizes.js';

export interface RowContext {
  gpu: Gpu;
  sizes: Sizes;
  memo<T>(key: string, make: () => T): T;
}

export function referenceCache(): <T>(key: string, make: () => T) => T {
  const cache = new Map<string, unknown>();
  return <T>(key: string, make: () => T): T => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  };
}
