// KernelScript kernel 'vecInt' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void vecInt(const int* __restrict__ xs, const unsigned int* __restrict__ us, unsigned int k, int* __restrict__ outI, unsigned int* __restrict__ outU, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i >= n) {
    return;
  }
  const int4 ks_vec_four_x = reinterpret_cast<const int4*>(xs)[i];
  const int four_x = ks_vec_four_x.x;
  const int four_y = ks_vec_four_x.y;
  const int four_z = ks_vec_four_x.z;
  const int four_w = ks_vec_four_x.w;
  const int2 ks_vec_lo_x = reinterpret_cast<const int2*>(xs)[(int)(2u * i)];
  const int lo_x = ks_vec_lo_x.x;
  const int lo_y = ks_vec_lo_x.y;
  const int2 ks_vec_hi_x = reinterpret_cast<const int2*>(xs)[(int)(2u * i + 1u)];
  const int hi_x = ks_vec_hi_x.x;
  const int hi_y = ks_vec_hi_x.y;
  const int d_x = (int)((unsigned int)lo_x * hi_x) / 7;
  const int d_y = (int)((unsigned int)lo_y * hi_y) / -3;
  const int splat = xs[(int)(4u * i + 1u)];
  const int e_x = (int)((unsigned int)d_x + four_z - splat);
  const int e_y = (int)((unsigned int)d_y + four_w - splat);
  reinterpret_cast<int2*>(outI)[i] = make_int2(e_x, e_y);
  const uint4 ks_vec_u_x = reinterpret_cast<const uint4*>(us)[i];
  const unsigned int u_x = ks_vec_u_x.x;
  const unsigned int u_y = ks_vec_u_x.y;
  const unsigned int u_z = ks_vec_u_x.z;
  const unsigned int u_w = ks_vec_u_x.w;
  unsigned int m_x = u_x * k;
  unsigned int m_y = u_y * k;
  unsigned int m_z = u_z * k;
  unsigned int m_w = u_w * k;
  m_y = m_y ^ 1515870810u;
  m_x = m_x / 3u;
  m_y = m_y / 3u;
  m_z = m_z / 3u;
  m_w = m_w / 3u;
  reinterpret_cast<uint4*>(outU)[i] = make_uint4(m_x + (u_x * u_x + u_y * u_y + u_z * u_z + u_w * u_w), m_y + 0u, m_z + 1u, m_w + (four_x == -1 ? 2u : 3u));
}
