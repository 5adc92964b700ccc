// KernelScript kernel 'edges' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> w: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn poly(v: f32) -> f32 {
  return v + 2.0f * v * 3.0f * v;
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn edges(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
    let off_1: i32 = ks_blockIdx_x * ks_blockDim_x;
    let lane_result: f32 = x[off_1 + ks_threadIdx_x];
    let j_1: i32 = (i + 1i) % n;
    var pick_result: f32 = 0.0f;
    loop {
      if (x[i] > x[j_1]) {
        pick_result = x[i] - x[j_1];
        break;
      } else {
        pick_result = x[j_1] + 1.0f;
        break;
      }
    }
    let i_1: i32 = (i + 2i) % n;
    var pick_result_1: f32 = 0.0f;
    loop {
      if (x[i_1] > x[i]) {
        pick_result_1 = x[i_1] - x[i];
        break;
      } else {
        pick_result_1 = x[i] + 1.0f;
        break;
      }
    }
    var s: f32 = lane_result + pick_result * pick_result_1;
    var visits: i32 = 0i;
    {
      var j: i32 = 8i * i;
      loop {
        if (!(j < 8i * i + 8i)) { break; }
        visits = visits + 1i;
        continuing {
          var step_result: i32 = 0i;
          loop {
            let up_1: bool = w[j] > 0.0f;
            w[j] = w[j] + 10.0f;
            if (up_1) {
              step_result = j + 2i;
              break;
            }
            step_result = j + 1i;
            break;
          }
          j = step_result;
        }
      }
    }
    s = s + (poly(x[i]) + f32(visits));
    out[i] = s;
  }
}
