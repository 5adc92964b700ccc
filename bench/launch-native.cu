// The floor for bench/launch.ts on cuda: host microseconds per cuLaunchKernel of the same tiny
// saxpy from C, in bursts of 100 from an idle stream and in a sustained run of 5000, and the
// device time per tiny launch back to back. Prints one JSON line.
//
//   nvcc -arch=sm_90 -o launch-native bench/launch-native.cu -lcuda && ./launch-native
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>
#include <cuda.h>
#include <cuda_runtime.h>

extern "C" __global__ void saxpy(float a, const float* __restrict__ x, float* __restrict__ y, int n) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + y[i];
}

static double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int main() {
  float *x = nullptr, *y = nullptr;
  cudaMalloc(&x, 4);
  cudaMalloc(&y, 4);
  cudaStream_t s;
  cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
  float a = 1;
  int n = 1;
  void* args[] = {&a, &x, &y, &n};
  cudaFunction_t rf;
  if (cudaGetFuncBySymbol(&rf, reinterpret_cast<const void*>(saxpy)) != cudaSuccess) return 1;
  CUfunction f = reinterpret_cast<CUfunction>(rf);
  auto launches = [&](int count) {
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < count; i++) cuLaunchKernel(f, 1, 1, 1, 32, 1, 1, 0, s, args, nullptr);
    auto t1 = std::chrono::steady_clock::now();
    cudaStreamSynchronize(s);
    return std::chrono::duration<double, std::micro>(t1 - t0).count() / count;
  };
  for (int r = 0; r < 20; r++) launches(100);
  std::vector<double> burst, sustained, device;
  for (int r = 0; r < 51; r++) burst.push_back(launches(100));
  for (int r = 0; r < 5; r++) sustained.push_back(launches(5000));
  cudaEvent_t e0, e1;
  cudaEventCreate(&e0);
  cudaEventCreate(&e1);
  for (int r = 0; r < 5; r++) {
    cudaEventRecord(e0, s);
    for (int i = 0; i < 1000; i++) cuLaunchKernel(f, 1, 1, 1, 32, 1, 1, 0, s, args, nullptr);
    cudaEventRecord(e1, s);
    cudaEventSynchronize(e1);
    float ms = 0;
    cudaEventElapsedTime(&ms, e0, e1);
    device.push_back(ms);
  }
  printf("{\"backend\":\"cuda\",\"impl\":\"C, cuLaunchKernel\",\"hostUsPerLaunch\":%.2f,\"hostUsSustained\":%.2f,\"deviceUsPerTinyLaunch\":%.2f}\n",
         median(burst), median(sustained), median(device));
  return cudaGetLastError() == cudaSuccess ? 0 : 1;
}
