// Where and from what a run was measured: the GPUs and driver (nvidia-smi, when there is one), the
// CPU, Node, and the commit (git in a checkout; the COMMIT file the portable bundle carries).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, cpus, release, type } from 'node:os';
import type { Machine } from './types.js';

/** A command's stdout, or null when it is missing or fails. */
function output(cmd: string, args: string[], cwd?: string): string | null {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }).trim();
  } catch {
    return null;
  }
}

export function machine(): Machine {
  const m: Machine = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    os: `${type()} ${release()}`,
    node: process.versions.node,
  };
  const smi = output('nvidia-smi', ['--query-gpu=name,driver_version,memory.total', '--format=csv,noheader']);
  if (smi) {
    m.gpus = smi.split('\n').map((line) => {
      const [name = '', driver = '', memory = ''] = line.split(',').map((s) => s.trim());
      return { name, driver, memory };
    });
  }
  return m;
}

/**
 * HEAD of the checkout at `root`; in a portable bundle, the commit it was built from (its COMMIT
 * file, scripts/bundle.ts); else 'unknown' (git would walk up to an enclosing repository).
 */
export function commit(root: string): string {
  if (existsSync(join(root, '.git'))) return output('git', ['rev-parse', 'HEAD'], root) || 'unknown';
  const file = join(root, 'COMMIT');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : 'unknown';
}
