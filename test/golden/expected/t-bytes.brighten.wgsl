// KernelScript kernel 'brighten' (WGSL). Generated code: edit the TypeScript source instead.
// Bindings: group 0, binding 0 is the uniform ks_params (scalar parameters, 4 bytes each, then
// ks_grid, the grid the launch asked for); array parameters follow at bindings 1.. in order.
// blockDim comes from the pipeline constants ks_block_x, ks_block_y, ks_block_z.
// A 1-D grid of gx blocks beyond the device's maxComputeWorkgroupsPerDimension m is dispatched
// folded as (dx, dy, 1), dy = ceil(gx / m), dx = ceil(gx / dy); every other grid is dispatched as
// is. When num_workgroups differs from ks_grid, blockIdx.x = workgroup_id.x + workgroup_id.y * dx
// and the surplus groups return at once.

struct ks_Params {
  gain: u32,
  n: i32,
  ks_grid: vec3<u32>,
}

@group(0) @binding(0) var<uniform> ks_params: ks_Params;
@group(0) @binding(1) var<storage, read> img: array<u32>;
@group(0) @binding(2) var<storage, read_write> out: array<atomic<u32>>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

// 'img' holds Uint8Array elements packed 4 to a u32 word, little-endian.
fn ks_load_img(ks_i: u32) -> u32 {
  let ks_sh = (ks_i & 3u) * 8u;
  let ks_w = img[ks_i >> 2u];
  return (ks_w >> ks_sh) & 0xffu;
}

// 'out' holds Uint8Array elements packed 4 to a u32 word, little-endian.
fn ks_load_out(ks_i: u32) -> u32 {
  let ks_sh = (ks_i & 3u) * 8u;
  let ks_w = atomicLoad(&out[ks_i >> 2u]);
  return (ks_w >> ks_sh) & 0xffu;
}

// A store into 'out' swaps only its element's bits, so the word's other elements stay as others wrote them.
fn ks_store_out(ks_i: u32, ks_v: u32) {
  let ks_sh = (ks_i & 3u) * 8u;
  let ks_m = 0xffu << ks_sh;
  let ks_bits = (ks_v << ks_sh) & ks_m;
  var ks_old = atomicLoad(&out[ks_i >> 2u]);
  loop {
    let ks_r = atomicCompareExchangeWeak(&out[ks_i >> 2u], ks_old, (ks_old & ~ks_m) | ks_bits);
    if (ks_r.exchanged) { return; }
    ks_old = ks_r.old_value;
  }
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn brighten(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
  var ks_block = ks_wid;
  if (any(ks_nwg != ks_params.ks_grid)) {
    let ks_linear = ks_wid.x + ks_wid.y * ks_nwg.x;
    if (ks_linear >= ks_params.ks_grid.x) { return; }
    ks_block = vec3<u32>(ks_linear, 0u, 0u);
  }
  let ks_threadIdx_x = i32(ks_lid.x);
  let ks_blockIdx_x = i32(ks_block.x);
  let ks_blockDim_x = i32(ks_block_x);
  let gain: u32 = ks_params.gain;
  let n: i32 = ks_params.n;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + ks_threadIdx_x;
  if (i < n) {
    var left: u32 = 0u;
    if (i > 0i) {
      left = ks_load_img(u32(i - 1i));
    }
    ks_store_out(u32(i), ks_load_img(u32(i)) * gain + 7u);
    ks_store_out(u32(i), ks_load_out(u32(i)) + left);
  }
}
