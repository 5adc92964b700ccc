// The C library through koffi, for the few calls the runtime needs from it (Dawn's stderr in
// webgpu/quiet.ts, CUDA's printf buffer in cuda/stdio.ts): its names per platform, first that loads.
// koffi is passed in: webgpu imports it lazily (browser bundles never hold it), cuda statically.

const NAMES: Partial<Record<string, string[]>> = { linux: ['libc.so.6', 'libc.so'], darwin: ['libSystem.B.dylib'] };

/** The C library loaded with `koffi`, or null on a platform without a known name or where none loads. */
export function loadLibc<L>(koffi: { load(name: string): L }): L | null {
  for (const name of NAMES[process.platform] ?? []) {
    try {
      return koffi.load(name);
    } catch {
      // The next name (musl, for one, has no libc.so.6).
    }
  }
  return null;
}
