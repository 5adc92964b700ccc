// Softmax regression on the 10,000 digits of the `mnist` package: 784 pixels, 10 classes, the first
// 80% of each digit for training (7,996), the rest for testing (2,004). Minibatch SGD; reports the
// loss per epoch and the test accuracy (goal: ≥ 0.90). `--matrix 1` trains with the Matrix layer.
import { runSample } from './lib/cli.js';
import { MNIST_DEFAULTS, trainMnist } from './lib/mnist-model.js';

export const GOAL = 0.9;

await runSample({ ...MNIST_DEFAULTS, matrix: 0 }, async (gpu, { flags }, out) => {
  out.log(`MNIST softmax regression on ${gpu.backend} (${gpu.name}), ${flags.matrix ? 'Matrix layer' : 'hand-written kernels'}`);
  out.log(`  ${flags.epochs} epochs, batch ${flags.batch}, rate ${flags.rate} / (1 + ${flags.decay}·epoch), L2 ${flags.l2}, shuffle seed ${flags.seed}`);
  const r = await trainMnist(gpu, flags, (e, loss) => out.log(`  epoch ${String(e + 1).padStart(3)}  loss ${loss.toFixed(4)}`));
  out.log(`  train accuracy ${r.trainAccuracy.toFixed(4)} on ${r.trainSamples}, ` +
    `test accuracy ${r.testAccuracy.toFixed(4)} on ${r.testSamples} (goal ${GOAL}), ${(r.ms / 1000).toFixed(1)} s`);
  out.done({ sample: 'mnist', backend: gpu.backend, ...flags, ...r, goal: GOAL, ok: true });
});
