// console.log in kernels on the cpu and webgpu backends: the lines each launch prints, captured
// through createDevice({ log }), against lines computed here from the random inputs (numbers in C
// printf's format: core/printf.ts, itself checked against the C library in test/runtime/printf.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileKernel, createDevice, KernelFaultError } from '../../index.js';
import type { CompiledKernel } from '../../core/output.js';
import { formatValue, parseFormat, type ParsedSpec } from '../../core/printf.js';
import type { Backend, Device } from '../../runtime/types.js';
import { Rng } from '../helpers/case.js';
import { TARGET } from '../helpers/devices.js';

const CASE_FILE = fileURLToPath(new URL('../cases/t-print.ts', import.meta.url));
const CASE = readFileSync(CASE_FILE, 'utf8');
const FILE = fileURLToPath(new URL('./print-kernels.ts', import.meta.url));

const SOURCE = `import { kernel, blockDim, blockIdx, threadIdx, syncthreads, sharedArray, f32, u32, type i32, type f64 } from 'kernelscript';
export const each = kernel(function each(n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) console.log('%d', i);
});
export const quiet = kernel(function quiet(x: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = x[i] * 2;
});
export const blockSum = kernel(function blockSum(x: Int32Array, out: Int32Array) {
  const s = sharedArray(Int32Array, 64);
  const t = threadIdx.x;
  s[t] = x[blockIdx.x * 64 + t];
  syncthreads();
  for (let k = 32; k > 0; k >>= 1) {
    if (t < k) s[t] += s[t + k];
    syncthreads();
  }
  if (t === 0) {
    console.log('block %d of %d: sum %d', blockIdx.x, blockDim.x, s[0]);
    out[blockIdx.x] = s[0];
  }
});
export const oob = kernel(function oob(x: Float32Array, n: i32) {
  const i = threadIdx.x;
  console.log('before %d', i);
  if (i === 3) x[n + 5] = 1;
});
export const grid2 = kernel(function grid2(x: Float32Array) {
  const i = (blockIdx.y * 2 + blockIdx.x) * 8 + threadIdx.y * 4 + threadIdx.x;
  console.log(\`\${x[i]}\`, threadIdx.y, pick(i));
});
function pick(i: i32): i32 {
  return i > 5 ? marked(i) : -1;
}
function marked(i: i32): i32 {
  console.log('taken %d', i);
  return i * 10;
}
export const half = kernel(function half(h: Float16Array) {
  console.log('%.4f %g', h[threadIdx.x], h[threadIdx.x]);
});
export const wide = kernel(function wide(x: Float64Array) {
  console.log('%.17g|%e|%+.3f', x[threadIdx.x], x[threadIdx.x], x[threadIdx.x]);
});
`;

/** The 1-based line of SOURCE holding `text`. */
const lineOf = (text: string): number => SOURCE.split('\n').findIndex((l) => l.includes(text)) + 1;

/** C's printf of one value under a conversion written as in a format ('%.3e'). */
function c(conv: string, value: number | boolean, type: 'i32' | 'u32' | 'f32' | 'f64' | 'bool' = 'f32'): string {
  const parsed = parseFormat(conv);
  if (!parsed.ok) throw new Error(parsed.why);
  const spec = parsed.pieces[0] as ParsedSpec;
  return formatValue({ conv: spec.conv, flags: spec.flags, width: spec.width, precision: spec.precision, type }, value);
}

const prefix = (kernel: string, line: number, b: number[], t: number[], file = 't-print.ts'): string =>
  `[${kernel} block (${b.join(',')}) thread (${t.join(',')}) ${file}:${line}] `;

const BACKENDS: Backend[] = ['cpu', 'webgpu'];
const opened: Device[] = [];
afterAll(() => opened.forEach((d) => d.dispose()));

/** A device of `backend` whose printed lines land in the returned array; null when it cannot start. */
async function open(backend: Backend, opts: { logBytes?: number; debug?: boolean } = {}): Promise<{ gpu: Device; lines: string[] } | null> {
  const lines: string[] = [];
  try {
    const gpu = await createDevice({ backend, log: (l) => lines.push(l), ...opts });
    opened.push(gpu);
    return { gpu, lines };
  } catch (e) {
    if (backend === 'webgpu' && process.env.CI) throw e;
    return null;
  }
}

const build = (backend: Backend, kernel: string, src = SOURCE, file = FILE, debug = false): CompiledKernel =>
  compileKernel(src, { target: TARGET[backend], kernel, fileName: file, debug });

/** The same lines in any order (webgpu appends in no fixed thread order). */
const sorted = (a: readonly string[]): string[] => [...a].sort();

