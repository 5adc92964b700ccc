// The lib's own Float16Array (not the package's) in launches of a kernel that takes Float16Array.
import { brighten, cfg, gpu } from '../fixtures/kernels.js';

const src = gpu.array(Uint8Array.from([1, 2, 3]));
const lut = gpu.alloc(Int16Array, 3);
const built = gpu.array(new Float16Array(3));
gpu.launch(brighten, cfg, src, src, lut, built, 3);
gpu.launch(brighten, cfg, src, src, lut, gpu.alloc(Float16Array, 3), 3);
export const back: Promise<Float16Array> = built.read();
