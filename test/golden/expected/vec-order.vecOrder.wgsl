// KernelScript kernel 'vecOrder' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read_write> w: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> cnt: array<atomic<i32>>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn vecOrder(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  if (i < n) {
    let tmp: f32 = w[(4i * i) >> 2u][(4i * i) & 3i];
    let v_1: f32 = out[4i * i + 1i];
    w[i] = vec4<f32>(v_1, v_1, v_1, v_1);
    let put4_result: f32 = 1.0f;
    out[4i * i] = tmp + put4_result;
    let arg: f32 = f32(atomicAdd(&cnt[i], 1i));
    let arg_1: f32 = f32(atomicAdd(&cnt[i], 1i));
    let arg_2: f32 = f32(atomicAdd(&cnt[i], 1i)) * 10.0f;
    let arg_3: f32 = f32(atomicAdd(&cnt[i], 1i)) * 10.0f;
    let v_x: f32 = arg + arg_2;
    let v_y: f32 = arg_1 + arg_3;
    let v_z: f32 = 0.0f;
    let v_w: f32 = 0.0f;
    out[4i * i + 1i] = v_x;
    out[4i * i + 2i] = v_y;
    let j_1: i32 = 4i * i;
    w[j_1 >> 2u][j_1 & 3i] = w[j_1 >> 2u][j_1 & 3i] + 10.0f;
    let bump_result: f32 = 0.0f;
    let b: f32 = bump_result;
    let ks_vec_1 = w[i];
    let w4_x: f32 = ks_vec_1.x;
    let w4_y: f32 = ks_vec_1.y;
    let w4_z: f32 = ks_vec_1.z;
    let w4_w: f32 = ks_vec_1.w;
    out[4i * i + 3i] = b + w4_x;
  }
}
