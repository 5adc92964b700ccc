// CUDA C → cubin/PTX in process with NVRTC (libnvrtc through koffi): no ~400 ms nvcc process per
// kernel. Loaded lazily; a machine without libnvrtc simply uses nvcc.
import koffi from 'koffi';
import { join } from 'node:path';
import { CudaCompileError, type CompileRequest } from './nvcc.js';

type Fn = (...args: unknown[]) => number;

interface Nvrtc {
  version: string;
  path: string;
  fns: Record<(typeof NAMES)[number], Fn>;
  errorString: (code: number) => string;
}

const NAMES = [
  'nvrtcCreateProgram',
  'nvrtcCompileProgram',
  'nvrtcGetPTXSize',
  'nvrtcGetPTX',
  'nvrtcGetCUBINSize',
  'nvrtcGetCUBIN',
  'nvrtcGetProgramLogSize',
  'nvrtcGetProgramLog',
  'nvrtcDestroyProgram',
] as const;

const PROTOS: Record<(typeof NAMES)[number], string> = {
  nvrtcCreateProgram:
    'int nvrtcCreateProgram(void *prog, const char *src, const char *name, int numHeaders, void *headers, void *includeNames)',
  nvrtcCompileProgram: 'int nvrtcCompileProgram(void *prog, int numOptions, const char **options)',
  nvrtcGetPTXSize: 'int nvrtcGetPTXSize(void *prog, void *size)',
  nvrtcGetPTX: 'int nvrtcGetPTX(void *prog, void *out)',
  nvrtcGetCUBINSize: 'int nvrtcGetCUBINSize(void *prog, void *size)',
  nvrtcGetCUBIN: 'int nvrtcGetCUBIN(void *prog, void *out)',
  nvrtcGetProgramLogSize: 'int nvrtcGetProgramLogSize(void *prog, void *size)',
  nvrtcGetProgramLog: 'int nvrtcGetProgramLog(void *prog, void *out)',
  nvrtcDestroyProgram: 'int nvrtcDestroyProgram(void *prog)',
};

/** Where libnvrtc may be: $KERNELSCRIPT_NVRTC, the toolkit's lib64, then the loader's search path. */
export function nvrtcCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.KERNELSCRIPT_NVRTC) return [env.KERNELSCRIPT_NVRTC];
  const names = ['libnvrtc.so.13', 'libnvrtc.so.12', 'libnvrtc.so'];
  const roots = [env.CUDA_HOME, env.CUDA_PATH, '/usr/local/cuda'].filter((r): r is string => !!r);
  return [...roots.flatMap((r) => names.map((n) => join(r, 'lib64', n))), ...names];
}

let memo: Nvrtc | Error | null = null;

/** The loaded NVRTC, or an Error saying why there is none. */
export function loadNvrtc(): Nvrtc | Error {
  if (memo) return memo;
  const tried = nvrtcCandidates();
  for (const path of tried) {
    let lib;
    try {
      lib = koffi.load(path);
    } catch {
      continue;
    }
    try {
      const fns = {} as Record<(typeof NAMES)[number], Fn>;
      for (const n of NAMES) fns[n] = lib.func(PROTOS[n]) as Fn;
      const versionFn = lib.func('int nvrtcVersion(_Out_ int *major, _Out_ int *minor)') as Fn;
      const errFn = lib.func('const char *nvrtcGetErrorString(int result)') as (c: number) => string;
      const major = [0];
      const minor = [0];
      versionFn(major, minor);
      memo = { version: `nvrtc ${major[0]}.${minor[0]}`, path, fns, errorString: (c) => errFn(c) ?? `NVRTC error ${c}` };
      return memo;
    } catch (e) {
      memo = new Error(`${path} is not a usable NVRTC: ${(e as Error).message}`);
      return memo;
    }
  }
  memo = new Error(`no NVRTC library (${tried.join(', ')} not found)`);
  return memo;
}

export function compileWithNvrtc(nv: Nvrtc, req: CompileRequest): Buffer {
  const { fns } = nv;
  const check = (call: string, code: number): void => {
    if (code !== 0) throw new CudaCompileError(req.name, nv.version, `${call}: ${nv.errorString(code)}`);
  };
  const prog = new BigUint64Array(1);
  check('nvrtcCreateProgram', fns.nvrtcCreateProgram(prog, req.code, `${req.name}.cu`, 0, null, null));
  const handle = prog[0] ?? 0n;
  try {
    const arch = req.format === 'cubin' ? req.arch : req.arch.replace(/^sm_/, 'compute_');
    const options = [...(arch ? [`--gpu-architecture=${arch}`] : []), '-std=c++17'];
    const code = fns.nvrtcCompileProgram(handle, options.length, options);
    if (code !== 0) {
      const size = new BigUint64Array(1);
      fns.nvrtcGetProgramLogSize(handle, size);
      const log = Buffer.alloc(Number(size[0] ?? 0n) + 1);
      fns.nvrtcGetProgramLog(handle, log);
      throw new CudaCompileError(req.name, nv.version, `${nv.errorString(code)}\n${log.toString('utf8').replace(/\0+$/, '')}`);
    }
    const [sizeFn, getFn] =
      req.format === 'cubin' ? (['nvrtcGetCUBINSize', 'nvrtcGetCUBIN'] as const) : (['nvrtcGetPTXSize', 'nvrtcGetPTX'] as const);
    const size = new BigUint64Array(1);
    check(sizeFn, fns[sizeFn](handle, size));
    const out = Buffer.alloc(Number(size[0] ?? 0n));
    check(getFn, fns[getFn](handle, out));
    // PTX comes NUL-terminated; keep the text only.
    return req.format === 'ptx' ? out.subarray(0, out.indexOf(0) < 0 ? out.length : out.indexOf(0)) : out;
  } finally {
    fns.nvrtcDestroyProgram(prog);
  }
}
