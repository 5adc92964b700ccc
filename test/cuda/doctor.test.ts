// The doctor's report agrees with what createDevice() does on this machine: the backend it says
// createDevice() picks is the one picked, and each backend that does not work carries its reason.
import { describe, expect, it } from 'vitest';
import { probeCuda } from '../../runtime/cuda/index.js';
import { doctor } from '../../runtime/doctor.js';
import { createDevice } from '../../runtime/index.js';

process.env.XDG_RUNTIME_DIR ??= '/tmp';

describe('doctor', () => {
  it('reports every backend, with a one-line reason for each that does not work', async () => {
    const report = await doctor();
    expect(report.backends.map((b) => b.backend)).toEqual(['cuda', 'webgpu', 'cpu']);
    for (const b of report.backends) {
      if (b.ok) expect(b.name).toBeTruthy();
      else expect(b.reason).toMatch(/^[^\n]+$/);
    }
    const cuda = probeCuda();
    expect(report.backends[0]?.ok).toBe(cuda.ok);
    const text = report.lines.join('\n');
    expect(text).toContain(cuda.compilers.nvcc);
    if (!cuda.ok) expect(text).toContain(cuda.reason as string);

    const device = await createDevice();
    expect(text).toContain(`createDevice() picks: ${device.backend}`);
    expect(report.gpu).toBe(report.backends[0]?.ok === true || (report.webgpu !== null && !report.webgpu.software));
    device.dispose();
  });
});
