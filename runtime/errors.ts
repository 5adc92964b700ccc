// Errors the runtime throws. Each message names what was wrong and where (kernel, parameter,
// array, device), so a user can fix the call without reading runtime code.

/** A launch whose kernel, shape or arguments do not fit; thrown before anything is queued. */
export class LaunchError extends Error {
  override name = 'LaunchError';
}

/** The device (or an array) can no longer be used: disposed, lost, or broken by an earlier error. */
export class DeviceError extends Error {
  override name = 'DeviceError';
}

/** A kernel's device code could not be loaded (shader compile or pipeline creation failed). */
export class KernelLoadError extends Error {
  override name = 'KernelLoadError';
}

/** A value's description for error messages: `Float32Array(12)`, `number 1.5`, `undefined`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (ArrayBuffer.isView(v)) {
    const len = (v as { length?: number }).length;
    return `${v.constructor.name}${len === undefined ? '' : `(${len})`}`;
  }
  if (typeof v === 'object') {
    const ctor = (v as { constructor?: { name?: string } }).constructor?.name;
    if (ctor === 'Object' || ctor === undefined) return 'an object';
    return `a ${ctor}`;
  }
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v} ${String(v)}`;
  return typeof v;
}
