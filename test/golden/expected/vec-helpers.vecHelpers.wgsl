// KernelScript kernel 'vecHelpers' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
var<workgroup> t: array<vec4<f32>, 64>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn norm2(x: f32, y: f32) -> f32 {
  let v_x: f32 = x;
  let v_y: f32 = y;
  return v_x * v_x + v_y * v_y;
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn vecHelpers(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let n: i32 = ks_params.n;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (i >= n) {
    return;
  }
  let s_1: f32 = x[(4i * i) >> 2u][(4i * i) & 3i];
  t[ks_threadIdx_x] = vec4<f32>(s_1, 2.0f * s_1, 3.0f * s_1, 4.0f * s_1);
  let ks_vec_1 = x[i];
  let v_x_1: f32 = ks_vec_1.x;
  let v_y_1: f32 = ks_vec_1.y;
  let v_z_1: f32 = ks_vec_1.z;
  let v_w_1: f32 = ks_vec_1.w;
  let sum4_result: f32 = v_x_1 + v_y_1 + v_z_1 + v_w_1;
  out[2i * i] = sum4_result + norm2(x[(4i * i + 1i) >> 2u][(4i * i + 1i) & 3i], 1.0f);
  let ks_vec_2 = t[ks_threadIdx_x];
  let v_x_2: f32 = ks_vec_2.x;
  let v_y_2: f32 = ks_vec_2.y;
  let v_z_2: f32 = ks_vec_2.z;
  let v_w_2: f32 = ks_vec_2.w;
  let sum4_result_1: f32 = v_x_2 + v_y_2 + v_z_2 + v_w_2;
  out[2i * i + 1i] = sum4_result_1;
}
