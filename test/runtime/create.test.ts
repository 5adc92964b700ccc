// Backend selection and probing.
import { describe, expect, it } from 'vitest';
import { createDevice, probeBackends, registerBackend } from '../../runtime/index.js';
import '../helpers/devices.js';

describe('createDevice', () => {
  it('picks a backend for auto and reports it', async () => {
    const gpu = await createDevice();
    expect(['cuda', 'webgpu', 'cpu']).toContain(gpu.backend);
    gpu.dispose();
  });

  it('opens the cpu backend on request', async () => {
    const gpu = await createDevice({ backend: 'cpu' });
    expect(gpu.backend).toBe('cpu');
    gpu.dispose();
  });

  it('names an unknown backend', async () => {
    await expect(createDevice({ backend: 'metal' as never })).rejects.toThrow(
      /backend must be one of 'cuda', 'webgpu', 'cpu', 'auto', got 'metal'/,
    );
  });

  it('lets KERNELSCRIPT_BACKEND decide for auto, but not over an explicit backend', async () => {
    const saved = process.env.KERNELSCRIPT_BACKEND;
    process.env.KERNELSCRIPT_BACKEND = 'cpu';
    try {
      const auto = await createDevice({ backend: 'auto' });
      expect(auto.backend).toBe('cpu');
      auto.dispose();
      process.env.KERNELSCRIPT_BACKEND = 'gpu';
      await expect(createDevice()).rejects.toThrow(/KERNELSCRIPT_BACKEND must be one of .* got 'gpu'/);
      const cpu = await createDevice({ backend: 'cpu' });
      expect(cpu.backend).toBe('cpu');
      cpu.dispose();
    } finally {
      if (saved === undefined) delete process.env.KERNELSCRIPT_BACKEND;
      else process.env.KERNELSCRIPT_BACKEND = saved;
    }
  });

  it('falls through failing backends in auto mode, keeping each reason', async () => {
    registerBackend('cuda', () => Promise.reject(new Error('no driver here\nsecond line')));
    try {
      const probes = await probeBackends();
      expect(probes.map((p) => p.backend)).toEqual(['cuda', 'webgpu', 'cpu']);
      expect(probes[0]).toEqual({ backend: 'cuda', ok: false, reason: 'no driver here' });
      expect(probes[2]).toMatchObject({ backend: 'cpu', ok: true });
      await expect(createDevice({ backend: 'cuda' })).rejects.toThrow(/no device could be created:\n\s+cuda: no driver here/);
      const gpu = await createDevice();
      expect(gpu.backend).not.toBe('cuda');
      gpu.dispose();
    } finally {
      // Forks isolate test files, but restore anyway so later tests here see the real backend.
      const { resetBackend } = await import('../../runtime/index.js');
      resetBackend('cuda');
    }
  });
});
