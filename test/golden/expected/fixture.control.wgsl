// KernelScript kernel 'control' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  flag: u32,
  m: i32,
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read_write> O: array<f32>;
@group(0) @binding(3) var<storage, read_write> OI: array<i32>;
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
fn control(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let flag: bool = ks_params.flag != 0u;
  let m: i32 = ks_params.m;
  let n: i32 = ks_params.n;
  let gi: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (gi >= n) {
    return;
  }
  var acc: i32 = 0i;
  {
    var j: i32 = 0i;
    loop {
      if (!(j < gi % 37i)) { break; }
      if ((j & 1i) == 0i) {
        continue;
      }
      acc = acc + j;
      continuing {
        j = j + 1i;
      }
    }
  }
  OI[gi * 4i] = acc;
  var v: i32 = gi + 1i;
  var steps: i32 = 0i;
  loop {
    if (v == 1i || steps >= 50i) {
      break;
    }
    v = select(v * 3i + 1i, v / 2i, v % 2i == 0i);
    steps = steps + 1i;
  }
  OI[gi * 4i + 1i] = steps;
  var k: i32 = 0i;
  var evens: i32 = 0i;
  loop {
    k = k + 1i;
    if (k % 2i != 0i) {
      continue;
    }
    evens = evens + 1i;
    continuing {
      break if !(k < gi % 11i);
    }
  }
  OI[gi * 4i + 2i] = evens;
  var p: i32 = 0i;
  var q: i32 = 0i;
  loop {
    if (!(p < 10i)) { break; }
    if (p == 3i) {
      continue;
    }
    q = q + p;
    continuing {
      if (p < 5i) {
        p = p + 1i;
      } else {
        p = p + 2i;
      }
    }
  }
  OI[gi * 4i + 3i] = q;
  var w: array<f32, 4> = array<f32, 4>();
  {
    w[0i] = X[(gi + 0i) % n];
    w[1i] = X[(gi + 1i) % n];
    w[2i] = X[(gi + 2i) % n];
    w[3i] = X[(gi + 3i) % n];
  }
  var best: f32 = ks_f32_bits(0xff800000u);
  {
    best = max(best, w[0i]);
    best = max(best, w[1i]);
    best = max(best, w[2i]);
    best = max(best, w[3i]);
  }
  O[gi * 3i] = best;
  O[gi * 3i + 1i] = scale(X[gi], flag, m);
  O[gi * 3i + 2i] = select(-1.5f, ks_f32_bits(0x7f800000u), !(X[gi] < 0.0f));
}
