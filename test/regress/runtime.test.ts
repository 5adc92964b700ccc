// Regressions from fuzzing the runtime, the no-build path and the build's caches and outputs
// (fuzzer findings). Each test failed before its fix.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { consumerProgram } from '../helpers/consumer-program.js';
import { CompileCache } from '../../compiler/cache/store.js';
import { commentText, typings } from '../../cli/emit.js';
import type { CompiledKernel, Target } from '../../core/output.js';
import type { BaseDevice } from '../../runtime/device.js';
import { CPU_MAX_THREADS_PER_LAUNCH } from '../../runtime/cpu/index.js';
import { compileWithNvcc, findNvcc, nvccPaths } from '../../runtime/cuda/nvcc.js';
import { LaunchError } from '../../runtime/errors.js';
import type { Kernel } from '../../core/kernel.js';
import { parseStackFrame } from '../../core/stack.js';
import type { Device } from '../../runtime/types.js';
import { saxpy as cudaSaxpy } from '../cuda/kernels.js';
import { cli, FIXTURES, ROOT, scratch } from '../cli/run-cli.js';
import { closeDevices, openDevices } from '../helpers/devices.js';
import { saxpy as handSaxpy } from '../runtime/kernels.js';

// The full entry registers the compiler, as an app's `import ... from 'kernelscript'` does.
await import('../../index.js');
const slots = await openDevices();
const dirs: string[] = [];
const tmp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  closeDevices(slots);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const targetOf = (d: Device): Target => (d as BaseDevice).target;
const saxpyFor = (t: Target): CompiledKernel => (t === 'cuda' ? cudaSaxpy : handSaxpy(t));
const caught = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
};

describe('10: stack frames with spaces, parentheses, URLs and drive letters', () => {
  const cases: [string, string, number, number][] = [
    ['    at fn (/tmp/a b (c)/run.ts:2:21)', '/tmp/a b (c)/run.ts', 2, 21],
    ['    at /tmp/a b (c)/run.ts:3:4', '/tmp/a b (c)/run.ts', 3, 4],
    ['    at <anonymous> (/tmp/my app (v2) x/plain/run.ts:2:13)', '/tmp/my app (v2) x/plain/run.ts', 2, 13],
    ['    at async Foo.bar [as baz] (/x (1)/y.ts:10:5)', '/x (1)/y.ts', 10, 5],
    ['    at new Thing (file:///tmp/my%20app%20(v2)/k%23.ts:7:8)', '/tmp/my app (v2)/k#.ts', 7, 8],
    ['    at file:///tmp/a%20b%20(c)/run.mjs:2:13', '/tmp/a b (c)/run.mjs', 2, 13],
    ['    at fn (C:\\Users\\me\\my app (x86)\\run.ts:5:6)', 'C:\\Users\\me\\my app (x86)\\run.ts', 5, 6],
    ['    at C:\\a b\\run.ts:5:6', 'C:\\a b\\run.ts', 5, 6],
    ['    at fn (file:///C:/Program%20Files%20(x86)/app/run.ts:1:2)', 'C:\\Program Files (x86)\\app\\run.ts', 1, 2],
    ['    at fn (file://server/share/a%20b/run.ts:1:2)', '\\\\server\\share\\a b\\run.ts', 1, 2],
  ];
  for (const [frame, file, line, column] of cases) {
    it(frame.trim(), () => expect(parseStackFrame(frame)).toEqual({ file, line, column }));
  }

  it('has no file for native, internal, eval and message lines', () => {
    for (const frame of [
      'Error: boom',
      '    at Array.map (<anonymous>)',
      '    at async Promise.all (index 0)',
      '    at node:internal/modules/esm/module_job:325:25',
      '    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
      '    at [eval]:1:13',
      '    at eval (eval at f (file:///tmp/a.ts:1:2), <anonymous>:3:4)',
    ]) {
      expect(parseStackFrame(frame), frame).toBeNull();
    }
  });

  // A scratch app in a folder whose name has spaces and parentheses, importing 'kernelscript'
  // through tsconfig paths (what an installed package gives an app).
  const app = join(tmp('ks regress ('), 'my app (v2) x');
  mkdirSync(join(app, 'plain'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', paths: { kernelscript: [join(ROOT, 'index.ts')] } } }),
  );
  writeFileSync(
    join(app, 'plain/kernels.ts'),
    `import { kernel, blockDim, blockIdx, threadIdx, type i32 } from 'kernelscript';
export const fill = kernel(function fill(out: Float32Array, n: i32) {
  const i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = i * 2;
});
`,
  );
  writeFileSync(
    join(app, 'plain/run.ts'),
    `import { createDevice } from 'kernelscript';
import { fill } from './kernels.js';
const gpu = await createDevice({ backend: 'cpu' });
const out = gpu.alloc(Float32Array, 8);
gpu.launch(fill, { grid: 1, block: 8 }, out, 8);
console.log(JSON.stringify({ site: fill.site, out: Array.from(await out.read()) }));
gpu.dispose();
`,
  );
  const want = Array.from({ length: 8 }, (_, i) => i * 2);

  it('runs the no-build path under tsx from that folder', () => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const r = spawnSync(process.execPath, ['--import', tsx, 'plain/run.ts'], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout) as { site: { file: string; line: number }; out: number[] };
    expect(got.site).toMatchObject({ file: join(app, 'plain/kernels.ts'), line: 2 });
    expect(got.out).toEqual(want);
  });

  for (const { backend, device, reason } of slots) {
    it.skipIf(!device)(`runs the no-build path under vitest from that folder (${backend}${device ? '' : `: ${reason}`})`, async () => {
      const gpu = device as Device;
      const { fill } = (await import(join(app, 'plain/kernels.ts'))) as { fill: Kernel };
      expect(fill.site?.file).toBe(join(app, 'plain/kernels.ts'));
      const out = gpu.alloc(Float32Array, 8);
      gpu.launch(fill, { grid: 1, block: 8 }, out, 8);
      expect(Array.from(await out.read())).toEqual(want);
      out.dispose();
    });
  }
});

