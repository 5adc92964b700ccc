// The usual limits `check --target` compares kernels with: what launches on common devices get,
// which is below the hard limits the targets report as KS8xxx errors. Sources: the WebGPU spec's
// default limits and what Dawn adapters commonly give; the CUDA C Programming Guide (technical
// specifications per compute capability); the runtime's portable launch limits (runtime/limits.ts).
import { PORTABLE_LIMITS } from '../runtime/limits.js';
import { CUDA_MAX_LOCAL_BYTES, CUDA_MAX_SHARED_BYTES } from '../targets/cuda/limits.js';
import { WGSL_MAX_LOCAL_BYTES } from '../targets/wgsl/limits.js';

export type Backend = 'webgpu' | 'cuda' | 'cpu';

/** A warning at this fraction of a limit and above. */
export const NEAR = 0.9;

export interface UsualLimits {
  sharedBytes: number;
  /** Completes KS9001: what the number is. */
  sharedWhy: string;
  /** Per-thread local arrays: per array (one WGSL variable) or all together; null: no limit. */
  local: { bytes: number; scope: 'each' | 'all'; why: string } | null;
}

export const USUAL: Readonly<Record<Backend, UsualLimits>> = {
  webgpu: {
    // The spec's default maxComputeWorkgroupStorageSize is 16384, but Dawn's adapters commonly
    // give 32768 (its tiers are 16, 32, 48 and 64 KiB), and the runtime asks for the adapter's own.
    sharedBytes: 32768,
    sharedWhy: 'that most WebGPU adapters give a workgroup (maxComputeWorkgroupStorageSize; the WebGPU default is 16384)',
    local: { bytes: WGSL_MAX_LOCAL_BYTES, scope: 'each', why: 'that Tint allows one variable' },
  },
  cuda: {
    // The opt-in to more (227 KiB on sm_90) is for dynamic shared memory, which kernels do not use.
    sharedBytes: CUDA_MAX_SHARED_BYTES,
    sharedWhy: 'of static shared memory a CUDA block can have',
    local: { bytes: CUDA_MAX_LOCAL_BYTES, scope: 'all', why: 'of local memory a CUDA thread can have' },
  },
  // What the cpu device reports as maxSharedBytes (runtime/cpu/index.ts); locals are JS arrays.
  cpu: { sharedBytes: 48 * 1024, sharedWhy: 'that the cpu device allows a block', local: null },
};

/** WebGPU's default maxStorageBuffersPerShaderStage: one buffer per array parameter. */
export const WEBGPU_STORAGE_BUFFERS = 8;
/** WebGPU's default maxStorageBufferBindingSize (128 MiB): the most one array may take. */
export const WEBGPU_BINDING_BYTES = 128 * 1024 * 1024;
/** Kernel parameter space: 4 KiB in every CUDA version (32764 bytes from 12.1 on Volta and later). */
export const CUDA_PARAM_BYTES = 4096;
export const CUDA_REGISTERS_PER_THREAD = 255;
export const CUDA_REGISTERS_PER_SM = 65536;
/** ptxas allocates registers per warp in units of 256 (compute capability 5.0 and later). */
const REGISTER_UNIT = 256;
/** The block size the occupancy figure assumes. */
export const OCCUPANCY_BLOCK = 256;

/** Per SM, by compute capability: resident warps and shared memory; `reserved` per block (8.0+). */
const SM: Readonly<Record<string, { warps: number; shared: number; reserved: number }>> = {
  sm_75: { warps: 32, shared: 64 * 1024, reserved: 0 },
  sm_80: { warps: 64, shared: 164 * 1024, reserved: 1024 },
  sm_86: { warps: 48, shared: 100 * 1024, reserved: 1024 },
  sm_87: { warps: 48, shared: 164 * 1024, reserved: 1024 },
  sm_89: { warps: 48, shared: 100 * 1024, reserved: 1024 },
  sm_90: { warps: 64, shared: 228 * 1024, reserved: 1024 },
  sm_100: { warps: 64, shared: 228 * 1024, reserved: 1024 },
  sm_120: { warps: 48, shared: 100 * 1024, reserved: 1024 },
};

function registersPerWarp(registers: number): number {
  return Math.ceil((registers * 32) / REGISTER_UNIT) * REGISTER_UNIT;
}

/** The largest block (a multiple of 32 threads, at most the portable 1024) the registers allow. */
export function maxThreadsByRegisters(registers: number): number {
  if (registers === 0) return PORTABLE_LIMITS.maxThreadsPerBlock;
  const warps = Math.floor(CUDA_REGISTERS_PER_SM / registersPerWarp(registers));
  return Math.min(PORTABLE_LIMITS.maxThreadsPerBlock, warps * 32);
}

/**
 * Resident warps over the SM's maximum with blocks of OCCUPANCY_BLOCK threads, limited by
 * registers, shared memory and warps; null for an architecture the table lacks.
 */
export function occupancy(arch: string, registers: number, sharedBytes: number): { percent: number; by: string } | null {
  const sm = SM[arch.replace(/^compute_/, 'sm_').replace(/[a-z]$/, '')];
  if (!sm) return null;
  const warpsPerBlock = OCCUPANCY_BLOCK / 32;
  const limits: [string, number][] = [
    ['warps', Math.floor(sm.warps / warpsPerBlock)],
    ['registers', registers === 0 ? Infinity : Math.floor(CUDA_REGISTERS_PER_SM / (registersPerWarp(registers) * warpsPerBlock))],
    ['shared memory', sharedBytes === 0 ? Infinity : Math.floor(sm.shared / (Math.ceil(sharedBytes / 128) * 128 + sm.reserved))],
  ];
  const [by, blocks] = limits.reduce((a, b) => (b[1] < a[1] ? b : a));
  return { percent: Math.round((100 * blocks * warpsPerBlock) / sm.warps), by };
}
