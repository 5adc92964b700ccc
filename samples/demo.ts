// `npm run demo`: trains the MNIST model on the best device found (cuda, else webgpu, else cpu),
// with a progress bar showing the current loss, then prints the test accuracy and the time and
// writes the loss curve to out/mnist-loss.svg.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSample } from './lib/cli.js';
import { MNIST_DEFAULTS, trainMnist } from './lib/mnist-model.js';
import { Progress } from './lib/progress.js';
import { lineChartSvg } from './lib/plot.js';

await runSample({ ...MNIST_DEFAULTS }, async (gpu, { flags }, out) => {
  out.log(`KernelScript demo: MNIST digits on ${gpu.backend} (${gpu.name})`);
  const bar = out.json ? null : new Progress(flags.epochs, 'training');
  bar?.update(0, 'loss …');
  const r = await trainMnist(gpu, flags, (e, loss) => bar?.update(e + 1, `loss ${loss.toFixed(4)}`));
  out.log(`test accuracy ${(100 * r.testAccuracy).toFixed(2)}% on ${r.testSamples} digits, ` +
    `trained in ${(r.ms / 1000).toFixed(1)} s on ${r.trainSamples} digits`);
  const dir = 'out';
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'mnist-loss.svg');
  writeFileSync(file, lineChartSvg(r.losses, {
    title: `MNIST softmax regression on ${gpu.backend}: test accuracy ${(100 * r.testAccuracy).toFixed(2)}%`,
    xLabel: 'epoch',
    yLabel: 'mean training loss',
  }));
  out.log(`loss curve written to ${file}`);
  out.done({ sample: 'demo', backend: gpu.backend, ...flags, ...r, svg: file, ok: true });
});
