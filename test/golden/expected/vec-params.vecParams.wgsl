// KernelScript kernel 'vecParams' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  t: f32,
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn lerpSum(a_x: f32, a_y: f32, a_z: f32, a_w: f32, b_x: f32, b_y: f32, b_z: f32, b_w: f32, t: f32) -> f32 {
  let scale: f32 = 1.0f - t;
  return (a_x * scale + b_x * t) * 1.0f + (a_y * scale + b_y * t) * 1.0f + (a_z * scale + b_z * t) * 1.0f + (a_w * scale + b_w * t) * 1.0f;
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn vecParams(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let t: f32 = ks_params.t;
  let n: i32 = ks_params.n;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (i < n) {
    let b_x: f32 = 1.0f;
    let b_y: f32 = 2.0f;
    let b_z: f32 = 3.0f;
    let b_w: f32 = f32(i);
    let ks_vec_1 = x[i];
    let x4_x: f32 = ks_vec_1.x;
    let x4_y: f32 = ks_vec_1.y;
    let x4_z: f32 = ks_vec_1.z;
    let x4_w: f32 = ks_vec_1.w;
    y[i] = lerpSum(x4_x, x4_y, x4_z, x4_w, b_x, b_y, b_z, b_w, t) + lerpSum(b_x, b_y, b_z, b_w, b_x, b_y, b_z, b_w, t);
  }
}
