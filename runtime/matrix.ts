// The launch rule of kernels with matrix operations (KernelMeta.matrix, core/matrix.ts): the device
// must offer them (Device.matrix: cpu always, cuda from compute capability 7.0, webgpu where the
// adapter lists the subgroup matrix configuration of MATRIX_SHAPE with FRAG_ELEM's types). Such a
// kernel also carries `warp` and follows the warp rule (warp.ts) after this one.
import { formatMessage } from '../core/diagnostics/codes.js';
import { FRAG_ELEM, MATRIX_SHAPE, type MatrixSupport } from '../core/matrix.js';
import type { CompiledKernel } from '../core/output.js';
import { LaunchError } from './errors.js';

/** The LaunchError (KS4065) for a launch of `kernel` on a device (`device`, as in "this cuda device (name)") with `m`; null when it may run. */
export function matrixLaunchError(kernel: Pick<CompiledKernel, 'name' | 'meta'>, m: MatrixSupport, device: string): LaunchError | null {
  if (!kernel.meta.matrix || m.ok) return null;
  return new LaunchError(formatMessage('KS4065', [kernel.name, device, m.reason]), 'KS4065');
}

/** The compute capability CUDA's `wmma` needs (Volta). */
export const CUDA_MATRIX_CC = 70;

/** Whether a CUDA device of compute capability major.minor runs matrix operations. */
export function cudaMatrixSupport(major: number, minor: number): MatrixSupport {
  if (major * 10 + minor >= CUDA_MATRIX_CC) return { ok: true };
  return { ok: false, reason: `its compute capability is ${major}.${minor}, and tensor cores (wmma) need 7.0 or later` };
}

/** One of the adapter's subgroup matrix configurations, as WebGPU reports it (GPUSubgroupMatrixConfig). */
export interface SubgroupMatrixConfig {
  componentType: string;
  resultComponentType: string;
  M: number;
  N: number;
  K: number;
}

/** `f16×f16→f32 16×16×16`, as the doctor and the errors print a configuration. */
export const configText = (c: SubgroupMatrixConfig): string =>
  `${c.componentType}×${c.componentType}→${c.resultComponentType} ${c.M}×${c.N}×${c.K}`;

/** The configuration matrix kernels need. */
export const NEEDED_CONFIG: SubgroupMatrixConfig = {
  componentType: FRAG_ELEM.a,
  resultComponentType: FRAG_ELEM.acc,
  M: MATRIX_SHAPE.m,
  N: MATRIX_SHAPE.n,
  K: MATRIX_SHAPE.k,
};

/** The WebGPU feature that brings subgroup matrices (Dawn, experimental: needs the allow_unsafe_apis toggle). */
export const SUBGROUP_MATRIX_FEATURE = 'chromium-experimental-subgroup-matrix';

/**
 * Whether a WebGPU device runs matrix operations, from what its adapter reports (pure, so it is tested
 * on made-up adapters): `adapterHas` whether the adapter lists the feature, `deviceHas` the features
 * the device was created with, `configs` the adapter's subgroupMatrixConfigs.
 */
export function webgpuMatrixSupport(adapterHas: boolean, deviceHas: ReadonlySet<string>, configs: readonly SubgroupMatrixConfig[]): MatrixSupport {
  if (!adapterHas) return { ok: false, reason: `it lacks the '${SUBGROUP_MATRIX_FEATURE}' feature (its adapter reports subgroupMatrixConfigs: [${configs.map(configText).join(', ')}])` };
  if (!deviceHas.has(SUBGROUP_MATRIX_FEATURE)) return { ok: false, reason: `the '${SUBGROUP_MATRIX_FEATURE}' feature could not be enabled on it` };
  if (!deviceHas.has('shader-f16')) return { ok: false, reason: "it lacks the 'shader-f16' feature, and fragments A and B hold f16" };
  const n = NEEDED_CONFIG;
  const fits = configs.some((c) => c.componentType === n.componentType && c.resultComponentType === n.resultComponentType && c.M === n.M && c.N === n.N && c.K === n.K);
  if (fits) return { ok: true };
  const has = configs.length === 0 ? 'none' : configs.map(configText).join(', ');
  return { ok: false, reason: `its adapter's subgroup matrix configurations are ${has}, without ${configText(n)}` };
}

/** A WebGPU device made without looking for subgroup matrices. */
export const NO_MATRICES: MatrixSupport = { ok: false, reason: `it was created without the '${SUBGROUP_MATRIX_FEATURE}' feature` };
