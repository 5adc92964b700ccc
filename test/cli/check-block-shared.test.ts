// `kernelscript check --target` on block-sized shared arrays: their bytes depend on the block shape
// a launch picks, so each is reported with its length expression beside the static bytes, on every
// backend; the static figure counts only the constant-length arrays.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const SOURCE = `import { kernel, blockDim, threadIdx, sharedArray, syncthreads } from 'kernelscript';
const PAD = 2;
export const pad = kernel(function pad(x: Float32Array, y: Int32Array) {
  const fixed = sharedArray(Float32Array, 16);
  const row = sharedArray(Float32Array, (blockDim.x + PAD) * blockDim.y);
  const count = sharedArray(Int32Array, Math.min(blockDim.x, 64));
  const t = threadIdx.x;
  fixed[t % 16] = x[t];
  row[t] = x[t];
  count[t % 64] = y[t];
  syncthreads();
  x[t] = row[t] + fixed[0];
  y[t] = count[0];
});
`;

describe('check --target with block-sized shared arrays', () => {
  it('reports each with its length expression instead of a byte count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-bs-'));
    writeFileSync(join(dir, 'pad.ts'), SOURCE);
    const r = await cli(['check', 'pad.ts', '--target', 'webgpu,cpu,cuda'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sized = ' + depends on blockDim (row[(blockDim.x + 2) * blockDim.y] × 4 B, count[Math.min(blockDim.x, 64)] × 4 B)';
    for (const [backend, limit] of [['webgpu', 32768], ['cpu', 49152], ['cuda', 49152]] as const) {
      const line = r.stdout.split('\n').find((l) => l.startsWith(`pad.ts:3:20 kernel 'pad' (${backend}):`));
      expect(line, r.stdout).toContain(`: shared 64 B of ${limit} B${sized}, local 0 B/thread`);
    }
  });
});
