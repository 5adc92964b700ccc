// KernelScript kernel 'vecOrder' (CUDA C). Generated code: edit the TypeScript source instead.
// Silences nvcc warnings about unused variables, constant division by zero and the like.
#pragma nv_diag_suppress 39, 173, 177, 179, 186, 550

extern "C" __global__ void vecOrder(float* __restrict__ w, int* __restrict__ cnt, float* __restrict__ out, int n) {
  const int i = (int)(blockIdx.x * blockDim.x + threadIdx.x);
  if (i < n) {
    const float tmp = w[(int)(4u * i)];
    const float v_1 = out[(int)(4u * i + 1u)];
    reinterpret_cast<float4*>(w)[i] = make_float4(v_1, v_1, v_1, v_1);
    const float put4_result = 1.0f;
    out[(int)(4u * i)] = tmp + put4_result;
    const float arg = (float)atomicAdd(&cnt[i], 1);
    const float arg_1 = (float)atomicAdd(&cnt[i], 1);
    const float arg_2 = (float)atomicAdd(&cnt[i], 1) * 10.0f;
    const float arg_3 = (float)atomicAdd(&cnt[i], 1) * 10.0f;
    const float v_x = arg + arg_2;
    const float v_y = arg_1 + arg_3;
    const float v_z = 0.0f;
    const float v_w = 0.0f;
    out[(int)(4u * i + 1u)] = v_x;
    out[(int)(4u * i + 2u)] = v_y;
    const int j_1 = (int)(4u * i);
    w[j_1] = w[j_1] + 10.0f;
    const float bump_result = 0.0f;
    const float b = bump_result;
    const float4 ks_vec_w4_x = reinterpret_cast<const float4*>(w)[i];
    const float w4_x = ks_vec_w4_x.x;
    const float w4_y = ks_vec_w4_x.y;
    const float w4_z = ks_vec_w4_x.z;
    const float w4_w = ks_vec_w4_x.w;
    out[(int)(4u * i + 3u)] = b + w4_x;
  }
}
