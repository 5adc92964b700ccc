// Content hashing for the compile cache and the build manifest.
import { createHash } from 'node:crypto';

/** Plain sha256 of a text, hex (what `sha256sum` prints for the file). */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** sha256 over several parts, length-prefixed so that ('ab','c') and ('a','bc') differ. */
export function hashParts(...parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(`${p.length}:`);
    h.update(p);
  }
  return h.digest('hex');
}
