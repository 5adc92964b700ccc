// CUDA C → cubin/PTX with nvcc, run as a child process (no shell) on temporary files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export type ImageFormat = 'cubin' | 'ptx';

export interface CompileRequest {
  code: string;
  /** Kernel name, for messages. */
  name: string;
  /**
   * Real architecture, e.g. 'sm_90'. PTX is built for the matching virtual one (compute_90);
   * '' builds PTX for the compiler's default virtual architecture.
   */
  arch: string;
  format: ImageFormat;
}

/** A compile that failed: names the kernel, the compiler and its log. */
export class CudaCompileError extends Error {
  override name = 'CudaCompileError';
  constructor(
    readonly kernel: string,
    readonly compiler: string,
    readonly log: string,
  ) {
    super(`${compiler} could not compile kernel '${kernel}':\n${log.trim()}`);
  }
}

const isExecutable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * nvcc's path, the one finder the runtime, the CLI (`build --ptx`) and the tests share:
 * $KERNELSCRIPT_NVCC (a path, or a command name looked up on PATH; when set but not found, null:
 * an explicit choice is not overridden), then PATH, $CUDA_HOME/bin, $CUDA_PATH/bin and
 * /usr/local/cuda/bin. $NVCC, which the CLI and tests once read, is still honoured in its place
 * when KERNELSCRIPT_NVCC is unset.
 */
export function findNvcc(env: NodeJS.ProcessEnv = process.env): string | null {
  const exe = process.platform === 'win32' ? 'nvcc.exe' : 'nvcc';
  const path = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const chosen = env.KERNELSCRIPT_NVCC || env.NVCC;
  if (chosen) {
    if (/[\\/]/.test(chosen)) return isExecutable(chosen) ? chosen : null;
    return path.map((d) => join(d, chosen)).find(isExecutable) ?? null;
  }
  const dirs = [...path];
  for (const root of [env.CUDA_HOME, env.CUDA_PATH, '/usr/local/cuda']) if (root) dirs.push(join(root, 'bin'));
  return dirs.map((d) => join(d, exe)).find(isExecutable) ?? null;
}

const versions = new Map<string, string>();

/** nvcc's release, e.g. 'nvcc 13.0.88' (part of the cache key). */
export function nvccVersion(nvcc: string): string {
  const memo = versions.get(nvcc);
  if (memo) return memo;
  const r = spawnSync(nvcc, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) throw new Error(`cannot run ${nvcc} --version: ${r.error?.message ?? r.stderr}`);
  const m = /V(\d+\.\d+\.\d+)/.exec(r.stdout) ?? /release (\d+\.\d+)/.exec(r.stdout);
  const v = `nvcc ${m?.[1] ?? r.stdout.trim().split('\n').pop() ?? 'unknown'}`;
  versions.set(nvcc, v);
  return v;
}

/** The architectures this nvcc can build real code for, e.g. ['sm_75', …, 'sm_120']. */
export function nvccArchs(nvcc: string): string[] {
  const r = spawnSync(nvcc, ['--list-gpu-code'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) return [];
  return r.stdout.split(/\s+/).filter((s) => /^sm_\d+[a-z]?$/.test(s));
}

export function nvccArgs(req: CompileRequest, input: string, output: string): string[] {
  const virt = req.arch.replace(/^sm_/, 'compute_');
  const arch = req.arch ? [`-arch=${req.format === 'cubin' ? req.arch : virt}`] : [];
  const target = [req.format === 'cubin' ? '-cubin' : '-ptx', ...arch];
  return [...target, '-O3', '-std=c++17', '-o', output, input];
}

/**
 * The source and output paths of one nvcc run inside `dir`. The kernel's name is data (a compiled
 * kernel can come from anywhere), so it never becomes a path: the file is named by a hash of it,
 * after its identifier characters for readable logs.
 */
export function nvccPaths(dir: string, req: Pick<CompileRequest, 'name' | 'format'>): { input: string; output: string } {
  const readable = req.name.replace(/[^A-Za-z0-9_]/g, '').slice(0, 40);
  const stem = `${readable || 'kernel'}-${createHash('sha256').update(req.name).digest('hex').slice(0, 16)}`;
  const ext = req.format === 'cubin' ? 'cubin' : 'ptx';
  return { input: join(dir, `${stem}.cu`), output: join(dir, `${stem}.${ext}`) };
}

export function compileWithNvcc(nvcc: string, req: CompileRequest): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'kernelscript-nvcc-'));
  try {
    const { input, output } = nvccPaths(dir, req);
    writeFileSync(input, req.code);
    const r = spawnSync(nvcc, nvccArgs(req, input, output), { encoding: 'utf8', timeout: 120_000 });
    if (r.error) throw new CudaCompileError(req.name, nvcc, r.error.message);
    if (r.status !== 0) throw new CudaCompileError(req.name, nvcc, `${r.stderr}${r.stdout}`);
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
