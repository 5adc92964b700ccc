"""NumPy peers for bench/cpu.ts: the MNIST minibatch SGD of samples/lib/softmax-kernels.ts and a
float32 matmul, on the inputs bench/cpu.ts wrote, timed as medians of warm runs.

Usage: python3 bench/cpu_peers.py DIR   (DIR/spec.json names the inputs; see bench/cpu.ts)
Writes DIR/w.f32, DIR/b.f32 (trained weights), DIR/c.f32 (the product) for bench/cpu.ts to check,
and prints one JSON object: milliseconds per run, and the versions.
"""
import json
import os
import sys
import time

import numpy as np


def median_ms(fn, reps, warmup=1):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2]


def load(d, name, dtype, shape):
    return np.fromfile(os.path.join(d, name), dtype=dtype).reshape(shape)


def train(x, labels, orders, s, dtype=np.float32):
    """The sample's algorithm: per batch, W -= rate·(XᵀG/B + l2·W), b -= rate·ΣG/B, G = P − Y.
    In float32 as the kernels compute; bench/peers_all.py also runs it in float64 (x as float64) to
    check the float32 run."""
    n, d = x.shape
    k = s["k"]
    w = np.zeros((d, k), dtype)
    b = np.zeros(k, dtype)
    for e in range(s["epochs"]):
        rate = dtype(s["rate"] / (1 + s["decay"] * e))
        order = orders[e]
        for start in range(0, n, s["batch"]):
            idx = order[start:start + s["batch"]]
            xb = x[idx]
            z = xb @ w + b
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(idx)), labels[idx]] -= 1
            size = dtype(len(idx))
            w -= rate * ((xb.T @ p) / size + dtype(s["l2"]) * w)
            b -= rate * (p.sum(axis=0) / size)
    return w, b


def main():
    d = sys.argv[1]
    with open(os.path.join(d, "spec.json")) as f:
        s = json.load(f)
    out = {"numpy": np.__version__}
    m = s["mnist"]
    x = load(d, "x.f32", np.float32, (m["n"], m["d"]))
    labels = load(d, "labels.i32", np.int32, (m["n"],))
    orders = load(d, "orders.i32", np.int32, (m["epochs"], m["n"]))
    w, b = train(x, labels, orders, m)
    w.tofile(os.path.join(d, "w.f32"))
    b.tofile(os.path.join(d, "b.f32"))
    out["mnistMs"] = median_ms(lambda: train(x, labels, orders, m), s["reps"])
    mm = s["matmul"]
    a = load(d, "a.f32", np.float32, (mm["m"], mm["k"]))
    bb = load(d, "bm.f32", np.float32, (mm["k"], mm["n"]))
    (a @ bb).tofile(os.path.join(d, "c.f32"))
    out["matmulMs"] = median_ms(lambda: a @ bb, max(s["reps"], 20))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
