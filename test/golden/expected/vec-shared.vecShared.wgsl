// KernelScript kernel 'vecShared' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
var<workgroup> tile: array<vec4<f32>, 64>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn vecShared(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let t: i32 = ks_threadIdx_x;
  let base: i32 = ks_blockIdx_x * 256i;
  {
    var j: i32 = t;
    loop {
      if (!(j < 256i)) { break; }
      tile[j >> 2u][j & 3i] = x[base + j];
      continuing {
        j = j + ks_blockDim_x;
      }
    }
  }
  workgroupBarrier();
  var sum_x: f32 = 0.0f;
  var sum_y: f32 = 0.0f;
  var sum_z: f32 = 0.0f;
  var sum_w: f32 = 0.0f;
  if (t < 64i) {
    let ks_vec_1 = tile[t];
    let tile4_x: f32 = ks_vec_1.x;
    let tile4_y: f32 = ks_vec_1.y;
    let tile4_z: f32 = ks_vec_1.z;
    let tile4_w: f32 = ks_vec_1.w;
    let ks_vec_2 = tile[(t + 1i) % 64i];
    let tile4_x_1: f32 = ks_vec_2.x;
    let tile4_y_1: f32 = ks_vec_2.y;
    let tile4_z_1: f32 = ks_vec_2.z;
    let tile4_w_1: f32 = ks_vec_2.w;
    sum_x = tile4_x + tile4_x_1;
    sum_y = tile4_y + tile4_y_1;
    sum_z = tile4_z + tile4_z_1;
    sum_w = tile4_w + tile4_w_1;
  }
  workgroupBarrier();
  if (t < 64i) {
    tile[t] = vec4<f32>(sum_x, sum_y, sum_z, sum_w);
  }
  workgroupBarrier();
  {
    var j_1: i32 = t;
    loop {
      if (!(j_1 < 256i)) { break; }
      y[base + j_1] = tile[j_1 >> 2u][j_1 & 3i];
      continuing {
        j_1 = j_1 + ks_blockDim_x;
      }
    }
  }
}
