// CUDA's device printf lands in the C library's stdout buffer at a synchronizing call. When stdout
// is a pipe or a file that buffer is only written out when full or at C exit, which a Node process
// does not run, so a kernel's last lines could be lost. synchronize() flushes it (fflush(NULL)).
import koffi from 'koffi';

type Flush = (stream: null) => number;
let flush: Flush | null | undefined;

/** Writes out the C library's buffered output; does nothing where libc cannot be loaded. */
export function flushCStdio(): void {
  if (flush === undefined) {
    flush = null;
    const names = process.platform === 'darwin' ? ['libc.dylib'] : process.platform === 'win32' ? ['msvcrt.dll'] : ['libc.so.6', 'libc.so'];
    for (const name of names) {
      try {
        flush = koffi.load(name).func('int fflush(void *stream)') as Flush;
        break;
      } catch {
        // the next name
      }
    }
  }
  flush?.(null);
}
