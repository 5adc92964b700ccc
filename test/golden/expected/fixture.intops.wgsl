// KernelScript kernel 'intops' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read> A: array<i32>;
@group(0) @binding(2) var<storage, read> B: array<i32>;
@group(0) @binding(3) var<storage, read> X: array<f32>;
@group(0) @binding(4) var<storage, read_write> OI: array<i32>;
@group(0) @binding(5) var<storage, read_write> OU: array<u32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn intops(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  if (gi >= n) {
    return;
  }
  let a: i32 = A[gi];
  let b: i32 = B[gi];
  let ua: u32 = u32(a);
  let ub: u32 = u32(b);
  let x: f32 = X[gi];
  OI[gi * 24i + 0i] = a + b;
  OI[gi * 24i + 1i] = a - b;
  OI[gi * 24i + 2i] = a * b;
  OI[gi * 24i + 3i] = a / b;
  OI[gi * 24i + 4i] = a % b;
  OI[gi * 24i + 5i] = a & b;
  OI[gi * 24i + 6i] = a | b;
  OI[gi * 24i + 7i] = a ^ b;
  OI[gi * 24i + 8i] = a << (u32(b) & 31u);
  OI[gi * 24i + 9i] = a >> (u32(b) & 31u);
  OI[gi * 24i + 10i] = i32(u32(a) >> (u32(b) & 31u));
  OI[gi * 24i + 11i] = ~a;
  OI[gi * 24i + 12i] = -a;
  OI[gi * 24i + 13i] = min(a, b);
  OI[gi * 24i + 14i] = max(a, b);
  OI[gi * 24i + 15i] = abs(a);
  OI[gi * 24i + 16i] = max(a, -b);
  OI[gi * 24i + 17i] = i32(x);
  OI[gi * 24i + 18i] = i32(ua);
  OI[gi * 24i + 19i] = i32(a < b);
  OI[gi * 24i + 20i] = i32(a != 0i);
  OI[gi * 24i + 21i] = a << 3u;
  OI[gi * 24i + 22i] = a * (-2147483647i - 1i);
  OI[gi * 24i + 23i] = select(b, a, a > b);
  OU[gi * 24i + 0i] = ua + ub;
  OU[gi * 24i + 1i] = ua - ub;
  OU[gi * 24i + 2i] = ua * ub;
  OU[gi * 24i + 3i] = ua / ub;
  OU[gi * 24i + 4i] = ua % ub;
  OU[gi * 24i + 5i] = ua & ub;
  OU[gi * 24i + 6i] = ua | ub;
  OU[gi * 24i + 7i] = ua ^ ub;
  OU[gi * 24i + 8i] = ua << (u32(b) & 31u);
  OU[gi * 24i + 9i] = ua >> (u32(b) & 31u);
  OU[gi * 24i + 10i] = ua >> (ub & 31u);
  OU[gi * 24i + 11i] = ~ua;
  OU[gi * 24i + 12i] = 0u - ua;
  OU[gi * 24i + 13i] = min(ua, ub);
  OU[gi * 24i + 14i] = max(ua, ub);
  OU[gi * 24i + 15i] = abs(ua);
  OU[gi * 24i + 16i] = min(ua, ~ub);
  OU[gi * 24i + 17i] = u32(abs(x));
  OU[gi * 24i + 18i] = u32(a);
  OU[gi * 24i + 19i] = u32(ua < ub);
  OU[gi * 24i + 20i] = 4294967295u;
  OU[gi * 24i + 21i] = ua >> 1u;
  OU[gi * 24i + 22i] = ua * 2654435761u;
  OU[gi * 24i + 23i] = u32(f32(ua >> 8u));
}
