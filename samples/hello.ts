// Hello, GPU: every thread writes down who it is (its block and its thread within the block), and
// the host prints what came back. GPUs have no console, so results travel through memory.
import { kernel, blockIdx, blockDim, threadIdx, type i32 } from 'kernelscript';
import { runSample } from './lib/cli.js';

export const hello = kernel(function hello(blocks: Int32Array, threads: Int32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    blocks[i] = blockIdx.x;
    threads[i] = threadIdx.x;
  }
});

await runSample({ blocks: 2, threads: 4 }, async (gpu, { flags }, out) => {
  const n = flags.blocks * flags.threads;
  const blocks = gpu.alloc(Int32Array, n);
  const threads = gpu.alloc(Int32Array, n);
  gpu.launch(hello, { grid: flags.blocks, block: flags.threads }, blocks, threads, n);
  const [b, t] = [await blocks.read(), await threads.read()];
  blocks.dispose();
  threads.dispose();

  out.log(`Hello from ${gpu.backend} (${gpu.name}):`);
  let wrong = 0;
  for (let i = 0; i < n; i++) {
    out.log(`  block ${b[i]}, thread ${t[i]}`);
    if (b[i] !== Math.floor(i / flags.threads) || t[i] !== i % flags.threads) wrong++;
  }
  if (wrong > 0) throw new Error(`hello: ${wrong} of ${n} threads reported the wrong ids`);
  out.done({ sample: 'hello', backend: gpu.backend, n, blocks: Array.from(b), threads: Array.from(t), ok: true });
});