describe.each(BACKENDS)('console.log on %s', (backend) => {
  it('prints every conversion, the template and joined forms and a helper, per thread and block', async () => {
    const dev = await open(backend);
    if (!dev) return;
    const rng = new Rng();
    const n = rng.int(70, 130);
    const x = rng.f32Array(n, -4, 4);
    const y = Int32Array.from({ length: n }, () => rng.int(-100000, 100000));
    const k = build(backend, 'printEach', CASE, CASE_FILE);
    const out = dev.gpu.array(new Float32Array(n));
    dev.gpu.launchCompiled(k, { grid: Math.ceil(n / 32), block: 32 }, [true, dev.gpu.array(x), dev.gpu.array(y), out, n]);
    // Nothing is written before the next synchronize()/read().
    expect(dev.lines).toEqual([]);
    await out.read();
    const want: string[] = [];
    for (let i = 0; i < n; i++) {
      const at = (line: number): string => prefix('printEach', line, [Math.floor(i / 32), 0, 0], [i % 32, 0, 0]);
      const xi = x[i] ?? 0;
      const yi = y[i] ?? 0;
      const v = Math.fround(Math.fround(xi * 2) + yi);
      const hex = (u: number): string => (u >>> 0).toString(16);
      want.push(`${at(13)}i=${i} ${yi} u=${yi >>> 0} x=${hex(yi)} X=${hex(Math.imul(i, 7919)).toUpperCase()}`);
      const sign = yi >= 0 ? '+' : '';
      want.push(`${at(14)}${c('%f', xi)}|${c('%.3e', v)}|${c('%g', v)}|${i > 3}|${String(i).padStart(5)}|${c('%-8.2f', xi)}|${sign}${yi}|${hex(i).padStart(5, '0')}|100%`);
      want.push(`${at(15)}v = ${c('%g', v)}, odd ${(i & 1) === 1} y ${yi} ${i}`);
      if (v > 0) want.push(`${at(24)}note ${i}: ${c('%.2f', v)} "positive"?`);
    }
    if (backend === 'cpu') expect(dev.lines).toEqual(want);
    else expect(sorted(dev.lines)).toEqual(sorted(want));
    // One thread's records keep its program order on every backend.
    const mine = dev.lines.filter((l) => l.includes('thread (5,0,0)') && l.includes('block (1,0,0)'));
    expect(mine).toEqual(want.filter((l) => l.includes('thread (5,0,0)') && l.includes('block (1,0,0)')));
  });

  it('fills a small log buffer and reports exactly how many records it dropped', async () => {
    // A record of `each` is 8 words; 43 words after the header hold 5 of them.
    const dev = await open(backend, { logBytes: 4 * (2 + 43) });
    if (!dev) return;
    const n = new Rng().int(60, 200);
    dev.gpu.launchCompiled(build(backend, 'each'), { grid: Math.ceil(n / 64), block: 64 }, [n]);
    await dev.gpu.synchronize();
    expect(dev.lines).toHaveLength(6);
    const kept = dev.lines.slice(0, 5);
    for (const l of kept) expect(l).toMatch(new RegExp(`^\\[each block \\(\\d+,0,0\\) thread \\(\\d+,0,0\\) print-kernels\\.ts:${lineOf("console.log('%d', i)")}\\] \\d+$`));
    if (backend === 'cpu') expect(kept.map((l) => Number(l.split('] ')[1]))).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(kept).size).toBe(5);
    expect(dev.lines[5]).toBe(`[each] ${n - 5} log records were dropped: the launch's log buffer (180 bytes) was full; print less, or raise createDevice({ logBytes })`);
    // The next launch starts with an empty buffer.
    dev.lines.length = 0;
    dev.gpu.launchCompiled(build(backend, 'each'), { grid: 1, block: 64 }, [3]);
    await dev.gpu.synchronize();
    expect(sorted(dev.lines)).toEqual([0, 1, 2].map((i) => `${prefix('each', lineOf("console.log('%d', i)"), [0, 0, 0], [i, 0, 0], 'print-kernels.ts')}${i}`));
  });

  it('binds nothing and prints nothing for a kernel without console.log', async () => {
    const k = build(backend, 'quiet');
    expect(k.meta.prints).toBeUndefined();
    expect(k.meta.wgsl?.logBinding).toBeUndefined();
    expect(k.code).not.toContain('ks_log');
    const dev = await open(backend);
    if (!dev) return;
    const x = dev.gpu.array(new Rng().f32Array(100));
    dev.gpu.launchCompiled(k, { grid: 2, block: 64 }, [x, 100]);
    await dev.gpu.synchronize();
    // A printing kernel whose prints are not reached prints nothing either (no dropped line).
    dev.gpu.launchCompiled(build(backend, 'each'), { grid: 2, block: 64 }, [0]);
    await dev.gpu.synchronize();
    expect(dev.lines).toEqual([]);
  });

  it('prints from a kernel with shared memory and barriers, in default and debug builds', async () => {
    for (const debug of [false, true]) {
      const dev = await open(backend, { debug });
      if (!dev) return;
      const rng = new Rng();
      const blocks = rng.int(2, 6);
      const x = Int32Array.from({ length: blocks * 64 }, () => rng.int(-1000, 1000));
      const out = dev.gpu.array(new Int32Array(blocks));
      dev.gpu.launchCompiled(build(backend, 'blockSum', SOURCE, FILE, debug), { grid: blocks, block: 64 }, [dev.gpu.array(x), out]);
      const sums = await out.read();
      const want = Array.from({ length: blocks }, (_, b) => {
        const s = x.slice(b * 64, b * 64 + 64).reduce((a, v) => a + v, 0);
        expect(sums[b]).toBe(s);
        return `${prefix('blockSum', lineOf("console.log('block"), [b, 0, 0], [0, 0, 0], 'print-kernels.ts')}block ${b} of 64: sum ${s}`;
      });
      expect(sorted(dev.lines)).toEqual(sorted(want));
    }
  });

  it('writes the lines printed before a fault of a debug build, then throws it', async () => {
    const dev = await open(backend, { debug: true });
    if (!dev) return;
    const x = dev.gpu.array(new Float32Array(8));
    dev.gpu.launchCompiled(build(backend, 'oob', SOURCE, FILE, true), { grid: 1, block: 8 }, [x, 8]);
    await expect(dev.gpu.synchronize()).rejects.toBeInstanceOf(KernelFaultError);
    expect(sorted(dev.lines)).toEqual(sorted(Array.from({ length: 8 }, (_, i) => `${prefix('oob', lineOf("console.log('before"), [0, 0, 0], [i, 0, 0], 'print-kernels.ts')}before ${i}`)));
  });

  it('prints template holes in 2-D blocks, and a helper only where a ?: takes it', async () => {
    const dev = await open(backend);
    if (!dev) return;
    const x = new Rng().f32Array(32, -100, 100);
    dev.gpu.launchCompiled(build(backend, 'grid2'), { grid: [2, 2], block: [4, 2] }, [dev.gpu.array(x)]);
    await dev.gpu.synchronize();
    const want: string[] = [];
    for (let by = 0; by < 2; by++) {
      for (let bx = 0; bx < 2; bx++) {
        for (let ty = 0; ty < 2; ty++) {
          for (let tx = 0; tx < 4; tx++) {
            const i = (by * 2 + bx) * 8 + ty * 4 + tx;
            const at = (line: number): string => prefix('grid2', line, [bx, by, 0], [tx, ty, 0], 'print-kernels.ts');
            if (i > 5) want.push(`${at(lineOf("console.log('taken"))}taken ${i}`);
            want.push(`${at(lineOf('console.log(`'))}${c('%g', x[i] ?? 0)} ${ty} ${i > 5 ? i * 10 : -1}`);
          }
        }
      }
    }
    if (backend === 'cpu') expect(dev.lines).toEqual(want);
    else expect(sorted(dev.lines)).toEqual(sorted(want));
  });

  it('prints f16 values as their f32 value', async () => {
    const dev = await open(backend);
    if (!dev) return;
    const k = build(backend, 'half');
    if (backend === 'webgpu' && k.meta.wgsl?.f16 && !(dev.gpu as unknown as { gpu: GPUDevice }).gpu.features.has('shader-f16')) return;
    const rng = new Rng();
    const bits = Uint16Array.from({ length: 16 }, () => rng.int(0, 0x7c00) | (rng.next() < 0.5 ? 0x8000 : 0));
    const { Float16Array: F16 } = await import('../../index.js');
    const h = new F16(bits.buffer);
    dev.gpu.launchCompiled(k, { grid: 1, block: 16 }, [dev.gpu.array(h)]);
    await dev.gpu.synchronize();
    const want = Array.from({ length: 16 }, (_, i) => `${prefix('half', lineOf("console.log('%.4f"), [0, 0, 0], [i, 0, 0], 'print-kernels.ts')}${c('%.4f', Number(h[i]))} ${c('%g', Number(h[i]))}`);
    expect(sorted(dev.lines)).toEqual(sorted(want));
  });
});

describe('console.log of f64 on cpu', () => {
  it('prints doubles with all their digits', async () => {
    const dev = await open('cpu');
    if (!dev) return;
    const rng = new Rng();
    const x = Float64Array.from({ length: 8 }, () => (rng.next() - 0.5) * 10 ** rng.int(-8, 8));
    dev.gpu.launchCompiled(build('cpu', 'wide'), { grid: 1, block: 8 }, [dev.gpu.array(x)]);
    await dev.gpu.synchronize();
    const want = Array.from(x, (v, i) => `${prefix('wide', lineOf("console.log('%.17g"), [0, 0, 0], [i, 0, 0], 'print-kernels.ts')}${c('%.17g', v, 'f64')}|${c('%e', v, 'f64')}|${c('%+.3f', v, 'f64')}`);
    expect(dev.lines).toEqual(want);
    for (const [i, v] of x.entries()) expect(Number(dev.lines[i]?.split('] ')[1]?.split('|')[0])).toBe(v);
  });
});
