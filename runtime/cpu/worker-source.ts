// The cpu device's worker thread, as source text (run with `eval: true`, so it needs no file of its
// own next to a bundle). It waits on the control word's generation (polling for SPIN_MS, then in
// Atomics.wait), takes its launch message synchronously off its port, claims and runs ranges of
// blocks over the shared arrays as pool.ts's runClaims does (or, in a team, runs every block with
// the others, targets/js/team.ts), then counts itself done. Kernel code, arrays and team memory
// arrive once each and are kept by id until dropped. Where the device has a WebAssembly memory
// (heap.ts), the worker links loaded code to it and keeps its code's scratch in its own arena there,
// reused as that scratch is replaced.
import { ARENA_BYTES, FREE_LIST_SOURCE, OUT_BYTES, THREAD_HEAP_SOURCE } from './heap.js';

/** How long a waiting thread polls before it sleeps (ms). */
export const SPIN_MS = 0.05;

/**
 * Control words shared by the calling thread and the workers: launch generation (workers wait on
 * it), workers done, next unclaimed block; a team's arrivals at its barrier, the barrier's
 * generation (members wait on it), and whether a member failed (the others then stop too); code
 * the workers linked to the WebAssembly memory (heap.ts), counted.
 */
export const CTRL = { gen: 0, done: 1, next: 2, arrived: 3, released: 4, failed: 5, linked: 6, words: 7 } as const;

/** How long a team member polls at a barrier before it sleeps, and then its sleeps' length (ms). */
const TEAM_SPIN_MS = 0.2;
const TEAM_SLICE_MS = 200;

/** What a member that stopped because another failed throws; the first real error is reported instead. */
export const TEAM_STOPPED = 'another thread of the launch failed';

/**
 * A team's barrier, as source text that both sides build: sync() returns once all `parts`
 * members called it; between sleeps it calls `alive()`, which throws if a member can no longer come.
 */
export const TEAM_SYNC_SOURCE = `function teamSync(ctrl, parts, alive) {
  const stopped = () => new Error(${JSON.stringify(TEAM_STOPPED)});
  return function sync() {
    const gen = Atomics.load(ctrl, ${CTRL.released});
    if (Atomics.load(ctrl, ${CTRL.failed}) !== 0) throw stopped();
    if (Atomics.add(ctrl, ${CTRL.arrived}, 1) === parts - 1) {
      Atomics.store(ctrl, ${CTRL.arrived}, 0);
      Atomics.add(ctrl, ${CTRL.released}, 1);
      Atomics.notify(ctrl, ${CTRL.released});
      return;
    }
    const spinUntil = performance.now() + ${TEAM_SPIN_MS};
    while (Atomics.load(ctrl, ${CTRL.released}) === gen) {
      if (performance.now() < spinUntil) continue;
      if (Atomics.wait(ctrl, ${CTRL.released}, gen, ${TEAM_SLICE_MS}) === 'timed-out') alive();
    }
    if (Atomics.load(ctrl, ${CTRL.failed}) !== 0) throw stopped();
  };
}`;

/** Marks a team's launch failed and wakes its members (source text, as TEAM_SYNC_SOURCE). */
export const TEAM_FAIL_SOURCE = `function teamFail(ctrl) {
  Atomics.store(ctrl, ${CTRL.failed}, 1);
  Atomics.add(ctrl, ${CTRL.released}, 1);
  Atomics.notify(ctrl, ${CTRL.released});
}`;

export const WORKER_SOURCE = `'use strict';
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
${TEAM_SYNC_SOURCE}
${TEAM_FAIL_SOURCE}
${THREAD_HEAP_SOURCE}
${FREE_LIST_SOURCE}
(function serve() {
  const { port, ctrl, memory, arena } = workerData;
  let heap = null;
  if (memory !== undefined && arena >= 0) {
    // The arena's room is reused as the code's kept arrays are replaced and collected.
    const room = freeList();
    room.add(arena + ${OUT_BYTES}, ${ARENA_BYTES - OUT_BYTES});
    const collected = new FinalizationRegistry((offset) => room.give(offset));
    heap = threadHeap(memory, arena, (C, n) => {
      const offset = room.take(n * C.BYTES_PER_ELEMENT);
      if (offset < 0) return null;
      const v = new C(memory.buffer, offset, n);
      v.fill(0);
      collected.register(v, offset);
      return v;
    });
  }
  let gen = workerData.gen;
  const kernels = new Map();
  const arrays = new Map();
  const teams = new Map();
  for (;;) {
    const spinUntil = performance.now() + ${SPIN_MS};
    while (Atomics.load(ctrl, ${CTRL.gen}) === gen && performance.now() < spinUntil);
    Atomics.wait(ctrl, ${CTRL.gen}, gen);
    gen = Atomics.load(ctrl, ${CTRL.gen});
    for (let r = receiveMessageOnPort(port); r !== undefined; r = receiveMessageOnPort(port)) {
      const m = r.message;
      if (m.stop) return;
      // Whatever happens, the worker counts itself done: the calling thread waits for that.
      try {
        for (const id of m.drop) arrays.delete(id);
        for (const id of m.dropTeams) teams.delete(id);
        for (const [id, buffer, offset, length, ctor] of m.add) {
          arrays.set(id, buffer === null ? heap.view(globalThis[ctor], offset, length) : new globalThis[ctor](buffer, offset, length));
        }
        if (m.code !== undefined) {
          const run = new Function(m.code)();
          const linked = heap === null ? 0 : heap.linked;
          kernels.set(m.kernel, heap === null ? run : heap.link(run));
          if (heap !== null && heap.linked > linked) Atomics.add(ctrl, ${CTRL.linked}, 1);
        }
        const args = m.args;
        for (let i = 0; i < m.refs.length; i += 2) args[m.refs[i]] = arrays.get(m.refs[i + 1]);
        const run = kernels.get(m.kernel);
        const blocks = m.grid[0] * m.grid[1] * m.grid[2];
        if (m.team) {
          if (m.team.mem !== undefined) teams.set(m.team.id, m.team.mem);
          if (m.team.heap !== undefined) teams.set(m.team.id, m.team.heap.map(([ctor, offset, length]) => heap.view(globalThis[ctor], offset, length)));
          const sync = teamSync(ctrl, m.team.parts, () => {});
          run(args, m.grid, m.block, 0, blocks, { p: m.team.p, parts: m.team.parts, mem: teams.get(m.team.id), sync });
        } else {
          for (let first = Atomics.add(ctrl, ${CTRL.next}, m.chunk); first < blocks; first = Atomics.add(ctrl, ${CTRL.next}, m.chunk)) {
            run(args, m.grid, m.block, first, Math.min(first + m.chunk, blocks));
          }
        }
      } catch (e) {
        Atomics.store(ctrl, ${CTRL.next}, m.grid[0] * m.grid[1] * m.grid[2]);
        if (m.team) teamFail(ctrl);
        port.postMessage(e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) });
      } finally {
        Atomics.add(ctrl, ${CTRL.done}, 1);
        Atomics.notify(ctrl, ${CTRL.done});
      }
    }
  }
})();
`;
