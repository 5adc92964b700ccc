// Entry of the cuda backend: probing (is there a driver, a device and a compiler?) and creation.
// Every "no" comes with a one-line reason, which createDevice('auto') and the doctor report.
import { ImageCache } from './cache.js';
import { CudaCompiler, findToolchains, type ToolchainReport } from './compile.js';
import { CudaDevice } from './device.js';
import { ATTR, Driver } from './driver.js';

export { CudaDevice } from './device.js';
export { CudaError } from './driver.js';
export { CudaCompileError } from './nvcc.js';

export interface CudaProbe {
  ok: boolean;
  /** Why cuda cannot be used (when !ok). */
  reason?: string;
  driverVersion?: string;
  devices?: { name: string; arch: string; memoryMiB: number }[];
  compilers: ToolchainReport;
}

const fmtVersion = (v: number): string => `${Math.floor(v / 1000)}.${Math.floor((v % 1000) / 10)}`;

/** Says whether the cuda backend can run here and, if not, why (never throws). */
export function probeCuda(): CudaProbe {
  const { chains, report } = findToolchains();
  let driver: Driver;
  try {
    driver = Driver.get();
  } catch (e) {
    return { ok: false, reason: (e as Error).message, compilers: report };
  }
  const probe: CudaProbe = { ok: false, compilers: report, driverVersion: fmtVersion(driver.driverVersion()) };
  try {
    const n = driver.deviceCount();
    probe.devices = [];
    for (let i = 0; i < n; i++) {
      const d = driver.device(i);
      probe.devices.push({
        name: driver.deviceName(d),
        arch: `sm_${driver.attribute(d, ATTR.ccMajor)}${driver.attribute(d, ATTR.ccMinor)}`,
        memoryMiB: Math.round(driver.totalMem(d) / 2 ** 20),
      });
    }
  } catch (e) {
    probe.reason = (e as Error).message;
    return probe;
  }
  if (probe.devices.length === 0) probe.reason = 'the NVIDIA driver reports no CUDA device';
  else if (chains.length === 0) probe.reason = `no CUDA compiler: ${report.nvrtc}; ${report.nvcc}`;
  else probe.ok = true;
  return probe;
}

export interface CudaDeviceOptions {
  /** Which GPU (default 0). */
  ordinal?: number;
  /** Directory of the compiled-image cache; null disables it. Default: see defaultCudaCacheDir. */
  cacheDir?: string | null;
}

/** Opens a cuda device; throws an Error with a one-line reason when none can be opened. */
export async function createCudaDevice(options: CudaDeviceOptions = {}): Promise<CudaDevice> {
  const driver = Driver.get();
  const count = driver.deviceCount();
  const ordinal = options.ordinal ?? 0;
  if (count === 0) throw new Error('the NVIDIA driver reports no CUDA device');
  if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= count) {
    throw new RangeError(`no CUDA device ${ordinal}: this machine has ${count} (0..${count - 1})`);
  }
  const { chains, report } = findToolchains();
  if (chains.length === 0) throw new Error(`no CUDA compiler: ${report.nvrtc}; ${report.nvcc}`);
  const cache = options.cacheDir === null ? null : new ImageCache(options.cacheDir);
  return new CudaDevice(driver, ordinal, new CudaCompiler(chains, cache));
}
