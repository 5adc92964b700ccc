// The runtime-only entry ('kernelscript/runtime'): no compiler, for bundles whose kernels were
// compiled ahead of time.
export * from './core/lang.js';
export * from './core/kernel.js';
// The platform's Float16Array where it has one, else a compatible polyfill (Node 20 has none).
export { Float16Array } from './core/elements.js';
export { createDevice, probeBackends, NoDeviceError } from './runtime/index.js';
export type { BackendProbe } from './runtime/index.js';
export { LaunchError, DeviceError, KernelLoadError, KernelFaultError, KernelRaceError, KernelDivergenceError } from './runtime/errors.js';
export type { KernelFault, KernelRace, RaceAccess, KernelDivergence, BarrierThread, KernelCheckError } from './runtime/errors.js';
export { verify, VerifyError, DEFAULT_TOLERANCE } from './runtime/verify.js';
export type { VerifyArgs, VerifyArrayReport, VerifyConfig, VerifyReport, VerifyTolerance } from './runtime/verify.js';
export type * from './runtime/types.js';
export type { CompiledKernel, ParamInfo, Target } from './core/output.js';
