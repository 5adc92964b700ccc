"""Every peer of bench/run.ts in one process: PyTorch and CuPy on the GPU (saxpy, a device copy of the
same bytes as the bandwidth ceiling, sum, SGEMM, softmax regression) and NumPy on the CPU (MNIST).
Each result is checked against a float64 run before it is timed; GPU times are CUDA events around
several launches (medians of several timings, alternating between two input sets, warm-up first),
as bench/run.ts times KernelScript. A peer whose library or device is missing is skipped with the
reason, and the others still run.

Usage: python3 bench/peers_all.py DIR
DIR/spec.json says what to run ("gpu" and "cpu" sections; see bench/suite/peers.ts); for MNIST,
DIR holds the digits and batch orders bench/suite/mnist-numpy.ts wrote. Prints one JSON object:
{"versions": {...}, "measurements": [...]}, measurements shaped like bench/suite/types.ts's.
"""
import json
import math
import os
import platform
import sys
import time

# Peers whose figures the chart compares against, per row.
REFERENCE = {
    "saxpy": "copy of the same bytes (PyTorch, bandwidth ceiling)",
    "sum": "CuPy sum (CUB)",
    "sgemm": "cuBLAS (PyTorch matmul, TF32 off)",
    "hgemm": "cuBLAS HGEMM (PyTorch f16 matmul, f32 accumulate)",
    "softmax": "PyTorch eager",
    "mnist": "NumPy",
}


def median(xs):
    s = sorted(xs)
    return s[len(s) // 2]


def try_import(name):
    try:
        return __import__(name), None
    except Exception as e:  # ImportError, or a library that fails to load its CUDA parts
        return None, f"{type(e).__name__}: {e}"


class Results:
    def __init__(self):
        self.measurements = []

    def run(self, row, size, impl, backend, body, skip=None):
        """body() returns (check, ms, timings, launches); check is (against, error, tolerance)."""
        m = {"row": row, "size": size, "impl": impl, "by": "peer", "backend": backend}
        if impl == REFERENCE.get(row):
            m["reference"] = True
        if skip:
            m.update(status="skipped", reason=skip)
        else:
            try:
                (against, error, tolerance), ms, timings, launches = body()
                # JSON has no Infinity or NaN: a non-finite error is written as null.
                m["check"] = {"against": against, "error": error if math.isfinite(error) else None, "tolerance": tolerance}
                if not error <= tolerance:  # NaN fails too
                    m.update(status="failed", reason=f"{against}: error {error:.2e} exceeds {tolerance:.1e}")
                else:
                    m.update(status="ok", ms=ms, timings=timings, launches=launches)
            except Exception as e:
                m.update(status="failed", reason=f"{type(e).__name__}: {e}".split("\n")[0])
        print(f"peer {row} {size} {impl}: {m['status']}" + (f" ({m['reason']})" if "reason" in m else ""), file=sys.stderr)
        self.measurements.append(m)


def cuda_timer(torch, cp):
    """Median ms per launch of launch(set), CUDA events, timings × launches, sets alternating."""

    def time_launches(launch, timings, launches, events):
        launch(0)
        launch(1)
        events.sync()
        per = []
        for _ in range(timings):
            start, end = events.pair()
            start.record()
            for i in range(launches):
                launch(i & 1)
            end.record()
            end.synchronize()
            per.append(events.ms(start, end) / launches)
        return median(per), per, launches

    class TorchEvents:
        @staticmethod
        def pair():
            return torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)

        sync = staticmethod(lambda: torch.cuda.synchronize())
        ms = staticmethod(lambda s, e: s.elapsed_time(e))

    class CupyEvents:
        @staticmethod
        def pair():
            return cp.cuda.Event(), cp.cuda.Event()

        sync = staticmethod(lambda: cp.cuda.Device().synchronize())
        ms = staticmethod(lambda s, e: cp.cuda.get_elapsed_time(s, e))

    return time_launches, TorchEvents, CupyEvents


def rel_max(got, want):
    """Largest |got − want| / max(1, |want|), as bench/suite/measure.ts's maxRelError."""
    return float(((got - want).abs() / want.abs().clamp(min=1)).max())


def rel_l2(got, want):
    return float((got - want).norm() / want.norm())


