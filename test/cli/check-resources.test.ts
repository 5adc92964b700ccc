// `kernelscript check --target`: per-kernel resource lines and KS9xxx warnings. Expected byte
// counts come from the sources' own array declarations (parsed here, not from the compiler), and
// register figures from running ptxas here on the generated CUDA C.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../cli/args.js';
import { compileAll } from '../../compiler/index.js';
import { Rng } from '../helpers/case.js';
import { hasNvcc, nvccCompile } from '../helpers/nvcc.js';
import { cli, ROOT } from './run-cli.js';

const BYTES: Record<string, number> = { Float32Array: 4, Int32Array: 4, Uint32Array: 4 };

interface Declared {
  name: string;
  line: number;
  column: number;
  params: { array: boolean; type: string }[];
  shared: { bytes: number; line: number; column: number }[];
  local: { bytes: number; line: number; column: number }[];
}

/** 1-based line and column of offset `at` in `text`. */
function position(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

/** Each kernel's parameters and array declarations, read off the source with module consts folded. */
function declared(text: string): Declared[] {
  // Module constants in file order: integers, and arithmetic (+ - * / parentheses) on earlier ones.
  const consts = new Map<string, number>();
  const value = (expr: string): number => {
    const plain = expr.replace(/[A-Za-z_]\w*/g, (name) => String(consts.get(name) ?? NaN));
    // Digits and operators only, checked first.
    return /^[\d\s+\-*/().]+$/.test(plain) ? Number(new Function(`return ${plain};`)()) : NaN;
  };
  for (const m of text.matchAll(/^(?:export )?const ([A-Z]\w*) = ([^;\n]+);/gm)) consts.set(m[1] ?? '', value(m[2] ?? ''));
  const starts = [...text.matchAll(/kernel\(function (\w+)\(([^)]*)\)/g)];
  return starts.map((m, i) => {
    const from = m.index;
    const body = text.slice(from, starts[i + 1]?.index ?? text.length);
    const arrays = (kind: string): Declared['shared'] =>
      [...body.matchAll(new RegExp(`(\\w+) = ${kind}\\((\\w+), ([^)]+)\\)`, 'g'))].map((a) => ({
        bytes: (BYTES[a[2] ?? ''] ?? NaN) * value(a[3] ?? ''),
        ...position(text, from + a.index),
      }));
    const params = (m[2] ?? '').split(',').filter((p) => p.trim()).map((p) => {
      const type = p.split(':')[1]?.trim() ?? '';
      return { array: type.endsWith('Array'), type };
    });
    return { name: m[1] ?? '', ...position(text, from), params, shared: arrays('sharedArray'), local: arrays('localArray') };
  });
}

const sum = (xs: readonly { bytes: number }[]): number => xs.reduce((n, x) => n + x.bytes, 0);

/** The CUDA parameter buffer: 8-byte pointers, 4-byte scalars (1 for bool), each aligned to its size. */
function cudaParamBytes(params: Declared['params']): number {
  return params.reduce((off, p) => {
    const size = p.array ? 8 : p.type === 'bool' ? 1 : 4;
    return Math.ceil(off / size) * size + size;
  }, 0);
}

function lineOf(stdout: string, prefix: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith(prefix));
  expect(line, `a line starting '${prefix}' in:\n${stdout}`).toBeDefined();
  return line ?? '';
}

/** What ptxas says about the kernel here, measured independently of the CLI. */
async function ptxas(code: string): Promise<{ registers: number; stack: number; stores: number; loads: number }> {
  const r = await nvccCompile(code, ['-arch=sm_90', '-cubin', '-Xptxas', '-v']);
  expect(r.ok, r.said).toBe(true);
  const num = (re: RegExp): number => Number(re.exec(r.said)?.[1] ?? NaN);
  return {
    registers: num(/Used (\d+) registers/),
    stack: num(/(\d+) bytes stack frame/),
    stores: num(/(\d+) bytes spill stores/),
    loads: num(/(\d+) bytes spill loads/),
  };
}

function spills(p: { stores: number; loads: number }): string {
  return p.stores + p.loads === 0 ? 'spills 0 B' : `spills ${p.stores} B stored + ${p.loads} B loaded`;
}

/** The most threads per block whose registers fit an SM's 65536 (allocated per warp in units of 256). */
function threadsFor(registers: number): number {
  const perWarp = Math.ceil((registers * 32) / 256) * 256;
  return Math.min(1024, Math.floor(65536 / perWarp) * 32);
}

