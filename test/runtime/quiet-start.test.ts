// Starting a webgpu device prints nothing: Dawn's informational notices, written by native code to
// fd 2, are filtered out, other native output still reaches stderr, and KERNELSCRIPT_DEBUG_DAWN=1
// leaves everything alone. Each case runs in a child process so that its stderr can be read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDevices } from '../helpers/devices.js';
import { keptLines } from '../../runtime/webgpu/quiet.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ks-quiet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOTICE = 'Warning: maxDynamicUniformBuffersPerPipelineLayout artificially reduced from 1000000 to 16 to fit dynamic offset allocation limit.\n';
const POSIX = process.platform === 'linux' || process.platform === 'darwin';

function runScript(body: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.mts`);
  writeFileSync(file, body);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('KERNELSCRIPT_DEBUG_DAWN' in env)) delete childEnv.KERNELSCRIPT_DEBUG_DAWN;
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', cwd: ROOT, env: childEnv, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A script that writes `text` to fd 2 the way native code does, inside the filtered window. */
const nativeWrite = (text: string): string => `
import { writeSync } from 'node:fs';
import { quietNative } from '${ROOT}runtime/webgpu/quiet.ts';
import { importPackage } from '${ROOT}runtime/webgpu/node.ts';
await quietNative(() => writeSync(2, ${JSON.stringify(text)}), importPackage);
`;

describe('quiet start', () => {
  it('drops exactly the notices from captured text', () => {
    const other = `Error: device lost ${Math.random()}\n`;
    expect(keptLines(`${NOTICE}${other}${NOTICE.replace('Uniform', 'Storage')}`)).toBe(other);
    expect(keptLines(`prefix ${NOTICE}`)).toBe(`prefix ${NOTICE}`);
  });

  it.skipIf(!POSIX)('filters fd 2 around the call, passing other output through; not under KERNELSCRIPT_DEBUG_DAWN=1', () => {
    const other = `native error ${Math.random()}\n`;
    const quiet = runScript(nativeWrite(NOTICE + other));
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe(other);
    const loud = runScript(nativeWrite(NOTICE + other), { KERNELSCRIPT_DEBUG_DAWN: '1' });
    expect(loud.stderr).toBe(NOTICE + other);
  });
});

const slots = await openDevices(['webgpu']);
const webgpu = slots[0];
afterAll(() => webgpu?.device?.dispose());

describe.skipIf(!webgpu?.device)(`quiet start on webgpu${webgpu?.device ? '' : ` (skipped: ${webgpu?.reason ?? ''})`}`, () => {
  it.each([
    ['with nothing on stderr', {}, ''],
    ['under KERNELSCRIPT_DAWN_TOGGLES, saying so once on stderr', { KERNELSCRIPT_DAWN_TOGGLES: 'disable_robustness' },
      'kernelscript: KERNELSCRIPT_DAWN_TOGGLES enables Dawn toggles disable_robustness (a diagnostic)\n'],
  ] as const)('creates a device and runs a kernel %s', (_, env, stderr) => {
    const a = Math.random() * 4 - 2;
    const y0 = Array.from({ length: 3 }, () => Math.fround(Math.random() * 2 + 0.5));
    const r = runScript(`
import { createDevice } from '${ROOT}runtime/index.ts';
import { compileKernel } from '${ROOT}compiler/index.ts';
const src = 'import { kernel, threadIdx, type f32 } from "kernelscript";\\n' +
  'export const k = kernel(function k(a: f32, y: Float32Array) { y[threadIdx.x] = a * y[threadIdx.x]; });\\n';
const gpu = await createDevice({ backend: 'webgpu' });
const y = gpu.array(Float32Array.from(${JSON.stringify(y0)}));
gpu.launchCompiled(compileKernel(src, { target: 'wgsl', kernel: 'k', fileName: 'k.ts' }), { grid: 1, block: 3 }, [${a}, y]);
console.log(JSON.stringify([gpu.backend, ...(await y.read())]));
gpu.dispose();
`, env);
    expect(r.stderr).toBe(stderr);
    expect(r.status).toBe(0);
    const [backend, ...ys] = JSON.parse(r.stdout) as [string, ...number[]];
    expect(backend).toBe('webgpu');
    // One f32 rounding of the exact product, as the float64 reference shows it.
    ys.forEach((v, i) => expect(v).toBe(Math.fround(Math.fround(a) * (y0[i] ?? NaN))));
  });
});
