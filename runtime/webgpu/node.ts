// Dawn for Node (the `webgpu` package), reached only where there is no navigator.gpu. Every import
// here is a computed bare specifier: bundlers leave it alone (browser bundles never hold Dawn, and
// Node bundles need no `external`), and nothing is looked up beside this file, which in a bundle
// is the bundle itself.
import { quietNative } from './quiet.js';

interface DawnPackage {
  create(flags: string[]): GPU;
  globals: object;
}

const DAWN = 'webgpu';
/**
 * Dawn's toggles for every adapter: on NVIDIA's Vulkan driver Dawn hides shader-f16 unless asked
 * (vulkan_enable_f16_on_nvidia; elsewhere it changes nothing); Dawn offers its experimental features,
 * subgroup matrices among them (matrix operations, runtime/matrix.ts), only with allow_unsafe_apis
 * (a device still gets only the features it requests); and Dawn rounds timestamps to 65.5 µs unless
 * timestamp_quantization is off, which would make `gpu.time()` useless for short kernels.
 */
const DAWN_FLAGS = ['enable-dawn-features=allow_unsafe_apis,vulkan_enable_f16_on_nvidia', 'disable-dawn-features=timestamp_quantization'];
/**
 * More Dawn toggles to enable, comma-separated, for measuring what one costs (for example
 * `disable_robustness`, which drops the index clamps Dawn adds to every array access): a diagnostic,
 * never needed to run.
 */
export const DAWN_TOGGLES_ENV = 'KERNELSCRIPT_DAWN_TOGGLES';

function dawnFlags(): string[] {
  const extra = (process.env[DAWN_TOGGLES_ENV] ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  if (extra.length === 0) return DAWN_FLAGS;
  // Said once: results measured under such toggles are not the defaults'.
  console.warn(`kernelscript: ${DAWN_TOGGLES_ENV} enables Dawn toggles ${extra.join(', ')} (a diagnostic)`);
  const [enable, ...rest] = DAWN_FLAGS;
  return [`${enable},${extra.join(',')}`, ...rest];
}
const MODULE = 'node:module';
const URL_MODULE = 'node:url';

// Held for the life of the process: Dawn tears its instance down when the last reference to it is
// collected, and a device still working then brings the process down (SIGSEGV or SIGABRT).
let instance: Promise<GPU> | null = null;

/** Dawn's GPU object, created once per process. */
export function nodeGpu(): Promise<GPU> {
  instance ??= startDawn().catch((e: unknown) => {
    instance = null;
    throw e;
  });
  return instance;
}

async function startDawn(): Promise<GPU> {
  let dawn: DawnPackage;
  try {
    dawn = (await importPackage(DAWN)) as DawnPackage;
  } catch (e) {
    throw new Error(`the 'webgpu' package (Dawn for Node) failed to load (install it beside the app: npm install webgpu): ${(e as Error).message}`, { cause: e });
  }
  // Dawn's binding expects the WebGPU constants (GPUBufferUsage, …) as globals.
  Object.assign(globalThis, dawn.globals);
  return dawn.create(dawnFlags());
}

/** Requests an adapter with Dawn's informational notices kept off stderr (see quiet.ts). */
export async function nodeAdapter(options: GPURequestAdapterOptions): Promise<GPUAdapter | null> {
  const gpu = await nodeGpu();
  return quietNative(() => gpu.requestAdapter(options), importPackage);
}

/**
 * Imports a package as Node would from this module (for a bundle: its own node_modules chain),
 * else from the working directory, so that a bundle run from a project's folder finds that
 * project's packages wherever the bundle file lies.
 */
export async function importPackage(name: string): Promise<unknown> {
  try {
    return await import(/* @vite-ignore */ name);
  } catch (first) {
    try {
      const { createRequire } = (await import(/* @vite-ignore */ MODULE)) as typeof import('node:module');
      const { pathToFileURL } = (await import(/* @vite-ignore */ URL_MODULE)) as typeof import('node:url');
      const path = createRequire(`${process.cwd()}/`).resolve(name);
      return await import(/* @vite-ignore */ pathToFileURL(path).href);
    } catch {
      throw first;
    }
  }
}
