// KernelScript kernel 'order' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<storage, read_write> calls: array<atomic<i32>>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn order(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
    let tmp: f32 = x[i];
    let old_1: f32 = x[i];
    x[i] = old_1 * 2.0f + 1.0f;
    let bump_result: f32 = old_1;
    let a: f32 = tmp - bump_result * x[i];
    var cond: bool = x[i] > 0.0f;
    if (cond) {
      let old_2: f32 = x[i];
      x[i] = old_2 * 2.0f + 0.5f;
      let bump_result_1: f32 = old_2;
      cond = bump_result_1 > 1.0f;
    }
    var pick: f32 = 0.0f;
    if (cond) {
      let old_3: f32 = x[i];
      x[i] = old_3 * 2.0f + -1.0f;
      let bump_result_2: f32 = old_3;
      pick = bump_result_2;
    } else {
      let tmp_1: f32 = x[i];
      let old_4: f32 = x[i];
      x[i] = old_4 * 2.0f + 2.0f;
      let bump_result_3: f32 = old_4;
      pick = tmp_1 + bump_result_3;
    }
    let b: f32 = pick;
    var k: i32 = 0i;
    loop {
      let old_5: f32 = x[i];
      x[i] = old_5 * 2.0f + 0.0f;
      let bump_result_4: f32 = old_5;
      if (!(bump_result_4 < 40.0f && k < 3i)) {
        break;
      }
      k = k + 1i;
    }
    {
      var j: i32 = 0i;
      loop {
        let old_6: f32 = x[i];
        x[i] = old_6 * 2.0f + -0.5f;
        let bump_result_5: f32 = old_6;
        if (!(abs(bump_result_5) < 200.0f && j < 4i)) {
          break;
        }
        k = k + 10i;
        continuing {
          j = j + 1i;
        }
      }
    }
    var more: bool = false;
    loop {
      k = k + 100i;
      continuing {
        let old_7: f32 = x[i];
        x[i] = old_7 * 2.0f + 0.25f;
        let bump_result_6: f32 = old_7;
        more = bump_result_6 < 50.0f && k < 500i;
        break if !(more);
      }
    }
    let tmp_2: f32 = f32(atomicAdd(&calls[i], 1i));
    let old_8: f32 = x[i];
    x[i] = old_8 * 2.0f + 0.0f;
    let bump_result_7: f32 = old_8;
    let c: f32 = tmp_2 + bump_result_7 + f32(atomicLoad(&calls[i]));
    out[i] = a + b * 3.0f + f32(k) + c;
    let tmp_3: f32 = x[i];
    let old_9: f32 = x[i];
    x[i] = old_9 * 2.0f + 0.5f;
    let bump_result_8: f32 = old_9;
    x[i] = tmp_3 + bump_result_8;
  }
}
