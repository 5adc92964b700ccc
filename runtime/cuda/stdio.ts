// CUDA's device printf lands in the C library's stdout buffer at a synchronizing call. Two things
// can lose those lines: a pipe or file keeps the buffer until it fills or C exits, which a Node
// process does not run; and Node makes a piped stdout non-blocking, so a write that finds the pipe
// full fails and the C library drops it. synchronize() therefore runs the synchronizing call with
// stdout blocking, then flushes the buffer (fflush(NULL)) and restores the flags.
import koffi from 'koffi';
import { loadLibc } from '../libc.js';

interface Libc {
  fflush: (stream: null) => number;
  /** fcntl(fd, cmd) and fcntl(fd, cmd, int): variadic in C. */
  fcntl: (fd: number, cmd: number, ...rest: unknown[]) => number;
}

// Linux's values (the only platform whose O_NONBLOCK is handled; elsewhere only the flush runs).
const F_GETFL = 3;
const F_SETFL = 4;
const O_NONBLOCK = 0o4000;
const STDOUT = 1;

let libc: Libc | null | undefined;

function load(): Libc | null {
  if (libc !== undefined) return libc;
  libc = null;
  try {
    const lib = loadLibc(koffi);
    if (lib) {
      const fflush = lib.func('int fflush(void *stream)') as Libc['fflush'];
      const fcntl = process.platform === 'linux' ? (lib.func('int fcntl(int fd, int cmd, ...)') as Libc['fcntl']) : () => -1;
      libc = { fflush, fcntl };
    }
  } catch {
    // Without those functions only the synchronizing call runs.
  }
  return libc;
}

/**
 * Runs `sync` (the call that makes CUDA write its printf buffer) with stdout blocking, then writes
 * out the C library's buffered output. Where libc cannot be loaded, only `sync` runs.
 */
export function withPrintfFlushed(sync: () => void): void {
  const c = load();
  const flags = c ? c.fcntl(STDOUT, F_GETFL) : -1;
  const unblock = flags >= 0 && (flags & O_NONBLOCK) !== 0;
  if (c && unblock) c.fcntl(STDOUT, F_SETFL, 'int', flags & ~O_NONBLOCK);
  try {
    sync();
    c?.fflush(null);
  } finally {
    if (c && unblock) c.fcntl(STDOUT, F_SETFL, 'int', flags);
  }
}
