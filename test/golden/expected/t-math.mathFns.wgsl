// KernelScript kernel 'mathFns' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read> xs: array<f32>;
@group(0) @binding(2) var<storage, read> ys: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn ks_round(x: f32) -> f32 {
  let r = floor(x);
  return select(r, r + 1.0f, x - r >= 0.5f);
}

fn ks_pow(x: f32, y: f32) -> f32 {
  if (y == 0.0f) { return 1.0f; }
  if (x >= 0.0f || floor(y) != y) { return pow(x, y); }
  let m = pow(-x, y);
  return select(m, -m, floor(y * 0.5f) != y * 0.5f);
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn mathFns(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
    let x: f32 = xs[i];
    let y: f32 = ys[i];
    let o: i32 = i * 20i;
    out[o] = exp(x);
    out[o + 1i] = log(y);
    out[o + 2i] = sqrt(y);
    out[o + 3i] = abs(x);
    out[o + 4i] = min(x, y);
    out[o + 5i] = max(x, y);
    out[o + 6i] = ks_pow(y, x);
    out[o + 7i] = ks_pow(x, 3.0f);
    out[o + 8i] = floor(x * 3.0f);
    out[o + 9i] = ceil(x * 3.0f);
    out[o + 10i] = ks_round(floor(x * 8.0f) * 0.5f);
    out[o + 11i] = sin(x);
    out[o + 12i] = cos(x);
    out[o + 13i] = tan(x);
    out[o + 14i] = tanh(x * 2.0f);
    out[o + 15i] = atan2(x, y);
    out[o + 16i] = sign(x);
    out[o + 17i] = 3.1415927f * x + 2.7182817f;
    out[o + 18i] = ks_round(x * 100.0f);
    out[o + 19i] = ks_pow(x, 2.0f);
  }
}
