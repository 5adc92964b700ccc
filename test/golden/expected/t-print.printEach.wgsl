// KernelScript kernel 'printEach' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  verbose: u32,
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> y: array<i32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> ks_log: array<atomic<u32>>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn ks_log_at(ks_n: u32) -> u32 {
  let ks_at = atomicAdd(&ks_log[0], ks_n);
  let ks_cap = arrayLength(&ks_log) - 2u;
  if (ks_at < ks_cap && ks_cap - ks_at >= ks_n) { return ks_at + 2u; }
  atomicAdd(&ks_log[1], 1u);
  return 0xffffffffu;
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn printEach(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let ks_threadIdx_y = i32(ks_lid.y);
  let ks_blockIdx_y = i32(ks_block.y);
  let ks_threadIdx_z = i32(ks_lid.z);
  let ks_blockIdx_z = i32(ks_block.z);
  let verbose: bool = ks_params.verbose != 0u;
  let n: i32 = ks_params.n;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (i < n) {
    let v: f32 = x[i] * 2.0f + f32(y[i]);
    if (verbose) {
      {
        let ks_p = ks_log_at(12u);
        if (ks_p != 0xffffffffu) {
          atomicStore(&ks_log[ks_p], 1u);
          atomicStore(&ks_log[ks_p + 1u], bitcast<u32>(ks_blockIdx_x));
          atomicStore(&ks_log[ks_p + 2u], bitcast<u32>(ks_blockIdx_y));
          atomicStore(&ks_log[ks_p + 3u], bitcast<u32>(ks_blockIdx_z));
          atomicStore(&ks_log[ks_p + 4u], bitcast<u32>(ks_threadIdx_x));
          atomicStore(&ks_log[ks_p + 5u], bitcast<u32>(ks_threadIdx_y));
          atomicStore(&ks_log[ks_p + 6u], bitcast<u32>(ks_threadIdx_z));
          atomicStore(&ks_log[ks_p + 7u], bitcast<u32>(i));
          atomicStore(&ks_log[ks_p + 8u], bitcast<u32>(y[i]));
          atomicStore(&ks_log[ks_p + 9u], u32(y[i]));
          atomicStore(&ks_log[ks_p + 10u], bitcast<u32>(y[i]));
          atomicStore(&ks_log[ks_p + 11u], u32(i) * 7919u);
        }
      }
      {
        let ks_p = ks_log_at(15u);
        if (ks_p != 0xffffffffu) {
          atomicStore(&ks_log[ks_p], 2u);
          atomicStore(&ks_log[ks_p + 1u], bitcast<u32>(ks_blockIdx_x));
          atomicStore(&ks_log[ks_p + 2u], bitcast<u32>(ks_blockIdx_y));
          atomicStore(&ks_log[ks_p + 3u], bitcast<u32>(ks_blockIdx_z));
          atomicStore(&ks_log[ks_p + 4u], bitcast<u32>(ks_threadIdx_x));
          atomicStore(&ks_log[ks_p + 5u], bitcast<u32>(ks_threadIdx_y));
          atomicStore(&ks_log[ks_p + 6u], bitcast<u32>(ks_threadIdx_z));
          atomicStore(&ks_log[ks_p + 7u], bitcast<u32>(x[i]));
          atomicStore(&ks_log[ks_p + 8u], bitcast<u32>(v));
          atomicStore(&ks_log[ks_p + 9u], bitcast<u32>(v));
          atomicStore(&ks_log[ks_p + 10u], select(0u, 1u, i > 3i));
          atomicStore(&ks_log[ks_p + 11u], bitcast<u32>(i));
          atomicStore(&ks_log[ks_p + 12u], bitcast<u32>(x[i]));
          atomicStore(&ks_log[ks_p + 13u], bitcast<u32>(y[i]));
          atomicStore(&ks_log[ks_p + 14u], bitcast<u32>(i));
        }
      }
      {
        let ks_p = ks_log_at(11u);
        if (ks_p != 0xffffffffu) {
          atomicStore(&ks_log[ks_p], 3u);
          atomicStore(&ks_log[ks_p + 1u], bitcast<u32>(ks_blockIdx_x));
          atomicStore(&ks_log[ks_p + 2u], bitcast<u32>(ks_blockIdx_y));
          atomicStore(&ks_log[ks_p + 3u], bitcast<u32>(ks_blockIdx_z));
          atomicStore(&ks_log[ks_p + 4u], bitcast<u32>(ks_threadIdx_x));
          atomicStore(&ks_log[ks_p + 5u], bitcast<u32>(ks_threadIdx_y));
          atomicStore(&ks_log[ks_p + 6u], bitcast<u32>(ks_threadIdx_z));
          atomicStore(&ks_log[ks_p + 7u], bitcast<u32>(v));
          atomicStore(&ks_log[ks_p + 8u], select(0u, 1u, (i & 1i) == 1i));
          atomicStore(&ks_log[ks_p + 9u], bitcast<u32>(y[i]));
          atomicStore(&ks_log[ks_p + 10u], u32(i));
        }
      }
      if (v > 0.0f) {
        {
          let ks_p = ks_log_at(9u);
          if (ks_p != 0xffffffffu) {
            atomicStore(&ks_log[ks_p], 4u);
            atomicStore(&ks_log[ks_p + 1u], bitcast<u32>(ks_blockIdx_x));
            atomicStore(&ks_log[ks_p + 2u], bitcast<u32>(ks_blockIdx_y));
            atomicStore(&ks_log[ks_p + 3u], bitcast<u32>(ks_blockIdx_z));
            atomicStore(&ks_log[ks_p + 4u], bitcast<u32>(ks_threadIdx_x));
            atomicStore(&ks_log[ks_p + 5u], bitcast<u32>(ks_threadIdx_y));
            atomicStore(&ks_log[ks_p + 6u], bitcast<u32>(ks_threadIdx_z));
            atomicStore(&ks_log[ks_p + 7u], bitcast<u32>(i));
            atomicStore(&ks_log[ks_p + 8u], bitcast<u32>(v));
          }
        }
      }
    }
    out[i] = v;
  }
}
