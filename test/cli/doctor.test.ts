// `kernelscript doctor`: --json carries every fact the text form shows, says whether the webgpu
// adapter is a software renderer, and counts only a real GPU as one (in `gpu` and the exit status).
import { describe, expect, it } from 'vitest';
import { adapterFacts } from '../../runtime/webgpu/gpu.js';
import { cli } from './run-cli.js';

interface Json {
  backends: { backend: string; ok: boolean; name?: string; reason?: string }[];
  cuda: { driverVersion: string | null; devices: { name: string; arch: string; memoryMiB: number }[]; nvrtc: string; nvcc: string; cache: string };
  webgpu: { name: string; software: boolean } | null;
  picks: string | null;
  gpu: boolean;
}

/** Every string and number in a JSON value. */
function leaves(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (typeof v === 'object') return Object.values(v).flatMap(leaves);
  return [String(v)];
}

describe('doctor', () => {
  it('prints in --json everything the text form shows', async () => {
    const [json, text] = [await cli(['doctor', '--json'], '.'), await cli(['doctor'], '.')];
    const r = JSON.parse(json.stdout) as Json;
    expect(json.code).toBe(text.code);
    expect(json.code).toBe(r.gpu ? 0 : 1);
    const values = leaves(r);
    // Each text line past the title is a label (backend, status word, field name) and a value.
    const lines = text.stdout.split('\n').slice(1).filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) {
      const value = line
        .replace(/^ {2}(cuda|webgpu|cpu) +(ok|no) +/, '')
        .replace(/^ +(driver: CUDA|device:|nvrtc:|nvcc:|cache:|matrix:) */, '')
        .replace(/^createDevice\(\) picks: /, '')
        .replace(/ \(a software renderer\)$/, '');
      if (/^ +software renderer: /.test(line)) {
        expect(r.webgpu?.software, line).toBe(true);
      } else if (value.startsWith('nothing (')) {
        expect(r.picks).toBeNull();
      } else {
        const device = /^(.*) \((sm_\d+), (\d+) MiB\)$/.exec(value);
        for (const part of device ? device.slice(1) : [value]) expect(values, line).toContain(part);
      }
    }
    expect(text.stdout.includes('software renderer')).toBe(r.webgpu?.software === true);
  });

  it('says whether the webgpu adapter is a software renderer, and a software one is not a GPU', async () => {
    const r = JSON.parse((await cli(['doctor', '--json'], '.')).stdout) as Json;
    const webgpu = r.backends.find((b) => b.backend === 'webgpu');
    expect(r.webgpu !== null).toBe(webgpu?.ok);
    if (r.webgpu) {
      expect(r.webgpu.name).toBe(webgpu?.name);
      if (/llvmpipe|lavapipe|swiftshader/i.test(r.webgpu.name)) expect(r.webgpu.software).toBe(true);
    }
    const cudaOk = r.backends.find((b) => b.backend === 'cuda')?.ok === true;
    expect(r.gpu).toBe(cudaOk || r.webgpu?.software === false);
  });

  it('recognises software adapters by the fallback flag or by name, and hardware ones as such', () => {
    const info = (o: Partial<GPUAdapterInfo> & { isFallbackAdapter?: boolean }): GPUAdapterInfo =>
      ({ vendor: '', architecture: '', device: '', description: '', ...o }) as GPUAdapterInfo;
    const nvidia = adapterFacts(info({ vendor: 'nvidia', architecture: 'ampere', description: 'NVIDIA discrete GPU' }));
    expect(nvidia).toMatchObject({ name: 'NVIDIA discrete GPU', software: false });
    expect(adapterFacts(info({ vendor: 'mesa', device: 'llvmpipe-llvm-15' })).software).toBe(true);
    expect(adapterFacts(info({ description: 'SwiftShader Device (Subzero)' })).software).toBe(true);
    expect(adapterFacts(info({ vendor: 'x', description: 'Some GPU', isFallbackAdapter: true })).software).toBe(true);
    expect(adapterFacts(undefined)).toMatchObject({ name: 'WebGPU adapter', software: false });
    expect(adapterFacts(info({ vendor: 'amd', architecture: 'rdna-3' })).name).toBe('amd rdna-3');
  });
});
