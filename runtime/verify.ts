// verify(): one launch of a kernel on every available backend, on copies of the arguments, and a
// comparison of every array the kernel writes against the cpu backend (the reference semantics).
import type { ElemType } from '../core/ir/types.js';
import { elementOfArray, type HostArrays } from '../core/elements.js';
import { isKernel, type Kernel, type KernelFn } from '../core/kernel.js';
import type { CompiledKernel, Target } from '../core/output.js';
import { BaseArray } from './device.js';
import { LaunchError, describe } from './errors.js';
import { NoDeviceError, createDevice } from './index.js';
import { resolveKernel } from './jit.js';
import type { Backend, Device, DeviceArray, LaunchConfig, TypedArray } from './types.js';

const ALL: readonly Backend[] = ['cpu', 'webgpu', 'cuda'];
const TARGET_OF: Record<Backend, Target> = { cpu: 'js', webgpu: 'wgsl', cuda: 'cuda' };
/** The smallest normal f32: GPUs may flush subnormal results to zero (WGSL allows it). */
const F32_MIN_NORMAL = 2 ** -126;

/** When two f32 values agree: within `ulps` units in the last place, or within `relative` × the array's largest magnitude. */
export interface VerifyTolerance {
  ulps: number;
  relative: number;
}

/**
 * 4 ulp covers fused multiply-add contraction and differently rounded single operations; 1e-5 of
 * the array's largest magnitude covers cancellation after a contraction, and sums in another order.
 */
export const DEFAULT_TOLERANCE: Readonly<VerifyTolerance> = { ulps: 4, relative: 1e-5 };

export interface VerifyConfig extends LaunchConfig {
  /** Overrides either bound of DEFAULT_TOLERANCE. */
  tolerance?: Partial<VerifyTolerance>;
  /** The backends to open (default: all three; those that cannot start are skipped). */
  backends?: readonly Backend[];
  /** Devices to run on instead of opening (and disposing) one per backend; verify leaves them open. */
  devices?: readonly Device[];
}

/** One written array, compared across backends. */
export interface VerifyArrayReport {
  name: string;
  type: ElemType;
  length: number;
  backends: Backend[];
  ok: boolean;
  /** Largest |difference| from the reference (Infinity for NaN against a number, or a mismatched infinity). */
  maxAbsDiff: number;
  /** Largest difference in f32 ulps (integers: the same as maxAbsDiff). */
  maxUlpDiff: number;
  /** First index where a backend is beyond tolerance, or -1. */
  firstDiffIndex: number;
  /** Each backend's value at firstDiffIndex (empty when it is -1). */
  values: Partial<Record<Backend, number>>;
  /** Elements beyond tolerance. */
  mismatches: number;
  /** Elements that differ but within tolerance. */
  inexact: number;
}

export interface VerifyReport {
  kernel: string;
  ok: boolean;
  /** The backends that ran, the reference first. */
  backends: Backend[];
  reference: Backend;
  /** Backends that could not start, with the one-line reason. */
  skipped: { backend: Backend; reason: string }[];
  tolerance: VerifyTolerance;
  arrays: VerifyArrayReport[];
}

/** Rejection of verify() when backends disagree beyond tolerance; `report` says where. */
export class VerifyError extends Error {
  override name = 'VerifyError';
  constructor(readonly report: VerifyReport) {
    super(formatFailure(report));
  }
}

/** Each array parameter takes a host array or a device array of its element type. */
export type VerifyArgs<F extends KernelFn> = HostOrDevice<Parameters<F>>;
type HostOrDevice<P extends unknown[]> = { [K in keyof P]: P[K] extends TypedArray ? P[K] | DeviceArray<Same<P[K]>> : P[K] };
/** The element table's host array type that `A` is (a subtype such as Float32Array<ArrayBuffer> maps to it). */
type Same<A> = { [E in keyof HostArrays]: A extends HostArrays[E] ? HostArrays[E] : never }[keyof HostArrays];

/**
 * Runs one launch of `k` on each backend on copies of `args` (host arrays are copied, device arrays
 * read back and never written), compares every array the kernel writes, and resolves to the report;
 * rejects with a VerifyError carrying it when backends disagree beyond tolerance.
 */
