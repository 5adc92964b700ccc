// KernelScript kernel 'atomics' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx > 65535 blocks is dispatched folded as (dx, dy, 1), dx = min(gx, 65535),
// dy = ceil(gx / dx); every other grid is dispatched as is. When num_workgroups differs from
// ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx and the surplus groups return at once.

struct ks_Params {
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read_write> C: array<atomic<i32>>;
@group(0) @binding(2) var<storage, read_write> H: array<i32>;
@group(0) @binding(3) var<storage, read> X: array<f32>;
@group(0) @binding(4) var<storage, read_write> S: array<atomic<u32>>;
@group(0) @binding(5) var<storage, read_write> UC: array<atomic<u32>>;
var<workgroup> hist: array<atomic<i32>, 8>;
var<workgroup> sf: array<atomic<u32>, 1>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn ks_atomicAdd_S(i: i32, v: f32) -> f32 {
  var old = atomicLoad(&S[i]);
  loop {
    let r = atomicCompareExchangeWeak(&S[i], old, bitcast<u32>(bitcast<f32>(old) + v));
    if (r.exchanged) { return bitcast<f32>(old); }
    old = r.old_value;
  }
}

fn ks_atomicAdd_sf(i: i32, v: f32) -> f32 {
  var old = atomicLoad(&sf[i]);
  loop {
    let r = atomicCompareExchangeWeak(&sf[i], old, bitcast<u32>(bitcast<f32>(old) + v));
    if (r.exchanged) { return bitcast<f32>(old); }
    old = r.old_value;
  }
}

fn ks_atomicCAS_C(i: i32, expected: i32, value: i32) -> i32 {
  loop {
    let r = atomicCompareExchangeWeak(&C[i], expected, value);
    if (r.exchanged || r.old_value != expected) { return r.old_value; }
  }
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn atomics(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  let gi: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (ks_threadIdx_x < 8i) {
    atomicStore(&hist[ks_threadIdx_x], 0i);
  }
  if (ks_threadIdx_x == 0i) {
    atomicStore(&sf[0i], bitcast<u32>(0.0f));
  }
  workgroupBarrier();
  if (gi < n) {
    let old: i32 = atomicAdd(&C[0i], 1i);
    H[old] = 1i;
    atomicSub(&C[1i], 3i);
    atomicMin(&C[2i], 500i - gi);
    atomicMax(&C[3i], gi - 7i);
    atomicExchange(&C[4i], 42i);
    var seen: i32 = 0i;
    loop {
      seen = atomicLoad(&C[5i]);
      continuing {
        break if !(ks_atomicCAS_C(5i, seen, seen + 2i) != seen);
      }
    }
    ks_atomicAdd_S(0i, X[gi]);
    atomicAdd(&hist[gi & 7i], 1i);
    atomicMax(&UC[0i], u32(gi) * 2654435761u);
    ks_atomicAdd_sf(0i, 0.5f);
  }
  workgroupBarrier();
  if (ks_threadIdx_x < 8i) {
    atomicAdd(&C[8i + ks_threadIdx_x], atomicLoad(&hist[ks_threadIdx_x]));
  }
  if (ks_threadIdx_x == 0i) {
    ks_atomicAdd_S(1i, bitcast<f32>(atomicLoad(&sf[0i])));
  }
}
