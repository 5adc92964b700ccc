// KernelScript kernel 'vecInt' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  k: u32,
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> xs: array<vec2<i32>>;
@group(0) @binding(2) var<storage, read> us: array<vec4<u32>>;
@group(0) @binding(3) var<storage, read_write> outI: array<vec2<i32>>;
@group(0) @binding(4) var<storage, read_write> outU: array<vec4<u32>>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn vecInt(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let k: u32 = ks_params.k;
  let n: i32 = ks_params.n;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (i >= n) {
    return;
  }
  let ks_vi_2 = i;
  let ks_vec_1 = vec4<i32>(xs[ks_vi_2 * 2], xs[ks_vi_2 * 2 + 1]);
  let four_x: i32 = ks_vec_1.x;
  let four_y: i32 = ks_vec_1.y;
  let four_z: i32 = ks_vec_1.z;
  let four_w: i32 = ks_vec_1.w;
  let ks_vec_3 = xs[2i * i];
  let lo_x: i32 = ks_vec_3.x;
  let lo_y: i32 = ks_vec_3.y;
  let ks_vec_4 = xs[2i * i + 1i];
  let hi_x: i32 = ks_vec_4.x;
  let hi_y: i32 = ks_vec_4.y;
  let d_x: i32 = lo_x * hi_x / 7i;
  let d_y: i32 = lo_y * hi_y / -3i;
  let splat: i32 = xs[(4i * i + 1i) >> 1u][(4i * i + 1i) & 1i];
  let e_x: i32 = d_x + four_z - splat;
  let e_y: i32 = d_y + four_w - splat;
  outI[i] = vec2<i32>(e_x, e_y);
  let ks_vec_5 = us[i];
  let u_x: u32 = ks_vec_5.x;
  let u_y: u32 = ks_vec_5.y;
  let u_z: u32 = ks_vec_5.z;
  let u_w: u32 = ks_vec_5.w;
  var m_x: u32 = u_x * k;
  var m_y: u32 = u_y * k;
  var m_z: u32 = u_z * k;
  var m_w: u32 = u_w * k;
  m_y = m_y ^ 1515870810u;
  m_x = m_x / 3u;
  m_y = m_y / 3u;
  m_z = m_z / 3u;
  m_w = m_w / 3u;
  outU[i] = vec4<u32>(m_x + (u_x * u_x + u_y * u_y + u_z * u_z + u_w * u_w), m_y + 0u, m_z + 1u, m_w + select(3u, 2u, four_x == -1i));
}
