// The race record of a cpu debug build (targets/js/race.ts fills it, runtime/race.ts reads it):
// what the js code reports when threads of a block touch the same shared element with no barrier
// between, or do not all reach the same barrier. Shared by both sides, so it lives here.
import type { QuotedSpan } from './output.js';

/** Where a divergence report places a thread: a barrier, its exit, or a barrier-guarding condition. */
export interface DebugSync extends QuotedSpan {
  /**
   * `barrier`: a syncthreads(); `return`: a return that ends the thread; `end`: the end of the kernel;
   * `condition`: the uniform condition of an if or loop that holds a barrier (the cpu's regions
   * evaluate it once per block, so debug builds check that every thread agrees).
   */
  kind: 'barrier' | 'return' | 'end' | 'condition';
  /** For `condition`: the sync index of the first barrier it guards. */
  barrier?: number;
}

/**
 * RACE_WORDS i32 words, zero before the launch; the first report fills them and later ones leave
 * them: kind, site A, thread A x y z, site B, thread B x y z, detail, block x y z.
 *   RACE_DATA: A and B index meta.debug.sites (the two accesses, A first); detail is the element.
 *   RACE_BARRIER: A waits at a barrier, B is elsewhere (another barrier or its exit); both index
 *   meta.debug.syncs; detail is 0.
 *   RACE_CONDITION: A is thread 0 and B a thread whose value of the condition (sync A = sync B)
 *   differs; detail is thread A's value (1 or 0).
 * The record is the argument after the fault record, passed only when meta.debug.syncs is present.
 */
export const RACE_WORDS = 13;
export const RACE_DATA = 1;
export const RACE_BARRIER = 2;
export const RACE_CONDITION = 3;
