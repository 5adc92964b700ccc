// KernelScript kernel 'constants' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  k: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read_write> OI: array<i32>;
@group(0) @binding(2) var<storage, read_write> O: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

// The f32 with bits b: Infinity and NaN, which WGSL cannot write as constants.
fn ks_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn constants(@builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
  }
  let k: i32 = ks_params.k;
  OI[0i] = (-2147483647i - 1i) + k;
  OI[1i] = (-2147483647i - 1i) + k;
  OI[2i] = (-2147483647i - 1i) + k;
  OI[3i] = 65536i + k;
  OI[4i] = -4i;
  O[0i] = ks_f32_bits(0x7f800000u) * f32(k);
  O[1i] = ks_f32_bits(0x7fc00000u);
  O[2i] = ks_f32_bits(0xff800000u) * f32(k);
  O[3i] = -2.0f;
}
