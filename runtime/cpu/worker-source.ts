// The cpu device's worker thread, as source text (run with `eval: true`, so it needs no file of its
// own next to a bundle). It sleeps on the control word's generation (Atomics.wait), takes its
// launch message synchronously off its port, runs its range of blocks over the shared arrays, then
// counts itself done. Kernel code and arrays arrive once each and are kept by id until dropped.
export const WORKER_SOURCE = `'use strict';
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
(function serve() {
  const { port, ctrl } = workerData;
  let gen = workerData.gen;
  const kernels = new Map();
  const arrays = new Map();
  for (;;) {
    Atomics.wait(ctrl, 0, gen);
    gen = Atomics.load(ctrl, 0);
    for (let r = receiveMessageOnPort(port); r !== undefined; r = receiveMessageOnPort(port)) {
      const m = r.message;
      if (m.stop) return;
      for (const id of m.drop) arrays.delete(id);
      for (const [id, buffer, offset, length, ctor] of m.add) arrays.set(id, new globalThis[ctor](buffer, offset, length));
      try {
        if (m.code !== undefined) kernels.set(m.kernel, new Function(m.code)());
        const args = m.args;
        for (let i = 0; i < m.refs.length; i += 2) args[m.refs[i]] = arrays.get(m.refs[i + 1]);
        kernels.get(m.kernel)(args, m.grid, m.block, m.first, m.end);
      } catch (e) {
        port.postMessage(e instanceof Error ? e.message : String(e));
      }
      Atomics.add(ctrl, 1, 1);
      Atomics.notify(ctrl, 1);
    }
  }
})();
`;
