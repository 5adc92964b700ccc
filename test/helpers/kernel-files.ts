// The .ts files under a folder (recursively) that define kernels, sorted; a missing folder gives none.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function kernelFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...kernelFiles(p));
    else if (n.endsWith('.ts') && readFileSync(p, 'utf8').includes('kernel(')) out.push(p);
  }
  return out.sort();
}
