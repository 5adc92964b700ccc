// KernelScript kernel 'mathMore' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> p: array<f32>;
@group(0) @binding(3) var<storage, read> u: array<f32>;
@group(0) @binding(4) var<storage, read> s: array<f32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

fn ks_log10(x: f32) -> f32 {
  return log2(x) * 0.3010300099849701f;
}

fn ks_log1p(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  if ((b & 0x7fffffffu) >= 0x7f800000u) { return select(x, bitcast<f32>(b | 0x7fc00000u), b == 0xff800000u); }
  if (x <= -1.0f) { return bitcast<f32>(select(b | 0x7fc00000u, b | 0x7f800000u, x == -1.0f)); }
  if (x < -0.5f || x >= 1.0f) { return log(1.0f + x); }
  let s = x / (2.0f + x);
  let z = s * s;
  let p = 0.3333333432674408f + z * (0.20000000298023224f + z * (0.1428571492433548f + z * (0.1111111119389534f + z * (0.09090909361839294f + z * (0.07692307978868484f + z * (0.06666667014360428f))))));
  return 2.0f * (s + s * (z * p));
}

fn ks_expm1(x: f32) -> f32 {
  if ((bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u) { return x; }
  if (abs(x) > 0.5f) { return exp(x) - 1.0f; }
  let p = 0.5f + x * (0.1666666716337204f + x * (0.0416666679084301f + x * (0.008333333767950535f + x * (0.0013888889225199819f + x * (0.00019841270113829523f + x * (0.000024801587642286904f + x * (0.0000027557318844628753f)))))));
  return x + x * (x * p);
}

fn ks_hypot(x: f32, y: f32) -> f32 {
  let a = abs(x);
  let b = abs(y);
  let ba = bitcast<u32>(a);
  let bb = bitcast<u32>(b);
  if (ba == 0x7f800000u) { return a; }
  if (bb == 0x7f800000u) { return b; }
  if (ba > 0x7f800000u || bb > 0x7f800000u) { return bitcast<f32>(ba | bb); }
  let m = max(a, b);
  if (m == 0.0f) { return 0.0f; }
  let e = frexp(m).exp;
  let sa = ldexp(a, -e);
  let sb = ldexp(b, -e);
  return ldexp(sqrt(sa * sa + sb * sb), e);
}

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn mathMore(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
    let o: i32 = i * 15i;
    out[o] = trunc(a[i]);
    out[o + 1i] = log2(p[i]);
    out[o + 2i] = exp2(s[i] * 4.0f);
    out[o + 3i] = ks_log10(p[i]);
    out[o + 4i] = ks_log1p(u[i]);
    out[o + 5i] = ks_expm1(s[i]);
    out[o + 6i] = asin(u[i]);
    out[o + 7i] = acos(u[i]);
    out[o + 8i] = atan(a[i]);
    out[o + 9i] = sinh(s[i]);
    out[o + 10i] = cosh(s[i]);
    out[o + 11i] = ks_hypot(a[i], p[i]);
    out[o + 12i] = a[i];
    out[o + 13i] = f32(i * 16777217i);
    out[o + 14i] = ks_log1p(p[i]);
  }
}
