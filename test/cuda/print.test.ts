// console.log on cuda: the kernel's printf lines reach the process's stdout at synchronize(), one
// per thread, with the same prefix and number formatting as the cpu and webgpu backends (whose
// lines test/exec/print.test.ts checks). The kernel runs in a child process so its stdout can be read.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../core/printf.js';
import { probeCuda } from '../../runtime/cuda/index.js';
import { Rng } from '../helpers/case.js';

const probe = probeCuda();
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
const CHILD = fileURLToPath(new URL('./print-child.ts', import.meta.url));

const fmt = (conv: 'e' | 'g', precision: number | null, v: number): string =>
  formatValue({ conv, flags: '', width: null, precision, type: 'f32' }, v);

describe.skipIf(!probe.ok)(`console.log on cuda (${probe.reason ?? 'GPU present'})`, () => {
  it('prints one line per thread through printf, as the other backends format it', () => {
    const rng = new Rng();
    const n = rng.int(100, 300);
    const seed = rng.int(1, 2 ** 31);
    const r = spawnSync(process.execPath, [TSX, CHILD, String(n), String(seed)], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const x = new Rng(seed).f32Array(n, -1000, 1000);
    const want: string[] = [];
    for (let i = 0; i < n; i++) {
      const xi = x[i] ?? 0;
      const at = `[show block (${Math.floor(i / 64)},0,0) thread (${i % 64},0,0) print-kernels.ts:4] `;
      want.push(`${at}i=${i} x=${fmt('e', 3, xi)} ${fmt('g', null, Math.fround(xi * 2))} ${xi > 0}`);
    }
    const got = r.stdout.split('\n').filter((l) => l.startsWith('[show '));
    expect([...got].sort(), `seed ${seed}`).toEqual([...want].sort());
  });
});
