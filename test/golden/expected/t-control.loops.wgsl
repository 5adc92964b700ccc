// KernelScript kernel 'loops' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read_write> out: array<i32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn loops(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  var odd: i32 = 0i;
  {
    var j: i32 = 0i;
    loop {
      if (!(j < i % 37i)) { break; }
      if ((j & 1i) == 0i) {
        continue;
      }
      odd = odd + j;
      continuing {
        j = j + 1i;
      }
    }
  }
  var v: i32 = i + 1i;
  var steps: i32 = 0i;
  while (true) {
    if (v == 1i || steps >= 60i) {
      break;
    }
    v = select(3i * v + 1i, v / 2i, v % 2i == 0i);
    steps = steps + 1i;
  }
  var k: i32 = 0i;
  var evens: i32 = 0i;
  loop {
    k = k + 1i;
    if (k % 2i != 0i) {
      continue;
    }
    evens = evens + 1i;
    continuing {
      break if !(k < i % 11i);
    }
  }
  var pairs: i32 = 0i;
  {
    var a: i32 = 0i;
    loop {
      if (!(a < 6i)) { break; }
      {
        var b: i32 = 0i;
        loop {
          if (!(b < 6i)) { break; }
          if (b > a) {
            break;
          }
          if ((a + b) % 3i == 0i) {
            continue;
          }
          pairs = pairs + (a * 10i + b);
          continuing {
            b = b + 1i;
          }
        }
      }
      continuing {
        a = a + 1i;
      }
    }
  }
  var w: i32 = i;
  var guard: i32 = 0i;
  while (w > 0i && guard < 100i) {
    w = w - 7i;
    guard = guard + 1i;
  }
  out[i * 5i] = odd;
  out[i * 5i + 1i] = steps;
  out[i * 5i + 2i] = evens;
  out[i * 5i + 3i] = pairs;
  out[i * 5i + 4i] = w + guard;
}
