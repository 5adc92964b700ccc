// KernelScript kernel 'exprfuzz' (WGSL). Generated code: edit the TypeScript source instead.
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
@group(0) @binding(2) var<storage, read_write> O: array<i32>;
override ks_block_x: u32 = 1u;
override ks_block_y: u32 = 1u;
override ks_block_z: u32 = 1u;

@compute @workgroup_size(ks_block_x, ks_block_y, ks_block_z)
fn exprfuzz(@builtin(local_invocation_id) ks_lid: vec3<u32>, @builtin(workgroup_id) ks_wid: vec3<u32>, @builtin(num_workgroups) ks_nwg: vec3<u32>) {
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
  if (gi < n) {
    let a: i32 = A[gi * 3i];
    let b: i32 = A[gi * 3i + 1i];
    let c: i32 = A[gi * 3i + 2i];
    O[gi * 24i + 0i] = 4i;
    O[gi * 24i + 1i] = (select(c | b, -c, b > -7i && a == a) % 247i) | (select(b >> (u32(c) & 31u), a >> (u32(a) & 31u), b != -34i && a != b) * (-12i % ((b & 255i) | 1i)));
    O[gi * 24i + 2i] = max((b & (b >> 2u)) | (22i & (b ^ b)), (19i + 11i / ((b & 255i) | 1i)) & ((a >> (u32(b) & 31u)) * min(a, c)));
    O[gi * 24i + 3i] = (i32(u32(a % ((b & 255i) | 1i)) >> (u32(i32(u32(c) >> (u32(b) & 31u))) & 31u)) / ((((c ^ c) % ((c & 255i) | 1i)) & 255i) | 1i)) ^ select((b ^ a) & c, -(13i & a), -b == select(a, 3i, b <= b));
    O[gi * 24i + 4i] = ((a >> (u32(a * -9i) & 31u)) << (u32((-21i - b) / (((-23i * c) & 255i) | 1i)) & 31u)) << (u32((i32(u32(c) >> (u32(c) & 31u)) >> (u32(b % 3i) & 31u)) >> (u32(c) & 31u)) & 31u);
    O[gi * 24i + 5i] = -39i;
    O[gi * 24i + 6i] = i32(u32((a * b) | (b >> 5u)) * u32((a + 18i) << (u32(a + -39i) & 31u))) % ((i32(u32(b) >> (u32(34i + (b >> (u32(c) & 31u))) & 31u)) & 255i) | 1i);
    O[gi * 24i + 7i] = -26i;
    O[gi * 24i + 8i] = select(34i * c * select(7i, a, b != -30i), c, -72i <= a) + (b & (c % 245i)) * (max(b, -5i) % (((b % ((a & 255i) | 1i)) & 255i) | 1i));
    O[gi * 24i + 9i] = i32(u32(b) >> (u32((c & 2i) ^ select(b, b, c >= 25i)) & 31u)) & (i32(u32(i32(u32(b) >> (u32(a) & 31u))) >> (u32(select(c, b, b < b)) & 31u)) / ((min(-16i | c, b) & 255i) | 1i));
    O[gi * 24i + 10i] = -c >> (u32(select(select(14i, 0i, a > c), -a, c == 16i) - (-17i + (a << 22u))) & 31u);
    O[gi * 24i + 11i] = i32(u32(i32(u32(-1i) >> (u32(i32(u32(b) >> (u32(c) & 31u))) & 31u))) >> (u32(i32(u32(-28i) >> (u32(c) & 31u)) ^ (-28i - c)) & 31u)) % 217i;
    O[gi * 24i + 12i] = (62i % ((i32(u32(a) - u32(c)) & 255i) | 1i)) | i32(u32(b) - u32(i32(u32(1i) >> (u32(c) & 31u)))) | i32(u32(c) + u32(b));
    O[gi * 24i + 13i] = c;
    O[gi * 24i + 14i] = c;
    O[gi * 24i + 15i] = ~select(max(31i, select(c, a, -9i != a)), ~c << (u32(c >> (u32(b) & 31u)) & 31u), (c & b) == (c >> 7u));
    O[gi * 24i + 16i] = b * -max(i32(u32(38i) >> (u32(c) & 31u)), a >> (u32(a) & 31u));
    O[gi * 24i + 17i] = select(i32(u32(i32(u32(b) >> (u32(c) & 31u)) / ((b & 255i) | 1i)) * u32(a)), c ^ 52i ^ (select(-34i, -24i, c == a) | a), ((-16i - c) ^ (b - a)) != ~b / ((select(b, 20i, a <= c) & 255i) | 1i));
    O[gi * 24i + 18i] = ((14i >> (u32(30i & c) & 31u)) + (a & (b - b))) ^ a;
    O[gi * 24i + 19i] = (i32(u32(c) >> (u32(c) & 31u)) | (-30i % ((c & 255i) | 1i))) * i32(u32(-b) >> (u32(i32(u32(a) >> (u32(c) & 31u))) & 31u)) % ((b & 255i) | 1i);
    O[gi * 24i + 20i] = i32(u32(i32(u32(select(a, c, b > -30i)) >> (u32(a & -28i) & 31u))) >> (u32(select(select(a, b, 22i >= a), b | -34i, c > c)) & 31u)) + select(select(b, c, -38i <= b) | (29i - a), select(3i - a, c + a, c == b || c <= -38i), i32(28u * u32(c)) >= 0i);
    O[gi * 24i + 21i] = a << (u32(max(i32(u32(select(c, 9i, a > a)) - u32(~a)), c << (u32(b) & 31u))) & 31u);
    O[gi * 24i + 22i] = i32(u32(((-24i + a) | select(a, c, b <= b)) >> (u32(c ^ a ^ c) & 31u)) * u32(b));
    O[gi * 24i + 23i] = select(~b, select(-(-8i / ((c & 255i) | 1i)), min(c & a, select(b, b, b != b)), b * 36i >= select(b, a, c >= b)), i32(u32(a) >> 6u) < select(c, 22i, -16i < b) || !(b >= 23i));
  }
}
