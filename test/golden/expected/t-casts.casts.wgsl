// KernelScript kernel 'casts' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  flip: u32,
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> f: array<f32>;
@group(0) @binding(2) var<storage, read> a: array<i32>;
@group(0) @binding(3) var<storage, read_write> of_: array<f32>;
@group(0) @binding(4) var<storage, read_write> oi: array<i32>;
@group(0) @binding(5) var<storage, read_write> ou: array<u32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn casts(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let flip: bool = ks_params.flip != 0u;
  let n: i32 = ks_params.n;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (i < n) {
    let x: f32 = f[i];
    let k: i32 = a[i];
    let o: i32 = i * 4i;
    oi[o] = i32(x);
    oi[o + 1i] = i32(u32(k) >> 1u);
    oi[o + 2i] = i32(x > 0.0f) + i32(k != 0i) * 2i;
    oi[o + 3i] = select(k, -k, flip);
    ou[o] = u32(k);
    ou[o + 1i] = u32(abs(x));
    ou[o + 2i] = u32(flip) + u32(x < 0.5f);
    ou[o + 3i] = u32(i32(x * 10.0f) & 255i);
    of_[o] = f32(k);
    of_[o + 1i] = f32(u32(k));
    of_[o + 2i] = x / 3.0f + f32(k);
    of_[o + 3i] = f32(k) / 7.0f - f32(i32(x));
  }
}
