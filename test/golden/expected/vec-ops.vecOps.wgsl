// KernelScript kernel 'vecOps' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  s: f32,
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> a: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> b: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> out: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read_write> sums: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn vecOps(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let s: f32 = ks_params.s;
  let n: i32 = ks_params.n;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (i >= n) {
    return;
  }
  let ks_vec_1 = a[i];
  let va_x: f32 = ks_vec_1.x;
  let va_y: f32 = ks_vec_1.y;
  let va_z: f32 = ks_vec_1.z;
  let va_w: f32 = ks_vec_1.w;
  let ks_vec_2 = b[i];
  let vb_x: f32 = ks_vec_2.x;
  let vb_y: f32 = ks_vec_2.y;
  let vb_z: f32 = ks_vec_2.z;
  let vb_w: f32 = ks_vec_2.w;
  var acc_x: f32 = 0.0f;
  var acc_y: f32 = 0.0f;
  var acc_z: f32 = 0.0f;
  var acc_w: f32 = 0.0f;
  acc_x = acc_x + va_x * vb_x;
  acc_y = acc_y + va_y * vb_y;
  acc_z = acc_z + va_z * vb_z;
  acc_w = acc_w + va_w * vb_w;
  acc_x = acc_x - vb_x * s;
  acc_y = acc_y - vb_y * s;
  acc_z = acc_z - vb_z * s;
  acc_w = acc_w - vb_w * s;
  acc_x = acc_x + 1.0f;
  acc_w = acc_w + va_y;
  let q_x: f32 = (va_x * vb_x + s) / 2.0f;
  let q_y: f32 = (va_y * vb_y + s) / 4.0f;
  let q_z: f32 = (va_z * vb_z + s) / 8.0f;
  let q_w: f32 = (va_w * vb_w + s) / 16.0f;
  let cond: bool = i % 2i == 0i;
  let pick_x: f32 = select(acc_x, q_x, cond);
  let pick_y: f32 = select(acc_y, q_y, cond);
  let pick_z: f32 = select(acc_z, q_z, cond);
  let pick_w: f32 = select(acc_w, q_w, cond);
  var swapped_x: f32 = pick_w;
  var swapped_y: f32 = pick_z;
  var swapped_z: f32 = pick_y;
  var swapped_w: f32 = pick_x;
  let swapped_x_new: f32 = swapped_y;
  let swapped_y_new: f32 = swapped_x;
  let swapped_z_new: f32 = swapped_w;
  let swapped_w_new: f32 = swapped_z;
  swapped_x = swapped_x_new;
  swapped_y = swapped_y_new;
  swapped_z = swapped_z_new;
  swapped_w = swapped_w_new;
  out[i] = vec4<f32>(swapped_x + q_x, swapped_y + 0.0f, swapped_z + 0.0f, swapped_w + acc_y);
  let p_x: f32 = va_x;
  let p_y: f32 = vb_y;
  let t_x: f32 = va_z;
  let t_y: f32 = vb_z;
  let t_z: f32 = s;
  sums[2i * i] = va_x * vb_x + va_y * vb_y + va_z * vb_z + va_w * vb_w;
  sums[2i * i + 1i] = p_x * 1.5f + p_y * -2.0f + (t_x * t_x + t_y * t_y + t_z * t_z);
}
