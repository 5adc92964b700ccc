// KernelScript kernel 'mmaGlobal' (WGSL). Generated code: edit the TypeScript source instead.
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
  bias: f32,
  bRowMajor: u32,
  M: i32,
  N: i32,
  K: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> a: array<f16>;
@group(0) @binding(2) var<storage, read> b: array<f16>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn mmaGlobal(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_threadIdx_y = i32(ks_lid.y);
  let ks_blockDim_y = i32(ks_block_y);
  let bias: f32 = ks_params.bias;
  let bRowMajor: bool = ks_params.bRowMajor != 0u;
  let M: i32 = ks_params.M;
  let N: i32 = ks_params.N;
  let K: i32 = ks_params.K;
  let tilesN: i32 = N / 16i;
  let tile: i32 = ks_blockIdx_x * ks_blockDim_y + ks_threadIdx_y;
  let row: i32 = tile / tilesN * 16i;
  let col: i32 = tile % tilesN * 16i;
  if (row < M) {
    var acc: subgroup_matrix_result<f32, 16, 16> = subgroup_matrix_result<f32, 16, 16>();
    acc = subgroup_matrix_result<f32, 16, 16>(bias);
    {
      var k: i32 = 0i;
      loop {
        if (!(k < K)) { break; }
        var fa: subgroup_matrix_left<f16, 16, 16> = subgroup_matrix_left<f16, 16, 16>();
        fa = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>, row_major>(&a, subgroupBroadcastFirst(u32(row * K + k)), subgroupBroadcastFirst(u32(K)));
        if (bRowMajor) {
          var fb: subgroup_matrix_right<f16, 16, 16> = subgroup_matrix_right<f16, 16, 16>();
          fb = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>, row_major>(&b, subgroupBroadcastFirst(u32(k * N + col)), subgroupBroadcastFirst(u32(N)));
          acc = subgroupMatrixMultiplyAccumulate(fa, fb, acc);
        } else {
          var fb_1: subgroup_matrix_right<f16, 16, 16> = subgroup_matrix_right<f16, 16, 16>();
          fb_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>, col_major>(&b, subgroupBroadcastFirst(u32(col * K + k)), subgroupBroadcastFirst(u32(K)));
          acc = subgroupMatrixMultiplyAccumulate(fa, fb_1, acc);
        }
        continuing {
          k = k + 16i;
        }
      }
    }
    subgroupMatrixStore<row_major>(&c, subgroupBroadcastFirst(u32(row * N + col)), acc, subgroupBroadcastFirst(u32(N)));
  }
}
