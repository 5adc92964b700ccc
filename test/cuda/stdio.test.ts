// CUDA's printf output reaches stdout through the C library. Node makes a piped stdout
// non-blocking, so C writes that find the pipe full are dropped unless synchronize() makes it
// blocking for the call (runtime/cuda/stdio.ts). Checked with C's own printf, so without a GPU: a
// child writes 3000 lines (far beyond a pipe's 64 KiB) while this process does not read for a second.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const CHILD = fileURLToPath(new URL('./stdio-child.ts', import.meta.url));

describe.skipIf(process.platform !== 'linux')('C stdout under a slow reader', () => {
  it('keeps every line a printf wrote before synchronize() returned', async () => {
    const n = 3000;
    const child = spawn(process.execPath, [TSX, CHILD, String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 1000));
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
    child.stdout.resume();
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(0);
    const lines = text.split('\n').filter((l) => l.startsWith('line '));
    expect(lines.length).toBe(n);
    expect(lines.map((l) => Number(l.split(' ')[1]))).toEqual(Array.from({ length: n }, (_, i) => i));
  }, 30_000);
});
