// Freed storage buffers kept for reuse, by size. Creating buffers is not free on WebGPU, and on
// NVIDIA's Vulkan driver kernels ran at a third of their speed on freshly created buffers for about
// 0.3 s (bench/RESULTS.md): a training loop that allocates its scratch arrays per run paid that on
// every run. Reuse is what CUDA's caching allocators do; the pool holds at most POOL_BYTES, and the
// device destroys what it holds when it is disposed.
const POOL_BYTES = 256 * 1024 * 1024;

export class BufferPool {
  private readonly bySize = new Map<number, GPUBuffer[]>();
  private bytes = 0;

  /** A kept buffer of exactly `size` bytes, or null. */
  take(size: number): GPUBuffer | null {
    const list = this.bySize.get(size);
    const b = list?.pop();
    if (!b) return null;
    this.bytes -= b.size;
    return b;
  }

  /** Keeps `b` when there is room; false when the caller must destroy it. */
  keep(b: GPUBuffer): boolean {
    if (this.bytes + b.size > POOL_BYTES) return false;
    const list = this.bySize.get(b.size);
    if (list) list.push(b);
    else this.bySize.set(b.size, [b]);
    this.bytes += b.size;
    return true;
  }

  /** Destroys every kept buffer. */
  clear(): void {
    for (const list of this.bySize.values()) for (const b of list) b.destroy();
    this.bySize.clear();
    this.bytes = 0;
  }
}
