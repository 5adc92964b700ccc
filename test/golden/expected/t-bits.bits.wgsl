// KernelScript kernel 'bits' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read> is: array<i32>;
@group(0) @binding(2) var<storage, read> us: array<u32>;
@group(0) @binding(3) var<storage, read> fs: array<f32>;
@group(0) @binding(4) var<storage, read_write> iout: array<i32>;
@group(0) @binding(5) var<storage, read_write> uout: array<u32>;
@group(0) @binding(6) var<storage, read_write> fout: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

// Returns v, unseen as a constant: Mesa hangs on some loop bounds (KernelScript docs/driver-notes.md).
fn ks_keep_i32(v: i32) -> i32 { return v ^ i32(ks_params.ks_grid.x == 0u); }

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn bits(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
    let a: i32 = is[i];
    let u: u32 = us[i];
    let o: i32 = i * 8i;
    iout[o] = a * is[n - 1i - i];
    iout[o + 1i] = i32(u) * ks_keep_i32(-1640531535i);
    iout[o + 2i] = countLeadingZeros(a);
    iout[o + 3i] = countLeadingZeros(i32(u >> (u32(i % 33i) & 31u)));
    iout[o + 4i] = bitcast<i32>(fs[i]);
    iout[o + 5i] = bitcast<i32>(u);
    iout[o + 6i] = bitcast<i32>(bitcast<f32>(a));
    iout[o + 7i] = a * 3i + 32i;
    let q: i32 = i * 4i;
    uout[q] = bitcast<u32>(bitcast<f32>(u));
    uout[q + 1i] = bitcast<u32>(fs[i]);
    uout[q + 2i] = bitcast<u32>(a);
    uout[q + 3i] = bitcast<u32>(bitcast<f32>(u) * 2.0f);
    fout[i * 2i] = bitcast<f32>(bitcast<u32>(fs[i]));
    fout[i * 2i + 1i] = bitcast<f32>(a);
  }
}
