// Waiting for the stream without blocking the event loop: a completion test polled, yielding
// between polls. Short waits (a read right after queuing work, the usual case) are polled on every
// event-loop turn: Node's timers sleep at least 1 ms, and a poll that comes late leaves the GPU
// idle for the rest of it, which a device timing (events recorded around the work) counts. A wait
// that outlasts SPIN_MS is long anyway; it backs off to a timer, so as not to hold a core.

/** Waits up to this long (ms) poll on every event-loop turn. */
export const SPIN_MS = 10;
/** Later polls wait this long (ms): Node's shortest timer. */
export const BACKOFF_MS = 1;

/** Resolves once `done()` returns true; `done` throwing rejects. `clock` is in milliseconds. */
export async function pollUntil(done: () => boolean, clock: () => number = () => performance.now()): Promise<void> {
  if (done()) return;
  const start = clock();
  for (;;) {
    const spin = clock() - start < SPIN_MS;
    await new Promise<void>((resolve) => (spin ? setImmediate(resolve) : setTimeout(resolve, BACKOFF_MS)));
    if (done()) return;
  }
}
