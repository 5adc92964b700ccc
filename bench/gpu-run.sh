#!/bin/sh
# On a Linux x64 GPU machine without Node: runs, from the portable bundle (npm run bundle), the
# whole test suite (cuda, webgpu and cpu), every sample at full size on cuda and webgpu, saxpy
# scalar / load4 / hand-written float4, the CUDA cache measurement and the PyTorch peers. Raw logs
# and JSON go to <out>; a summary to stdout.
#
#   sh bench/gpu-run.sh .bundle/kernelscript-linux-x64.run <out>
set -u
bundle=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
mkdir -p "$out"
run() { sh "$bundle" "$@"; }
now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{ printf "%.1f", $2 - $1 }'; }

nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$out/gpu.txt"
run doctor > "$out/doctor.txt" 2>&1
sed -n 1,12p "$out/doctor.txt"

t0=$(now)
run test > "$out/suite.log" 2>&1
echo "suite rc=$? in $(secs "$t0" "$(now)")s"
grep -E "FAIL|Test Files|Tests " "$out/suite.log" | sed 's/\x1b\[[0-9;]*m//g' | head -20

: > "$out/samples.jsonl"
for be in cuda webgpu; do
  for s in hello vector-add saxpy reduction matmul logistic-regression softmax-regression mnist matrix-ops; do
    t0=$(now)
    run tsx "samples/$s.ts" --backend "$be" --json > "$out/sample.log" 2>&1
    rc=$?
    wall=$(secs "$t0" "$(now)")
    last=$(tail -n 1 "$out/sample.log")
    case "$last" in \{*) ;; *) last='null' ;; esac
    echo "{\"backend\":\"$be\",\"sample\":\"$s\",\"rc\":$rc,\"wallS\":$wall,\"result\":$last}" >> "$out/samples.jsonl"
    echo "$be $s rc=$rc ${wall}s"
  done
done

for be in cuda webgpu; do
  run tsx bench/saxpy-vec.ts --backend "$be" 2>/dev/null | tail -n 1 | tee -a "$out/saxpy-vec.jsonl"
done

# Sum of 2^28 f32: the shared-memory, warp-shuffle and load4/warpSum reductions on cuda and webgpu,
# and CUB's (CuPy's sum), in this one run; then the load4 kernel's pass-1 grid at other sizes (half,
# one and two waves of 8 blocks of 256 on each of 132 SMs, and 4096 blocks).
for be in cuda webgpu; do
  run tsx samples/reduction.ts --backend "$be" --n 268435456 --reps 50 --json 2>/dev/null | tail -n 1 | tee -a "$out/reduce-2e28.jsonl"
  for blocks in 528 1056 2112 4096; do
    run tsx samples/reduction.ts --backend "$be" --n 268435456 --reps 50 --blocks "$blocks" --json 2>/dev/null | tail -n 1 | tee -a "$out/reduce-2e28-grid.jsonl"
  done
done
dir=$(dirname "$bundle")/$(ls "$(dirname "$bundle")" | grep '^kernelscript-' | grep -v '\.run$' | head -n 1)
python3 "$dir/bench/cupy_sum.py" 268435456 | tee -a "$out/reduce-2e28.jsonl"

# Every row of bench/run.ts (saxpy, sum, SGEMM, softmax regression, MNIST) beside its peers.
run tsx bench/run.ts --out "$out/bench" > "$out/bench.log" 2>&1
echo "bench rc=$?"; tail -n 40 "$out/bench.log"

# Host cost of a launch (bench/launch.ts) on both backends, the C floor (bench/launch-native.cu),
# and the webgpu timing factors (bench/webgpu-timing.ts).
for be in cuda webgpu; do
  run tsx bench/launch.ts --backend "$be" 2>/dev/null | tail -n 1 | tee -a "$out/launch.jsonl"
done
native=$(mktemp -d)
if nvcc -arch=sm_90 -O3 -o "$native/launch-native" "$dir/bench/launch-native.cu" -lcuda > "$out/launch-native.log" 2>&1; then
  "$native/launch-native" | tee -a "$out/launch.jsonl"
else
  echo "launch-native: nvcc failed (see launch-native.log)"
fi
run tsx bench/webgpu-timing.ts --backend webgpu > "$out/webgpu-timing.jsonl" 2>&1
run tsx bench/webgpu-timing.ts --backend cuda > "$out/cuda-timing.jsonl" 2>&1

cache=$(mktemp -d)
for pass in cold warm; do
  KERNELSCRIPT_CACHE_DIR=$cache run tsx bench/cuda-cache.ts 2>/dev/null | tail -n 1 | sed "s/^/cache $pass (auto): /"
done
KERNELSCRIPT_CACHE_DIR=$(mktemp -d) KERNELSCRIPT_CUDA_COMPILER=nvcc run tsx bench/cuda-cache.ts 2>/dev/null | tail -n 1 | sed "s/^/cache cold (nvcc): /"

python3 "$dir/bench/peers.py" '{"saxpy": 1048576, "reduction": 16777216, "matmul": [1024, 1024, 1024], "softmax": [10000, 500, 5, 100]}' | tee "$out/peers.json"