function scratchFile(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ks-res-'));
  writeFileSync(join(dir, name), text);
  return { dir, file: name };
}

const MATMUL = 'samples/lib/matmul-kernels.ts';
const matmulText = readFileSync(join(ROOT, MATMUL), 'utf8');

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('check --target: resource lines', () => {
  it('reports the samples\' exact shared, local and parameter bytes for webgpu and cpu', async () => {
    const kernels = declared(matmulText);
    expect(kernels.map((k) => k.name)).toEqual(['matmulNaive', 'matmulTiled', 'matmulRegister', 'matmulPipelined']);
    // The samples must exercise both kinds of arrays, or the byte checks below prove little.
    expect(sum(kernels[1]?.shared ?? [])).toBeGreaterThan(0);
    expect(sum(kernels[2]?.local ?? [])).toBeGreaterThan(0);
    const r = await cli(['check', MATMUL, '--target', 'webgpu,cpu'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const k of kernels) {
      const at = `${MATMUL}:${k.line}:${k.column} kernel '${k.name}'`;
      const arrays = k.params.filter((p) => p.array).length;
      expect(lineOf(r.stdout, `${at} (webgpu):`)).toMatch(
        new RegExp(
          `: shared ${sum(k.shared)} B of 32768 B, local ${sum(k.local)} B/thread \\(65536 B per array\\), ` +
            `params ${k.params.length} \\(storage buffers ${arrays} of 8, uniform \\d+ B\\)$`,
        ),
      );
      expect(lineOf(r.stdout, `${at} (cpu):`)).toMatch(
        new RegExp(`: shared ${sum(k.shared)} B of 49152 B, local ${sum(k.local)} B/thread, params ${k.params.length}$`),
      );
    }
    expect(r.stdout).toContain('note: checked at launch, not here: blocks of at most 1024 threads, grids of at most 65535 blocks per dimension');
    expect(r.stdout).toContain('134217728 B (maxStorageBufferBindingSize');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('No errors in 4 kernels from 1 file.');
  });

  it('says registers are unknown for cuda when nvcc is not found', async () => {
    vi.stubEnv('KERNELSCRIPT_NVCC', '/nonexistent/nvcc');
    const [k] = declared(matmulText);
    const r = await cli(['check', MATMUL, '-t', 'cuda'], ROOT);
    expect(r.code).toBe(0);
    expect(lineOf(r.stdout, `${MATMUL}:${k?.line}:${k?.column} kernel 'matmulNaive' (cuda):`)).toMatch(
      new RegExp(
        `: shared 0 B of 49152 B, local 0 B/thread of 523264 B, params 6 \\(${cudaParamBytes(k?.params ?? [])} B of 4096 B\\), ` +
          `registers unknown \\(nvcc not found\\)$`,
      ),
    );
  });

  it('prints exactly what it printed before when --target is not given', async () => {
    const r = await cli(['check', MATMUL], ROOT);
    expect(r).toEqual({ code: 0, stdout: `No errors in ${declared(matmulText).length} kernels from 1 file.\n`, stderr: '' });
  });
});

describe('check --target: warnings', () => {
  // 40 KiB of shared memory, split at random between two arrays: over the 32 KiB most WebGPU
  // adapters give, within CUDA's 48 KiB (83%: no warning); a local array near Tint's 64 KiB.
  const rng = new Rng();
  const first = rng.int(1, 10240);
  const localLength = rng.int(Math.ceil((0.9 * 65536) / 4), 16385);
  const planted = `import { kernel, threadIdx, sharedArray, localArray, syncthreads, type i32 } from 'kernelscript';

export const planted = kernel(function planted(x: Float32Array, y: Int32Array, n: i32) {
  const a = sharedArray(Float32Array, ${first});
  const b = sharedArray(Int32Array, ${10240 - first});
  const l = localArray(Float32Array, ${localLength});
  const t = threadIdx.x;
  a[t % ${first}] = x[t];
  b[t % ${10240 - first}] = y[t];
  l[t % ${localLength}] = x[t];
  syncthreads();
  if (t < n) {
    x[t] = a[(t + 1) % ${first}] + l[n % ${localLength}];
    y[t] = b[(t + 1) % ${10240 - first}];
  }
});
`;

  it(`reports the planted kernel's 40 KiB on webgpu at the array that crosses 32 KiB (seed ${rng.seed})`, async () => {
    const [k] = declared(planted);
    const shared = sum(k?.shared ?? []);
    expect(shared).toBe(40 * 1024);
    const [a, b] = k?.shared ?? [];
    // The array whose running total first exceeds the limit: `a` alone, or `a` and `b`.
    const over = (a?.bytes ?? 0) > 32768 ? a : b;
    const [l] = k?.local ?? [];
    const { dir, file } = scratchFile('planted.ts', planted);
    const r = await cli(['check', file, '--target', 'webgpu,cpu'], dir);
    expect(r.code).toBe(0);
    expect(lineOf(r.stdout, `${file}:${k?.line}:${k?.column} kernel 'planted' (webgpu):`)).toContain(
      `: shared ${shared} B of 32768 B, local ${l?.bytes} B/thread (65536 B per array), params 3 (storage buffers 2 of 8,`,
    );
    expect(r.stderr).toContain(
      `${file}:${over?.line}:${over?.column} - warning KS9001: webgpu: ${shared} bytes per block in shared arrays, ` +
        `${Math.floor((100 * shared) / 32768)}% of the 32768 bytes that most WebGPU adapters give a workgroup`,
    );
    expect(r.stderr).toContain(
      `${file}:${l?.line}:${l?.column} - warning KS9002: webgpu: ${l?.bytes} bytes per thread in local array 'l', ` +
        `${Math.floor((100 * (l?.bytes ?? 0)) / 65536)}% of the 65536 bytes that Tint allows one variable`,
    );
    // 40960 of the cpu device's 49152 bytes is 83%: no warning for it.
    expect(r.stderr).not.toContain('cpu:');
    expect(r.stderr).toContain('Found 2 warnings.');
    // -q keeps the warnings and drops the lines.
    const q = await cli(['check', file, '-q', '-t', 'webgpu'], dir);
    expect(q).toMatchObject({ code: 0, stdout: '' });
    expect(q.stderr).toContain('warning KS9001');
  });

  it('warns about more array parameters than WebGPU guarantees storage buffers, at the ninth', async () => {
    const names = Array.from({ length: 9 + rng.int(0, 3) }, (_, i) => `p${i}`);
    const text = `import { kernel, threadIdx } from 'kernelscript';

export const many = kernel(function many(${names.map((n) => `${n}: Float32Array`).join(', ')}) {
  const t = threadIdx.x;
  p0[t] = ${names.slice(1).map((n) => `${n}[t]`).join(' + ')};
});
`;
    const { dir, file } = scratchFile('many.ts', text);
    const ninth = position(text, text.indexOf('p8: Float32Array'));
    const r = await cli(['check', file, '-t', 'wgsl'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`(storage buffers ${names.length} of 8,`);
    expect(r.stderr).toContain(`${file}:${ninth.line}:${ninth.column} - warning KS9003: webgpu: ${names.length} array parameters need`);
  });
  it('warns when cuda parameters take 90% of the 4096 bytes a launch can pass', async () => {
    vi.stubEnv('KERNELSCRIPT_NVCC', '/nonexistent/nvcc');
    const types = ['Float32Array'];
    const kinds = ['Float32Array', 'i32', 'bool'];
    const params = (): Declared['params'] => types.map((type) => ({ array: type.endsWith('Array'), type }));
    while (cudaParamBytes(params()) < 0.9 * 4096) types.push(kinds[rng.int(0, kinds.length)] ?? 'i32');
    const text = `import { kernel, threadIdx, type i32 } from 'kernelscript';

export const wide = kernel(function wide(${types.map((t, i) => `p${i}: ${t}`).join(', ')}) {
  p0[threadIdx.x] = 1;
});
`;
    const { dir, file } = scratchFile('wide.ts', text);
    const bytes = cudaParamBytes(params());
    const [k] = declared(text);
    const r = await cli(['check', file, '-t', 'cuda'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`params ${types.length} (${bytes} B of 4096 B)`);
    expect(r.stderr).toContain(
      `${file}:${k?.line}:${k?.column} - warning KS9004: cuda: ${bytes} bytes of parameters, ${Math.floor((100 * bytes) / 4096)}% of the 4096 bytes`,
    );
  });
});

describe.skipIf(!hasNvcc)('check --target cuda: ptxas figures (skipped: nvcc not found)', () => {
  it('gives the registers and stack ptxas reports for each sample kernel', async () => {
    const kernels = declared(matmulText);
    const outputs = compileAll(matmulText, { targets: ['cuda'], fileName: join(ROOT, MATMUL) });
    const r = await cli(['check', MATMUL, '--target', 'cuda'], ROOT);
    expect(r.code).toBe(0);
    // The pipelined kernel's 8×8 register tile needs more than 64 registers, so 1024-thread
    // blocks are ruled out (it launches 256); no other warning.
    const pipelined = kernels.find((k) => k.name === 'matmulPipelined');
    expect(r.stderr).toContain(`${MATMUL}:${pipelined?.line}:${pipelined?.column} - warning KS9007: cuda:`);
    expect(r.stderr).toContain('Found 1 warning.');
    for (const k of kernels) {
      const cu = outputs[k.name]?.cuda?.code ?? '';
      const p = await ptxas(cu);
      expect(lineOf(r.stdout, `${MATMUL}:${k.line}:${k.column} kernel '${k.name}' (cuda):`)).toContain(
        `: shared ${sum(k.shared)} B of 49152 B, local ${sum(k.local)} B/thread of 523264 B, ` +
          `params ${k.params.length} (${cudaParamBytes(k.params)} B of 4096 B), ` +
          `registers ${p.registers} of 255 (sm_90), stack ${p.stack} B, ${spills(p)}`,
      );
    }
  });

  it('warns where registers run out and spill, with the numbers ptxas gives', async () => {
    // 300 values live across a loop: more than 255 registers hold.
    const n = 300;
    const text = `import { kernel, threadIdx, blockIdx, type f32, type i32 } from 'kernelscript';

export const pressure = kernel(function pressure(x: Float32Array, y: Float32Array, n: i32) {
  const t = blockIdx.x * 256 + threadIdx.x;
  if (t >= n) return;
${Array.from({ length: n }, (_, i) => `  const v${i} = x[t * ${n} + ${i}];`).join('\n')}
  let s: f32 = 0;
  for (let r = 0; r < n; r++) {
${Array.from({ length: n }, (_, i) => `    s = s * 0.5 + (v${i} + s) * v${(i * 7 + 3) % n};`).join('\n')}
  }
  y[t] = s;
});
`;
    const { dir, file } = scratchFile('pressure.ts', text);
    const p = await ptxas(compileAll(text, { targets: ['cuda'], fileName: join(dir, file) }).pressure?.cuda?.code ?? '');
    expect(p.stores + p.loads).toBeGreaterThan(0);
    const [k] = declared(text);
    const at = `${file}:${k?.line}:${k?.column}`;
    const r = await cli(['check', file, '--target', 'cuda'], dir);
    expect(r.code).toBe(0);
    expect(lineOf(r.stdout, `${at} kernel 'pressure' (cuda):`)).toContain(
      `registers ${p.registers} of 255 (sm_90), stack ${p.stack} B, ${spills(p)}, ` +
        `at most ${threadsFor(p.registers)} threads/block`,
    );
    expect(r.stderr).toContain(
      `${at} - warning KS9005: cuda: ptxas (sm_90) gives this kernel ${p.registers} registers per thread, ${Math.floor((100 * p.registers) / 255)}%`,
    );
    expect(r.stderr).toContain(
      `${at} - warning KS9006: cuda: ptxas (sm_90) spills registers to local memory: ${p.stores} bytes stored and ${p.loads} bytes loaded per thread`,
    );
    expect(r.stderr).toContain(`${at} - warning KS9007: cuda: ${p.registers} registers per thread (sm_90) leave room for at most ${threadsFor(p.registers)} threads per block`);
    expect(r.stderr).toContain('Found 3 warnings.');
  });
});

describe('check --target: arguments', () => {
  it('takes backend names for targets, and reports only when --target is given', () => {
    expect(parseCommand(['check', 'k.ts', '-t', 'webgpu', '--target', 'cpu,cuda'])).toMatchObject({
      targets: ['wgsl', 'js', 'cuda'],
      resources: true,
      arch: 'sm_90',
    });
    expect(parseCommand(['check', 'k.ts', '-t', 'wgsl', '--arch', 'sm_80'])).toMatchObject({ targets: ['wgsl'], resources: true, arch: 'sm_80' });
    expect(parseCommand(['check', 'k.ts'])).toMatchObject({ targets: ['wgsl', 'cuda', 'js'], resources: false });
    expect(parseCommand(['build', 'k.ts', '-t', 'webgpu'])).toMatchObject({ targets: ['wgsl'], resources: false, arch: 'sm_75' });
    expect(parseCommand(['check', 'k.ts', '-t', 'metal'])).toMatchObject({ kind: 'usage-error', message: "unknown target 'metal' (expected one of: wgsl, cuda, js) or backend (webgpu, cuda, cpu)" });
  });
});
