// The cpu device's worker thread, as source text (run with `eval: true`, so it needs no file of its
// own next to a bundle). It waits on the control word's generation (polling for SPIN_MS, then in
// Atomics.wait), takes its launch message synchronously off its port, claims and runs ranges of
// blocks over the shared arrays as pool.ts's runClaims does, then counts itself done. Kernel code
// and arrays arrive once each and are kept by id until dropped.

/** How long a waiting thread polls before it sleeps (ms). */
export const SPIN_MS = 0.05;

export const WORKER_SOURCE = `'use strict';
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
(function serve() {
  const { port, ctrl } = workerData;
  let gen = workerData.gen;
  const kernels = new Map();
  const arrays = new Map();
  for (;;) {
    const spinUntil = performance.now() + ${SPIN_MS};
    while (Atomics.load(ctrl, 0) === gen && performance.now() < spinUntil);
    Atomics.wait(ctrl, 0, gen);
    gen = Atomics.load(ctrl, 0);
    for (let r = receiveMessageOnPort(port); r !== undefined; r = receiveMessageOnPort(port)) {
      const m = r.message;
      if (m.stop) return;
      // Whatever happens, the worker counts itself done: the calling thread waits for that.
      try {
        for (const id of m.drop) arrays.delete(id);
        for (const [id, buffer, offset, length, ctor] of m.add) arrays.set(id, new globalThis[ctor](buffer, offset, length));
        if (m.code !== undefined) kernels.set(m.kernel, new Function(m.code)());
        const args = m.args;
        for (let i = 0; i < m.refs.length; i += 2) args[m.refs[i]] = arrays.get(m.refs[i + 1]);
        const run = kernels.get(m.kernel);
        const blocks = m.grid[0] * m.grid[1] * m.grid[2];
        for (let first = Atomics.add(ctrl, 2, m.chunk); first < blocks; first = Atomics.add(ctrl, 2, m.chunk)) {
          run(args, m.grid, m.block, first, Math.min(first + m.chunk, blocks));
        }
      } catch (e) {
        Atomics.store(ctrl, 2, m.grid[0] * m.grid[1] * m.grid[2]);
        port.postMessage(e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) });
      } finally {
        Atomics.add(ctrl, 1, 1);
        Atomics.notify(ctrl, 1);
      }
    }
  }
})();
`;
