// KernelScript kernel 'rowSoftmax' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

enable subgroups;
diagnostic(off, subgroup_uniformity);

struct ks_Params {
  rows: i32,
  cols: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;
var<private> ks_sg_id: u32;
var<private> ks_sg_size: u32;

// The f32 with bits b: Infinity and NaN, which WGSL cannot write as constants.
fn ks_f32_bits(b: u32) -> f32 { return bitcast<f32>(b); }

fn ks_warp_max_f32(v0: f32) -> f32 {
  var v = v0;
  for (var s = ks_sg_size >> 1u; s > 0u; s = s >> 1u) { v = max(v, subgroupShuffle(v, ks_sg_id ^ s)); }
  return v;
}

fn ks_warp_add_f32(v0: f32) -> f32 {
  var v = v0;
  for (var s = ks_sg_size >> 1u; s > 0u; s = s >> 1u) { v = v + subgroupShuffle(v, ks_sg_id ^ s); }
  return v;
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn rowSoftmax(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>, @builtin(subgroup_invocation_id) ks_sgid: u32, @builtin(subgroup_size) ks_sgsize: u32) {
  ks_sg_id = ks_sgid;
  ks_sg_size = ks_sgsize;
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_warp_size = i32(ks_sgsize);
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let ks_threadIdx_y = i32(ks_lid.y);
  let ks_blockDim_y = i32(ks_block_y);
  let rows: i32 = ks_params.rows;
  let cols: i32 = ks_params.cols;
  let warpsPerRow: i32 = ks_blockDim_x / ks_warp_size;
  let row: i32 = (ks_blockIdx_x * ks_blockDim_y + ks_threadIdx_y) * warpsPerRow + ks_threadIdx_x / ks_warp_size;
  if (row < rows) {
    var m: f32 = ks_f32_bits(0xff800000u);
    {
      var j: i32 = i32(ks_sg_id);
      loop {
        if (!(j < cols)) { break; }
        m = max(m, x[row * cols + j]);
        continuing {
          j = j + ks_warp_size;
        }
      }
    }
    m = ks_warp_max_f32(m);
    var s: f32 = 0.0f;
    {
      var j_1: i32 = i32(ks_sg_id);
      loop {
        if (!(j_1 < cols)) { break; }
        s = s + exp(x[row * cols + j_1] - m);
        continuing {
          j_1 = j_1 + ks_warp_size;
        }
      }
    }
    s = ks_warp_add_f32(s);
    {
      var j_2: i32 = i32(ks_sg_id);
      loop {
        if (!(j_2 < cols)) { break; }
        y[row * cols + j_2] = exp(x[row * cols + j_2] - m) / s;
        continuing {
          j_2 = j_2 + ks_warp_size;
        }
      }
    }
  }
}
