// Runs a sample as users do (a separate process through tsx) with --json, and returns the JSON
// object its last line holds. A failing sample's stderr becomes the error message.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDevice, type Backend } from 'kernelscript';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type SampleResult = Record<string, unknown> & { backend: string; ok: boolean };

export function runSample(name: string, backend: Backend, flags: Record<string, number> = {}): Promise<SampleResult> {
  const args = ['--import', 'tsx', `samples/${name}.ts`, '--backend', backend, '--json'];
  for (const [k, v] of Object.entries(flags)) args.push(`--${k}`, String(v));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 64 << 20, timeout: 290_000 }, (err, stdout, stderr) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (err) {
        reject(new Error(`samples/${name}.ts ${args.slice(3).join(' ')} failed: ${stderr.trim() || err.message}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as SampleResult);
      } catch {
        reject(new Error(`samples/${name}.ts printed no JSON result; last line: ${last}`));
      }
    });
  });
}

/** Whether a backend can open a device here (cuda needs a GPU and its driver). */
export async function available(backend: Backend): Promise<boolean> {
  try {
    const gpu = await createDevice({ backend });
    gpu.dispose();
    return true;
  } catch {
    return false;
  }
}

/** The backends these tests run on: cpu and webgpu always, cuda where a GPU is present. */
export async function testBackends(): Promise<{ backend: Backend; skip: string | null }[]> {
  if (!process.env.XDG_RUNTIME_DIR) process.env.XDG_RUNTIME_DIR = '/tmp';
  const cuda = await available('cuda');
  return [
    { backend: 'cpu', skip: null },
    { backend: 'webgpu', skip: null },
    { backend: 'cuda', skip: cuda ? null : 'no CUDA device here' },
  ];
}

/** A fresh random seed per run (printed in failures through the flags). */
export const freshSeed = (): number => 1 + Math.floor(Math.random() * 2 ** 31);
