// KernelScript kernel 'narrowShared' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read> x: array<u32>;
@group(0) @binding(2) var<storage, read_write> out: array<i32>;
var<workgroup> tile: array<atomic<u32>, 16>;
var<workgroup> wide: array<atomic<u32>, 32>;
var<workgroup> half: array<atomic<u32>, 32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

// 'x' holds Uint8Array elements packed 4 to a u32 word, little-endian.
fn ks_load_x(ks_i: u32) -> u32 {
  let ks_sh = (ks_i & 3u) * 8u;
  let ks_w = x[ks_i >> 2u];
  return (ks_w >> ks_sh) & 0xffu;
}

// 'tile' holds Uint8Array elements packed 4 to a u32 word, little-endian.
fn ks_load_tile(ks_i: u32) -> u32 {
  let ks_sh = (ks_i & 3u) * 8u;
  let ks_w = atomicLoad(&tile[ks_i >> 2u]);
  return (ks_w >> ks_sh) & 0xffu;
}

// A store into 'tile' swaps only its element's bits, so the word's other elements stay as others wrote them.
fn ks_store_tile(ks_i: u32, ks_v: u32) {
  let ks_sh = (ks_i & 3u) * 8u;
  let ks_m = 0xffu << ks_sh;
  let ks_bits = (ks_v << ks_sh) & ks_m;
  var ks_old = atomicLoad(&tile[ks_i >> 2u]);
  loop {
    let ks_r = atomicCompareExchangeWeak(&tile[ks_i >> 2u], ks_old, (ks_old & ~ks_m) | ks_bits);
    if (ks_r.exchanged) { return; }
    ks_old = ks_r.old_value;
  }
}

// 'wide' holds Int16Array elements packed 2 to a u32 word, little-endian.
fn ks_load_wide(ks_i: u32) -> i32 {
  let ks_sh = (ks_i & 1u) * 16u;
  let ks_w = atomicLoad(&wide[ks_i >> 1u]);
  return bitcast<i32>(ks_w << (16u - ks_sh)) >> 16u;
}

// A store into 'wide' swaps only its element's bits, so the word's other elements stay as others wrote them.
fn ks_store_wide(ks_i: u32, ks_v: i32) {
  let ks_sh = (ks_i & 1u) * 16u;
  let ks_m = 0xffffu << ks_sh;
  let ks_bits = (bitcast<u32>(ks_v) << ks_sh) & ks_m;
  var ks_old = atomicLoad(&wide[ks_i >> 1u]);
  loop {
    let ks_r = atomicCompareExchangeWeak(&wide[ks_i >> 1u], ks_old, (ks_old & ~ks_m) | ks_bits);
    if (ks_r.exchanged) { return; }
    ks_old = ks_r.old_value;
  }
}

// 'half' holds Uint16Array elements packed 2 to a u32 word, little-endian.
fn ks_load_half(ks_i: u32) -> u32 {
  let ks_sh = (ks_i & 1u) * 16u;
  let ks_w = atomicLoad(&half[ks_i >> 1u]);
  return (ks_w >> ks_sh) & 0xffffu;
}

// A store into 'half' swaps only its element's bits, so the word's other elements stay as others wrote them.
fn ks_store_half(ks_i: u32, ks_v: u32) {
  let ks_sh = (ks_i & 1u) * 16u;
  let ks_m = 0xffffu << ks_sh;
  let ks_bits = (ks_v << ks_sh) & ks_m;
  var ks_old = atomicLoad(&half[ks_i >> 1u]);
  loop {
    let ks_r = atomicCompareExchangeWeak(&half[ks_i >> 1u], ks_old, (ks_old & ~ks_m) | ks_bits);
    if (ks_r.exchanged) { return; }
    ks_old = ks_r.old_value;
  }
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn narrowShared(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  let t: i32 = ks_threadIdx_x;
  let i: i32 = ks_blockIdx_x * ks_blockDim_x + t;
  var loc: array<i32, 4> = array<i32, 4>();
  var acc: array<u32, 3> = array<u32, 3>();
  var v: i32 = 0i;
  if (i < n) {
    v = i32(ks_load_x(u32(i)));
  }
  ks_store_tile(u32(t), u32(v + 200i));
  ks_store_wide(u32(t), v * -300i);
  ks_store_half(u32(t), u32(v * 1000i));
  workgroupBarrier();
  {
    loc[0i] = (((i32(ks_load_tile(u32((t + 0i) & 63i))) + 0i) & 255i) ^ 128i) - 128i;
    loc[1i] = (((i32(ks_load_tile(u32((t + 1i) & 63i))) + 100i) & 255i) ^ 128i) - 128i;
    loc[2i] = (((i32(ks_load_tile(u32((t + 2i) & 63i))) + 200i) & 255i) ^ 128i) - 128i;
    loc[3i] = (((i32(ks_load_tile(u32((t + 3i) & 63i))) + 300i) & 255i) ^ 128i) - 128i;
  }
  acc[t % 3i] = (ks_load_half(u32((t + 5i) & 63i)) + 65530u) & 0xffffu;
  if (i < n) {
    out[i] = loc[0i] + loc[1i] + loc[2i] + loc[3i] + ks_load_wide(u32((t + 1i) & 63i)) + i32(acc[t % 3i]) + loc[t & 3i];
  }
}