describe('13: devices agree and refuse what they cannot run', () => {
  for (const { backend, device, reason } of slots) {
    describe.skipIf(!device)(`${backend}${device ? '' : ` (skipped: ${reason})`}`, () => {
      const gpu = device as Device;
      const K = device ? saxpyFor(targetOf(gpu)) : handSaxpy('js');
      const n = 16;
      const x = Float32Array.from({ length: n }, (_, i) => i + 1);

      it('(a) runs each kernel’s own code, even when two share a hash', async () => {
        const minus = { ...K, code: K.code.replace('+ y[i]', '- y[i]') };
        expect(minus.code).not.toBe(K.code);
        const dx = gpu.array(x);
        const dy = gpu.array(new Float32Array(n).fill(1));
        gpu.launch(K, { grid: 1, block: n }, 2, dx, dy, n); // y = 2x + 1
        gpu.launch(minus, { grid: 1, block: n }, 1, dx, dy, n); // y = x - y = -x - 1
        expect(Array.from(await dy.read())).toEqual(Array.from(x, (v) => -v - 1));
        dx.dispose();
        dy.dispose();
      });

      it('(b) refuses a finite f32 beyond the f32 range, naming the argument; passes NaN and ±Infinity', async () => {
        const dx = gpu.array(x);
        const dy = gpu.alloc(Float32Array, n);
        for (const a of [1e39, -3.5e38, Number.MAX_VALUE]) {
          const e = caught(() => gpu.launch(K, { grid: 1, block: n }, a, dx, dy, n));
          expect(e).toBeInstanceOf(LaunchError);
          expect((e as Error).message).toMatch(/kernel 'saxpy', parameter 'a' \(argument 1\): expected a number in the f32 range/);
        }
        gpu.launch(K, { grid: 1, block: n }, 3.4028234663852886e38, dx, dy, n); // FLT_MAX itself fits
        gpu.launch(K, { grid: 1, block: n }, NaN, dx, dy, n);
        gpu.launch(K, { grid: 1, block: n }, -Infinity, dx, dy, n);
        await gpu.synchronize();
        if (backend === 'cpu') expect(Array.from(await dy.read())).toEqual(Array.from(x, () => NaN));
        dx.dispose();
        dy.dispose();
      });

      it('(c) refuses one array as a read and a written parameter, with the same message everywhere', () => {
        const dx = gpu.alloc(Float32Array, n);
        const e = caught(() => gpu.launch(K, { grid: 1, block: n }, 1, dx, dx, n));
        expect(e).toBeInstanceOf(LaunchError);
        expect((e as Error).message).toBe(
          "kernel 'saxpy': the same array is passed as 'x' and 'y', and the kernel writes one of them; " +
            'an array the kernel writes may not also be passed for another parameter',
        );
        dx.dispose();
      });

      it('(d) has the portable block limits (z at most 64)', () => {
        expect(gpu.limits.maxBlockDim[2]).toBe(64);
        expect(gpu.limits.maxBlockDim[0]).toBeLessThanOrEqual(1024);
        expect(gpu.limits.maxThreadsPerBlock).toBeLessThanOrEqual(1024);
        expect(gpu.limits.maxGridDim[0]).toBeLessThanOrEqual(2 ** 31 - 1);
        const dx = gpu.alloc(Float32Array, n);
        const dy = gpu.alloc(Float32Array, n);
        expect(() => gpu.launch(K, { grid: 1, block: [1, 1, 128] }, 1, dx, dy, n)).toThrow(
          "kernel 'saxpy': block.z = 128 exceeds this device's limit of 64",
        );
        dx.dispose();
        dy.dispose();
      });

      it('(e) refuses a 2-D grid wider than the per-dimension limit (1-D grids may be wider)', () => {
        const dx = gpu.alloc(Float32Array, n);
        const dy = gpu.alloc(Float32Array, n);
        const wide = gpu.limits.maxGridDim[1] + 1;
        const e = caught(() => gpu.launch(K, { grid: [wide, 2], block: 1 }, 1, dx, dy, n));
        expect(e).toBeInstanceOf(LaunchError);
        expect((e as Error).message).toBe(
          `kernel 'saxpy': grid.x = ${wide} exceeds this device's ${wide - 1} blocks per dimension; only 1-D grids may be larger`,
        );
        dx.dispose();
        dy.dispose();
      });

      it('(g) rejects a read() of an array disposed before the read completed', async () => {
        const a = gpu.array(x);
        const pending = a.read();
        a.dispose();
        await expect(pending).rejects.toThrow(/the device array Float32Array\(16\) was disposed before read\(\) completed/);
        await expect(a.read()).rejects.toThrow(/cannot read a disposed device array Float32Array\(16\)/);
      });

      it('(h) refuses a kernel compiled for another target with a LaunchError', () => {
        const other = saxpyFor(targetOf(gpu) === 'js' ? 'wgsl' : 'js');
        const dx = gpu.alloc(Float32Array, n);
        const dy = gpu.alloc(Float32Array, n);
        const e = caught(() => gpu.launch(other, { grid: 1, block: n }, 1, dx, dy, n));
        expect(e).toBeInstanceOf(LaunchError);
        expect((e as Error).message).toMatch(/kernel 'saxpy' was compiled for \w+, but this device runs \w+/);
        dx.dispose();
        dy.dispose();
      });
    });
  }

  const cpu = slots.find((s) => s.backend === 'cpu')?.device as Device;

  it('(c) still lets one array be passed for two parameters the kernel only reads (cpu)', () => {
    const k = handSaxpy('js');
    const readOnly = { ...k, params: k.params.map((p) => (p.name === 'y' && p.kind === 'array' ? { ...p, access: 'read' as const } : p)) };
    const dx = cpu.alloc(Float32Array, 4);
    expect(() => cpu.launch(readOnly, { grid: 1, block: 4 }, 1, dx, dx, 4)).not.toThrow();
    dx.dispose();
  });

  it('(d) the cpu limits are CUDA’s and WebGPU’s defaults', () => {
    expect(cpu.limits).toMatchObject({ maxThreadsPerBlock: 1024, maxBlockDim: [1024, 1024, 64], maxGridDim: [2 ** 31 - 1, 65535, 65535] });
  });

  it('(f) refuses a launch the cpu cannot finish, at once, and stays usable', async () => {
    const k = handSaxpy('js');
    const dx = cpu.array(new Float32Array(4).fill(1));
    const dy = cpu.alloc(Float32Array, 4);
    const t0 = performance.now();
    const e = caught(() => cpu.launch(k, { grid: 2 ** 31 - 1, block: 1 }, 1, dx, dy, 4));
    expect(e).toBeInstanceOf(LaunchError);
    expect((e as Error).message).toBe(
      `kernel 'saxpy': grid [2147483647, 1, 1] × block [1, 1, 1] is 2147483647 threads; the cpu device runs at most 2^30 ` +
        `(${CPU_MAX_THREADS_PER_LAUNCH}) per launch (use a GPU backend, or a grid-stride loop)`,
    );
    expect(() => cpu.launch(k, { grid: [65535, 65535], block: 1 }, 1, dx, dy, 4)).toThrow(LaunchError);
    expect(performance.now() - t0).toBeLessThan(1000);
    cpu.launch(k, { grid: 1, block: 4 }, 2, dx, dy, 4);
    expect(Array.from(await dy.read())).toEqual([2, 2, 2, 2]);
    dx.dispose();
    dy.dispose();
  });
});

