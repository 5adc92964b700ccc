import { readFileSync } from 'node:fs';
import { compileKernel } from '../../compiler/index.js';
const src = readFileSync('/work/main/test/cases/matmul-tiled.ts', 'utf8');
const out = compileKernel(src, { target: 'js', kernel: 'matmulTiled', fileName: '/work/main/test/cases/matmul-tiled.ts' });
console.log(out.code.split('\n').slice(0, 8).join('\n'));
const run = new Function(out.code)() as (a: unknown[], g: number[], b: number[]) => void;
const N = 256;
const A = new Float32Array(N * N).fill(1), B = new Float32Array(N * N).fill(1), C = new Float32Array(N * N);
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  run([A, B, C, N, N, N], [N / 16, N / 16, 1], [16, 16, 1]);
  console.log('run ms', performance.now() - t0, C[0]);
}
