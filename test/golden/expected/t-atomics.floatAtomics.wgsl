// KernelScript kernel 'floatAtomics' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> sums: array<atomic<u32>>;
var<workgroup> part: array<atomic<u32>, 1>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn ks_atomicAdd_part(i: i32, v: f32) -> f32 {
  var old = atomicLoad(&part[i]);
  loop {
    let r = atomicCompareExchangeWeak(&part[i], old, bitcast<u32>(bitcast<f32>(old) + v));
    if (r.exchanged) { return bitcast<f32>(old); }
    old = r.old_value;
  }
}

fn ks_atomicAdd_sums(i: i32, v: f32) -> f32 {
  var old = atomicLoad(&sums[i]);
  loop {
    let r = atomicCompareExchangeWeak(&sums[i], old, bitcast<u32>(bitcast<f32>(old) + v));
    if (r.exchanged) { return bitcast<f32>(old); }
    old = r.old_value;
  }
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn floatAtomics(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  if (ks_threadIdx_x == 0i) {
    atomicStore(&part[0i], bitcast<u32>(0.0f));
  }
  workgroupBarrier();
  if (i < n) {
    ks_atomicAdd_sums(0i, x[i]);
    ks_atomicAdd_part(0i, x[i] * x[i]);
  }
  workgroupBarrier();
  if (ks_threadIdx_x == 0i) {
    ks_atomicAdd_sums(1i, bitcast<f32>(atomicLoad(&part[0i])));
  }
}
