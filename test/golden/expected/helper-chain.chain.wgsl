// KernelScript kernel 'chain' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  a: f32,
  rows: i32,
  m: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> sums: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn chain(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let a: f32 = ks_params.a;
  let rows: i32 = ks_params.rows;
  let m: i32 = ks_params.m;
  let r: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (r < rows) {
    let off_1: i32 = r * m;
    {
      var j_1: i32 = 0i;
      loop {
        if (!(j_1 < m)) { break; }
        let i_1: i32 = off_1 + j_1;
        y[i_1] = a * x[i_1] + y[i_1];
        continuing {
          j_1 = j_1 + 1i;
        }
      }
    }
    let a_1: f32 = -0.5f * a;
    {
      var j_2: i32 = 0i;
      loop {
        if (!(j_2 < m)) { break; }
        let i_2: i32 = off_1 + j_2;
        x[i_2] = a_1 * y[i_2] + x[i_2];
        continuing {
          j_2 = j_2 + 1i;
        }
      }
    }
    var s_1: f32 = 0.0f;
    {
      var j_3: i32 = 0i;
      loop {
        if (!(j_3 < m)) { break; }
        let i_3: i32 = off_1 + j_3;
        let at_result: f32 = y[i_3];
        s_1 = s_1 + at_result;
        continuing {
          j_3 = j_3 + 1i;
        }
      }
    }
    let sumRange_result: f32 = s_1;
    let twice_result: f32 = sumRange_result;
    let off_2: i32 = r * m;
    var s_2: f32 = 0.0f;
    {
      var j_4: i32 = 0i;
      loop {
        if (!(j_4 < m)) { break; }
        let i_4: i32 = off_2 + j_4;
        let at_result_1: f32 = x[i_4];
        s_2 = s_2 + at_result_1;
        continuing {
          j_4 = j_4 + 1i;
        }
      }
    }
    let sumRange_result_1: f32 = s_2;
    sums[r] = twice_result + sumRange_result_1;
  }
}
