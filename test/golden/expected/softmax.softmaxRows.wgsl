// KernelScript kernel 'softmaxRows' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  cols: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
var<workgroup> red: array<f32, 128>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn softmaxRows(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let cols: i32 = ks_params.cols;
  let t: i32 = ks_threadIdx_x;
  let base: i32 = ks_blockIdx_x * cols;
  var m: f32 = x[base];
  {
    var c: i32 = t;
    loop {
      if (!(c < cols)) { break; }
      m = max(m, x[base + c]);
      continuing {
        c = c + 128i;
      }
    }
  }
  red[t] = m;
  workgroupBarrier();
  {
    var s: i32 = 64i;
    loop {
      if (!(s > 0i)) { break; }
      if (t < s) {
        red[t] = max(red[t], red[t + s]);
      }
      workgroupBarrier();
      continuing {
        s = s >> 1u;
      }
    }
  }
  let rowMax: f32 = red[0i];
  workgroupBarrier();
  var sum: f32 = 0.0f;
  {
    var c_1: i32 = t;
    loop {
      if (!(c_1 < cols)) { break; }
      sum = sum + exp(x[base + c_1] - rowMax);
      continuing {
        c_1 = c_1 + 128i;
      }
    }
  }
  red[t] = sum;
  workgroupBarrier();
  {
    var s_1: i32 = 64i;
    loop {
      if (!(s_1 > 0i)) { break; }
      if (t < s_1) {
        red[t] = red[t] + red[t + s_1];
      }
      workgroupBarrier();
      continuing {
        s_1 = s_1 >> 1u;
      }
    }
  }
  let total: f32 = red[0i];
  {
    var c_2: i32 = t;
    loop {
      if (!(c_2 < cols)) { break; }
      y[base + c_2] = exp(x[base + c_2] - rowMax) / total;
      continuing {
        c_2 = c_2 + 128i;
      }
    }
  }
}
