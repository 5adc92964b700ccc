// compileKernel accepts a kernel(...) object: it finds the definition in the object's own source
// file from the recorded call site, even when the file holds several kernels.
import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileKernel } from '../../compiler/index.js';
import { isKernel, type Kernel } from '../../core/kernel.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { randomF32, relL2 } from './run.js';

const file = fileURLToPath(new URL('../fixtures/frontend/two-kernels.ts', import.meta.url));
const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
const slots = await openDevices(['cpu', 'webgpu']);
afterAll(() => closeDevices(slots));

function get(name: string): Kernel {
  const k = mod[name];
  if (!isKernel(k)) throw new Error(`${name} is not a kernel`);
  return k;
}

describe('kernel objects', () => {
  it('picks each kernel of a two-kernel file by its call site', () => {
    expect(compileKernel(get('scale'), { target: 'js' }).name).toBe('scale');
    expect(compileKernel(get('shift'), { target: 'js' }).name).toBe('shift');
    expect(compileKernel(get('shift'), { target: 'wgsl' }).params.map((p) => p.name)).toEqual(['x', 'y', 'by', 'n']);
  });
  for (const slot of slots) {
    const d = slot.device;
    it.skipIf(!d)(`launches through the JIT on ${slot.backend}${d ? '' : ` (skipped: ${slot.reason})`}`, async () => {
      if (!d) return;
      const n = 300;
      const x = randomF32(n);
      const by = Math.fround(Math.random() + 0.5);
      const xs = d.array(x);
      const ys = d.alloc(Float32Array, n);
      try {
        d.launchCompiled(compileKernel(get('shift'), { target: d.backend === 'cpu' ? 'js' : 'wgsl' }), { grid: 3, block: 128 }, [xs, ys, by, n]);
        const y = await ys.read();
        expect(relL2(y, Array.from(x, (v) => v + by))).toBeLessThan(1e-6);
      } finally {
        xs.dispose();
        ys.dispose();
      }
    });
  }
});
