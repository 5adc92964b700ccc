// KernelScript kernel 'mixedShared' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> x: array<i32>;
@group(0) @binding(2) var<storage, read> y: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> bins: array<u32>;
var<workgroup> a: array<i32, (i32(ks_block_x) + 1i)>;
var<workgroup> b: array<f32, (i32(ks_block_x) << 1u)>;
var<workgroup> c: array<atomic<u32>, 8>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn mixedShared(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let t: i32 = ks_threadIdx_x;
  let n: i32 = ks_blockDim_x;
  let i: i32 = ks_blockIdx_x * n + t;
  a[t] = x[i];
  if (t == 0i) {
    a[n] = x[ks_blockIdx_x * n + n - 1i] * 3i;
  }
  b[2i * t] = y[i];
  b[2i * t + 1i] = y[i] * 0.5f;
  if (t < 8i) {
    atomicStore(&c[t], 0u);
  }
  workgroupBarrier();
  atomicAdd(&c[x[i] & 7i], 1u);
  out[i] = f32(a[n - t]) + b[2i * (n - 1i - t)] + b[2i * t + 1i];
  workgroupBarrier();
  if (t < 8i) {
    bins[ks_blockIdx_x * 8i + t] = atomicLoad(&c[t]);
  }
}
