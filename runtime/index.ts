// createDevice: picks a backend. 'auto' tries each registered backend in order (cuda, webgpu,
// cpu) and keeps the first that starts; every failure is kept as a one-line reason.
import type { Backend, BackendChoice, Device, DeviceOptions } from './types.js';
import { BaseDevice } from './device.js';
import { envVar } from './env.js';

export type DeviceFactory = () => Promise<Device>;

const ORDER: readonly Backend[] = ['cuda', 'webgpu', 'cpu'];

// A computed specifier: the cuda device is Node-only and optional, so bundlers must not follow it.
const CUDA_MODULE = './cuda/index.js';

const DEFAULTS = new Map<Backend, DeviceFactory>([
  [
    'cuda',
    async () => {
      let mod: { createCudaDevice?: () => Promise<Device> };
      try {
        mod = (await import(/* @vite-ignore */ CUDA_MODULE)) as typeof mod;
      } catch (e) {
        throw new Error(`the cuda backend is not available in this build (${(e as Error).message})`, { cause: e });
      }
      if (!mod.createCudaDevice) throw new Error('the cuda backend module has no createCudaDevice()');
      return mod.createCudaDevice();
    },
  ],
  ['webgpu', async () => (await import('./webgpu/index.js')).createWebGpuDevice()],
  ['cpu', async () => (await import('./cpu/index.js')).createCpuDevice()],
]);
const factories = new Map(DEFAULTS);

/** Installs (or replaces) the factory of a backend. */
export function registerBackend(backend: Backend, factory: DeviceFactory): void {
  factories.set(backend, factory);
}

/** Restores a backend's built-in factory. */
export function resetBackend(backend: Backend): void {
  const f = DEFAULTS.get(backend);
  if (f) factories.set(backend, f);
}

/** Thrown by createDevice when no backend (of those asked for) could start. */
export class NoDeviceError extends Error {
  override name = 'NoDeviceError';
  constructor(readonly reasons: { backend: Backend; reason: string }[]) {
    super(`no device could be created:\n${reasons.map((r) => `  ${r.backend}: ${r.reason}`).join('\n')}`);
  }
}

const BACKENDS = new Set<string>([...ORDER, 'auto']);

/** KERNELSCRIPT_BACKEND (Node only) decides where the program asks for 'auto' (or nothing). */
function envBackend(): string | undefined {
  return envVar('KERNELSCRIPT_BACKEND') || undefined;
}

/** KERNELSCRIPT_DEBUG=1 (Node only) turns debug mode on where the program does not say. */
function envDebug(): boolean {
  return envVar('KERNELSCRIPT_DEBUG') === '1';
}

export async function createDevice(opts: DeviceOptions = {}): Promise<Device> {
  if (opts.debug !== undefined && typeof opts.debug !== 'boolean') {
    throw new TypeError(`createDevice(): debug must be a boolean, got ${typeof opts.debug}`);
  }
  if (opts.log !== undefined && typeof opts.log !== 'function') {
    throw new TypeError(`createDevice(): log must be a function (line: string) => void, got ${typeof opts.log}`);
  }
  const lb = opts.logBytes;
  if (lb !== undefined && !(Number.isInteger(lb) && lb % 4 === 0 && lb >= 16 && lb <= 2 ** 26)) {
    throw new TypeError(`createDevice(): logBytes must be a multiple of 4 from 16 to 2^26, got ${String(lb)}`);
  }
  const debug = opts.debug ?? envDebug();
  const asked = opts.backend ?? 'auto';
  const env = asked === 'auto' ? envBackend() : undefined;
  const choice = (env ?? asked) as BackendChoice;
  if (!BACKENDS.has(choice)) {
    const where = env ? 'KERNELSCRIPT_BACKEND' : 'createDevice(): backend';
    throw new TypeError(`${where} must be one of ${[...BACKENDS].map((b) => `'${b}'`).join(', ')}, got '${String(choice)}'`);
  }
  const order = choice === 'auto' ? ORDER : [choice];
  const reasons: { backend: Backend; reason: string }[] = [];
  for (const backend of order) {
    try {
      const device = await start(backend);
      if (debug) enableDebug(device);
      if (device instanceof BaseDevice) device.setLog(opts.log, lb);
      return device;
    } catch (e) {
      reasons.push({ backend, reason: oneLine(e) });
    }
  }
  throw new NoDeviceError(reasons);
}

export interface BackendProbe {
  backend: Backend;
  ok: boolean;
  /** Why the backend could not start (when !ok). */
  reason?: string;
  /** The adapter / GPU name (when ok). */
  name?: string;
}

/** Tries every backend (starting and disposing a device for each); for `kernelscript doctor`. */
export async function probeBackends(): Promise<BackendProbe[]> {
  const out: BackendProbe[] = [];
  for (const backend of ORDER) {
    try {
      const d = await start(backend);
      out.push({ backend, ok: true, name: d.name });
      d.dispose();
    } catch (e) {
      out.push({ backend, ok: false, reason: oneLine(e) });
    }
  }
  return out;
}

/** Debug mode on a started device; only the built-in devices (BaseDevice) have it. */
function enableDebug(device: Device): void {
  if (!(device instanceof BaseDevice)) {
    device.dispose();
    throw new Error('this backend has no debug mode');
  }
  device.setDebug(true);
}

async function start(backend: Backend): Promise<Device> {
  const f = factories.get(backend);
  if (!f) throw new Error(`no ${backend} backend is registered`);
  return f();
}

function oneLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}
