// Warps on WebGPU are subgroups, and WebGPU promises neither how big they are nor that
// subgroup_invocation_id follows local_invocation_index. Warp kernels mean CUDA's warps (lanes
// along the linear thread index), so a device that has 'subgroups' runs this probe once, when it
// is created: for a 1-D and a 3-D block, every invocation checks that its lane is its linear index
// mod the subgroup size and that lane 0 of its subgroup is the invocation `lane` places before it
// (so each subgroup is one run of consecutive indices). What it finds decides the launches of warp
// kernels (runtime/warp.ts): a wrong order for the block's shape, a size that varies, or no
// subgroups at all are LaunchErrors naming the kernel, never a silent difference.
import { BufferUsage, MAP_READ } from './flags.js';
import type { BlockClass, WarpSupport } from '../warp.js';

const PROBE = `enable subgroups;
diagnostic(off, subgroup_uniformity);
@group(0) @binding(0) var<storage, read_write> out: array<u32>;
override bx: u32 = 1u;
override by: u32 = 1u;
override bz: u32 = 1u;
@compute @workgroup_size(bx, by, bz)
fn main(@builtin(local_invocation_index) li: u32, @builtin(subgroup_invocation_id) lane: u32, @builtin(subgroup_size) size: u32) {
  let first = subgroupShuffle(li, 0u);
  out[2u * li] = size;
  out[2u * li + 1u] = select(0u, 1u, lane == li % size && first == li - lane);
}
`;

/** The probe's shapes: 256 threads each (WebGPU's default limit). */
const SHAPES: readonly [BlockClass, [number, number, number]][] = [
  ['1-D', [256, 1, 1]],
  ['2-D and 3-D', [32, 4, 2]],
];

export interface ProbeResult {
  /** Per shape: the subgroup size of every invocation and whether its lane order held. */
  shapes: { cls: BlockClass; sizes: number[]; ok: boolean[] }[];
  /** The adapter's subgroupMinSize / subgroupMaxSize, where it reports them. */
  min?: number;
  max?: number;
}

/** The decision, from what the probe saw (pure: unit-tested on made-up results). */
export function decideWarps(r: ProbeResult): WarpSupport {
  const sizes = new Set(r.shapes.flatMap((s) => s.sizes));
  if (r.min !== undefined && r.max !== undefined && r.min !== r.max) {
    return { size: null, missing: `has subgroups of ${r.min} to ${r.max} lanes, which may differ between kernels, so warpSize would not be fixed` };
  }
  if (sizes.size !== 1) return { size: null, missing: `has subgroups of several sizes (${[...sizes].sort((a, b) => a - b).join(', ')})` };
  const size = [...sizes][0] ?? 0;
  if (size < 1 || (size & (size - 1)) !== 0) return { size: null, missing: `has subgroups of ${size} lanes, not a power of two` };
  const out: WarpSupport = { size };
  for (const s of r.shapes) {
    const bad = s.ok.findIndex((ok) => !ok);
    if (bad >= 0) (out.badOrder ??= {})[s.cls] = `thread ${bad} of a ${s.sizes.length}-thread block is out of place`;
  }
  return out;
}

/** Runs the probe on `gpu` (created with the 'subgroups' feature). */
export async function probeWarps(gpu: GPUDevice, info: { subgroupMinSize?: number; subgroupMaxSize?: number }): Promise<WarpSupport> {
  const module = gpu.createShaderModule({ code: PROBE, label: 'kernelscript warp probe' });
  const result: ProbeResult = { shapes: [] };
  if (info.subgroupMinSize !== undefined) result.min = info.subgroupMinSize;
  if (info.subgroupMaxSize !== undefined) result.max = info.subgroupMaxSize;
  for (const [cls, [bx, by, bz]] of SHAPES) {
    const n = bx * by * bz;
    const pipeline = await gpu.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main', constants: { bx, by, bz } } });
    const bytes = n * 8;
    const buffer = gpu.createBuffer({ size: bytes, usage: BufferUsage.STORAGE | BufferUsage.COPY_SRC });
    const staging = gpu.createBuffer({ size: bytes, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
    const enc = gpu.createCommandEncoder();
    const pass = enc.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, gpu.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer } }] }));
    pass.dispatchWorkgroups(1);
    pass.end();
    enc.copyBufferToBuffer(buffer, 0, staging, 0, bytes);
    gpu.queue.submit([enc.finish()]);
    await staging.mapAsync(MAP_READ);
    const words = new Uint32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    buffer.destroy();
    staging.destroy();
    const sizes: number[] = [];
    const ok: boolean[] = [];
    for (let i = 0; i < n; i++) {
      sizes.push(words[2 * i] ?? 0);
      ok.push(words[2 * i + 1] === 1);
    }
    result.shapes.push({ cls, sizes, ok });
  }
  return decideWarps(result);
}

/** A device without the feature. */
export const NO_SUBGROUPS: WarpSupport = { size: null, missing: "lacks the 'subgroups' feature" };
