// KernelScript kernel 'values' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  on: u32,
  times: i32,
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

// The f32 with bits b: Infinity and NaN, which WGSL cannot write as constants.
fn ks_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn twice(v: f32) -> f32 {
  return v * 2.0f;
}

fn scale(v: f32, on: bool, times: i32) -> f32 {
  if (!on) {
    return v;
  }
  var r: f32 = v;
  {
    var t: i32 = 0i;
    loop {
      if (!(t < times)) { break; }
      r = twice(r);
      continuing {
        t = t + 1i;
      }
    }
  }
  return r;
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn values(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let on: bool = ks_params.on != 0u;
  let times: i32 = ks_params.times;
  let n: i32 = ks_params.n;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (i >= n) {
    return;
  }
  var window: array<f32, 4> = array<f32, 4>();
  {
    window[0i] = x[(i + 0i) % n];
    window[1i] = x[(i + 1i) % n];
    window[2i] = x[(i + 2i) % n];
    window[3i] = x[(i + 3i) % n];
  }
  var best: f32 = ks_f32_bits(0xff800000u);
  var worst: f32 = ks_f32_bits(0x7f800000u);
  {
    best = max(best, window[0i]);
    worst = min(worst, window[0i]);
    best = max(best, window[1i]);
    worst = min(worst, window[1i]);
    best = max(best, window[2i]);
    worst = min(worst, window[2i]);
    best = max(best, window[3i]);
    worst = min(worst, window[3i]);
  }
  out[i * 4i] = best;
  out[i * 4i + 1i] = worst;
  out[i * 4i + 2i] = scale(x[i], on, times);
  out[i * 4i + 3i] = select(-x[i] * 0.5f, x[i], x[i] >= 0.0f && on);
}
