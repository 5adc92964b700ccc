// KernelScript kernel 'rowDots' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  rows: i32,
  m: i32,
  v: f32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> first: array<i32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn rowDots(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let rows: i32 = ks_params.rows;
  let m: i32 = ks_params.m;
  let v: f32 = ks_params.v;
  let r: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (r < rows) {
    let off_1: i32 = r * m;
    var s_1: f32 = 0.0f;
    {
      var j_1: i32 = 0i;
      loop {
        if (!(j_1 < m)) { break; }
        s_1 = s_1 + a[off_1 + j_1] * b[off_1 + j_1];
        continuing {
          j_1 = j_1 + 1i;
        }
      }
    }
    let dot_result: f32 = s_1;
    let off_2: i32 = r * m;
    var s_2: f32 = 0.0f;
    {
      var j_2: i32 = 0i;
      loop {
        if (!(j_2 < m)) { break; }
        s_2 = s_2 + a[off_2 + j_2] * a[off_2 + j_2];
        continuing {
          j_2 = j_2 + 1i;
        }
      }
    }
    let dot_result_1: f32 = s_2;
    out[r] = dot_result * 0.5f + dot_result_1;
    let off_3: i32 = r * m;
    var firstAbove_result: i32 = 0i;
    var firstAbove_done: bool = false;
    loop {
      {
        var j_3: i32 = 0i;
        loop {
          if (!(j_3 < m)) { break; }
          if (b[off_3 + j_3] > v) {
            firstAbove_result = j_3;
            firstAbove_done = true;
            break;
          }
          continuing {
            j_3 = j_3 + 1i;
          }
        }
        if (firstAbove_done) {
          break;
        }
      }
      firstAbove_result = -1i;
      break;
    }
    first[r] = firstAbove_result;
  }
}
