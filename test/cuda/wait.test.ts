// The cuda device's wait for its stream (runtime/cuda/wait.ts), with a fake completion test: no GPU
// needed. Short waits must notice completion within an event-loop turn, not a 1 ms timer.
import { describe, expect, it } from 'vitest';
import { BACKOFF_MS, SPIN_MS, pollUntil } from '../../runtime/cuda/wait.js';

/** A completion test that turns true on its `n`-th call, counting calls. */
function doneAfter(n: number): { done: () => boolean; calls: () => number } {
  let calls = 0;
  return { done: () => ++calls >= n, calls: () => calls };
}

describe('pollUntil', () => {
  it('returns at once, after one test, when the work is already done', async () => {
    const t = doneAfter(1);
    await pollUntil(t.done);
    expect(t.calls()).toBe(1);
  });

  it('polls on every event-loop turn while the wait is short', async () => {
    // The clock stands still: the wait stays under SPIN_MS. 200 polls on 1 ms timers would take
    // 200 ms; on event-loop turns they take well under one.
    const t = doneAfter(200);
    const t0 = performance.now();
    await pollUntil(t.done, () => 0);
    expect(t.calls()).toBe(200);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('backs off to a timer once the wait has outlasted SPIN_MS', async () => {
    // The first reading starts the wait, every later one is past SPIN_MS: each of the 4 waits is a timer.
    let reads = 0;
    const clock = () => (reads++ === 0 ? 0 : SPIN_MS + 1);
    const t = doneAfter(5);
    const t0 = performance.now();
    await pollUntil(t.done, clock);
    expect(t.calls()).toBe(5);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(4 * BACKOFF_MS * 0.75);
  });

  it('rejects with the error the completion test throws', async () => {
    let calls = 0;
    const done = (): boolean => {
      if (++calls === 3) throw new Error('cuStreamQuery failed with CUDA_ERROR_ILLEGAL_ADDRESS (700)');
      return false;
    };
    await expect(pollUntil(done, () => 0)).rejects.toThrow(/CUDA_ERROR_ILLEGAL_ADDRESS/);
    expect(calls).toBe(3);
  });
});
