// Picks a CUDA compiler and builds images through the cache. NVRTC is preferred (in process, no
// per-kernel process start); nvcc is used when NVRTC is absent, when it rejects a source, or when
// KERNELSCRIPT_CUDA_COMPILER=nvcc asks for it.
import { ImageCache, sourceHash } from './cache.js';
import { compileWithNvcc, findNvcc, nvccVersion, type CompileRequest } from './nvcc.js';
import { compileWithNvrtc, loadNvrtc } from './nvrtc.js';

export interface Toolchain {
  /** 'nvrtc 13.0' / 'nvcc 13.0.88': part of every cache key. */
  version: string;
  compile(req: CompileRequest): Buffer;
}

export interface ToolchainReport {
  nvrtc: string;
  nvcc: string;
}

/** The usable compilers, in order of preference, and a line on each for diagnostics. */
export function findToolchains(env: NodeJS.ProcessEnv = process.env): { chains: Toolchain[]; report: ToolchainReport } {
  const want = env.KERNELSCRIPT_CUDA_COMPILER;
  const chains: Toolchain[] = [];
  const report: ToolchainReport = { nvrtc: 'not looked for', nvcc: 'not looked for' };
  if (want !== 'nvcc') {
    const nv = loadNvrtc();
    if (nv instanceof Error) report.nvrtc = nv.message;
    else {
      report.nvrtc = `${nv.version} (${nv.path})`;
      chains.push({ version: nv.version, compile: (req) => compileWithNvrtc(nv, req) });
    }
  }
  if (want !== 'nvrtc') {
    const nvcc = findNvcc(env);
    if (!nvcc) report.nvcc = 'nvcc not found (PATH, $CUDA_HOME/bin, /usr/local/cuda/bin)';
    else {
      try {
        const version = nvccVersion(nvcc);
        report.nvcc = `${version} (${nvcc})`;
        chains.push({ version, compile: (req) => compileWithNvcc(nvcc, req) });
      } catch (e) {
        report.nvcc = (e as Error).message;
      }
    }
  }
  return { chains, report };
}

/** Builds images with the first compiler that succeeds, reading and filling the cache. */
export class CudaCompiler {
  constructor(
    readonly chains: readonly Toolchain[],
    readonly cache: ImageCache | null = new ImageCache(),
  ) {
    if (chains.length === 0) throw new Error('no CUDA compiler (neither NVRTC nor nvcc was found)');
  }

  build(req: CompileRequest): Buffer {
    const hash = sourceHash(req.code);
    let firstError: unknown = null;
    for (const chain of this.chains) {
      const parts = { sourceHash: hash, arch: req.arch, format: req.format, toolchain: chain.version };
      const hit = this.cache?.get(parts);
      if (hit) return hit;
      try {
        const image = chain.compile(req);
        this.cache?.put(parts, image);
        return image;
      } catch (e) {
        firstError ??= e;
      }
    }
    throw firstError;
  }
}
