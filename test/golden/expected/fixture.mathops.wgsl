// KernelScript kernel 'mathops' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> Y: array<f32>;
@group(0) @binding(3) var<storage, read_write> O: array<f32>;
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

fn ks_fmod(x: f32, y: f32) -> f32 {
  let sx = bitcast<u32>(x) & 0x80000000u;
  let ax = bitcast<u32>(x) & 0x7fffffffu;
  let ay = bitcast<u32>(y) & 0x7fffffffu;
  if (ay == 0u || ax >= 0x7f800000u || ay > 0x7f800000u) { return bitcast<f32>(ax | 0x7fc00000u); }
  if (ax < ay) { return x; }
  // Exponent fields; a denormal (field 0) scales like field 1 without the implicit bit.
  let ex = max(ax >> 23u, 1u);
  let ey = max(ay >> 23u, 1u);
  let my = select(ay & 0x7fffffu, (ay & 0x7fffffu) | 0x800000u, ay >= 0x800000u);
  var r = select(ax & 0x7fffffu, (ax & 0x7fffffu) | 0x800000u, ax >= 0x800000u) % my;
  var d = ex - ey;
  while (d > 0u && r != 0u) {
    let s = min(d, 8u);
    r = (r << s) % my;
    d = d - s;
  }
  if (r == 0u) { return bitcast<f32>(sx); }
  // Normalise r * 2^ey to a significand in [2^23, 2^24), or stop at the denormal exponent.
  let sh = min(countLeadingZeros(r) - 8u, ey - 1u);
  // (e - 1) << 23 plus a significand with its implicit bit set adds that bit into the exponent.
  return bitcast<f32>(sx | (((ey - sh - 1u) << 23u) + (r << sh)));
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn mathops(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  let gi: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (gi < n) {
    let x: f32 = X[gi];
    let y: f32 = Y[gi];
    O[gi * 19i + 0i] = exp(x);
    O[gi * 19i + 1i] = log(abs(x) + 0.5f);
    O[gi * 19i + 2i] = sqrt(abs(x));
    O[gi * 19i + 3i] = abs(x);
    O[gi * 19i + 4i] = min(x, y);
    O[gi * 19i + 5i] = max(x, y);
    O[gi * 19i + 6i] = ks_pow(abs(x) + 0.1f, y);
    O[gi * 19i + 7i] = ks_pow(x, 3.0f);
    O[gi * 19i + 8i] = floor(x * 3.0f);
    O[gi * 19i + 9i] = ceil(x * 3.0f);
    O[gi * 19i + 10i] = ks_round(floor(x * 8.0f) * 0.5f);
    O[gi * 19i + 11i] = sin(x);
    O[gi * 19i + 12i] = cos(x);
    O[gi * 19i + 13i] = tan(x);
    O[gi * 19i + 14i] = tanh(x * 2.0f);
    O[gi * 19i + 15i] = atan2(x, y);
    O[gi * 19i + 16i] = sign(x);
    O[gi * 19i + 17i] = 3.1415927f * x;
    O[gi * 19i + 18i] = ks_fmod(x * 7.0f, y);
  }
}
