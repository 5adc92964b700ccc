// Golden files for CLI output: compared as text, rewritten with UPDATE_GOLDEN=1 (review the diff).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const DIR = fileURLToPath(new URL('./golden', import.meta.url));

export function golden(name: string, actual: string): void {
  const path = join(DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || (!existsSync(path) && !process.env.CI)) {
    // A missing golden is written once (never in CI) and reported, to be reviewed before committing.
    if (process.env.UPDATE_GOLDEN !== '1') console.warn(`wrote new golden file ${path}`);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 to rewrite)`).toBe(readFileSync(path, 'utf8'));
}
