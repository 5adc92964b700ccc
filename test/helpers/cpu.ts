// A cpu device with a given number of threads (KERNELSCRIPT_CPU_THREADS for the one call, then as it was).
import { createCpuDevice, type CpuDevice } from '../../runtime/cpu/index.js';
import { THREADS_ENV } from '../../runtime/cpu/threads.js';

export async function cpuWith(threads: number): Promise<CpuDevice> {
  const before = process.env[THREADS_ENV];
  process.env[THREADS_ENV] = String(threads);
  try {
    return await createCpuDevice();
  } finally {
    if (before === undefined) delete process.env[THREADS_ENV];
    else process.env[THREADS_ENV] = before;
  }
}
