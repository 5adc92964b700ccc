// No build step: kernels defined with kernel(fn) compile from their own TypeScript source on first
// launch, under vitest (this process) and under tsx (a child process).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Device } from '../../runtime/types.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import type { Kernel } from '../../core/kernel.js';
import { FIXTURES, ROOT } from './run-cli.js';
import { relL2 } from '../helpers/compare.js';

interface App {
  run(gpu: Device, seed: number): Promise<{ backend: string; out: number[] }>;
}

const load = async <T>(file: string): Promise<T> => (await import(join(FIXTURES, 'app', file))) as T;
// Importing the full entry registers the compiler, as an app's `import ... from 'kernelscript'` does.
await import('../../index.js');
const slots = await openDevices();
afterAll(() => closeDevices(slots));

describe('no build step', () => {
  for (const { backend, device, reason } of slots) {
    it.skipIf(!device)(`under vitest, kernels compile from source on first launch (${backend}${device ? '' : `: ${reason}`})`, async () => {
      const gpu = device as Device;
      const { run } = await load<App>('run.ts');
      const { axpy } = await load<{ axpy: Kernel }>('kernels.ts');
      const { reference } = await load<{ reference: (seed: number) => Float64Array }>('reference.ts');
      expect(axpy.compiled).toEqual({});
      expect(axpy.site?.file).toBe(join(FIXTURES, 'app/kernels.ts'));
      const seed = (Math.random() * 2 ** 32) >>> 0;
      const r = await run(gpu, seed);
      expect(r.backend).toBe(backend);
      expect(relL2(r.out, reference(seed)), `seed ${seed}`).toBeLessThan(1e-5);
    });
  }

  it('under tsx, the app runs straight from its TypeScript sources', async () => {
    const { reference } = await load<{ reference: (seed: number) => Float64Array }>('reference.ts');
    const seed = (Math.random() * 2 ** 32) >>> 0;
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(FIXTURES, 'app/main.ts'), String(seed), 'cpu'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { backend: string; out: number[] };
    expect(result.backend).toBe('cpu');
    expect(relL2(result.out, reference(seed)), `seed ${seed}`).toBeLessThan(1e-5);
  });
});
