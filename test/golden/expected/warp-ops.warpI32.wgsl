// KernelScript kernel 'warpI32' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

enable subgroups;
diagnostic(off, subgroup_uniformity);

struct ks_Params {
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<i32>;
@group(0) @binding(2) var<storage, read> a: array<i32>;
@group(0) @binding(3) var<storage, read_write> out: array<i32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;
var<private> ks_sg_id: u32;
var<private> ks_sg_size: u32;

fn ks_shfl_up_i32(v: i32, d: u32) -> i32 {
  return subgroupShuffle(v, select(ks_sg_id, ks_sg_id - d, d <= ks_sg_id));
}

fn ks_shfl_down_i32(v: i32, d: u32) -> i32 {
  return subgroupShuffle(v, select(ks_sg_id, ks_sg_id + d, d < ks_sg_size - ks_sg_id));
}

fn ks_shfl_xor_i32(v: i32, d: u32) -> i32 {
  return subgroupShuffle(v, select(ks_sg_id, ks_sg_id ^ d, (ks_sg_id ^ d) < ks_sg_size));
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn warpI32(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>, @builtin(subgroup_invocation_id) ks_sgid: u32, @builtin(subgroup_size) ks_sgsize: u32) {
  ks_sg_id = ks_sgid;
  ks_sg_size = ks_sgsize;
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_warp_size = i32(ks_sgsize);
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  let v: i32 = x[i];
  let k: i32 = a[i];
  out[7i * i] = subgroupShuffle(v, u32(k) & (ks_sg_size - 1u));
  out[7i * i + 1i] = ks_shfl_up_i32(v, u32(k));
  out[7i * i + 2i] = ks_shfl_down_i32(v, u32(k));
  out[7i * i + 3i] = ks_shfl_xor_i32(v, u32(k));
  out[7i * i + 4i] = subgroupAdd(v);
  out[7i * i + 5i] = subgroupMin(v);
  out[7i * i + 6i] = subgroupMax(v);
}
