// Content hashing for the compile cache.
import { createHash } from 'node:crypto';

export function sha256(...parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    // Length-prefix each part so that ('ab','c') and ('a','bc') hash differently.
    h.update(`${p.length}:`);
    h.update(p);
  }
  return h.digest('hex');
}
