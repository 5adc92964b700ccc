import { blockDim, blockIdx, createDevice, kernel, threadIdx, type BackendChoice, type f32, type i32 } from '/work/main/index.js';
export const saxpy = kernel(function saxpy(a: f32, x: Float32Array, y: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) {
    y[i] = a * x[i]! + y[i]!;
  }
});
const gpu = await createDevice({ backend: (process.argv[2] ?? 'cuda') as BackendChoice });
const one = gpu.array(Float32Array.of(1));
const two = gpu.array(Float32Array.of(2));
const tiny = () => gpu.launch(saxpy, { grid: 1, block: 32 }, 1, one, two, 1);
tiny();
await gpu.synchronize();
const res: number[] = [];
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  for (let i = 0; i < 5000; i++) tiny();
  res.push(((performance.now() - t0) * 1000) / 5000);
  await gpu.synchronize();
}
res.sort((a, b) => a - b);
console.log(gpu.backend, 'us/launch median', res[10]!.toFixed(2), 'min', res[0]!.toFixed(2));
gpu.dispose();
