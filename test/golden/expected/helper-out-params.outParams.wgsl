// KernelScript kernel 'outParams' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  rows: i32,
  w: i32,
  h: i32,
  v: f32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> mm: array<f32>;
@group(0) @binding(3) var<storage, read_write> spread: array<f32>;
@group(0) @binding(4) var<storage, read_write> flags: array<i32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn outParams(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  let w: i32 = ks_params.w;
  let h: i32 = ks_params.h;
  let v: f32 = ks_params.v;
  let r: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (r < rows) {
    let m: i32 = w * h;
    let off_1: i32 = r * m;
    let o_1: i32 = 2i * r;
    var lo_1: f32 = a[off_1];
    var hi_1: f32 = a[off_1];
    {
      var j_1: i32 = 1i;
      loop {
        if (!(j_1 < m)) { break; }
        lo_1 = min(lo_1, a[off_1 + j_1]);
        hi_1 = max(hi_1, a[off_1 + j_1]);
        continuing {
          j_1 = j_1 + 1i;
        }
      }
    }
    mm[o_1] = lo_1;
    mm[o_1 + 1i] = hi_1;
    var t: array<f32, 2> = array<f32, 2>();
    let off_2: i32 = r * m;
    var lo_2: f32 = a[off_2];
    var hi_2: f32 = a[off_2];
    {
      var j_2: i32 = 1i;
      loop {
        if (!(j_2 < m)) { break; }
        lo_2 = min(lo_2, a[off_2 + j_2]);
        hi_2 = max(hi_2, a[off_2 + j_2]);
        continuing {
          j_2 = j_2 + 1i;
        }
      }
    }
    t[0i] = lo_2;
    t[1i] = hi_2;
    var u: array<f32, 2> = array<f32, 2>();
    {
      u[0i] = t[0i] * 3.0f;
      u[1i] = t[1i] * 3.0f;
    }
    spread[r] = u[1i] - u[0i];
    let off_3: i32 = r * m;
    var markFirst_done: bool = false;
    loop {
      {
        var y_1: i32 = 0i;
        loop {
          if (!(y_1 < h)) { break; }
          {
            var x_1: i32 = 0i;
            loop {
              if (!(x_1 < w)) { break; }
              if (a[off_3 + y_1 * w + x_1] > v) {
                flags[off_3 + y_1 * w + x_1] = flags[off_3 + y_1 * w + x_1] + 1i;
                markFirst_done = true;
                break;
              }
              continuing {
                x_1 = x_1 + 1i;
              }
            }
            if (markFirst_done) {
              break;
            }
          }
          continuing {
            y_1 = y_1 + 1i;
          }
        }
        if (markFirst_done) {
          break;
        }
      }
      flags[off_3] = -flags[off_3];
      break;
    }
  }
}