describe('14: caches and paths', () => {
  it('names nvcc’s temporary files by a hash of the kernel name, never by the name', () => {
    const dir = join(tmpdir(), 'kernelscript-nvcc-x');
    const names = ['saxpy', '../../../etc/evil', '/abs/olute', 'a/b', 'ab', 'C:\\x', '..', '', 'ünï cödé', 'x'.repeat(300)];
    const seen = new Set<string>();
    for (const name of names) {
      for (const format of ['cubin', 'ptx'] as const) {
        const { input, output } = nvccPaths(dir, { name, format });
        expect(dirname(input), name).toBe(dir);
        expect(dirname(output), name).toBe(dir);
        expect(input).toMatch(/\/[A-Za-z0-9_]*-?[0-9a-f]{16}\.cu$/);
        expect(output.endsWith(`.${format}`)).toBe(true);
        expect(input.length - dir.length).toBeLessThan(80);
        seen.add(output);
      }
    }
    expect(seen.size).toBe(names.length * 2); // distinct names never share a file
    expect(nvccPaths(dir, { name: 'saxpy', format: 'ptx' }).input).toMatch(/\/saxpy-[0-9a-f]{16}\.cu$/);
  });

  const nvcc = findNvcc();
  it.skipIf(!nvcc)(`compiles a kernel with a crafted name inside its temporary folder${nvcc ? '' : ' (skipped: nvcc not found)'}`, () => {
    // One level up from nvcc's temporary folder is tmpdir(): where the old code wrote this file.
    const escaped = `ks-escaped-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const outside = [join(tmpdir(), `${escaped}.cu`), join(tmpdir(), `${escaped}.ptx`)];
    try {
      const ptx = compileWithNvcc(nvcc as string, { code: cudaSaxpy.code, name: `../${escaped}`, arch: '', format: 'ptx' });
      expect(ptx.toString()).toMatch(/\.entry saxpy\(/);
      for (const f of outside) expect(existsSync(f), f).toBe(false);
    } finally {
      for (const f of outside) rmSync(f, { force: true });
    }
  });

  it('treats an altered compile-cache entry (still valid JSON) as a miss', () => {
    const dir = tmp('ks-cache-');
    const c = new CompileCache<{ code: string }>({ dir, version: 'v1' });
    const key = c.key('/p/k.ts', 'text', ['js']);
    c.set(key, { code: 'return 1;' }, []);
    const file = join(dir, key.slice(0, 2), `${key}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('return 1;', 'return 2;'));
    const fresh = new CompileCache<{ code: string }>({ dir, version: 'v1' });
    expect(fresh.get(key)).toBeUndefined();
    expect(fresh.stats.misses).toBe(1);
  });

  it('rebuilds from source when a cached entry was altered, instead of writing it out', async () => {
    const d = scratch('app');
    dirs.push(d);
    const args = ['build', 'app/kernels.ts', '-o', 'out', '-t', 'js', '--cache-dir', 'cache'];
    expect((await cli(args, d)).code).toBe(0);
    const good = readFileSync(join(d, 'out/axpy.js'), 'utf8');
    // Alter the cached js of axpy without breaking the JSON.
    const shards = readdirSync(join(d, 'cache')).map((s) => join(d, 'cache', s));
    const entries = shards.flatMap((s) => readdirSync(s).map((f) => join(s, f)));
    let altered = 0;
    for (const f of entries) {
      const text = readFileSync(f, 'utf8');
      const bad = text.replace(/(function axpy[^"]*?)\+/, '$1-');
      if (bad !== text) {
        writeFileSync(f, bad);
        altered++;
      }
    }
    expect(altered).toBe(1);
    const r = await cli(args, d);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(', 0 of 1 file from cache.');
    expect(readFileSync(join(d, 'out/axpy.js'), 'utf8')).toBe(good);
  });

  it('escapes a path holding */ in the index.d.ts comments, which then typecheck', async () => {
    expect(commentText('x*/kernels.ts')).toBe('x*\\/kernels.ts');
    // A real build from a folder named `x*`: the comment names `x*/kernels.ts`.
    const d = tmp('ks-dts-');
    const src = join(d, 'x*');
    mkdirSync(src);
    for (const f of ['kernels.ts', 'helpers.ts']) writeFileSync(join(src, f), readFileSync(join(FIXTURES, 'app', f), 'utf8'));
    const r = await cli(['build', 'kernels.ts', '-o', 'out', '--no-cache'], src);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dts = readFileSync(join(src, 'out/index.d.ts'), 'utf8');
    expect(dts).toContain("/** Kernel 'axpy' from x*\\/kernels.ts. */");
    writeFileSync(
      join(src, 'use.ts'),
      `import { axpy, square } from './out/index.js';\nimport type { Kernel } from 'kernelscript/runtime';\nexport const all: Kernel[] = [axpy, square];\n`,
    );
    const program = consumerProgram(join(src, 'use.ts'), ROOT);
    const diags = ts.getPreEmitDiagnostics(program).map((x) => ts.flattenDiagnosticMessageText(x.messageText, '\n'));
    expect(diags).toEqual([]);
    // The pure function too, for a path that ends a comment in its last two parts.
    const k: CompiledKernel = { ...handSaxpy('js') };
    const text = typings([{ name: 'saxpy', file: '/p/a*/b.ts', line: 1, column: 1, outputs: { js: k } }], ['js']);
    const sf = ts.createSourceFile('index.d.ts', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    expect((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    expect(sf.statements.map((s) => (ts.isImportDeclaration(s) ? 'import' : ts.isVariableStatement(s) ? 'const' : 'other'))).toEqual([
      'import',
      'const',
    ]);
  });
});