def gpu_peers(spec, out, versions):
    torch, torch_why = try_import("torch")
    cp, cupy_why = try_import("cupy")
    versions["torch"] = getattr(torch, "__version__", None)
    versions["cupy"] = getattr(cp, "__version__", None)
    if torch is not None and not torch.cuda.is_available():
        torch_why = "PyTorch sees no CUDA device"
    if cp is not None and cupy_why is None:
        try:
            cp.cuda.runtime.getDeviceCount()
        except Exception as e:
            cupy_why = f"CuPy sees no CUDA device ({e})"
    if torch_why is None:
        versions["device"] = torch.cuda.get_device_name(0)
        torch.backends.cuda.matmul.allow_tf32 = False  # float32 against float32
        torch.backends.cudnn.allow_tf32 = False
        torch.set_float32_matmul_precision("highest")
    time_launches, TorchEvents, CupyEvents = cuda_timer(torch, cp)

    def free():
        """Gives back the last row's buffers, so that the next row's fit whatever the GPU's memory."""
        if torch_why is None:
            torch.cuda.empty_cache()
        if cupy_why is None:
            cp.get_default_memory_pool().free_all_blocks()
    T, L = spec["timings"], spec["launches"]
    dev = "cuda"

    s = spec["saxpy"]

    def saxpy():
        n, a = s["n"], s["a"]
        sets = [(torch.rand(n, device=dev) * 2 - 1, torch.rand(n, device=dev) * 2 - 1) for _ in range(2)]
        x, y = sets[0]
        want = a * x.double() + y.double()
        y.add_(x, alpha=a)
        err = rel_max(y.double(), want)
        del want
        r = time_launches(lambda i: sets[i][1].add_(sets[i][0], alpha=a), T, L, TorchEvents)
        return ("max rel. error vs float64", err, 1e-6), *r

    out.run("saxpy", s["size"], "PyTorch y.add_(x, alpha=a)", dev, saxpy, torch_why)

    def copy():
        # saxpy moves 12 bytes per element (x and y read, y written); a copy of 6 bytes per element
        # reads 6 and writes 6: the same traffic.
        m = s["n"] * 3 // 2
        sets = [(torch.rand(m, device=dev), torch.empty(m, device=dev)) for _ in range(2)]
        sets[0][1].copy_(sets[0][0])
        err = 0.0 if torch.equal(sets[0][1], sets[0][0]) else float("inf")
        r = time_launches(lambda i: sets[i][1].copy_(sets[i][0]), T, L, TorchEvents)
        return ("bitwise equal to its source", err, 0.0), *r

    out.run("saxpy", s["size"], REFERENCE["saxpy"], dev, copy, torch_why)
    free()

    s = spec["sum"]

    def cupy_sum():
        n = s["n"]
        sets = [cp.random.random(n, dtype=cp.float32) for _ in range(2)]
        want = float(cp.sum(sets[0].astype(cp.float64)))
        got = float(cp.sum(sets[0]))
        r = time_launches(lambda i: cp.sum(sets[i]), T, L, CupyEvents)
        return ("rel. error vs float64 sum", abs(got - want) / abs(want), 1e-5), *r

    out.run("sum", s["size"], REFERENCE["sum"], dev, cupy_sum, cupy_why)
    free()

    def torch_sum():
        n = s["n"]
        sets = [torch.rand(n, device=dev) for _ in range(2)]
        want = float(sets[0].double().sum())
        got = float(sets[0].sum())
        r = time_launches(lambda i: sets[i].sum(), T, L, TorchEvents)
        return ("rel. error vs float64 sum", abs(got - want) / abs(want), 1e-5), *r

    out.run("sum", s["size"], "PyTorch torch.sum", dev, torch_sum, torch_why)
    free()

    for g in spec["sgemm"]:

        def sgemm(n=g["n"]):
            sets = [(torch.rand(n, n, device=dev) * 2 - 1, torch.rand(n, n, device=dev) * 2 - 1, torch.empty(n, n, device=dev)) for _ in range(2)]
            a, b, c = sets[0]
            torch.matmul(a, b, out=c)
            err = rel_l2(c.double(), a.double() @ b.double())
            r = time_launches(lambda i: torch.matmul(sets[i][0], sets[i][1], out=sets[i][2]), T, L, TorchEvents)
            return ("rel. L2 error vs float64", err, 1e-5), *r

        out.run("sgemm", g["size"], REFERENCE["sgemm"], dev, sgemm, torch_why)
        free()

    for g in spec.get("hgemm", []):
        # cuBLAS on f16 inputs (PyTorch accumulates f16 products in f32) and, beside it on the same
        # row, cuBLAS FP32 SGEMM of the same size: the tensor-core GEMM is held to both.
        def hgemm(n=g["n"], dtype="float16"):
            t = getattr(torch, dtype)
            sets = [((torch.rand(n, n, device=dev) * 2 - 1).to(t), (torch.rand(n, n, device=dev) * 2 - 1).to(t)) for _ in range(2)]
            outs = [torch.empty(n, n, device=dev, dtype=t) for _ in range(2)]
            a, b = sets[0]
            torch.matmul(a, b, out=outs[0])
            # f16 output: the error is the rounding of C to f16 (about 2^-11 relative).
            err = rel_l2(outs[0].double(), a.double() @ b.double())
            r = time_launches(lambda i: torch.matmul(sets[i][0], sets[i][1], out=outs[i]), T, L, TorchEvents)
            return ("rel. L2 error vs float64", err, 2e-3 if dtype == "float16" else 1e-5), *r

        out.run("hgemm", g["size"], REFERENCE["hgemm"], dev, hgemm, torch_why)
        free()
        out.run("hgemm", g["size"], "cuBLAS FP32 SGEMM (PyTorch matmul, TF32 off)", dev, lambda n=g["n"]: hgemm(n, "float32"), torch_why)
        free()

    s = spec["softmax"]

    def softmax():
        # bench/peers.py's full-batch gradient descent, on clustered data like the sample's.
        n, d, k, iters, lr = s["n"], s["d"], s["k"], s["iterations"], s["rate"]
        g = torch.Generator(device=dev).manual_seed(1)
        y = torch.randint(0, k, (n,), device=dev, generator=g)
        centres = 0.1 * torch.randn(k, d, device=dev, generator=g)
        x = centres[y] + torch.randn(n, d, device=dev, generator=g)

        def train(x):
            onehot = torch.nn.functional.one_hot(y, k).to(x.dtype)
            w = torch.zeros(d, k, device=dev, dtype=x.dtype)
            b = torch.zeros(k, device=dev, dtype=x.dtype)
            for _ in range(iters):
                p = torch.softmax(x @ w + b, dim=1)
                delta = (p - onehot) / n
                w = w - lr * (x.T @ delta)
                b = b - lr * delta.sum(0)
            return w

        err = rel_l2(train(x).double(), train(x.double()))
        runs = spec["runs"]
        r = time_launches(lambda _i: train(x), runs, 1, TorchEvents)
        return ("rel. L2 error of W vs float64", err, 1e-4), *r

    out.run("softmax", s["size"], REFERENCE["softmax"], dev, softmax, torch_why)


