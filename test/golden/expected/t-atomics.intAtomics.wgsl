// KernelScript kernel 'intAtomics' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read_write> c: array<atomic<i32>>;
@group(0) @binding(2) var<storage, read_write> tickets: array<i32>;
@group(0) @binding(3) var<storage, read_write> uc: array<atomic<u32>>;
var<workgroup> hist: array<atomic<i32>, 8>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn ks_atomicCAS_c(i: i32, expected: i32, value: i32) -> i32 {
  loop {
    let r = atomicCompareExchangeWeak(&c[i], expected, value);
    if (r.exchanged || r.old_value != expected) { return r.old_value; }
  }
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn intAtomics(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  if (ks_threadIdx_x < 8i) {
    atomicStore(&hist[ks_threadIdx_x], 0i);
  }
  workgroupBarrier();
  if (i < n) {
    let ticket: i32 = atomicAdd(&c[0i], 1i);
    tickets[ticket] = tickets[ticket] + 1i;
    atomicSub(&c[1i], 3i);
    atomicMin(&c[2i], 500i - i);
    atomicMax(&c[3i], i - 7i);
    atomicExchange(&c[4i], 42i);
    var seen: i32 = 0i;
    loop {
      seen = atomicLoad(&c[5i]);
      continuing {
        break if !(ks_atomicCAS_c(5i, seen, seen + 2i) != seen);
      }
    }
    atomicAdd(&hist[i & 7i], 1i);
    atomicMax(&uc[0i], u32(i) * 2654435761u);
    atomicMin(&uc[1i], u32(i) * 2654435761u + 12345u);
  }
  workgroupBarrier();
  if (ks_threadIdx_x < 8i) {
    atomicAdd(&c[8i + ks_threadIdx_x], atomicLoad(&hist[ks_threadIdx_x]));
  }
}
