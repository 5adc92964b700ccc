"""PyTorch peers for the KernelScript samples, timed the same way (CUDA events, warm-up first,
median of repeated runs), so bench/gpu-report.ts can print ratios.

Usage: python3 bench/peers.py '{"saxpy": 16777216, "reduction": 16777216, "matmul": [1024, 1024, 1024]}'
Prints one JSON object: milliseconds per operation, keyed like the input.
"""
import json
import sys

import torch

torch.backends.cuda.matmul.allow_tf32 = False  # compare float32 with float32
torch.backends.cudnn.allow_tf32 = False


def median_ms(fn, reps=50, warmup=5):
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(reps):
        start = torch.cuda.Event(enable_timing=True)
        end = torch.cuda.Event(enable_timing=True)
        start.record()
        fn()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end))
    times.sort()
    return times[len(times) // 2]


def softmax_regression(n, d, c, iters, lr):
    g = torch.Generator(device="cuda").manual_seed(1)
    x = torch.randn(n, d, device="cuda", generator=g)
    y = torch.randint(0, c, (n,), device="cuda", generator=g)
    onehot = torch.nn.functional.one_hot(y, c).float()
    w = torch.zeros(d, c, device="cuda")
    b = torch.zeros(c, device="cuda")

    def run():
        nonlocal w, b
        for _ in range(iters):
            p = torch.softmax(x @ w + b, dim=1)
            delta = (p - onehot) / n
            w = w - lr * (x.T @ delta)
            b = b - lr * delta.sum(0)

    return median_ms(run, reps=5, warmup=1)


def main():
    sizes = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
    out = {"device": torch.cuda.get_device_name(0), "torch": torch.__version__}
    if "saxpy" in sizes:
        n = sizes["saxpy"]
        x = torch.rand(n, device="cuda")
        y = torch.rand(n, device="cuda")
        out["saxpy"] = median_ms(lambda: y.add_(x, alpha=2.0))
    if "reduction" in sizes:
        n = sizes["reduction"]
        x = torch.rand(n, device="cuda")
        out["reduction"] = median_ms(lambda: x.sum())
    if "matmul" in sizes:
        m, nn, k = sizes["matmul"]
        a = torch.rand(m, k, device="cuda")
        b = torch.rand(k, nn, device="cuda")
        out["matmul"] = median_ms(lambda: a @ b)
    if "softmax" in sizes:
        n, d, c, iters = sizes["softmax"]
        out["softmax"] = softmax_regression(n, d, c, iters, 0.1)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
