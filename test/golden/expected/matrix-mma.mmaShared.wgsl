// KernelScript kernel 'mmaShared' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

enable f16;

enable subgroups;
diagnostic(off, subgroup_uniformity);

enable chromium_experimental_subgroup_matrix;
// Matrix operations are collective per warp (a subgroup): the compiler checks that, not Tint.
diagnostic(off, chromium.subgroup_matrix_uniformity);

struct ks_Params {
  M: i32,
  N: i32,
  K: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> a: array<f16>;
@group(0) @binding(2) var<storage, read> b: array<f16>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;
var<workgroup> as_: array<f16, 512>;
var<workgroup> bs: array<f16, 512>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn mmaShared(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  let ks_blockDim_y = i32(ks_block_y);
  let M: i32 = ks_params.M;
  let N: i32 = ks_params.N;
  let K: i32 = ks_params.K;
  let t: i32 = ks_threadIdx_y * ks_blockDim_x + ks_threadIdx_x;
  let threads: i32 = ks_blockDim_x * ks_blockDim_y;
  let wr: i32 = ks_threadIdx_y / 2i * 16i;
  let wc: i32 = ks_threadIdx_y % 2i * 16i;
  let row0: i32 = ks_blockIdx_y * 32i;
  let col0: i32 = ks_blockIdx_x * 32i;
  var acc: subgroup_matrix_result<f32, 16, 16> = subgroup_matrix_result<f32, 16, 16>();
  acc = subgroup_matrix_result<f32, 16, 16>(0.0f);
  {
    var k: i32 = 0i;
    loop {
      if (!(k < K)) { break; }
      {
        var i: i32 = t;
        loop {
          if (!(i < 512i)) { break; }
          as_[i] = a[(row0 + i / 16i) * K + k + i % 16i];
          continuing {
            i = i + threads;
          }
        }
      }
      {
        var i_1: i32 = t;
        loop {
          if (!(i_1 < 512i)) { break; }
          bs[i_1] = b[(k + i_1 / 32i) * N + col0 + i_1 % 32i];
          continuing {
            i_1 = i_1 + threads;
          }
        }
      }
      workgroupBarrier();
      var fa: subgroup_matrix_left<f16, 16, 16> = subgroup_matrix_left<f16, 16, 16>();
      fa = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>, row_major>(&as_, subgroupBroadcastFirst(u32(wr * 16i)), 16u);
      var fb: subgroup_matrix_right<f16, 16, 16> = subgroup_matrix_right<f16, 16, 16>();
      fb = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>, row_major>(&bs, subgroupBroadcastFirst(u32(wc)), 32u);
      acc = subgroupMatrixMultiplyAccumulate(fa, fb, acc);
      workgroupBarrier();
      continuing {
        k = k + 16i;
      }
    }
  }
  if (row0 < M) {
    subgroupMatrixStore<row_major>(&c, subgroupBroadcastFirst(u32((row0 + wr) * N + col0 + wc)), acc, subgroupBroadcastFirst(u32(N)));
  }
}