export async function verify<F extends KernelFn>(k: Kernel<F>, config: VerifyConfig, ...args: VerifyArgs<F>): Promise<VerifyReport> {
  if (!isKernel(k)) throw new LaunchError(`verify(): expected a kernel(...) object, got ${describe(k)}`);
  if (typeof config !== 'object' || config === null) {
    throw new LaunchError(`verify(): the config must be { grid, block, tolerance?, backends?, devices? }, got ${describe(config)}`);
  }
  const tolerance = checkTolerance(config.tolerance);
  const host = await snapshot(args as readonly unknown[]);
  const { devices, skipped, owned } = await openDevices(config);
  try {
    const runs: { backend: Backend; kernel: CompiledKernel; out: Map<number, TypedArray> }[] = [];
    for (const device of devices) {
      const kernel = resolveKernel(k, TARGET_OF[device.backend], device.debug);
      runs.push({ backend: device.backend, kernel, out: await runOn(device, k, kernel, config, host) });
    }
    const [ref, ...others] = runs;
    if (!ref) throw new NoDeviceError(skipped);
    const arrays = [...ref.out].map(([i, refData]) => {
      const p = ref.kernel.params[i];
      const type = elementOfArray(refData) ?? 'f32';
      const rest = others.map((r) => ({ backend: r.backend, data: r.out.get(i) ?? refData }));
      return compareArray(p?.name ?? `#${i}`, type, ref.backend, refData, rest, tolerance);
    });
    const report: VerifyReport = {
      kernel: ref.kernel.name,
      ok: arrays.every((a) => a.ok),
      backends: runs.map((r) => r.backend),
      reference: ref.backend,
      skipped,
      tolerance,
      arrays,
    };
    if (!report.ok) throw new VerifyError(report);
    return report;
  } finally {
    for (const d of owned) d.dispose();
  }
}

function checkTolerance(t: Partial<VerifyTolerance> | undefined): VerifyTolerance {
  const out = { ...DEFAULT_TOLERANCE, ...t };
  for (const key of ['ulps', 'relative'] as const) {
    const v: unknown = out[key];
    if (typeof v !== 'number' || !(v >= 0)) {
      throw new TypeError(`verify(): tolerance.${key} must be a non-negative number, got ${describe(v)}`);
    }
  }
  return out;
}

/** Host copies of the arguments, taken before anything runs; one copy per distinct array, so aliasing is kept. */
async function snapshot(args: readonly unknown[]): Promise<unknown[]> {
  const copies = new Map<unknown, Promise<TypedArray>>();
  const copy = (a: unknown): Promise<TypedArray> | null => {
    if (a instanceof BaseArray) return a.read();
    return elementOfArray(a) ? Promise.resolve((a as TypedArray).slice()) : null;
  };
  for (const a of args) {
    const c = copies.has(a) ? null : copy(a);
    if (c) copies.set(a, c);
  }
  const settled = new Map<unknown, TypedArray>();
  for (const [a, c] of copies) settled.set(a, await c);
  // The same copy object stands for the same original: uploads then map it to one device array.
  return args.map((a) => settled.get(a) ?? a);
}

async function openDevices(config: VerifyConfig): Promise<{ devices: Device[]; skipped: VerifyReport['skipped']; owned: Device[] }> {
  if (config.devices) {
    if (config.devices.length === 0) throw new TypeError('verify(): devices must name at least one device');
    return { devices: referenceFirst(config.devices), skipped: [], owned: [] };
  }
  const wanted = config.backends ?? ALL;
  for (const b of wanted) {
    if (!ALL.includes(b)) throw new TypeError(`verify(): backends may name ${ALL.map((x) => `'${x}'`).join(', ')}, got ${describe(b)}`);
  }
  const opened = await Promise.allSettled(wanted.map((backend) => createDevice({ backend })));
  const devices: Device[] = [];
  const skipped: VerifyReport['skipped'] = [];
  opened.forEach((r, i) => {
    const backend = wanted[i] as Backend;
    if (r.status === 'fulfilled') devices.push(r.value);
    else skipped.push({ backend, reason: reasonOf(r.reason) });
  });
  if (devices.length === 0) throw new NoDeviceError(skipped);
  return { devices: referenceFirst(devices), skipped, owned: devices };
}

const referenceFirst = (ds: readonly Device[]): Device[] => [...ds].sort((a, b) => Number(b.backend === 'cpu') - Number(a.backend === 'cpu'));

function reasonOf(e: unknown): string {
  if (e instanceof NoDeviceError) return e.reasons[0]?.reason ?? e.message;
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}