def cpu_peers(spec, d, out, versions):
    np, why = try_import("numpy")
    versions["numpy"] = getattr(np, "__version__", None)
    m = spec["mnist"]

    def mnist():
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        sys.dont_write_bytecode = True  # no __pycache__ left in bench/
        from cpu_peers import load, train

        x = load(d, "x.f32", np.float32, (m["n"], m["d"]))
        labels = load(d, "labels.i32", np.int32, (m["n"],))
        orders = load(d, "orders.i32", np.int32, (m["epochs"], m["n"]))
        w, b = train(x, labels, orders, m)
        w64, b64 = train(x.astype(np.float64), labels, orders, m, np.float64)
        got, want = np.concatenate([w.ravel(), b]), np.concatenate([w64.ravel(), b64])
        err = float(np.linalg.norm(got - want) / np.linalg.norm(want))
        timings = []
        for _ in range(m["runs"]):  # the float32 run above was the warm-up
            t0 = time.perf_counter()
            train(x, labels, orders, m)
            timings.append((time.perf_counter() - t0) * 1000)
        return ("rel. L2 error of W and b vs float64", err, 1e-4), median(timings), timings, 1

    out.run("mnist", m["size"], REFERENCE["mnist"], "cpu", mnist, why)


def main():
    d = sys.argv[1]
    with open(os.path.join(d, "spec.json")) as f:
        spec = json.load(f)
    versions = {"python": platform.python_version()}
    out = Results()
    if "gpu" in spec:
        gpu_peers(spec["gpu"], out, versions)
    if "cpu" in spec:
        cpu_peers(spec["cpu"], d, out, versions)
    print(json.dumps({"versions": versions, "measurements": out.measurements}))


if __name__ == "__main__":
    t0 = time.perf_counter()
    main()
    print(f"peers: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
