// Child process of print.test.ts: CUDA's printf writes to the process's own stdout (not through the
// device's log sink), so the test runs the printing kernel here and reads what this process printed.
//
//   tsx test/cuda/print-child.ts <n> <seed>
import { compileKernel, createDevice } from '../../index.js';
import { Rng } from '../helpers/case.js';
import { PRINT_FILE, PRINT_SOURCE } from './print-source.js';

const [n = 0, seed = 0] = process.argv.slice(2).map(Number);
const x = new Rng(seed).f32Array(n, -1000, 1000);
const gpu = await createDevice({ backend: 'cuda' });
const k = compileKernel(PRINT_SOURCE, { target: 'cuda', kernel: 'show', fileName: PRINT_FILE });
gpu.launchCompiled(k, { grid: Math.ceil(n / 64), block: 64 }, [gpu.array(x), n]);
await gpu.synchronize();
gpu.dispose();