/** One launch on `device` with fresh device arrays; returns the written arrays by parameter index. */
async function runOn(device: Device, k: Kernel, compiled: CompiledKernel, config: LaunchConfig, host: readonly unknown[]): Promise<Map<number, TypedArray>> {
  const uploaded = new Map<TypedArray, DeviceArray>();
  try {
    const args = host.map((a) => {
      if (!elementOfArray(a)) return a;
      const data = a as TypedArray;
      let d = uploaded.get(data);
      if (!d) uploaded.set(data, (d = device.array(data)));
      return d;
    });
    // launch(), not launchCompiled(): the device's own path for kernel objects.
    (device.launch as (k: Kernel, c: LaunchConfig, ...a: unknown[]) => void).call(device, k, { grid: config.grid, block: config.block }, ...args);
    const out = new Map<number, TypedArray>();
    for (const [i, p] of compiled.params.entries()) {
      if (p.kind === 'array' && (p.access ?? 'read_write') !== 'read') out.set(i, await (args[i] as DeviceArray).read());
    }
    return out;
  } finally {
    for (const d of uploaded.values()) d.dispose();
  }
}

const f32 = new Float32Array(1);
const bits = new Uint32Array(f32.buffer);
/** An f32's position on the number line in ulps (±0 both 0), so that a difference counts ulps. */
function ordinal(x: number): number {
  f32[0] = x;
  const b = bits[0] as number;
  return b >= 0x80000000 ? -(b - 0x80000000) : b;
}

interface Diff {
  abs: number;
  ulp: number;
  within: boolean;
}

function diffF32(a: number, b: number, slack: number, tol: VerifyTolerance): Diff {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return { abs: 0, ulp: 0, within: true };
  if (!Number.isFinite(a) || !Number.isFinite(b)) return { abs: Infinity, ulp: Infinity, within: false };
  const abs = Math.abs(a - b);
  const ulp = Math.abs(ordinal(a) - ordinal(b));
  return { abs, ulp, within: ulp <= tol.ulps || abs <= slack || abs < F32_MIN_NORMAL };
}

function compareArray(
  name: string,
  type: ElemType,
  refBackend: Backend,
  ref: TypedArray,
  others: readonly { backend: Backend; data: TypedArray }[],
  tol: VerifyTolerance,
): VerifyArrayReport {
  let scale = 0;
  for (const v of ref) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  const slack = tol.relative * scale;
  const report: VerifyArrayReport = {
    name,
    type,
    length: ref.length,
    backends: [refBackend, ...others.map((o) => o.backend)],
    ok: true,
    maxAbsDiff: 0,
    maxUlpDiff: 0,
    firstDiffIndex: -1,
    values: {},
    mismatches: 0,
    inexact: 0,
  };
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i] as number;
    let bad = false;
    let differs = false;
    for (const o of others) {
      const v = o.data[i] as number;
      const d = type === 'f32' ? diffF32(r, v, slack, tol) : { abs: Math.abs(r - v), ulp: Math.abs(r - v), within: r === v };
      if (d.abs === 0 && d.ulp === 0) continue;
      differs = true;
      bad ||= !d.within;
      report.maxAbsDiff = Math.max(report.maxAbsDiff, d.abs);
      report.maxUlpDiff = Math.max(report.maxUlpDiff, d.ulp);
    }
    if (bad) {
      report.mismatches++;
      if (report.firstDiffIndex < 0) {
        report.firstDiffIndex = i;
        report.values = { [refBackend]: r, ...Object.fromEntries(others.map((o) => [o.backend, o.data[i] as number])) };
      }
    } else if (differs) report.inexact++;
  }
  report.ok = report.mismatches === 0;
  return report;
}

function formatFailure(r: VerifyReport): string {
  const lines = r.arrays
    .filter((a) => !a.ok)
    .map((a) => {
      const at = a.backends.map((b) => `${b} ${String(a.values[b])}`).join(', ');
      return (
        `  '${a.name}' (${a.type}): ${a.mismatches} of ${a.length} elements differ; first at index ${a.firstDiffIndex}: ${at} ` +
        `(largest difference ${a.maxAbsDiff}, ${a.maxUlpDiff} ulp)`
      );
    });
  const tol = `${r.tolerance.ulps} ulp or ${r.tolerance.relative} × the array's largest magnitude`;
  return `verify(): kernel '${r.kernel}' gives different results on ${r.backends.join(' and ')} (tolerance for f32: ${tol}; integers exactly):\n${lines.join('\n')}`;
}
