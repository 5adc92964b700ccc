// Runs the CLI in-process with captured output, on a scratch copy of a fixture app.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], cwd: string, isTTY = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    isTTY,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

/** A scratch directory holding copies of the named fixture apps. */
export function scratch(...apps: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ks-cli-'));
  for (const app of apps) cpSync(join(FIXTURES, app), join(dir, app), { recursive: true });
  return dir;
}
