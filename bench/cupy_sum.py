"""CUB's device-wide sum through CuPy, timed like the KernelScript reductions (CUDA events, warm-up
first, median of repeated runs), on the same number of float32 values.

Usage: python3 bench/cupy_sum.py 268435456
Prints one JSON object: {"n": ..., "cupySumMs": ..., "cupySumGBs": ...}.
"""
import json
import sys

import cupy as cp


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1 << 28
    x = cp.random.random(n, dtype=cp.float32)
    want = float(cp.sum(x.astype(cp.float64)))
    got = float(cp.sum(x))
    if abs(got - want) > 1e-4 * abs(want):
        raise SystemExit(f"cupy sum wrong: {got} vs {want}")
    for _ in range(5):
        cp.sum(x)
    cp.cuda.Device().synchronize()
    times = []
    for _ in range(50):
        start, end = cp.cuda.Event(), cp.cuda.Event()
        start.record()
        cp.sum(x)
        end.record()
        end.synchronize()
        times.append(cp.cuda.get_elapsed_time(start, end))
    times.sort()
    ms = times[len(times) // 2]
    print(json.dumps({"n": n, "cupySumMs": round(ms, 4), "cupySumGBs": round(4 * n / (ms * 1e6), 1)}))


if __name__ == "__main__":
    main()
